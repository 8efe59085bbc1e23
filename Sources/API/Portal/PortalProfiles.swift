import Domain
import HTTPCore
import HTTPServer

/// Profiles: buying from the service profiles the company may buy from (each with its ports, speeds and
/// the fields its provider asks for: **Buy** orders the VXC), and — for Company Admins — selling: the
/// company's own profiles (**Delete**) and a form to create one with up to three buyer fields.
struct PortalProfiles: Sendable {
    let app: Application

    func register(_ router: inout RouteGroup, _ portal: PortalRoutes) {
        portal.page(&router, .get, "/portal/profiles") { _, _, caller in try await page(caller) }
        portal.page(&router, .post, "/portal/profiles") { request, _, caller in
            let form = try PortalForm(request)
            do {
                _ = try await app.serviceProfiles.create(caller.session, companyId: caller.companyId, PortalProfileForms.content(form))
                return PortalPage.redirect("/portal/profiles")
            } catch let error as DomainError {
                return try await page(caller, typed: form, errors: PortalPage.fieldErrors(error), status: ErrorMapping.httpError(from: error).status)
            }
        }
        portal.page(&router, .post, "/portal/profiles/:uid/delete") { _, context, caller in
            try await app.serviceProfiles.delete(caller.session, uid: try ServiceProfileController.uid(context))
            return PortalPage.redirect("/portal/profiles")
        }
        portal.page(&router, .post, "/portal/profiles/:uid/buy") { request, context, caller in
            let uid = try ServiceProfileController.uid(context), form = try PortalForm(request)
            let (view, _) = try await app.serviceProfiles.get(caller.session, uid: uid)
            var order = VXCOrder(aEndId: form.text("aEnd").flatMap(Int64.init) ?? 0, bEndId: form.text("bEnd").flatMap(Int64.init),
                                 aVlan: form.text("aVlan").map { Int($0) ?? -2 } ?? 0, bVlan: 0, speed: form.text("speed").flatMap(Int.init) ?? 0)
            order.serviceProfileUid = uid
            for field in view.profile.buyerFields { if let value = form.text("field-\(field.key)") { order.buyerFields[field.key] = .text(value) } }
            do {
                guard case .fresh(let result, _) = try await app.orders.orderVXC(order, by: caller.session) else { return PortalPage.redirect("/portal/services") }
                return PortalPage.redirect("/portal/services/\(result.serviceId)")
            } catch let error as DomainError {
                return try await page(caller, buying: uid, errors: PortalPage.fieldErrors(error), status: ErrorMapping.httpError(from: error).status)
            }
        }
    }

    func page(_ caller: PortalCaller, typed: PortalForm? = nil, buying: String? = nil, errors: [String: String] = [:],
              status: HTTPStatus = .ok) async throws -> HTTPResponse {
        let ownPorts = try await app.products.list(of: caller.companyId, by: caller.session).map(\.view.service)
            .filter { $0.productType.carriesVXCs && $0.status.isReady }
        let buyable = try await app.serviceProfiles.buyable(caller.session, companyId: caller.companyId)
        let cards = buyable.map { PortalProfileForms.buyCard($0, ownPorts: ownPorts, caller, errors: $0.profile.uid == buying ? errors : [:]) }
        var selling: Markup = ""
        if caller.session.position == .companyAdmin {
            let own = try await app.serviceProfiles.own(caller.session, companyId: caller.companyId)
            selling = PortalProfileForms.selling(own, ports: ownPorts, caller, typed: typed, errors: buying == nil ? errors : [:])
        }
        let body: Markup = """
            <h2>Buy</h2>\(cards.isEmpty ? "<p>No service profiles are offered to you yet.</p>" as Markup : Markup(cards))\(selling)
            """
        return PortalPage.page("Profiles", caller: caller, current: "Profiles", status: status, body)
    }
}
