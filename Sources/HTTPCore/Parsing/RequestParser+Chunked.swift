/// RFC 9112 §7.1: the chunked transfer coding, decoded incrementally into the body.
extension RequestParser {
    /// Advances through chunk lines, data and trailers.
    /// - Returns: true when the last chunk and trailer section are complete.
    mutating func parseChunked(_ buffer: inout ReadBuffer) throws(HTTPParseError) -> Bool {
        while true {
            switch state {
            case .chunkSize:
                guard let line = try nextLine(buffer, limit: limits.maxChunkLine) else { return false }
                let size = try Self.chunkSize(buffer.bytes[line])
                buffer.consume(line.count + 2)
                guard size <= limits.maxBodyBytes - body.count else { throw .bodyTooLarge }  // RFC 9110 §15.5.14
                state = size == 0 ? .trailers : .chunkData(remaining: size)
            case .chunkData(let remaining):
                let take = min(remaining, buffer.readableCount)
                guard take > 0 else { return false }
                body.append(contentsOf: buffer.bytes[buffer.readerIndex..<buffer.readerIndex + take])
                buffer.consume(take)
                state = take == remaining ? .chunkDataEnd : .chunkData(remaining: remaining - take)
            case .chunkDataEnd:
                // chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF — the data's CRLF exactly.
                let available = buffer.readableCount
                if available >= 1 && buffer.bytes[buffer.readerIndex] != 0x0D { throw .invalidChunkTerminator }
                guard available >= 2 else { return false }
                guard buffer.bytes[buffer.readerIndex + 1] == 0x0A else { throw .invalidChunkTerminator }
                buffer.consume(2)
                state = .chunkSize
            case .trailers:
                // RFC 9112 §7.1.2: trailer fields use the header grammar and limits, and are discarded,
                // so they can never affect framing, routing or authentication.
                guard let line = try nextLine(buffer, limit: limits.maxHeaderLine) else { return false }
                trailerBytes += line.count + 2
                guard trailerBytes <= limits.maxHeaderBytes else { throw .headerTooLarge }
                let isEnd = line.isEmpty
                if !isEnd {
                    var scratch = HeadBuilder()
                    try scratch.parseFieldLine(buffer.bytes[line], limits: limits)
                }
                buffer.consume(line.count + 2)
                if isEnd { return true }
            default:
                return false
            }
        }
    }

    /// `chunk-size [ chunk-ext ]`: 1–16 hex digits parsed by hand (no sign, no `0x`), then
    /// `*( BWS ";" BWS ext-name [ BWS "=" BWS ext-val ] )` (RFC 9112 §7.1.1), extensions ignored.
    static func chunkSize(_ line: ArraySlice<UInt8>) throws(HTTPParseError) -> Int {
        var index = line.startIndex
        var size: UInt64 = 0
        while index < line.endIndex, let digit = ByteClass.hexValue(line[index]) {
            guard index - line.startIndex < 16 else { throw .invalidChunkSize }
            size = size << 4 | UInt64(digit)
            index += 1
        }
        guard index > line.startIndex, size <= UInt64(Int.max) else { throw .invalidChunkSize }
        try ChunkExtensions.validate(line[index...])
        return Int(size)
    }
}

/// The grammar of chunk extensions, validated and then ignored.
enum ChunkExtensions {
    static func validate(_ rest: ArraySlice<UInt8>) throws(HTTPParseError) {
        var index = rest.startIndex
        func skipBWS() { while index < rest.endIndex && (rest[index] == 0x20 || rest[index] == 0x09) { index += 1 } }
        func token() -> Bool {
            let start = index
            while index < rest.endIndex && ByteClass.isTokenChar(rest[index]) { index += 1 }
            return index > start
        }
        while index < rest.endIndex {
            skipBWS()
            // "5 " (white space then end) and "2 abc" are errors: BWS may only precede ";".
            guard index < rest.endIndex, rest[index] == 0x3B else { throw index == rest.startIndex ? .invalidChunkSize : .invalidChunkExtension }
            index += 1
            skipBWS()
            guard token() else { throw .invalidChunkExtension }
            skipBWS()
            guard index < rest.endIndex, rest[index] == 0x3D else { continue }
            index += 1
            skipBWS()
            if index < rest.endIndex && rest[index] == 0x22 {
                index = try quotedStringEnd(rest, from: index)
            } else if !token() {
                throw .invalidChunkExtension
            }
        }
    }

    /// RFC 9110 §5.6.4: `DQUOTE *( qdtext / quoted-pair ) DQUOTE`; returns the index after it.
    static func quotedStringEnd(_ bytes: ArraySlice<UInt8>, from start: Int) throws(HTTPParseError) -> Int {
        var index = start + 1
        while index < bytes.endIndex {
            let byte = bytes[index]
            switch byte {
            case 0x22: return index + 1
            case 0x5C:
                guard index + 1 < bytes.endIndex, ByteClass.isFieldValueChar(bytes[index + 1]) else {
                    throw .invalidChunkExtension
                }
                index += 2
            default:
                guard ByteClass.isFieldValueChar(byte) else { throw .invalidChunkExtension }
                index += 1
            }
        }
        throw .invalidChunkExtension
    }
}
