import JSON

/// Authorization keys and sub-accounts in the OpenAPI document.
extension OA {
    static let resellerSchemas: [(String, JSONValue)] = [
        ("AuthorizationKey", object([
            ("uid", s), ("id", i), ("companyId", i), ("label", s), ("actions", array(oneOf(["ORDER", "VIEW", "CANCEL"]))),
            ("expiresAt", n("integer")), ("createDate", i), ("revokedDate", n("integer")), ("active", b), ("key", s),
        ], optional: ["key"])),
        ("SubAccount", object([
            ("companyId", i), ("subAccount", b), ("actions", array(oneOf(["ORDER_VXCS", "VIEW_BILLING", "MANAGE_USERS"]))), ("portIds", array(i)),
        ])),
    ]

    static let managedId = path("id", "a managed company's id", positiveId)

    static let resellerOperations: [(method: String, template: String, operation: JSONValue)] = [
        ("post", "/secure/company/authorizationkeys", op("Issue an authorization key a reseller acts for this company with; the key is answered this once (Company Admin)",
                                                          tag: "resellers", body: request([("label", name(100)), ("expiresAt", positiveTime),
                                                                                           ("actions", array(oneOf(["ORDER", "VIEW", "CANCEL"])))],
                                                                                          optional: ["expiresAt"]),
                                                          responses: [(201, ref("AuthorizationKey"))], errors: [403, 422])),
        ("get", "/secure/company/authorizationkeys", op("The company's authorization keys, without their text (Company Admin)", tag: "resellers",
                                                         responses: [(200, array(ref("AuthorizationKey")))], errors: [403])),
        ("delete", "/secure/company/authorizationkeys/:id", op("Revoke an authorization key (Company Admin)", tag: "resellers",
                                                                parameters: [path("id", "key id or uid")],
                                                                responses: [(200, ref("AuthorizationKey"))], errors: [403, 404])),
        ("get", "/secure/company/:id/subaccount", op("A sub-account: what its users may do and the partner ports assigned to it", tag: "resellers",
                                                     parameters: [managedId], responses: [(200, ref("SubAccount"))], errors: [404])),
        ("put", "/secure/company/:id/subaccount", op("Make a managed company a self-service sub-account, or change what its users may do (partner Company Admin)",
                                                     tag: "resellers", parameters: [managedId],
                                                     body: request([("actions", array(oneOf(["ORDER_VXCS", "VIEW_BILLING", "MANAGE_USERS"])))]),
                                                     responses: [(200, ref("SubAccount"))], errors: [403, 404, 422])),
        ("put", "/secure/company/:id/assignedports", op("Assign exactly these of the partner's ports to a sub-account (partner Company Admin)",
                                                        tag: "resellers", parameters: [managedId], body: request([("portIds", array(positiveId))]),
                                                        responses: [(200, ref("SubAccount"))], errors: [403, 404, 409, 422])),
    ]

    /// Epoch milliseconds.
    static let positiveTime: JSONValue = ["type": "integer", "minimum": 1, "maximum": 9_007_199_254_740_991]
}
