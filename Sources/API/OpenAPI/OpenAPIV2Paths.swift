import JSON

/// The v2 surface's operations: machine authentication.
extension OA {
    static let apiKey = object([("key", uuid), ("name", s), ("role", s), ("lifetime", i), ("createDate", i), ("active", b),
                                ("revokeDate", nullable("integer")), ("secret", s)], optional: ["secret", "revokeDate"])

    static let v2Operations: [(method: String, template: String, operation: JSONValue)] = [
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
