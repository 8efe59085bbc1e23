/// How one surface names the domain's field keys. The domain reports fields by neutral keys
/// (`aEnd.vlan`, `rateLimit`, `aws.ownerAccount`); each surface (the legacy API, the v2 API, the
/// command line) renames them to its own wire names before showing an error.
public struct FieldNames: Sendable {
    private let names: [String: String]

    /// `names` maps a whole key (`aEnd.vlan` → `payerVlanId`) or a key's first part (`ix` → `ixProvItem`,
    /// which turns `ix.asn` into `ixProvItem.asn`); a whole key wins over its first part.
    public init(_ names: [String: String]) { self.names = names }

    /// The surface's name for a domain key (the key itself when the surface does not rename it). A key
    /// under a list item (`networkDesign[2].speed`) keeps its place and renames the rest.
    public func wire(_ key: String) -> String {
        if let name = names[key] { return name }
        if let close = key.firstIndex(of: "]"), key[..<close].contains("["), key[key.index(after: close)...].first == "." {
            return key[...close] + "." + wire(String(key[key.index(close, offsetBy: 2)...]))
        }
        if let dot = key.firstIndex(of: "."), let prefix = names[String(key[..<dot])] { return prefix + key[dot...] }
        return key
    }
}

extension DomainError {
    /// The same error with its field keys in a surface's names; the messages are unchanged.
    public func renamingFields(_ names: FieldNames) -> DomainError {
        switch self {
        case .invalid(let fields): .invalid(fields.map { FieldError(names.wire($0.field), $0.message) })
        case .unprocessable(let code, let field, let message): .unprocessable(code: code, field: names.wire(field), message: message)
        case .vlanUnavailable(let field, let vlan, let portId, let suggestions):
            .vlanUnavailable(field: names.wire(field), vlan: vlan, portId: portId, suggestions: suggestions)
        case .accountSetupIncomplete(let missing): .accountSetupIncomplete(missing: missing.map(names.wire))
        case .notFound, .unauthenticated, .forbidden, .conflict, .rateLimited: self
        }
    }
}
