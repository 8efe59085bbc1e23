import HTTPCore
import JSON

/// The `/v2` response envelope and the error envelope used everywhere (API.md §1).
enum Envelope {
    /// The acceptable-use sentence every envelope carries.
    static let terms = "This data is subject to the Acceptable Use Policy https://www.megaport.com/legal/acceptable-use-policy"

    /// `{"message", "terms", "data"}` with status 200 (or the one given).
    static func success(_ message: String, data: JSONValue?, status: HTTPStatus = .ok) -> HTTPResponse {
        .json(status, JSONWriter.bytes(body(message, data: data)))
    }

    /// The envelope's JSON.
    static func body(_ message: String, data: JSONValue?) -> JSONValue {
        var object: JSONObject = ["message": .string(message), "terms": .string(terms)]
        if let data { object["data"] = data }
        return .object(object)
    }

    /// A bare JSON body (legacy `/secure` shapes: arrays, objects).
    static func json(_ value: JSONValue, status: HTTPStatus = .ok) -> HTTPResponse {
        .json(status, JSONWriter.bytes(value))
    }
}
