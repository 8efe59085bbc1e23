import API
import Foundation
import JSON
import TestSupport
import Testing

/// The documentation is kept true: `docs/api.md` lists exactly the routes the server has, with the
/// error statuses `/openapi.json` gives them, and no page links outside the repository.
@Suite struct DocumentationTests {
    static let root = URL(fileURLWithPath: TempDatabase.schemaDirectory).deletingLastPathComponent().path

    static func page(_ name: String) throws -> String { try String(contentsOfFile: root + "/" + name, encoding: .utf8) }

    @Test func theRouteTableOfTheAPIPageIsTheRouter() async throws {
        let world = try await APIWorld.shared.value
        var documented: [String: String] = [:]
        for line in try Self.page("docs/api.md").split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 5 else { continue }
            documented["\(cells[0].trimmingCharacters(in: ["`"])) \(cells[1].trimmingCharacters(in: ["`"]))"] = cells[4]
        }
        let routed = Set(world.apiRoutes.map { route in
            "\(route.method.rawValue) " + route.template.split(separator: "/", omittingEmptySubsequences: false)
                .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
        })
        #expect(Set(documented.keys) == routed, "missing: \(routed.subtracting(documented.keys)); extra: \(Set(documented.keys).subtracting(routed))")
        let (_, openapi) = try await world.callJSON("GET", "/openapi.json", as: "readonly@acme.example")
        for (route, errors) in documented {
            let parts = route.split(separator: " ", maxSplits: 1).map(String.init)
            guard case .object(let responses)? = openapi["paths"]?[parts[1]]?[parts[0].lowercased()]?["responses"] else {
                Issue.record("\(route) is not in /openapi.json"); continue
            }
            let statuses = responses.members.map(\.key).filter { $0.hasPrefix("4") || $0.hasPrefix("5") }.sorted().joined(separator: ", ")
            #expect((statuses.isEmpty ? "—" : statuses) == errors, "\(route): the page says \(errors), /openapi.json \(statuses)")
        }
    }

    @Test func noPageLinksOutsideTheRepository() throws {
        let pages = ["README.md"] + (try FileManager.default.contentsOfDirectory(atPath: Self.root + "/docs")).map { "docs/" + $0 }
        for name in pages where name.hasSuffix(".md") {
            let text = try Self.page(name)
            #expect(!text.contains("../shared") && !text.contains("shared/API.md") && !text.contains("reference/http-conformance"), "\(name)")
            for link in text.split(separator: "](").dropFirst().compactMap({ $0.split(separator: ")").first }) {
                let target = String(link.split(separator: "#").first ?? "")
                guard !target.isEmpty else { continue }
                #expect(!target.hasPrefix("http"), "\(name) links outside the repository: \(target)")
                if target.hasPrefix("http") { continue }
                let base = name.hasPrefix("docs/") ? Self.root + "/docs/" : Self.root + "/"
                #expect(!target.hasPrefix("..") || name.hasPrefix("docs/"), "\(name) links \(target)")
                #expect(FileManager.default.fileExists(atPath: URL(fileURLWithPath: base + target).standardized.path), "\(name) links \(target)")
            }
        }
    }
}
