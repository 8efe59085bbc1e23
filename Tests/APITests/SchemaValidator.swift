import JSON

/// A small JSON Schema checker for the subset the OpenAPI document uses: `$ref`, `type` (one or
/// several), `properties`, `required`, `items`, `enum`, `minItems`, `maxItems`.
struct SchemaValidator {
    let components: JSONValue

    /// Problems found, each with its JSON path; empty when the value fits.
    func problems(_ value: JSONValue, _ schema: JSONValue, at path: String = "$") -> [String] {
        if case .string(let ref)? = schema["$ref"] {
            let name = String(ref.split(separator: "/").last ?? "")
            guard let target = components[name] else { return ["\(path): unknown $ref \(ref)"] }
            return problems(value, target, at: path)
        }
        var out: [String] = []
        if let type = schema["type"] {
            let allowed: [String]
            switch type {
            case .string(let one): allowed = [one]
            case .array(let many): allowed = many.compactMap { if case .string(let s) = $0 { s } else { nil } }
            default: allowed = []
            }
            if !allowed.contains(where: { Self.matches(value, $0) }) { return ["\(path): \(value.typeName) is not \(allowed)"] }
        }
        if case .array(let options)? = schema["enum"], !options.contains(value) { out.append("\(path): \(value) not in enum") }
        if case .object(let object) = value {
            if case .array(let required)? = schema["required"] {
                for case .string(let name) in required where !object.contains(name) { out.append("\(path): missing \(name)") }
            }
            if case .object(let properties)? = schema["properties"] {
                for member in properties.members {
                    if let child = object[member.key] { out += problems(child, member.value, at: "\(path).\(member.key)") }
                }
            }
        }
        if case .array(let items) = value {
            if case .int(let min)? = schema["minItems"], items.count < min { out.append("\(path): fewer than \(min) items") }
            if case .int(let max)? = schema["maxItems"], items.count > max { out.append("\(path): more than \(max) items") }
            if let itemSchema = schema["items"] {
                for (index, item) in items.enumerated() { out += problems(item, itemSchema, at: "\(path)[\(index)]") }
            }
        }
        return out
    }

    static func matches(_ value: JSONValue, _ type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("integer", .int), ("number", .int), ("number", .double), ("string", .string),
             ("array", .array), ("object", .object): true
        default: false
        }
    }
}
