import JSON

/// The v2 surface's operations: machine authentication.
extension OA {
    static let apiKey = object([("key", uuid), ("name", s), ("role", s), ("lifetime", i), ("createDate", i), ("active", b),
                                ("revokeDate", nullable("integer")), ("secret", s)], optional: ["secret", "revokeDate"])

    static let speeds: JSONValue = array(i)
    static let diversityZone = object([("megaportSpeedMbps", speeds), ("mcrSpeedMbps", speeds), ("mveMaxCpuCoreCount", nullable("integer")),
                                       ("mveAvailable", b), ("natGatewaySpeedMbps", speeds)])
    static let locationV3 = object([
        ("id", i), ("name", s), ("metro", s), ("market", s), ("status", s), ("latitude", number), ("longitude", number),
        ("orderingMessage", nullable("string")),
        ("address", object([("street", s), ("suburb", nullable("string")), ("city", s), ("state", nullable("string")),
                            ("postcode", nullable("string")), ("country", s)])),
        ("dataCentre", object([("id", i), ("name", s)])), ("diversityZones", object([("red", diversityZone), ("blue", diversityZone)])),
        ("productAddOns", object([("crossConnect", object([("available", b), ("type", nullable("string"))]))])),
    ])
    static let partnerMegaport = object([
        ("connectType", s), ("productUid", s), ("title", s), ("companyUid", s), ("companyName", s), ("diversityZone", s),
        ("locationId", nullable("integer")), ("speed", nullable("integer")), ("maxVxcSpeed", nullable("integer")), ("rank", i), ("vxcPermitted", b),
    ])

    static let v2Reference: [(method: String, template: String, operation: JSONValue)] = [
        ("get", "/v3/locations", op("Every data centre as LocationV3, optionally only those of some statuses", tag: "locations", auth: false,
                                    parameters: [["name": "locationStatuses", "in": "query", "required": false, "style": "form", "explode": true,
                                                  "description": "repeat for several statuses",
                                                  "schema": array(oneOf(["Active", "Deployment", "Restricted", "Extended", "New", "Expired"]))]],
                                    responses: [(200, envelope(array(locationV3)))], errors: [422], errorShape: "V2Error")),
        ("get", "/v2/networkRegions", op("Countries per network region with their market code (prefix)", tag: "locations", auth: false,
                                         responses: [(200, envelope(array(object([("networkRegion", s), ("countries", array(object([
                                             ("code", s), ("name", s), ("prefix", s), ("siteCount", i)])))]))))], errorShape: "V2Error")),
        ("get", "/v2/dropdowns/partner/megaports", op("Marketplace and cloud ports, by rank then title", tag: "marketplace",
                                                      parameters: [query("connectType", "e.g. AWS or DEFAULT"),
                                                                   query("vxcPermitted", "only ports that do (or do not) take VXCs", oneOf(["true", "false"]))],
                                                      responses: [(200, envelope(array(partnerMegaport)))], errors: [422], errorShape: "V2Error")),
        ("get", "/v2/product/ix/types", op("Internet exchanges in a location's metro", tag: "ordering",
                                           parameters: [query("locationId", "location id", positiveId, required: true)],
                                           responses: [(200, envelope(array(object([("name", s), ("asn", i), ("description", s), ("group_metro", s),
                                                                                     ("state", nullable("string")), ("network_region", s)]))))],
                                           errors: [404, 422], errorShape: "V2Error")),
        ("get", "/v2/ixp", op("Every internet exchange with its peering networks", tag: "ordering",
                              responses: [(200, envelope(array(object([("id", i), ("asn", i), ("name", s), ("metro", s),
                                                                        ("ipv4_network", nullable("string")), ("ipv6_network", nullable("string"))]))))],
                              errorShape: "V2Error")),
    ]

    static let product = object([("productId", i), ("productUid", s), ("productName", s), ("productType", s), ("provisioningStatus", s),
                                 ("createDate", i), ("liveDate", nullable("integer")), ("companyUid", s), ("attributeTags", ["type": "object"])])
    static let resourceTags = object([("resourceTags", array(object([("key", s), ("value", s)])))])
    static let uidParameter = path("uid", "the product's uid (or integer id)")

    static let v2Products: [(method: String, template: String, operation: JSONValue)] = [
        ("get", "/v2/products", op("The company's ports with their VXCs (associatedVxcs) and IXs (associatedIxs)", tag: "products",
                                   responses: [(200, envelope(array(product)))], errorShape: "V2Error")),
        ("get", "/v2/product/:uid", op("One port, VXC or IX", tag: "products", parameters: [uidParameter],
                                       responses: [(200, envelope(product))], errors: [404], errorShape: "V2Error")),
        ("get", "/v2/product/:uid/tags", op("A product's resource tags", tag: "products", parameters: [uidParameter],
                                            responses: [(200, envelope(resourceTags))], errors: [404], errorShape: "V2Error")),
        ("put", "/v2/product/:uid/tags", op("Replace a product's resource tags (its owner)", tag: "products", parameters: [uidParameter],
                                            body: object([("resourceTags", array(object([
                                                ("key", ["type": "string", "minLength": 1, "maxLength": 128, "pattern": .string("^[^\(invisible)]*$")]),
                                                ("value", text(256))])))]),
                                            responses: [(200, envelope(resourceTags))], errors: [403, 404, 422], errorShape: "V2Error")),
    ]

    static let v2Lifecycle: [(method: String, template: String, operation: JSONValue)] = [
        ("post", "/v2/product/:uid/lock", op("Lock a product: it cannot change or be cancelled until unlocked (its owner)", tag: "products",
                                             parameters: [uidParameter], responses: [(200, envelope(product))], errors: [403, 404], errorShape: "V2Error")),
        ("delete", "/v2/product/:uid/lock", op("Unlock a product (its owner)", tag: "products", parameters: [uidParameter],
                                               responses: [(200, envelope(product))], errors: [403, 404], errorShape: "V2Error")),
        ("get", "/v2/product/port/:uid/vlan", op("[vlan] when the VLAN is free on the port, else free VLANs near it", tag: "products",
                                                 parameters: [uidParameter, query("vlan", "0 (the lowest free) to 4094",
                                                                                  ["type": "integer", "minimum": 0, "maximum": 4094], required: true)],
                                                 responses: [(200, envelope(array(i)))], errors: [404, 422], errorShape: "V2Error")),
    ] + ["v2", "v3"].map { version in
        ("post", "/\(version)/product/:uid/action/:action",
         op("CANCEL_NOW (safeDelete=true refuses a port with VXCs or IXs), CANCEL (a VXC or IX) or UN_CANCEL (a CANCELLED product)",
            tag: "products", parameters: [uidParameter, path("action", "the lifecycle action", oneOf(["CANCEL", "CANCEL_NOW", "UN_CANCEL"])),
                                          query("safeDelete", "refuse a port that still carries services", oneOf(["true", "false"]))],
            responses: [(200, envelope(product))], errors: [403, 404, 409, 422], errorShape: "V2Error"))
    }

    static let productChanges: [(String, JSONValue)] = [("name", name(128)), ("costCentre", text(128))]
    static let v2Updates: [(method: String, template: String, operation: JSONValue)] = [
        ("put", "/v2/product/:uid", op("Change a product: only the members sent; rateLimit changes a VXC's or IX's speed, asn a "
                                       + "cloud router's", tag: "products", parameters: [uidParameter],
                                       body: request(productChanges + [("marketplaceVisibility", b), ("vxcPermitted", b),
                                                                       ("rateLimit", ["type": "integer", "minimum": 1, "maximum": 100_000]),
                                                                       ("asn", asn)],
                                                     optional: ["name", "costCentre", "marketplaceVisibility", "vxcPermitted", "rateLimit", "asn"]),
                                       responses: [(200, envelope(product))], errors: [403, 404, 409, 422], errorShape: "V2Error")),
        ("put", "/v2/product/megaport/:uid", op("Change a port (the Go SDK's ModifyPort): name, costCentre (\"\" clears it), "
                                                + "marketplaceVisibility", tag: "products", parameters: [uidParameter],
                                                body: request(productChanges + [("marketplaceVisibility", b), ("vxcPermitted", b)],
                                                              optional: ["name", "costCentre", "marketplaceVisibility", "vxcPermitted"]),
                                                responses: [(200, envelope(product))], errors: [403, 404, 409, 422], errorShape: "V2Error")),
        ("put", "/v2/product/mcr2/:uid", op("Change a cloud router (the Go SDK's ModifyMCR): name, costCentre (\"\" clears it), "
                                             + "marketplaceVisibility, asn", tag: "products", parameters: [uidParameter],
                                             body: request(productChanges + [("marketplaceVisibility", b), ("asn", asn)],
                                                           optional: ["name", "costCentre", "marketplaceVisibility", "asn"]),
                                             responses: [(200, envelope(product))], errors: [403, 404, 409, 422], errorShape: "V2Error")),
        ("put", "/v2/product/ix/:uid", op("Change an IX (the Go SDK's UpdateIX): name, costCentre, rateLimit; addressing and peering "
                                          + "settings are refused (422)", tag: "products", parameters: [uidParameter],
                                          body: request(productChanges + [("rateLimit", ["type": "integer", "minimum": 1, "maximum": 100_000])],
                                                        optional: ["name", "costCentre", "rateLimit"]),
                                          responses: [(200, envelope(product))], errors: [403, 404, 409, 422], errorShape: "V2Error")),
    ] + ["v2", "v3"].map { version in
        ("put", "/\(version)/product/vxc/:uid",
         op("Change a VXC: name, costCentre, rateLimit, aEndVlan, bEndVlan (the B-end's owner), or isApproved while its approval "
            + "is pending; ends are refused (422)",
            tag: "products", parameters: [uidParameter],
            body: request(productChanges + [("rateLimit", ["type": "integer", "minimum": 1, "maximum": 100_000]), ("isApproved", b),
                                            ("aEndVlan", vlan), ("bEndVlan", vlan)],
                          optional: ["name", "costCentre", "rateLimit", "isApproved", "aEndVlan", "bEndVlan"]),
            responses: [(200, envelope(product))], errors: [403, 404, 409, 422], errorShape: "V2Error"))
    }

    static let serviceKey = object([("key", uuid), ("createDate", nullable("integer")), ("companyId", i), ("productId", i), ("productUid", s),
                                    ("maxSpeed", nullable("integer")), ("singleUse", b), ("active", b)])
    /// A service key's validity time: epoch milliseconds (or seconds) up to 2100, or ISO 8601.
    static let keyTime: JSONValue = ["anyOf": [
        ["type": "integer", "minimum": 0, "maximum": 4_102_444_800_000],
        ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-](0[0-9]|1[0-4]):[0-5][0-9])$"],
    ]]
    static let serviceKeyBody: [(String, JSONValue)] = [
        ("productUid", idOrUid), ("productId", positiveId), ("singleUse", b), ("maxSpeed", ["type": "integer", "minimum": 1, "maximum": 100_000]),
        ("active", b), ("preApproved", b), ("description", text(255)),
        ("validFor", request([("start", keyTime), ("end", keyTime)], optional: ["start", "end"])),
    ]

    static let v2ServiceKeys: [(method: String, template: String, operation: JSONValue)] = [
        ("post", "/v2/service/key", op("Create a service key for one of the caller's ports (active and preApproved false unless sent)",
                                       tag: "servicekeys", body: request([("productUid", idOrUid)] + serviceKeyBody.dropFirst(2),
                                                                         optional: ["singleUse", "maxSpeed", "active", "preApproved", "description", "validFor"]),
                                       responses: [(200, envelope(serviceKey))], errors: [403, 404, 422], errorShape: "V2Error")),
        ("get", "/v2/service/key", op("One key (?key=) or the caller's keys (?productIdOrUid= filters)", tag: "servicekeys",
                                      parameters: [query("key", "one key", uuid), query("productIdOrUid", "one port's keys", idOrUid)],
                                      responses: [(200, envelope(["anyOf": [serviceKey, array(serviceKey)]]))], errors: [403, 404, 422],
                                      errorShape: "V2Error")),
        ("get", "/v2/service/:escaped", op("The Go SDK's form of GET /v2/service/key?key=K: the path /v2/service/key%3Fkey=K", tag: "servicekeys",
                                           parameters: [path("escaped", "key?key=<key>",
                                                             ["type": "string", "pattern": "^key\\?key=[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"])],
                                           responses: [(200, envelope(serviceKey))], errors: [403, 404, 422], errorShape: "V2Error")),
        ("put", "/v2/service/key", op("Change a key: only the members sent", tag: "servicekeys",
                                      body: request([("key", uuid)] + serviceKeyBody.dropFirst(2),
                                                    optional: ["singleUse", "maxSpeed", "active", "preApproved", "description", "validFor"]),
                                      responses: [(200, envelope(serviceKey))], errors: [403, 404, 422], errorShape: "V2Error")),
    ]

    static let orderApprovalEnd = object([("productId", i), ("productName", s), ("vlan", nullable("integer"))])
    static let orderApproval = object([
        ("uid", s), ("id", i), ("referenceId", s), ("status", s), ("type", oneOf(["NEW_ORDER", "SPEED_CHANGE"])), ("active", b),
        ("acctName", s), ("acctRef", s), ("approverCompanyId", i), ("requesterCompanyId", i), ("serviceId", i), ("comment", s),
        ("createDate", i), ("detail", object([("serviceName", s), ("speed", i), ("newSpeed", nullable("integer")), ("aEnd", orderApprovalEnd),
                                              ("bEnd", orderApprovalEnd), ("expiryDate", i)])),
    ])

    static let v3OrderApprovals: [(method: String, template: String, operation: JSONValue)] = [
        ("get", "/v3/order_approvals", op("Connection requests the caller's company decides or asked for, paged; Pagination-Total-Count, "
                                          + "-Page, -Limit and -Total-Page headers are integers", tag: "approvals",
                                          parameters: [query("status", "one status", oneOf(["PENDING", "APPROVED", "REJECTED", "FAILED", "WITHDRAWN", "EXPIRED"])),
                                                       query("serviceIds", "service ids separated by commas (empty: all)",
                                                             ["type": "string", "pattern": "^([1-9][0-9]{0,11}(,[1-9][0-9]{0,11})*)?$"]),
                                                       query("pageNumber", "from 1", ["type": "integer", "minimum": 1, "maximum": 1_000_000]),
                                                       query("pageSize", "1 to 100, default 25", ["type": "integer", "minimum": 1, "maximum": 100]),
                                                       query("sort", "createDate (default) or id", oneOf(["createDate", "id"])),
                                                       query("direction", "ASC (default) or DESC", oneOf(["ASC", "DESC"]))],
                                          responses: [(200, envelope(array(orderApproval)))], errors: [422], errorShape: "V2Error")),
        ("post", "/v3/order_approvals/:uid/:decision", op("approve or reject (the approving company), withdraw (the requester); the body "
                                                          + "may be empty or null", tag: "approvals",
                                                          parameters: [path("uid", "the approval's uid or id"),
                                                                       path("decision", "what to do", oneOf(["approve", "reject", "withdraw"]))],
                                                          body: request([("comments", text(255))], optional: ["comments"]),
                                                          responses: [(200, envelope(orderApproval))], errors: [403, 404, 409, 422],
                                                          errorShape: "V2Error")),
    ]

    static let v2Operations: [(method: String, template: String, operation: JSONValue)] = v2Reference + v2Design + v2Products + v2Updates + v2Lifecycle + v2ServiceKeys + v3OrderApprovals + [
        ("post", "/oauth2/token", op("Exchange an API key (HTTP Basic key:secret) for a bearer token; grant_type=client_credentials "
                                     + "in the query or the form body; no envelope", tag: "auth", auth: false,
                                     parameters: [query("grant_type", "client_credentials (or in a form body instead)",
                                                        oneOf(["client_credentials"]), required: true)],
                                     responses: [(200, object([("access_token", uuid), ("token_type", oneOf(["Bearer"])),
                                                               ("expires_in", ["type": "integer", "minimum": 300])]))],
                                     errors: [401], errorShape: "V2Error")),
        ("post", "/v2/users/apikeys", op("Create an API key (Company Admin); the secret is shown once", tag: "auth",
                                         body: request([("name", name(100)), ("role", oneOf(["Company Admin", "Technical Admin", "Technical Contact",
                                                                                               "Finance", "Financial Contact", "Read Only"])),
                                                        ("lifetime", ["type": "integer", "minimum": 5, "maximum": 1440])],
                                                       optional: ["lifetime"]),
                                         responses: [(200, envelope(apiKey))], errors: [403, 422], errorShape: "V2Error")),
        ("get", "/v2/users/apikeys", op("The company's API keys (Company Admin)", tag: "auth", responses: [(200, envelope(array(apiKey)))],
                                        errors: [403], errorShape: "V2Error")),
        ("delete", "/v2/users/apikeys/:key", op("Revoke an API key and its tokens (Company Admin)", tag: "auth",
                                                parameters: [path("key", "the key's id", uuid)], responses: [(200, envelope(apiKey))],
                                                errors: [403, 404], errorShape: "V2Error")),
    ]
}
