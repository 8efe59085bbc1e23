import HTTPCore
import JSON

/// What a 404 says: the method and path that matched nothing and, when a route is close (a typo, a
/// missing `s`, another version prefix), that route with the request's own values in its parameters.
extension RouteTable {
    /// The 404 for a request no route matches.
    func notFound(_ request: HTTPRequest) -> HTTPError {
        let path = request.uri.path
        var message = "no route for \(request.method.rawValue) \(String(path.prefix(200)))"
        var details = JSONObject()
        if let near = suggestion(for: request.uri.segments) {
            message += "; did you mean \(near)?"
            details["suggestion"] = .string(near)
        }
        if let hint = notFoundHint { message += " (\(hint))" }
        return HTTPError(.notFound, code: "not_found", message: message, details: details)
    }

    /// The closest route to `segments`, if one is within two edits in all.
    func suggestion(for segments: [String]) -> String? {
        var best: (path: String, cost: Int)?
        for template in templates {
            let pattern = RoutePattern(template)
            guard pattern.segments.count == segments.count else { continue }
            var cost = 0
            var filled: [String] = []
            for (segment, actual) in zip(pattern.segments, segments) {
                switch segment {
                case .literal(let text):
                    cost += text == actual ? 0 : Self.editDistance(text, actual, limit: 3)
                    filled.append(text)
                case .parameter: filled.append(actual)
                }
                if cost > 2 { break }
            }
            if cost > 0, cost <= 2, cost < best?.cost ?? Int.max { best = ("/" + filled.joined(separator: "/"), cost) }
        }
        return best?.path
    }

    /// Levenshtein distance, giving up (returning `limit`) once it must exceed it.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a.utf8), b = Array(b.utf8)
        guard abs(a.count - b.count) < limit, a.count < 256, b.count < 256 else { return limit }
        guard !a.isEmpty, !b.isEmpty else { return min(max(a.count, b.count), limit) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            if current.min() ?? 0 >= limit { return limit }
            previous = current
        }
        return min(previous[b.count], limit)
    }
}
