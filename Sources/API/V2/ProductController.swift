import Domain
import HTTPCore
import HTTPServer
import JSON

/// `/v2/products`, `/v2/product/{uid}` and its tags. Paths take the uid (or the integer id).
struct ProductController {
    let products: ProductService

    static func id(_ context: RequestContext) -> String { context.parameters["uid"] ?? "" }

    func list(_ request: HTTPRequest, _ session: Session) async throws -> HTTPResponse {
        let gzip = Gzip.accepted(by: request)
        return Gzip.response(try await products.renderedList(by: session, as: gzip ? "v2/products+gzip" : "v2/products") { all in
            let json = JSONWriter.bytes(Envelope.body("Found \(all.count) products", data: .array(all.map(ProductJSON.product))))
            return gzip ? Gzip.compressedIfLarge(json) : json
        })
    }

    func get(_ context: RequestContext, _ session: Session) async throws -> HTTPResponse {
        Envelope.success("Product \(Self.id(context))", data: ProductJSON.product(try await products.product(Self.id(context), by: session)))
    }

    func tags(_ context: RequestContext, _ session: Session) async throws -> HTTPResponse {
        Envelope.success("Resource tags", data: ProductJSON.tags(try await products.tags(Self.id(context), by: session)))
    }

    /// `PUT /v2/product/{uid}/tags` with `{"resourceTags": [{"key", "value"}]}`: replaces them all.
    func setTags(_ request: HTTPRequest, _ context: RequestContext, _ session: Session) async throws -> HTTPResponse {
        guard case .object(let object) = try JSONParser.parse(request.body.isEmpty ? Array("{}".utf8) : request.body),
              case .array(let items)? = object["resourceTags"] else {
            throw DomainError.invalid("resourceTags", "is required: an array of {\"key\", \"value\"}")
        }
        var tags: [(key: String, value: String)] = []
        for (index, item) in items.enumerated() {
            guard case .string(let key)? = item["key"], case .string(let value)? = item["value"] else {
                throw DomainError.invalid("resourceTags[\(index)]", "must be {\"key\": text, \"value\": text}")
            }
            tags.append((key, value))
        }
        try await products.setTags(Self.id(context), tags, by: session)
        return Envelope.success("Resource tags replaced", data: ProductJSON.tags(tags))
    }
}
