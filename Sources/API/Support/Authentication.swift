import Domain
import HTTPCore
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
