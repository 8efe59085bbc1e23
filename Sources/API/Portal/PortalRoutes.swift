import Domain
import HTTPCore
import HTTPServer
import JSON

/// The web portal (server-rendered pages under `/portal`). Its errors are small HTML pages. Its pages
/// come with the portal issue; the collection and its renderer are here so that they land beside the
/// API surfaces.
struct PortalRoutes: APISurface {
    func render(_ error: HTTPError, traceId: String) -> HTTPResponse {
        let page = "<!doctype html><title>\(error.status.code)</title><h1>\(HTML.escape(error.message))</h1>"
            + "<p>Trace id: \(HTML.escape(traceId))</p>"
        var headers = error.headers
        headers.add("Content-Type", "text/html; charset=utf-8")
        return HTTPResponse(status: error.status, headers: headers, body: Array(page.utf8))
    }

    static var openAPIOperations: [(method: String, template: String, operation: JSONValue)] { [] }

    func register(_ router: inout RouteGroup) {}
}

/// Escaping for text placed in HTML.
enum HTML {
    /// `&`, `<`, `>`, `"` and `'` as entities.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
