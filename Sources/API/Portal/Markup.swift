/// HTML built by string interpolation that escapes every interpolated value unless it already is
/// `Markup`: the portal's one template helper, so a company named `<script>` renders as text.
struct Markup: ExpressibleByStringInterpolation, Sendable {
    let text: String

    init(stringLiteral value: String) { text = value }
    init(stringInterpolation: Interpolation) { text = stringInterpolation.text }
    init(raw: String) { text = raw }

    /// Markup pieces one after another.
    init(_ parts: [Markup]) { text = parts.map(\.text).joined() }

    struct Interpolation: StringInterpolationProtocol {
        var text = ""
        init(literalCapacity: Int, interpolationCount: Int) { text.reserveCapacity(literalCapacity * 2) }
        mutating func appendLiteral(_ literal: String) { text += literal }
        /// Text: escaped.
        mutating func appendInterpolation(_ value: String) { text += HTML.escape(value) }
        /// Optional text: escaped, nothing for nil.
        mutating func appendInterpolation(_ value: String?) { text += HTML.escape(value ?? "") }
        /// Numbers and other values: their description, escaped.
        mutating func appendInterpolation<T: CustomStringConvertible>(_ value: T) { text += HTML.escape(value.description) }
        /// Markup: as it is.
        mutating func appendInterpolation(_ markup: Markup) { text += markup.text }
        /// A list of markup: as it is, one after another.
        mutating func appendInterpolation(_ parts: [Markup]) { for part in parts { text += part.text } }
    }
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
