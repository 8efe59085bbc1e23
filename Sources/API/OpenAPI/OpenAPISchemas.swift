import JSON

/// The component schemas: the shapes the server really sends (a test validates live responses
/// against them).
extension OA {
    static let s = string, i = integer, b = boolean
    /// The characters text fields refuse, as a regular-expression class body (the domain's
    /// `Validation.invisible`: C0 and C1 controls and the invisible formatting characters).
    static let invisible = "\\u0000-\\u001f\\u007f-\\u009f\\u00ad\\u0600-\\u0605\\u061c\\u06dd\\u070f\\u180e"
        + "\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb"
    /// Text with at least one character other than a space, and none of the refused ones.
    static let nonEmpty: JSONValue = ["type": "string", "minLength": 1, "pattern": .string("^[^\(invisible)]*[^ \(invisible)][^\(invisible)]*$")]
    /// Free text of at most `length` characters with none of the refused characters.
    static func text(_ length: Int) -> JSONValue {
        ["type": "string", "maxLength": .int(Int64(length)), "pattern": .string("^[^\(invisible)]*$")]
    }
    /// A name of at most `length` characters: something besides spaces, none of the refused characters.
    static func name(_ length: Int) -> JSONValue {
        ["type": "string", "minLength": 1, "maxLength": .int(Int64(length)), "pattern": .string("^[^\(invisible)]*[^ \(invisible)][^\(invisible)]*$")]
    }
    /// A VLAN: 2–4093, 0 (the lowest free one) or -1 (untagged).
    static let vlan: JSONValue = ["type": "integer", "minimum": -1, "maximum": 4093, "not": ["enum": [1]]]
    /// A product id as the legacy bodies send it: a number or its digits in a string.
    static let productId: JSONValue = ["anyOf": [OA.positiveId, ["type": "string", "pattern": "^[1-9][0-9]{0,11}$"]]]
    /// A member the server reads and ignores (the blog's bodies carry it).
    static let ignored: JSONValue = ["description": "accepted and ignored"]
    /// An autonomous system number.
    static let asn: JSONValue = ["type": "integer", "minimum": 1, "maximum": 4_294_967_295]
    static func n(_ type: String) -> JSONValue { nullable(type) }

    static let schemas: [(String, JSONValue)] = [
        ("Error", object([("message", s), ("terms", s), ("data", object([
            ("code", s), ("traceId", s), ("errors", array(object([("field", s), ("message", s)]))),
            ("suggestions", array(i)), ("missing", array(s)),
        ], optional: ["errors", "suggestions", "missing"]))])),
        // The v2 surface's errors, as the Go SDK parses them: `data` a string, `trace_id` in the body.
        ("V2Error", object([("message", s), ("terms", s), ("data", n("string")), ("trace_id", s)], optional: ["terms"])),
        ("Health", object([("status", ["type": "string", "enum": ["ok", "degraded"]]), ("database", s), ("node", s)])),
        ("LocationRow", ["type": "array", "minItems": 4, "maxItems": 4, "items": ["type": ["integer", "string", "null"]],
                         "description": "[id, name, state, country]"]),
        ("Location", object([
            ("id", i), ("name", s), ("country", s), ("countryCode", s), ("metro", s), ("market", s), ("siteCode", s),
            ("networkRegion", s), ("status", s), ("latitude", number), ("longitude", number), ("liveDate", i),
            ("address", object([("street", s), ("suburb", n("string")), ("city", s), ("state", n("string")), ("postcode", n("string")), ("country", s)])),
            ("products", object([("megaport", array(i)), ("mcr", b), ("mcrVersion", i), ("mcr2", array(i))])), ("availableSpeeds", array(i)), ("vRouterAvailable", b),
        ])),
        ("Login", object([
            ("session", s), ("token", s), ("username", s), ("firstName", s), ("lastName", s), ("personId", i), ("personUid", s),
            ("position", s), ("companyId", i), ("companyUid", s), ("companyName", s), ("accountType", s), ("loginDate", i), ("expiryDate", i),
        ])),
        ("Receipt", ["type": "array", "minItems": 3, "maxItems": 3, "items": string, "description": "[\"OK\", serviceName, serviceId]"]),
        ("IXItem", request([("networkServiceType", nonEmpty), ("asn", asn), ("macAddress", ["type": "string", "pattern": "^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$"]),
                           ("rateLimit", ["type": "integer", "minimum": 1, "maximum": 100_000]), ("vlan", vlan)], optional: ["vlan"])),
        ("PortOrder", request([
            ("megaPortProvItem", request([("speed", ["type": "integer", "enum": [1000, 10000, 100000]]), ("location_id", OA.positiveId),
                                         ("rackId", s), ("opticalInterface", s), ("portId", ignored), ("networkServiceType", ignored)],
                                        optional: ["rackId", "opticalInterface", "portId", "networkServiceType"])),
            ("serviceName", name(128)), ("productType", ["type": "string", "enum": ["MEGAPORT", "MEGADIRECT"]]),
            ("companyId", productId), ("customerRequestDate", s),
            ("ixProvItem", ["anyOf": [ref("IXItem"), ["type": "object", "maxProperties": 0]]]),
        ], optional: ["productType", "companyId", "customerRequestDate", "ixProvItem"])),
        ("IXOrder", request([("productUid", OA.idOrUid), ("megaPortNsId", productId), ("serviceName", s), ("ixProvItem", ref("IXItem"))],
                           optional: ["productUid", "megaPortNsId", "serviceName"])),
        ("VXCOrder", request([
            ("payerMegaPortNsId", productId), ("nonPayerMegaPortNsId", productId),
            ("payerVlanId", vlan), ("nonPayerVlanId", vlan), ("speed", ["type": "integer", "minimum": 1, "maximum": 100_000]),
            ("rateType", ["type": "string", "enum": ["MONTHLY"]]),
            ("rollover", b), ("duration", ["type": "integer", "enum": [1, 12, 24, 36]]), ("serviceName", s), ("serviceKey", s),
            ("amazonDirectConnectConfigDto", request([("type", ["type": "string", "enum": ["private", "public"]]), ("asn", i),
                                                     ("authKey", s), ("ownerAccount", s)], optional: ["authKey", "type"])),
            ("serviceProfileUid", uuid), ("buyerFields", buyerValues),
        ], optional: ["nonPayerMegaPortNsId", "payerVlanId", "nonPayerVlanId", "rateType", "rollover", "duration", "serviceName", "serviceKey",
                      "amazonDirectConnectConfigDto", "serviceProfileUid", "buyerFields"])),
        ("VXCOrderResult", object(vxcOrderResultFields)),
        ("IXType", object([("id", i), ("name", s), ("description", s), ("asn", i), ("group_metro", s), ("state", n("string")), ("network_region", s)])),
        ("Service", object(serviceFields, optional: Set(serviceFields.map(\.0)).subtracting(["id", "uid", "productType", "name", "companyId",
                                                                                           "companyName", "provisioningStatus", "createDate", "resources"]))),
        ("Approval", object([
            ("id", i), ("uid", s), ("type", ["type": "string", "enum": ["NEW", "SPEED_CHANGE"]]),
            ("status", ["type": "string", "enum": ["PENDING", "APPROVED", "REJECTED", "WITHDRAWN", "EXPIRED"]]),
            ("serviceId", i), ("serviceName", s), ("requesterCompanyId", i), ("requesterCompanyName", s), ("approverCompanyId", i),
            ("approverCompanyName", s), ("speed", i), ("newSpeed", n("integer")),
            ("aEnd", object([("productId", i), ("productName", s), ("vlan", n("integer"))])),
            ("bEnd", object([("productId", i), ("productName", s), ("vlan", n("integer"))])),
            ("createDate", i), ("expiryDate", i), ("decisionDate", n("integer")), ("decidedBy", n("integer")), ("decidedByName", n("string")),
            ("comment", n("string")), ("serviceProfileUid", n("string")), ("buyerFields", buyerValues),
        ])),
        ("Preference", object([("group", ["type": "string", "enum": .array(["SECURITY", "PEOPLE", "COMPANY", "FINANCIAL", "ORDERING", "SERVICE_STATUS", "SERVICES"])]),
                               ("subscribed", b)])),
        // A change: SECURITY and PEOPLE can only be (re)subscribed, the others either way.
        ("PreferenceChange", ["oneOf": [
            object([("group", ["type": "string", "enum": ["SECURITY", "PEOPLE"]]), ("subscribed", ["const": true])]),
            object([("group", ["type": "string", "enum": ["COMPANY", "FINANCIAL", "ORDERING", "SERVICE_STATUS", "SERVICES"]]), ("subscribed", b)]),
        ]]),
        ("OutboxMessage", object([
            ("id", i), ("messageId", s), ("companyId", i), ("userId", n("integer")), ("recipient", s), ("event", s), ("group", s), ("subject", s),
            ("body", s), ("state", ["type": "string", "enum": ["PENDING", "SENT", "FAILED"]]), ("attempts", i), ("nextAttemptDate", i),
            ("lastError", n("string")), ("createDate", i), ("sentDate", n("integer")),
        ])),
        ("Contacts", object([
            ("companyId", i), ("supportPhone", n("string")), ("supportEmail", n("string")), ("accountManagerEmail", n("string")),
            ("customerSuccessManagerEmail", n("string")), ("billingMarket", n("string")), ("required", b), ("displayed", b), ("editable", b),
        ])),
        ("User", object([("id", i), ("personId", i), ("uid", s), ("personUid", s), ("companyId", i), ("firstName", s), ("lastName", s),
                         ("email", s), ("position", s), ("active", b), ("createDate", i)])),
        ("Market", object([("code", s), ("name", s), ("currency", s), ("dialCode", s), ("nationalDigits", i), ("phoneRule", s)])),
        ("Provider", object([("companyId", i), ("companyUid", s), ("name", s), ("description", n("string")), ("contactEmail", n("string")),
                             ("visible", b), ("ports", array(object([("id", i), ("productUid", s), ("name", s), ("speed", n("integer")),
                                                                      ("locationId", n("integer")), ("locationName", n("string")),
                                                                      ("metro", n("string")), ("country", n("string")), ("vxcPermitted", b)])))])),
        ("ServiceKey", object([
            ("key", s), ("createDate", i), ("companyId", i), ("companyName", s), ("description", n("string")), ("productId", i),
            ("productUid", s), ("productName", s), ("vlan", n("integer")), ("maxSpeed", n("integer")), ("preApproved", b), ("singleUse", b),
            ("lastUsed", n("integer")), ("active", b), ("validFor", object([("start", n("integer")), ("end", n("integer"))])),
            ("expired", b), ("valid", b),
        ])),
    ]

    static let vxcOrderResultFields: [(String, JSONValue)] = [
        ("createDate", i), ("vxcOrderId", i), ("payerMegaPortId", i), ("nonPayerMegaPortId", i), ("payerMegaPortName", s),
        ("nonPayerMegaPortName", s), ("payerCompanyId", i), ("nonPayerCompanyId", i), ("payerLocationId", i), ("nonPayerLocationId", i),
        ("salesId", ["type": "null"]), ("payerCompanyName", s), ("nonPayerCompanyName", s), ("payerMegaPortNsId", i), ("nonPayerMegaPortNsId", i),
        ("payerVlanId", i), ("nonPayerVlanId", i), ("payerApproverName", n("string")), ("payerApproverId", n("integer")),
        ("nonPayerApproverName", n("string")), ("nonPayerApproverId", n("integer")), ("payerApproval", n("integer")),
        ("nonPayerApproval", n("integer")), ("fixedTerm", b), ("duration", i), ("rollover", b), ("name", s),
        ("payerStatus", s), ("nonPayerStatus", ["type": "string", "enum": ["APPROVED", "UN_ASSESSED"]]), ("speed", i),
        ("distanceBand", ["type": "string", "enum": ["DATA_CENTRE", "METRO", "INTERCAP", "INTERNATIONAL"]]), ("intercapPath", s),
        ("awsId", ["type": "null"]), ("rateType", s), ("vxcJTechnicalServiceId", i), ("vxcJTechnicalServiceUid", s), ("provisionDate", i),
        ("orderType", s), ("monthlyDiscountAmount", ["type": "null"]), ("discountMonths", ["type": "null"]),
        ("amazonDirectConnectConfigDto", ["type": ["object", "null"]]), ("rate", ["type": "null"]), ("setup", ["type": "null"]),
        ("serviceKey", n("string")), ("provisioningStatus", s), ("fullyApproved", b),
    ]

    static let serviceFields: [(String, JSONValue)] = [
        ("id", i), ("uid", s), ("productId", i), ("productUid", s), ("productType", ["type": "string", "enum": ["MEGAPORT", "MEGADIRECT", "VXC", "IX"]]),
        ("name", s), ("productName", s), ("companyId", i), ("companyName", s),
        ("provisioningStatus", ["type": "string", "enum": ["PROVISIONING", "CONFIGURED", "LIVE", "CANCELLED", "DECOMMISSIONED", "FAILED"]]),
        ("createDate", i), ("provisionDate", n("integer")), ("liveDate", n("integer")), ("cancelDate", n("integer")),
        ("resources", ["type": "object"]), ("locationId", n("integer")), ("locationName", n("string")), ("speed", n("integer")),
        ("portSpeed", n("integer")), ("marketplaceVisibility", b), ("vxcPermitted", b), ("associatedVxcs", array(["type": "object"])),
        ("associatedIxs", array(["type": "object"])), ("rateLimit", n("integer")), ("distanceBand", n("string")),
        ("contractTermMonths", n("integer")), ("rateType", n("string")), ("rollover", ["type": ["boolean", "null"]]),
        ("payerStatus", n("string")), ("nonPayerStatus", n("string")), ("aEnd", ["type": ["object", "null"]]), ("bEnd", ["type": ["object", "null"]]),
        ("vxcApproval", object([("status", n("string")), ("type", n("string")), ("newSpeed", n("integer")), ("uid", n("string"))])),
        ("networkServiceType", n("string")), ("asn", n("integer")), ("macAddress", n("string")), ("vlan", n("integer")), ("portId", n("integer")),
    ]
}
