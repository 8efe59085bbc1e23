import JSON
import Testing

/// The parser's cost is linear in its input: duplicate members are found by hashing, and one object
/// may hold at most `defaultMaxMembers` members (hardening round two, finding 1).
@Suite struct JSONParserLimitTests {
    static func object(members count: Int, duplicateLast: Bool = false) -> String {
        var members = (0..<count).map { "\"k\($0)\":1" }
        if duplicateLast { members.append("\"k0\":2") }
        return "{" + members.joined(separator: ",") + "}"
    }

    @Test func duplicatesAreFoundWhereverTheyAre() throws {
        let text = Self.object(members: 999, duplicateLast: true)
        do {
            _ = try JSONParser.parse(text)
            Issue.record("a duplicate member was accepted")
        } catch {
            #expect(error.reason == "duplicate member \"k0\"" && error.offset == text.utf8.count - 3)
        }
    }

    @Test func anObjectMayHoldTheLimitAndNoMore() throws {
        let full = try JSONParser.parse(Self.object(members: JSONParser.defaultMaxMembers))
        if case .object(let object) = full { #expect(object.members.count == JSONParser.defaultMaxMembers) } else { Issue.record("not an object") }
        do {
            _ = try JSONParser.parse(Self.object(members: 64_000))
            Issue.record("64,000 members were accepted")
        } catch {
            #expect(error.reason == "more than 1000 members in one object")
            #expect(error.offset < 20_000, "refused at the 1,001st member, not after reading them all")
        }
    }
}
