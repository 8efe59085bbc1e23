extension RequestParser {
    /// Finds the next CRLF-terminated line (RFC 9112 §2.2) in the unread bytes.
    /// - Returns: the range of the line without its CRLF, or nil if it is not complete yet.
    /// - Throws: on a bare CR or bare LF (both rejected, so every line is framed the same way), or when
    ///   the line outgrows `limit` (the error depends on which line it is).
    mutating func nextLine(_ buffer: ReadBuffer, limit: Int) throws(HTTPParseError) -> Range<Int>? {
        let start = buffer.readerIndex
        let end = buffer.bytes.count
        var index = start + scanned
        let found: Int? = buffer.bytes.withUnsafeBufferPointer { all -> Int? in
            while index < end {
                let byte = all[index]
                if byte == 0x0D || byte == 0x0A { return index }
                index += 1
            }
            return nil
        }
        guard let at = found else {
            scanned = end - start
            if scanned > limit { throw overflowError() }
            return nil
        }
        // The length is judged first, so a split never turns an over-long line into a framing error.
        guard at - start <= limit else { throw overflowError() }
        guard buffer.bytes[at] == 0x0D else { throw .bareLineFeed }
        if at + 1 == end {
            scanned = at - start  // wait for the byte after CR
            return nil
        }
        guard buffer.bytes[at + 1] == 0x0A else { throw .bareCarriageReturn }
        scanned = 0
        return start..<at
    }

    /// The error for a line over its limit, by where the parser is.
    func overflowError() -> HTTPParseError {
        switch state {
        case .start: .targetTooLong  // RFC 9112 §3: a long request line is a long target (method is capped)
        case .headers, .trailers: .headerTooLarge
        default: .invalidChunkSize
        }
    }
}
