import Domain
import JSON

/// Service profiles on the wire (`/secure/serviceprofiles`): the shapes of docs/api.md, read field by
/// field with every problem named (`buyerFields[0].type`).
enum ServiceProfileJSON {
    /// A profile; `visibleTo` (which customers a private profile is shown to) only for its provider.
    static func json(_ view: ServiceProfileService.View, forProvider: Bool) -> JSONValue {
        let p = view.profile
        var object: JSONObject = [
            "uid": .string(p.uid), "name": .string(p.name), "description": .string(p.description), "companyId": .int(p.companyId),
            "companyName": .string(p.companyName), "portIds": .array(p.portIds.map { .int($0) }),
            "ports": .array(view.ports.map { port in
                ["productId": .int(port.id), "productUid": .string(port.uid), "productName": .string(port.name), "speed": .int(port.speed.map(Int64.init)),
                 "locationId": .int(port.location?.locationId), "locationName": .string(port.location?.name),
                 "metro": .string(port.location?.metro), "country": .string(port.location?.country)]
            }),
            "speeds": .array(p.speeds.map { .int(Int64($0)) }), "approvalMode": .string(p.approvalMode.rawValue),
            "vlanPolicy": .string(p.vlanPolicy.rawValue), "visibility": .string(p.visibility.rawValue),
            "buyerFields": .array(p.buyerFields.map(field)), "createDate": .int(p.createDate), "updateDate": .int(p.updateDate),
        ]
        if forProvider { object["visibleTo"] = .array(p.visibleTo.map { .int($0) }) }
        return .object(object)
    }

    static func field(_ f: BuyerField) -> JSONValue {
        var object: JSONObject = ["key": .string(f.key), "label": .string(f.label), "help": .string(f.help), "type": .string(f.kind.rawValue),
                                  "required": .bool(f.required), "writeOnly": .bool(f.writeOnly)]
        if let pattern = f.pattern { object["pattern"] = .string(pattern) }
        if let value = f.minLength { object["minLength"] = .int(value) }
        if let value = f.maxLength { object["maxLength"] = .int(value) }
        if let value = f.min { object["min"] = .int(value) }
        if let value = f.max { object["max"] = .int(value) }
        if f.kind == .enum { object["values"] = .array(f.values.map { .string($0) }) }
        return .object(object)
    }

    /// Applies the members a body sends to `content` (name and portIds required on creation).
    static func read(_ body: JSONBody, into content: inout ServiceProfileContent, creating: Bool) throws {
        if creating { for key in ["name", "portIds"] { body.requirePresence(key) } }
        if let name = body.string("name") { content.name = name }
        if let description = body.text("description") { content.description = description }
        if body.has("portIds") { content.portIds = body.ints("portIds") }
        if body.has("speeds") { content.speeds = body.ints("speeds").map { Int(clamping: $0) } }
        if body.has("visibleTo") { content.visibleTo = body.ints("visibleTo") }
        var errors: [FieldError] = []
        if body.has("buyerFields") {
            content.buyerFields = body.objects("buyerFields").enumerated().map { index, item in
                let (field, problem) = readField(item)
                if let problem { errors.append(FieldError("buyerFields[\(index)].type", problem)) }
                return field
            }
        }
        choose(body, "approvalMode", &content.approvalMode, &errors)
        choose(body, "vlanPolicy", &content.vlanPolicy, &errors)
        choose(body, "visibility", &content.visibility, &errors)
        do { try body.finish() } catch DomainError.invalid(let missing) { errors = missing + errors }
        guard errors.isEmpty else { throw DomainError.invalid(errors) }
    }

    /// One field definition, and what is wrong with its `type` if anything.
    static func readField(_ body: JSONBody) -> (BuyerField, String?) {
        let typeText = body.string("type")
        let kind = typeText.flatMap(BuyerField.Kind.init(rawValue:))
        let field = BuyerField(key: body.requireString("key"), label: body.string("label") ?? body.string("key") ?? "", help: body.text("help") ?? "",
                               kind: kind ?? .text, required: body.bool("required") ?? false,
                               pattern: body.string("pattern"), minLength: body.int("minLength").map { Int(clamping: $0) },
                               maxLength: body.int("maxLength").map { Int(clamping: $0) }, min: body.int("min"), max: body.int("max"),
                               values: body.strings("values"), writeOnly: body.bool("writeOnly") ?? false)
        return (field, kind == nil ? "must be text, integer or enum" : nil)
    }

    /// Sets `value` from the member (upper-cased) when sent; a value naming no case is a problem.
    private static func choose<T: RawRepresentable & CaseIterable>(_ body: JSONBody, _ key: String, _ value: inout T, _ errors: inout [FieldError])
        where T.RawValue == String {
        guard let text = body.string(key) else { return }
        guard let chosen = T(rawValue: text.uppercased()) else {
            errors.append(FieldError(key, "must be one of \(T.allCases.map(\.rawValue).joined(separator: ", "))"))
            return
        }
        value = chosen
    }
}
