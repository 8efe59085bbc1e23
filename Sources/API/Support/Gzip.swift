import CZlib
import HTTPCore

/// gzip content-coding (RFC 9110 §8.4.1.3) for large answers that are rendered once and served many
/// times (the cached service view and product list): compressed once with zlib, sent to clients that
/// ask for it — the Go SDK's HTTP transport and Python's requests ask by default and decompress
/// transparently; curl without `--compressed` does not ask and gets the plain answer.
enum Gzip {
    /// Bodies smaller than this are sent as they are (compression would not pay).
    static let threshold = 8 * 1024

    /// Whether the request's `Accept-Encoding` accepts gzip (`gzip`, `x-gzip` or `*`, unless with `q=0`).
    static func accepted(by request: HTTPRequest) -> Bool {
        guard let header = request.headers["Accept-Encoding"] else { return false }
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: " \t").lowercased() }
            guard let coding = parts.first, ["gzip", "x-gzip", "*"].contains(coding) else { continue }
            let weight = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return weight > 0
        }
        return false
    }

    /// `bytes` gzip-compressed, or `bytes` themselves when short or when zlib refuses.
    static func compressedIfLarge(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= threshold else { return bytes }
        var stream = z_stream()
        guard czlib_deflate_init_gzip(&stream, 6) == Z_OK else { return bytes }
        defer { deflateEnd(&stream) }
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))))
        let status = bytes.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { output in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = output.baseAddress
                stream.avail_out = uInt(output.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return bytes }
        out.removeSubrange(Int(stream.total_out)...)
        return out
    }

    /// A JSON answer of `bytes`, marked as gzip when they are (a gzip stream starts 1f 8b; JSON never does).
    static func response(_ bytes: [UInt8]) -> HTTPResponse {
        var response = HTTPResponse.json(.ok, bytes)
        if bytes.starts(with: [0x1F, 0x8B]) { response.headers.add("Content-Encoding", "gzip") }
        response.headers.add("Vary", "Accept-Encoding")
        return response
    }
}
