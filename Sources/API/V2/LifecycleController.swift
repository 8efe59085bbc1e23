import Domain
import HTTPCore
import HTTPServer
import JSON

/// Locks, lifecycle actions and the VLAN check on the v2 surface. Every answer is a JSON body (megaLib
/// reads one even where the Go SDK ignores it).
struct LifecycleController {
    let services: ServiceManagement
    let products: ProductService

    static func uid(_ context: RequestContext) -> String { context.parameters["uid"] ?? "" }

    func product(_ uid: String, _ session: Session, message: String) async throws -> HTTPResponse {
        Envelope.success(message, data: ProductJSON.product(try await products.product(uid, by: session)))
    }

    func lock(_ context: RequestContext, _ session: Session, locked: Bool) async throws -> HTTPResponse {
        _ = try await services.setLocked(Self.uid(context), locked, by: session)
        return try await product(Self.uid(context), session, message: locked ? "Product locked" : "Product unlocked")
    }

    /// `POST /v2|v3/product/{uid}/action/{CANCEL,CANCEL_NOW,UN_CANCEL}[?safeDelete=true]`. There is no billing
    /// term here, so CANCEL (at the end of the term) ends a VXC or IX at once like CANCEL_NOW; ports and
    /// routers are cancelled with CANCEL_NOW, as the clients themselves insist. Without `safeDelete=true` a port's VXCs
    /// and IXs are cancelled with it; with it, a port that carries any is refused (409, naming them).
    func action(_ request: HTTPRequest, _ context: RequestContext, _ session: Session) async throws -> HTTPResponse {
        let uid = Self.uid(context)
        let safe = request.uri.queryValue("safeDelete")
        guard safe == nil || safe == "true" || safe == "false" else { throw DomainError.invalid("safeDelete", "must be true or false") }
        switch context.parameters["action"] ?? "" {
        case "CANCEL_NOW":
            _ = try await services.cancel(uid, cascade: safe != "true", by: session)
            return try await product(uid, session, message: "Product cancelled")
        case "CANCEL":
            let current = try await products.product(uid, by: session)
            guard !current.view.service.productType.carriesVXCs else {
                throw DomainError.invalid("action", "a port or cloud router is cancelled with CANCEL_NOW")
            }
            _ = try await services.cancel(uid, cascade: false, by: session)
            return try await product(uid, session, message: "Product cancelled")
        case "UN_CANCEL":
            _ = try await services.restore(uid, by: session)
            return try await product(uid, session, message: "Product restored")
        default:
            throw DomainError.invalid("action", "must be CANCEL, CANCEL_NOW or UN_CANCEL")
        }
    }

    /// `GET /v2/product/port/{uid}/vlan?vlan=N` → `data: [N]` when N is free (clients test membership).
    func vlan(_ request: HTTPRequest, _ context: RequestContext, _ session: Session) async throws -> HTTPResponse {
        guard let text = request.uri.queryValue("vlan") else { throw DomainError.invalid("vlan", "is required") }
        guard let vlan = Identifier.parse(text).map(Int.init) else {
            throw DomainError.invalid("vlan", "must be 0 to 4094")
        }
        let free = try await services.freeVlans(onPort: Self.uid(context), near: vlan, by: session)
        return Envelope.success(free.contains(vlan) ? "VLAN \(vlan) is available" : "VLAN \(vlan) is not available",
                                data: .array(free.map { .int(Int64($0)) }))
    }
}
