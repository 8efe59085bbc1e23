import JSON
import Model

/// How service profiles' JSON columns are written: field definitions (`buyer_fields`), speeds, and a
/// VXC's buyer values. The names match the API's, so a stored definition reads like the one sent.
public enum BuyerFieldCoding {
    /// Field definitions as a JSON array.
    public static func encode(_ fields: [BuyerField]) -> String {
        JSONWriter.string(.array(fields.map { field in
            var object: JSONObject = ["key": .string(field.key), "label": .string(field.label), "help": .string(field.help),
                                      "type": .string(field.kind.rawValue), "required": .bool(field.required), "writeOnly": .bool(field.writeOnly)]
            if let pattern = field.pattern { object["pattern"] = .string(pattern) }
            if let value = field.minLength { object["minLength"] = .int(value) }
            if let value = field.maxLength { object["maxLength"] = .int(value) }
            if let value = field.min { object["min"] = .int(value) }
            if let value = field.max { object["max"] = .int(value) }
            if !field.values.isEmpty { object["values"] = .array(field.values.map { .string($0) }) }
            return .object(object)
        }))
    }

    /// Field definitions from their column.
    static func decodeFields(_ text: String) -> [BuyerField] {
        guard case .array(let items)? = try? JSONParser.parse(text) else { return [] }
        return items.compactMap { item in
            guard case .string(let key)? = item["key"], case .string(let type)? = item["type"], let kind = BuyerField.Kind(rawValue: type) else { return nil }
            return BuyerField(key: key, label: string(item["label"]) ?? key, help: string(item["help"]) ?? "", kind: kind,
                              required: item["required"] == .bool(true), pattern: string(item["pattern"]), minLength: int(item["minLength"]).map(Int.init),
                              maxLength: int(item["maxLength"]).map(Int.init), min: int(item["min"]), max: int(item["max"]),
                              values: strings(item["values"]), writeOnly: item["writeOnly"] == .bool(true))
        }
    }

    /// Speeds as a JSON array.
    static func encode(speeds: [Int]) -> String { JSONWriter.string(.array(speeds.map { .int(Int64($0)) })) }

    static func decodeSpeeds(_ text: String) -> [Int] {
        guard case .array(let items)? = try? JSONParser.parse(text) else { return [] }
        return items.compactMap { int($0).map(Int.init) }
    }

    /// A buyer's values as a JSON object.
    public static func encode(values: [String: BuyerValue]) -> String {
        var object = JSONObject()
        for key in values.keys.sorted() {
            switch values[key]! {
            case .text(let text): object[key] = .string(text)
            case .integer(let number): object[key] = .int(number)
            }
        }
        return JSONWriter.string(.object(object))
    }

    /// A buyer's values from their column.
    public static func decodeValues(_ text: String?) -> [String: BuyerValue] {
        guard let text, case .object(let object)? = try? JSONParser.parse(text) else { return [:] }
        var values: [String: BuyerValue] = [:]
        for (key, value) in object.members {
            switch value {
            case .string(let s): values[key] = .text(s)
            case .int(let n): values[key] = .integer(n)
            default: continue
            }
        }
        return values
    }

    private static func string(_ value: JSONValue?) -> String? { if case .string(let s)? = value { s } else { nil } }
    private static func int(_ value: JSONValue?) -> Int64? { if case .int(let n)? = value { n } else { nil } }
    private static func strings(_ value: JSONValue?) -> [String] {
        guard case .array(let items)? = value else { return [] }
        return items.compactMap { string($0) }
    }
}
