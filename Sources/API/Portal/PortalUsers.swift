import Domain
import HTTPCore
import HTTPServer

/// Users (Company Admins): the company's users, adding one, changing a position, deactivating.
struct PortalUsers: Sendable {
    let app: Application

    func register(_ router: inout RouteGroup, _ portal: PortalRoutes) {
        portal.page(&router, .get, "/portal/users") { _, _, caller in try await page(caller) }
        portal.page(&router, .post, "/portal/users") { request, _, caller in
            let form = try PortalForm(request)
            guard let position = form.text("position").flatMap(Position.init) else {
                return try await page(caller, errors: ["position": "Choose a position."], status: .unprocessableContent)
            }
            var user = NewUser(companyId: caller.companyId ?? caller.session.companyId, email: form.text("email") ?? "", position: position, password: form["password"] ?? "")
            user.firstName = form.text("firstName") ?? ""
            user.lastName = form.text("lastName") ?? ""
            do {
                _ = try await app.accounts.createUser(user, by: caller.session)
            } catch let error as DomainError {
                return try await page(caller, errors: PortalPage.fieldErrors(error), status: ErrorMapping.httpError(from: error).status)
            }
            return PortalPage.redirect("/portal/users")
        }
        portal.page(&router, .post, "/portal/users/:id") { request, context, caller in
            let form = try PortalForm(request)
            guard let id = context.parameters["id"].flatMap(Int64.init) else { throw DomainError.notFound("no such user") }
            let changes = UserChanges(position: form.text("position").flatMap(Position.init), active: form["deactivate"] == "yes" ? false : nil)
            _ = try await app.accounts.updateUser(id, changes, by: caller.session)
            return PortalPage.redirect("/portal/users")
        }
    }

    static func positions(selected: Position?) -> [Markup] {
        Position.allCases.map { "<option\($0 == selected ? " selected" as Markup : "")>\($0.rawValue)</option>" }
    }

    func page(_ caller: PortalCaller, errors: [String: String] = [:], status: HTTPStatus = .ok) async throws -> HTTPResponse {
        let users = try await app.accounts.users(of: caller.companyId, by: caller.session)
        let rows: [Markup] = users.map { user in
            """
            <tr><td>\(user.firstName) \(user.lastName)</td><td>\(user.email)</td><td>\(user.active ? "active" : "deactivated")</td>
            <td><form method="post" action="/portal/users/\(user.id)" class="inline">\(PortalPage.csrf(caller))
            <select name="position" aria-label="Position of \(user.email)">\(Self.positions(selected: user.position))</select><button type="submit" class="secondary">Change</button></form>
            \(user.active && user.id != caller.session.userId ? "<form method=\"post\" action=\"/portal/users/\(user.id)\" class=\"inline\">\(PortalPage.csrf(caller))<input type=\"hidden\" name=\"deactivate\" value=\"yes\"><button type=\"submit\" class=\"secondary\">Deactivate</button></form>" as Markup : "")</td></tr>
            """
        }
        let body: Markup = """
            <div class="scroll"><table><thead><tr><th>Name</th><th>Email</th><th>State</th><th>Position</th></tr></thead><tbody>\(rows)</tbody></table></div>
            <h2>Add a user</h2><form method="post" action="/portal/users" class="card narrow" novalidate>\(PortalPage.csrf(caller))
            <label for="u-email">Email</label><input id="u-email" name="email" type="email">\(PortalPage.error(errors["email"]))
            <label for="u-first">First name</label><input id="u-first" name="firstName">
            <label for="u-last">Last name</label><input id="u-last" name="lastName">
            <label for="u-position">Position</label><select id="u-position" name="position">\(Self.positions(selected: .technicalContact))</select>\(PortalPage.error(errors["position"]))
            <label for="u-password">Password</label><input id="u-password" name="password" type="password">\(PortalPage.error(errors["password"]))
            \(PortalPage.error(errors["form"]))<button type="submit">Add user</button></form>
            """
        return PortalPage.page("Users", caller: caller, current: "Users", status: status, body)
    }
}
