import JSON

/// The v2 surface's ordering operations: network designs.
extension OA {
    static let designTags: JSONValue = array(object([("key", ["type": "string", "minLength": 1, "maxLength": 128, "pattern": .string("^[^\(invisible)]*$")]),
                                                     ("value", text(256))]))
    static let portTerms: JSONValue = ["type": "integer", "enum": [1, 12, 24, 36, 48, 60]]
    static let designPort = request([
        ("productName", name(128)), ("productType", oneOf(["MEGAPORT"])), ("portSpeed", ["type": "integer", "enum": [1000, 10000, 100000]]),
        ("locationId", positiveId), ("term", portTerms), ("marketplaceVisibility", b), ("costCentre", text(128)), ("resourceTags", designTags),
        ("lagPortCount", ["type": "integer", "minimum": 0, "maximum": 8]), ("createDate", ignored), ("virtual", ["type": "boolean", "const": false]), ("market", ignored), ("config", ignored), ("promoCode", ignored),
    ], optional: ["term", "marketplaceVisibility", "costCentre", "resourceTags", "lagPortCount", "createDate", "virtual", "market", "config", "promoCode"])
    static let designRouter = request([
        ("productName", name(128)), ("productType", oneOf(["MCR2"])),
        ("portSpeed", ["type": "integer", "enum": [1000, 2500, 5000, 10000, 25000, 50000, 100000, 400000]]),
        ("locationId", positiveId), ("term", portTerms), ("marketplaceVisibility", b), ("costCentre", text(128)), ("resourceTags", designTags),
        ("config", request([("mcrAsn", ["type": "integer", "minimum": 0, "maximum": 4_294_967_295]), ("diversityZone", ignored)],
                           optional: ["mcrAsn", "diversityZone"])),
        ("createDate", ignored), ("promoCode", ignored),
    ], optional: ["term", "marketplaceVisibility", "costCentre", "resourceTags", "config", "createDate", "promoCode"])
    static let awsPartner = request([("connectType", oneOf(["AWS"])), ("type", oneOf(["private", "public"])), ("asn", asn),
                                     ("ownerAccount", ["type": "string", "pattern": "^[0-9]{12}$"]), ("authKey", text(64))],
                                    optional: ["type", "authKey"])
    static let designVXC = request([
        ("productName", name(255)), ("rateLimit", ["type": "integer", "minimum": 1, "maximum": 100_000]),
        ("term", ["type": "integer", "enum": [1, 12, 24, 36]]), ("shutdown", ["type": "boolean", "const": false]), ("serviceKey", uuid),
        ("costCentre", text(128)), ("resourceTags", designTags),
        ("aEnd", request([("productUid", idOrUid), ("vlan", vlan), ("innerVlan", ["type": "integer", "const": 0])],
                         optional: ["productUid", "vlan", "innerVlan"])),
        ("bEnd", request([("productUid", idOrUid), ("vlan", vlan), ("partnerConfig", awsPartner)], optional: ["vlan", "partnerConfig"])),
    ], optional: ["productName", "term", "shutdown", "serviceKey", "costCentre", "resourceTags", "aEnd"])
    static let designIX = request([
        ("productName", name(128)), ("networkServiceType", nonEmpty), ("asn", asn),
        ("macAddress", ["type": "string", "pattern": "^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$"]),
        ("rateLimit", ["type": "integer", "minimum": 1, "maximum": 100_000]), ("vlan", vlan), ("term", portTerms),
    ], optional: ["productName", "vlan", "term"])
    static let designItem: JSONValue = ["anyOf": [
        designPort, designRouter,
        object([("productUid", idOrUid), ("associatedVxcs", ["type": "array", "items": designVXC, "minItems": 1])]),
        object([("productUid", idOrUid), ("associatedIxs", ["type": "array", "items": designIX, "minItems": 1])]),
    ]]
    static let design: JSONValue = ["anyOf": [["type": "array", "items": designItem, "minItems": 1],
                                              object([("networkDesign", ["type": "array", "items": designItem, "minItems": 1]),
                                                      ("discountCodes", ignored)], optional: ["discountCodes"])]]
    static let price = object([("monthlyRate", number), ("currency", s)])
    static let designErrors = [403, 404, 409, 422]

    static let v2Design: [(method: String, template: String, operation: JSONValue)] = ["v2", "v3"].map { version in
        ("post", "/\(version)/networkdesign/validate",
         op("Check and price a design as a buy would, keeping nothing: a bare array of MEGAPORT ports, MCR2 routers, "
            + "VXCs (associatedVxcs) and IXs (associatedIxs)", tag: "ordering", body: design,
            responses: [(200, envelope(array(object([("productType", s), ("productName", s), ("price", price)]))))],
            errors: designErrors, errorShape: "V2Error"))
    } + ["v2", "v3", "v4"].map { version in
        ("post", "/\(version)/networkdesign/buy",
         op("Order a design in one transaction (all items or none); v4 wraps it as {\"networkDesign\": [...]}, all versions take "
            + "either form; honours Idempotency-Key", tag: "ordering", body: design,
            responses: [(200, envelope(array(object([("productUid", s), ("productType", s), ("productName", s), ("provisioningStatus", s),
                                                     ("price", price)]))))],
            errors: designErrors, errorShape: "V2Error"))
    }
}
