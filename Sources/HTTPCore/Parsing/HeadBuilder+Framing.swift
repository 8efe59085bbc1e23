/// RFC 9112 §6.3 — how long the body is — in one place, plus the head checks that must happen
/// before any body byte is read (Host, Expect).
extension HeadBuilder {
    /// Validates the completed head and decides the body framing.
    mutating func framing(limits: ParserLimits) throws(HTTPParseError) -> RequestParser.State {
        try checkHost()
        try checkExpect()
        if !transferEncodings.isEmpty {
            // RFC 9112 §6.1: Transfer-Encoding in an HTTP/1.0 message means faulty framing.
            guard version == .http11 else { throw .invalidTransferEncoding }
            // RFC 9112 §6.3(3): both present is a smuggling signal; reject, then close.
            guard contentLengths.isEmpty else { throw .conflictingFraming }
            try checkTransferCodings()
            return .chunkSize
        }
        guard let raw = contentLengths.first else { return .fixedBody(remaining: 0) }  // §6.3(7)
        // §6.3(5): several values, even identical ones, are rejected like NIO and llhttp do.
        guard contentLengths.count == 1 else { throw .invalidContentLength }
        let length = try Self.decimal(raw)
        guard length <= limits.maxBodyBytes else { throw .bodyTooLarge }  // 413 before reading (RFC 9110 §15.5.14)
        return .fixedBody(remaining: length)
    }

    /// RFC 9110 §8.6: `1*DIGIT`, parsed by hand (no sign, no prefix, no separators), overflow-checked.
    /// Leading zeros are decimal: `007` is 7.
    static func decimal(_ text: Substring) throws(HTTPParseError) -> Int {
        guard !text.isEmpty else { throw .invalidContentLength }
        var value = 0
        for byte in text.utf8 {
            guard ByteClass.isDigit(byte) else { throw .invalidContentLength }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(Int(byte - 0x30))
            guard !o1, !o2 else { throw .invalidContentLength }
            value = sum
        }
        return value
    }

    /// RFC 9112 §6.1, §6.3(4): the codings form one list across lines; we implement only `chunked`,
    /// which must be last and appear once.
    func checkTransferCodings() throws(HTTPParseError) {
        var codings: [Substring] = []
        for value in transferEncodings {
            for element in value.split(separator: ",", omittingEmptySubsequences: false) {
                let coding = trimOWS(element)
                guard ByteClass.isToken(coding.utf8) else { throw .invalidTransferEncoding }
                codings.append(coding)
            }
        }
        let chunkedAt = codings.indices.filter { HTTPHeaders.equalsIgnoringCase(codings[$0], "chunked") }
        guard chunkedAt.count <= 1 else { throw .invalidTransferEncoding }
        if let at = chunkedAt.first, at != codings.count - 1 { throw .invalidTransferEncoding }
        guard chunkedAt.count == 1, codings.count == 1 else { throw .unsupportedTransferCoding }
    }

    /// RFC 9112 §3.2: an HTTP/1.1 request carries exactly one valid Host; 1.0 may omit it.
    func checkHost() throws(HTTPParseError) {
        guard hostLines <= 1 else { throw .missingHost }
        guard let host else {
            if version == .http11 { throw .missingHost }
            return
        }
        guard RequestTarget.isValidAuthority(host.utf8) else { throw .invalidHost }
    }

    /// RFC 9110 §10.1.1: only `100-continue` is understood; HTTP/1.0 expectations are ignored.
    mutating func checkExpect() throws(HTTPParseError) {
        guard version == .http11, let expect = headers["Expect"] else { return }
        guard HTTPHeaders.equalsIgnoringCase(expect, "100-continue") else { throw .expectationFailed }
        expectContinue = true
    }
}
