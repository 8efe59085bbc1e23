/// An HTTP request method (RFC 9110 §9). Methods are case-sensitive tokens.
public struct HTTPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The method token exactly as it appeared on the request line.
    public let rawValue: String

    /// Wraps a method token; callers validate the token grammar (see `ByteClass.isToken`).
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let get = HTTPMethod(rawValue: "GET")
    public static let head = HTTPMethod(rawValue: "HEAD")
    public static let post = HTTPMethod(rawValue: "POST")
    public static let put = HTTPMethod(rawValue: "PUT")
    public static let delete = HTTPMethod(rawValue: "DELETE")
    public static let patch = HTTPMethod(rawValue: "PATCH")
    public static let options = HTTPMethod(rawValue: "OPTIONS")
    public static let trace = HTTPMethod(rawValue: "TRACE")
    public static let query = HTTPMethod(rawValue: "QUERY")

    /// The methods this server implements (what `OPTIONS *` lists).
    public static let implemented: [HTTPMethod] = [.get, .head, .post, .put, .delete, .patch, .options]

    /// The methods this server recognises: the implemented ones, and TRACE and QUERY (the safe query
    /// method being standardised), which no resource allows: 405 with `Allow`. Any other well-formed
    /// token is answered 501 (RFC 9110 §9.1).
    static let recognised: [HTTPMethod] = implemented + [.trace, .query]

    /// The recognised method spelled by `bytes`, or nil.
    static func recognised(_ bytes: UnsafeBufferPointer<UInt8>) -> HTTPMethod? {
        for method in recognised where method.rawValue.utf8.elementsEqual(bytes) { return method }
        return nil
    }

    public var description: String { rawValue }
}
