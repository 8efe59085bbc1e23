/// Why a request could not be parsed. Every case is fatal for the connection: the server answers
/// with `status` and `Connection: close`, then closes (the byte stream can no longer be trusted).
public enum HTTPParseError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidRequestLine
    case invalidMethod
    case methodNotImplemented
    case invalidTarget
    case targetTooLong
    case invalidVersion
    case versionNotSupported
    case bareLineFeed
    case bareCarriageReturn
    case tooManyEmptyLines
    case invalidHeaderName
    case spaceBeforeColon
    case missingColon
    case invalidHeaderValue
    case obsFold
    case headerTooLarge
    case tooManyHeaders
    case missingHost
    case invalidHost
    case invalidContentLength
    case conflictingFraming
    case unsupportedTransferCoding
    case invalidTransferEncoding
    case invalidChunkSize
    case invalidChunkExtension
    case invalidChunkTerminator
    case bodyTooLarge
    case expectationFailed

    /// The response status for this error.
    public var status: HTTPStatus {
        switch self {
        case .methodNotImplemented, .unsupportedTransferCoding: .notImplemented
        case .targetTooLong: .uriTooLong
        case .versionNotSupported: .versionNotSupported
        case .headerTooLarge, .tooManyHeaders: .headerFieldsTooLarge
        case .bodyTooLarge: .contentTooLarge
        case .expectationFailed: .expectationFailed
        default: .badRequest
        }
    }

    /// A stable machine-readable code for the error envelope.
    public var code: String {
        switch self {
        case .methodNotImplemented: "method_not_implemented"
        case .unsupportedTransferCoding: "unsupported_transfer_coding"
        case .targetTooLong: "uri_too_long"
        case .versionNotSupported: "http_version_not_supported"
        case .headerTooLarge, .tooManyHeaders: "header_fields_too_large"
        case .bodyTooLarge: "body_too_large"
        case .expectationFailed: "expectation_failed"
        default: "malformed_request"
        }
    }

    public var description: String {
        switch self {
        case .invalidRequestLine: "malformed request line"
        case .invalidMethod: "method is not a token"
        case .methodNotImplemented: "method not implemented"
        case .invalidTarget: "malformed request target"
        case .targetTooLong: "request target too long"
        case .invalidVersion: "malformed HTTP version"
        case .versionNotSupported: "HTTP version not supported"
        case .bareLineFeed: "line ended by LF without CR"
        case .bareCarriageReturn: "CR not followed by LF"
        case .tooManyEmptyLines: "too many empty lines before the request line"
        case .invalidHeaderName: "header field name is not a token"
        case .spaceBeforeColon: "white space between header field name and colon"
        case .missingColon: "header field line without a colon"
        case .invalidHeaderValue: "control character in header field value"
        case .obsFold: "obsolete line folding is not accepted"
        case .headerTooLarge: "header section too large"
        case .tooManyHeaders: "too many header fields"
        case .missingHost: "HTTP/1.1 request without exactly one Host"
        case .invalidHost: "invalid Host"
        case .invalidContentLength: "invalid Content-Length"
        case .conflictingFraming: "both Content-Length and Transfer-Encoding"
        case .unsupportedTransferCoding: "transfer coding not implemented (only chunked is)"
        case .invalidTransferEncoding: "invalid Transfer-Encoding"
        case .invalidChunkSize: "invalid chunk size"
        case .invalidChunkExtension: "invalid chunk extension"
        case .invalidChunkTerminator: "chunk data not followed by CRLF"
        case .bodyTooLarge: "request body too large"
        case .expectationFailed: "only 100-continue is a supported expectation"
        }
    }
}
