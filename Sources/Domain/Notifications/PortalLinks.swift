/// Where emails send people: pages under the server's public URL (`--public-url`), never an API path,
/// so an email reads the same whichever API the recipient's tools use.
public struct PortalLinks: Sendable {
    /// The base URL people reach the server at, without a trailing slash.
    public let baseURL: String

    /// Links under `baseURL` (a trailing slash is dropped).
    public init(baseURL: String = "http://localhost:8080") {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    }

    /// The page of one connection request, where it is accepted, denied or withdrawn.
    func approval(_ uid: String) -> String { "\(baseURL)/portal/approvals/\(uid)" }
}
