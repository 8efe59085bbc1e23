import Domain
import HTTPCore
import JSON
import HTTPServer

extension Session: Identity {}

/// Finds the session token a request presents (API.md §1): `?token=` (legacy scripts),
/// `X-Auth-Token` (v2 clients) or `Authorization: Bearer` — in that order of precedence.
enum Credentials {
    static func token(in request: HTTPRequest) -> String? {
        if let token = request.uri.queryValue("token"), !token.isEmpty { return token }
        if let token = request.headers["X-Auth-Token"], !token.isEmpty { return token }
        if let authorization = request.headers["Authorization"] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2, HTTPHeaders.equalsIgnoringCase(parts[0], "Bearer") {
                return parts[1].trimmingCharacters(in: " \t")
            }
        }
        return nil
    }

    /// A customer's authorization key a reseller presents: the `X-Authorization-Key` header, or the
    /// `authorizationKey` member of a JSON body (looked for only when the body names it).
    static func authorizationKey(in request: HTTPRequest) -> String? {
        if let key = request.headers["X-Authorization-Key"], !key.isEmpty { return key }
        guard request.body.count > 20, request.body.count <= 1 << 20, mentions(request.body, Self.keyMember),
              case .string(let key)? = (try? JSONParser.parse(request.body))?["authorizationKey"], !key.isEmpty else { return nil }
        return key
    }

    private static let keyMember = Array(#""authorizationKey""#.utf8)

    /// Whether `bytes` contain `needle`: one pass over the bytes, comparing only where the first byte matches.
    static func mentions(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        return bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { wanted in
                var index = 0
                let last = haystack.count - wanted.count
                while index <= last {
                    if haystack[index] == first, haystack[index..<index + wanted.count].elementsEqual(wanted) { return true }
                    index += 1
                }
                return false
            }
        }
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        let chars = Set(set)
        var s = self
        while let f = s.first, chars.contains(f) { s.removeFirst() }
        while let l = s.last, chars.contains(l) { s.removeLast() }
        return String(s)
    }
}
