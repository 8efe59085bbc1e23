import JSON

/// What `demo` prints for a person: who is who, and a token each, in columns.
enum DemoTable {
    static func render(_ world: JSONValue) -> String {
        var rows: [[String]] = [["company", "user", "position", "token"]]
        if case .array(let users)? = world["users"] {
            for user in users {
                rows.append(["company", "email", "position", "token"].map { key in
                    if case .string(let text)? = user[key] { text } else { "" }
                })
            }
        }
        let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
        let table = rows.map { row in
            zip(row, widths).enumerated().map { $0 == 3 ? $1.0 : $1.0 + String(repeating: " ", count: $1.1 - $1.0.count) }
                .joined(separator: "  ")
        }
        let password = if case .string(let text)? = world["password"] { text } else { "" }
        var apiKey: [String] = []
        if case .string(let key)? = world["apiKey"]?["key"], case .string(let secret)? = world["apiKey"]?["secret"] {
            apiKey = ["", "An API key acting for admin@acme.example (exchange it at POST /oauth2/token with HTTP Basic key:secret):",
                      "  key     \(key)", "  secret  \(secret)"]
        }
        return (["Demo world — every user's password is \(password). Send a token as ?token=, X-Auth-Token or Authorization: Bearer.", ""]
                + table + apiKey + ["", "Run 'megaport-server demo' again for fresh tokens; add --json for scripts."]).joined(separator: "\n")
    }
}
