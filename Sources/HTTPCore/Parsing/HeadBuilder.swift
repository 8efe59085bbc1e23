/// The request head as it is parsed: request line, field lines, and what framing needs to know.
struct HeadBuilder: Sendable {
    var method = HTTPMethod.get
    var target = ""
    var uri = RequestTarget.root
    var version = HTTPVersion.http11
    var headers = HTTPHeaders()
    var headerBytes = 0
    var contentLengths: [Substring] = []
    var transferEncodings: [Substring] = []
    /// The first Host value and how many Host lines came (only one is valid): no array per request.
    var host: Substring?
    var hostLines = 0
    var expectContinue = false

    /// RFC 9112 §3: `method SP request-target SP HTTP-version`, single spaces, nothing else.
    mutating func parseRequestLine(_ line: ArraySlice<UInt8>, limits: ParserLimits) throws(HTTPParseError) {
        guard let first = line.firstIndex(of: 0x20), let second = line.lastIndex(of: 0x20),
              first > line.startIndex, second > first + 1, second < line.endIndex - 1,
              !line[(first + 1)..<second].contains(0x20)
        else { throw .invalidRequestLine }
        version = try Self.parseVersion(line[(second + 1)...])
        let methodBytes = line[..<first]
        guard ByteClass.isToken(methodBytes) else { throw .invalidMethod }
        // RFC 9110 §9.1: methods are case-sensitive; an unknown token is 501, not 400.
        guard methodBytes.count <= limits.maxMethod,
              let known = methodBytes.withUnsafeBufferPointer({ HTTPMethod.recognised($0) })
        else { throw .methodNotImplemented }
        method = known
        let targetBytes = line[(first + 1)..<second]
        uri = try RequestTarget.parse(targetBytes, method: method)
        target = String(decoding: targetBytes, as: UTF8.self)
    }

    /// RFC 9112 §2.3: `HTTP-name "/" DIGIT "." DIGIT`, case-sensitive.
    static func parseVersion(_ bytes: ArraySlice<UInt8>) throws(HTTPParseError) -> HTTPVersion {
        guard bytes.count == 8 else { throw .invalidVersion }
        let v = bytes.startIndex  // compared in place: no copy of the bytes per request
        guard bytes[v] == 0x48, bytes[v + 1] == 0x54, bytes[v + 2] == 0x54, bytes[v + 3] == 0x50, bytes[v + 4] == 0x2F,
              ByteClass.isDigit(bytes[v + 5]), bytes[v + 6] == 0x2E, ByteClass.isDigit(bytes[v + 7])
        else { throw .invalidVersion }
        switch (bytes[v + 5], bytes[v + 7]) {
        case (0x31, 0x30): return .http10
        case (0x31, _): return .http11  // RFC 9112 §2.3: a higher minor is answered as 1.1
        case (0x32...0x33, _): throw .versionNotSupported  // HTTP/2 preface, HTTP/3 → 505
        default: throw .invalidVersion
        }
    }

    /// RFC 9112 §5: `field-name ":" OWS field-value OWS`; no space before the colon, no obs-fold.
    mutating func parseFieldLine(_ line: ArraySlice<UInt8>, limits: ParserLimits) throws(HTTPParseError) {
        guard let firstByte = line.first else { return }
        if firstByte == 0x20 || firstByte == 0x09 { throw .obsFold }  // RFC 9112 §5.2 (and §2.2 after the start line)
        var colon = line.startIndex
        while colon < line.endIndex && line[colon] != 0x3A {
            let byte = line[colon]
            if byte == 0x20 || byte == 0x09 {
                throw line[colon...].contains(0x3A) ? .spaceBeforeColon : .missingColon
            }
            guard ByteClass.isTokenChar(byte) else { throw .invalidHeaderName }
            colon += 1
        }
        guard colon < line.endIndex else { throw .missingColon }
        guard colon > line.startIndex else { throw .invalidHeaderName }
        var valueStart = colon + 1
        var valueEnd = line.endIndex
        while valueStart < valueEnd && (line[valueStart] == 0x20 || line[valueStart] == 0x09) { valueStart += 1 }
        while valueEnd > valueStart && (line[valueEnd - 1] == 0x20 || line[valueEnd - 1] == 0x09) { valueEnd -= 1 }
        for index in valueStart..<valueEnd where !ByteClass.isFieldValueChar(line[index]) {
            throw .invalidHeaderValue  // RFC 9110 §5.5: NUL, CR, LF and other CTLs are rejected
        }
        guard headers.count < limits.maxHeaderCount else { throw .tooManyHeaders }
        let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self)
        let value = String(decoding: line[valueStart..<valueEnd], as: UTF8.self)
        headers.addValidated(name, value)
        if HTTPHeaders.equalsIgnoringCase(name, "content-length") {
            contentLengths.append(Substring(value))
        } else if HTTPHeaders.equalsIgnoringCase(name, "transfer-encoding") {
            transferEncodings.append(Substring(value))
        } else if HTTPHeaders.equalsIgnoringCase(name, "host") {
            if host == nil { host = Substring(value) }
            hostLines += 1
        }
    }
}
