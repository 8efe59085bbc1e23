import JSON
import Testing

/// What clients parse: RFC 8259 escaping, member order, and a writer/parser round trip.
@Suite struct JSONWriterTests {
    @Test(arguments: [
        ("plain", #""plain""#),
        ("say \"hi\"", #""say \"hi\"""#),
        ("back\\slash", #""back\\slash""#),
        ("line\nbreak\r\ttab", #""line\nbreak\r\ttab""#),
        ("\u{01}\u{1F}\u{7F}", #""\u0001\u001f\u007f""#),
        ("Zürich — 東京 🚀", "\"Zürich — 東京 🚀\""),
        ("", #""""#),
        ("\"", #""\"""#),
    ])
    func stringsAreEscaped(_ text: String, _ expected: String) throws {
        #expect(JSONWriter.string(.string(text)) == expected)
        #expect(try JSONParser.parse(JSONWriter.bytes(.string(text))) == .string(text), "parses back to the same text")
    }

    @Test func objectsKeepTheirMembersInOrder() {
        let value: JSONValue = ["z": 1, "a": [true, nil, "x"], "m": ["inner": 2.5]]
        #expect(JSONWriter.string(value) == #"{"z":1,"a":[true,null,"x"],"m":{"inner":2.5}}"#)
    }

    @Test func assigningAnExistingKeyReplacesItInPlace() {
        var object: JSONObject = ["a": 1, "b": 2]
        object["a"] = 3
        object["c"] = 4
        object["b"] = nil
        #expect(JSONWriter.string(.object(object)) == #"{"a":3,"c":4}"#)
    }
}
