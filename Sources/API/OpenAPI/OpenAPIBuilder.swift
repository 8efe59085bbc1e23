import JSON

/// Small helpers to write the OpenAPI 3.1 document compactly.
enum OA {
    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }
    static func array(_ items: JSONValue) -> JSONValue { ["type": "array", "items": items] }
    static func nullable(_ type: String) -> JSONValue { ["type": [.string(type), "null"]] }
    static let string: JSONValue = ["type": "string"]
    static let integer: JSONValue = ["type": "integer"]
    static let boolean: JSONValue = ["type": "boolean"]
    static let number: JSONValue = ["type": "number"]

    /// An object schema; every listed property is required unless named in `optional`.
    static func object(_ properties: [(String, JSONValue)], optional: Set<String> = []) -> JSONValue {
        var props = JSONObject()
        for (name, schema) in properties { props[name] = schema }
        let required = properties.map(\.0).filter { !optional.contains($0) }
        return ["type": "object", "properties": .object(props), "required": .array(required.map { .string($0) })]
    }

    /// A request body object: required members as given; optional ones may also be `null` or `""`, which
    /// the server reads as "not given".
    /// A whole number the server reads exactly (within ±2^53).
    static let wholeNumber: JSONValue = ["type": "integer", "minimum": -9_007_199_254_740_991, "maximum": 9_007_199_254_740_991]

    /// A string member also takes a whole number (written in decimal), as the server reads it.
    static func request(_ properties: [(String, JSONValue)], optional: Set<String> = []) -> JSONValue {
        object(properties.map { name, schema in
            let read: JSONValue = schema["type"] == "string" ? ["anyOf": [schema, wholeNumber]] : schema
            return (name, optional.contains(name) ? ["anyOf": [read, ["type": "null"], ["const": ""]]] : read)
        }, optional: optional)
    }

    /// `{"message", "terms", "data": <schema>}`.
    static func envelope(_ data: JSONValue) -> JSONValue {
        object([("message", string), ("terms", string), ("data", data)])
    }

    static func json(_ schema: JSONValue, example: JSONValue? = nil) -> JSONValue {
        var media: JSONObject = ["schema": schema]
        if let example { media["example"] = example }
        return ["content": ["application/json": .object(media)]]
    }

    /// One operation. `responses` maps status codes to schemas (nil: no body); errors use the error envelope.
    static func op(_ summary: String, tag: String, auth: Bool = true, parameters: [JSONValue] = [], body: JSONValue? = nil,
                   bodyExample: JSONValue? = nil, bodyTypes: [String] = ["application/json"], responses: [(Int, JSONValue?)],
                   errors: [Int] = [], errorShape: String = "Error") -> JSONValue {
        var responseMap = JSONObject()
        for (code, schema) in responses {
            var r: JSONObject = ["description": .string(code == 202 ? "Accepted, waiting for approval" : "Success")]
            if let schema, case .object(let media) = json(schema) { for m in media.members { r[m.key] = m.value } }
            responseMap[String(code)] = .object(r)
        }
        // Every operation can meet a malformed target, query or body (400); one that takes a body can
        // meet a body in another media type (415) or over its size limit (413).
        let bodyErrors = body != nil ? [413, 415] : []
        for code in Set([400] + (auth ? [401] : []) + bodyErrors + errors).sorted() {
            responseMap[String(code)] = ["$ref": .string("#/components/responses/\(errorShape)\(code)")]
        }
        var o: JSONObject = ["summary": .string(summary), "tags": [.string(tag)], "responses": .object(responseMap)]
        if !parameters.isEmpty { o["parameters"] = .array(parameters) }
        if let body {
            var media: JSONObject = ["schema": body]
            if let bodyExample { media["example"] = bodyExample }
            var content = JSONObject()
            for type in bodyTypes { content[type] = .object(media) }
            o["requestBody"] = ["required": true, "content": .object(content)]
        }
        o["security"] = auth ? [["token": []], ["xAuthToken": []], ["bearer": []]] : []
        return .object(o)
    }

    static func path(_ name: String, _ description: String, _ schema: JSONValue = idOrUid) -> JSONValue {
        ["name": .string(name), "in": "path", "required": true, "description": .string(description), "schema": schema]
    }

    /// An integer id (digits, no sign or leading zero) or a UUID.
    static let idOrUid: JSONValue = ["type": "string",
                                     "pattern": "^([1-9][0-9]{0,17}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$"]
    /// A UUID (tokens, service keys).
    static let uuid: JSONValue = ["type": "string", "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"]
    /// A positive integer id.
    static let positiveId: JSONValue = ["type": "integer", "minimum": 1, "maximum": 999_999_999_999]
    /// One of `values`.
    static func oneOf(_ values: [String]) -> JSONValue { ["type": "string", "enum": .array(values.map { .string($0) })] }

    /// A query value as the target parser lets it through: decoded C0 controls and DEL are a malformed target (400).
    static let queryText: JSONValue = ["type": "string", "pattern": "^[^\\u0000-\\u001f\\u007f]*$"]

    static func query(_ name: String, _ description: String, _ schema: JSONValue = queryText, required: Bool = false) -> JSONValue {
        ["name": .string(name), "in": "query", "required": .bool(required), "description": .string(description), "schema": schema]
    }
}

