/// Size limits the parser enforces while bytes arrive, so no limit is checked after the fact.
/// Defaults follow `reference/http-conformance.md` ("Suggested defaults").
public struct ParserLimits: Sendable, Equatable {
    /// Longest request line in bytes (RFC 9112 §3 asks for at least 8000): over it → 414.
    public var maxRequestLine = 8 * 1024
    /// Longest method token; longer well-formed methods are not ours → 501.
    public var maxMethod = 32
    /// Longest single header field line → 431.
    public var maxHeaderLine = 8 * 1024
    /// Largest header section (and trailer section), in bytes → 431.
    public var maxHeaderBytes = 32 * 1024
    /// Most header fields → 431.
    public var maxHeaderCount = 100
    /// Largest body after de-chunking → 413.
    public var maxBodyBytes = 1024 * 1024
    /// Longest chunk-size line including extensions (CVE-2023-39326 class) → 400.
    public var maxChunkLine = 4 * 1024
    /// Empty lines tolerated before a request line (RFC 9112 §2.2) → 400 beyond.
    public var maxLeadingEmptyLines = 4

    /// The documented defaults.
    public init() {}
}
