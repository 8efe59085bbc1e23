import JSON

/// Service profiles in the OpenAPI document: the routes and the shapes of docs/api.md.
extension OA {
    /// A buyer's values: `{"key": text or whole number}`.
    static let buyerValues: JSONValue = ["type": "object", "additionalProperties": ["type": ["string", "integer"]]]

    static let buyerField: JSONValue = request([
        ("key", ["type": "string", "pattern": "^[A-Za-z][A-Za-z0-9_-]{0,63}$"]), ("label", name(100)), ("help", text(500)),
        ("type", oneOf(["text", "integer", "enum"])), ("required", b), ("pattern", text(200)),
        ("minLength", ["type": "integer", "minimum": 0, "maximum": 1000]), ("maxLength", ["type": "integer", "minimum": 0, "maximum": 1000]),
        ("min", wholeNumber), ("max", wholeNumber), ("values", array(name(100))), ("writeOnly", b),
    ], optional: ["label", "help", "required", "pattern", "minLength", "maxLength", "min", "max", "values", "writeOnly"])

    static let profileMembers: [(String, JSONValue)] = [
        ("name", name(100)), ("description", text(2000)), ("portIds", array(positiveId)),
        ("speeds", array(["type": "integer", "minimum": 1, "maximum": 400_000])), ("approvalMode", oneOf(["AUTO", "MANUAL"])),
        ("vlanPolicy", oneOf(["BUYER", "PROVIDER"])), ("visibility", oneOf(["PUBLIC", "PRIVATE"])), ("visibleTo", array(positiveId)),
        ("buyerFields", array(buyerField)),
    ]

    static let profileSchemas: [(String, JSONValue)] = [
        ("ServiceProfile", object([
            ("uid", s), ("name", s), ("description", s), ("companyId", i), ("companyName", s), ("portIds", array(i)),
            ("ports", array(object([("productId", i), ("productUid", s), ("productName", s), ("speed", n("integer")), ("locationId", n("integer")),
                                    ("locationName", n("string")), ("metro", n("string")), ("country", n("string"))]))),
            ("speeds", array(i)), ("approvalMode", s), ("vlanPolicy", s), ("visibility", s), ("visibleTo", array(i)),
            ("buyerFields", array(object([("key", s), ("label", s), ("help", s), ("type", s), ("required", b), ("writeOnly", b), ("pattern", s),
                                          ("minLength", i), ("maxLength", i), ("min", i), ("max", i), ("values", array(s))],
                                         optional: ["pattern", "minLength", "maxLength", "min", "max", "values"]))),
            ("createDate", i), ("updateDate", i),
        ], optional: ["visibleTo"])),
    ]

    static let profileUid = path("uid", "service profile uid", uuid)

    static let profileOperations: [(method: String, template: String, operation: JSONValue)] = [
        ("post", "/secure/serviceprofiles", op("Create a service profile: what the company sells on which ports, to whom, and what buyers must fill in (Company Admin)",
                                               tag: "serviceprofiles", parameters: [companyId],
                                               body: request(profileMembers, optional: Set(profileMembers.map(\.0)).subtracting(["name", "portIds"])),
                                               responses: [(201, ref("ServiceProfile"))], errors: [403, 404, 422])),
        ("get", "/secure/serviceprofiles", op("The company's profiles, or with ?visible=true the other companies' profiles it may buy from",
                                              tag: "serviceprofiles", parameters: [companyId, query("visible", "true: profiles to buy from", oneOf(["true", "false"]))],
                                              responses: [(200, array(ref("ServiceProfile")))], errors: [403, 404, 422])),
        ("get", "/secure/serviceprofiles/:uid", op("One profile (its provider's users, or a buyer it is shown to)", tag: "serviceprofiles",
                                                   parameters: [profileUid], responses: [(200, ref("ServiceProfile"))], errors: [404])),
        ("put", "/secure/serviceprofiles/:uid", op("Change a profile: only the members sent (Company Admin)", tag: "serviceprofiles",
                                                   parameters: [profileUid], body: request(profileMembers, optional: Set(profileMembers.map(\.0))),
                                                   responses: [(200, ref("ServiceProfile"))], errors: [403, 404, 422])),
        ("delete", "/secure/serviceprofiles/:uid", op("Delete a profile: no longer listed or sold; VXCs bought through it stay (Company Admin)",
                                                      tag: "serviceprofiles", parameters: [profileUid], responses: [(204, nil)], errors: [403, 404])),
    ]
}
