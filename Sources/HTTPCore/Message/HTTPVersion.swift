/// The protocol versions this server speaks (RFC 9112 §2.3). Higher 1.x minors are treated as 1.1.
public enum HTTPVersion: Sendable, Equatable, CustomStringConvertible {
    case http10
    case http11

    public var description: String {
        switch self {
        case .http10: "HTTP/1.0"
        case .http11: "HTTP/1.1"
        }
    }
}
