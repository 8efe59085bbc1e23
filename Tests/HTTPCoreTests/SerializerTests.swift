import HTTPCore
import Testing

/// The response head is written byte by byte (no `String` per piece): the exact bytes, and numbers at
/// their edges.
@Suite struct SerializerTests {
    static let date = "Wed, 02 Dec 2026 05:17:37 GMT"

    @Test func theHeadIsWrittenExactly() {
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/json")
        headers.add("X-Note", "café")
        let response = HTTPResponse(status: .ok, headers: headers, body: Array(#"{"a":1}"#.utf8))
        let bytes = ResponseSerializer.serialize(response, date: Self.date, keepAlive: true)
        #expect(String(decoding: bytes, as: UTF8.self) == "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Note: café\r\n"
            + "Content-Length: 7\r\nDate: \(Self.date)\r\n\r\n{\"a\":1}")
        let closing = ResponseSerializer.serialize(HTTPResponse(status: .notFound), date: Self.date, keepAlive: false, requestVersion: .http10)
        #expect(String(decoding: closing, as: UTF8.self) == "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nDate: \(Self.date)\r\nConnection: close\r\n\r\n")
        let head = ResponseSerializer.serialize(HTTPResponse(status: .ok, body: Array(repeating: 0x41, count: 1_048_576)), date: Self.date,
                                                keepAlive: true, requestVersion: .http10, omitBody: true)
        #expect(String(decoding: head, as: UTF8.self) == "HTTP/1.1 200 OK\r\nContent-Length: 1048576\r\nDate: \(Self.date)\r\nConnection: keep-alive\r\n\r\n",
                "HEAD: the length of the GET, no content")
        #expect(String(decoding: ResponseSerializer.serialize(HTTPResponse(status: .noContent), date: Self.date, keepAlive: true), as: UTF8.self)
                == "HTTP/1.1 204 No Content\r\nDate: \(Self.date)\r\n\r\n")
    }

    @Test func contentLengthCountsBytesNotCharacters() {
        let body = Array(#"{"name":"Zürich ☃"}"#.utf8)
        let bytes = ResponseSerializer.serialize(HTTPResponse.json(.created, body), date: Self.date, keepAlive: true)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n"))
        #expect(body.count == 22 && text.hasSuffix("\r\n\r\n" + #"{"name":"Zürich ☃"}"#))
    }

    @Test func literalsAndStringsAppendTheirBytes() {
        var bytes: [UInt8] = []
        bytes.append(literal: ">")  // a one-scalar literal may be stored without a pointer
        bytes.append(literal: "é→")
        bytes.append(literal: "")
        bytes.append(utf8: "")
        bytes.append(utf8: "plain")
        bytes.append(utf8: "naïve ☃")
        bytes.append(utf8: String("a long string, sliced from another one".dropFirst(2)))
        #expect(String(decoding: bytes, as: UTF8.self) == ">é→plainnaïve ☃long string, sliced from another one")
    }

    @Test(arguments: [0, 7, 10, 42, 99, 100, 1_234_567_890, -1, -10, Int.max, Int.min])
    func decimalsMatchTheStandardLibrary(_ value: Int) {
        var bytes: [UInt8] = [0x3C]
        bytes.append(decimal: value)
        bytes.append(literal: ">")
        #expect(String(decoding: bytes, as: UTF8.self) == "<\(value)>")
    }
}
