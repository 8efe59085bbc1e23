import Domain
import HTTPCore
import HTTPServer

/// Company: the support contact details (phone and email) with the account-type rules for who sees
/// and who edits them — a user who may only view gets the values and no Save button — the billing
/// market, and the account manager fields Megaport keeps.
struct PortalCompany: Sendable {
    let app: Application

    func register(_ router: inout RouteGroup, _ portal: PortalRoutes) {
        portal.page(&router, .get, "/portal/company") { _, _, caller in try await page(caller) }
        portal.page(&router, .post, "/portal/company") { request, _, caller in
            let form = try PortalForm(request)
            let changes = ContactChanges(supportPhone: form.text("supportPhone"), supportEmail: form.text("supportEmail"))
            do {
                _ = try await app.accounts.updateContacts(of: caller.companyId, changes, by: caller.session)
                return try await page(caller, notice: "Support contact details saved.")
            } catch let error as DomainError {
                return try await page(caller, typed: form, errors: PortalPage.fieldErrors(error), status: ErrorMapping.httpError(from: error).status)
            }
        }
    }

    func page(_ caller: PortalCaller, notice: String? = nil, typed: PortalForm? = nil, errors: [String: String] = [:],
              status: HTTPStatus = .ok) async throws -> HTTPResponse {
        let contacts: SupportContacts
        do {
            contacts = try await app.accounts.contacts(of: caller.companyId, by: caller.session)
        } catch DomainError.forbidden(_, let message) {
            return PortalPage.page("Company", caller: caller, current: "Company", "<p>\(message)</p>")
        }
        let phone = typed?["supportPhone"] ?? contacts.supportPhone ?? "", email = typed?["supportEmail"] ?? contacts.supportEmail ?? ""
        func message(_ field: String, _ label: String) -> String? { errors[field].map { "\(label) \($0)" } }
        let details: Markup
        if contacts.editable {
            details = """
                <form method="post" action="/portal/company" class="card narrow" novalidate>\(PortalPage.csrf(caller))
                <label for="supportPhone">Support phone</label><input id="supportPhone" name="supportPhone" value="\(phone)" inputmode="tel">
                \(PortalPage.error(message("supportPhone", "Support phone")))
                <label for="supportEmail">Support email</label><input id="supportEmail" name="supportEmail" value="\(email)" type="email">
                \(PortalPage.error(message("supportEmail", "Support email")))
                \(PortalPage.error(errors["form"]))<button type="submit">Save</button></form>
                """
        } else {
            details = """
                <div class="card narrow"><p><strong>Support phone</strong><br>\(contacts.supportPhone ?? "—")</p>
                <p><strong>Support email</strong><br>\(contacts.supportEmail ?? "—")</p>
                <p class="muted">A \(caller.session.position.rawValue) may view these details; a Company Admin changes them.</p></div>
                """
        }
        let body: Markup = """
            \(notice.map { "<p class=\"notice\" role=\"status\">\($0)</p>" as Markup } ?? "")
            <h2>Support contact details</h2>\(details)
            <h2>Account</h2><div class="scroll"><table>
            <tr><th scope="row">Company</th><td>\(caller.companyName)</td></tr>
            <tr><th scope="row">Billing market</th><td>\(contacts.billingMarket ?? "not set")</td></tr>
            <tr><th scope="row">Account manager</th><td>\(contacts.accountManagerEmail ?? "—")</td></tr>
            <tr><th scope="row">Customer success manager</th><td>\(contacts.customerSuccessManagerEmail ?? "—")</td></tr></table></div>
            """
        return PortalPage.page("Company", caller: caller, current: "Company", status: status, body)
    }
}
