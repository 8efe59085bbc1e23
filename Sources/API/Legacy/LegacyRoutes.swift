import Domain
import HTTPCore
import HTTPServer
import JSON

/// The legacy API of the seed blog (API.md): `/secure/...` with `?token=`, `/v2/login` and `/v2/logout`.
/// Errors use the legacy envelope and the legacy field names.
struct LegacyRoutes: APISurface {
    let app: Application

    func render(_ error: HTTPError, traceId: String) -> HTTPResponse { ErrorMapping.render(error, traceId: traceId) }

    static var openAPIOperations: [(method: String, template: String, operation: JSONValue)] { OA.legacyOperations + OA.profileOperations + OA.resellerOperations }

    func register(_ router: inout RouteGroup) {
        let auth = app.auth
        let locations = LocationController(service: app.locations)
        let sessions = SessionController(auth: auth)
        let orders = OrderController(orders: app.orders)
        let services = ServiceController(lifecycle: app.lifecycle)
        let approvals = ApprovalController(approvals: app.approvals)
        let notifications = NotificationController(notifications: app.notifications)
        let accounts = AccountController(accounts: app.accounts)
        let marketplace = MarketplaceController(marketplace: app.marketplace)
        let keys = ServiceKeyController(keys: app.serviceKeys)
        let profiles = ServiceProfileController(profiles: app.serviceProfiles)
        let authorizationKeys = AuthorizationKeyController(keys: app.authorizationKeys)
        let subAccounts = SubAccountController(subAccounts: app.subAccounts)

        router.open(.post, "/v2/login", jsonBody: false) { request, context in try await sessions.login(request, context) }
        router.open(.post, "/v2/login/:token", jsonBody: false) { _, context in try await sessions.login(token: context.parameters["token"] ?? "") }
        // A logout changes state on GET (as clients call it) and POST; never on HEAD or OPTIONS.
        for method in [HTTPMethod.get, .post] {
            router.session(method, "/v2/logout", changesState: true) { _, _, session in try await sessions.logout(session) }
            router.open(method, "/v2/logout/:token", jsonBody: false, changesState: true) { _, context in
                try await sessions.logout(token: context.parameters["token"] ?? "")
            }
        }

        router.session(.get, "/secure/dropdowns/locations") { _, _, _ in try await locations.dropdown() }
        router.session(.get, "/v2/locations") { request, _, _ in try await locations.v2Locations(request) }
        router.session(.get, "/secure/dropdowns/ix") { request, _, _ in try await orders.exchanges(request) }

        router.session(.post, "/secure/ecommerce/megaport/order", fields: LegacyFieldNames.portOrder) { request, _, session in try await orders.port(request, session) }
        router.session(.post, "/secure/ecommerce/vxc/order", fields: LegacyFieldNames.vxcOrder) { request, _, session in try await orders.vxc(request, session) }
        router.session(.post, "/secure/ecommerce/ix/order", fields: LegacyFieldNames.ixOrder) { request, _, session in try await orders.ix(request, session) }

        router.session(.get, "/secure/technicalservice/:id") { request, context, session in try await services.get(request, context, session) }
        router.session(.put, "/secure/technicalservice/:id") { request, context, session in
            try await services.update(request, context, session)
        }
        router.session(.put, "/secure/technicalservice/:id/speed", fields: LegacyFieldNames.speedChange) { request, context, session in
            try await services.speed(request, context, session)
        }
        router.session(.post, "/secure/technicalservice/:id/cancel") { request, context, session in
            try await services.cancel(request, context, session)
        }

        router.session(.get, "/secure/approvals") { request, _, session in try await approvals.list(request, session) }
        router.session(.post, "/secure/approvals/:id/accept") { request, context, session in
            try await approvals.accept(request, context, session)
        }
        router.session(.post, "/secure/approvals/:id/deny") { request, context, session in
            try await approvals.deny(request, context, session)
        }
        router.session(.post, "/secure/approvals/:id/withdraw") { _, context, session in try await approvals.withdraw(context, session) }

        router.session(.get, "/secure/notifications/preferences") { _, context, session in try await notifications.get(context, session) }
        router.session(.put, "/secure/notifications/preferences") { request, context, session in
            try await notifications.put(request, context, session)
        }
        router.session(.get, "/secure/company/users/:id/notifications") { _, context, session in
            try await notifications.get(context, session)
        }
        router.session(.put, "/secure/company/users/:id/notifications") { request, context, session in
            try await notifications.put(request, context, session)
        }
        router.session(.get, "/secure/notifications/outbox") { request, _, session in try await notifications.outbox(request, session) }

        router.session(.get, "/secure/markets") { _, _, _ in try await accounts.markets() }
        router.session(.get, "/secure/company/contacts") { request, _, session in try await accounts.contacts(request, session) }
        router.session(.put, "/secure/company/contacts") { request, _, session in try await accounts.updateContacts(request, session) }
        router.session(.delete, "/secure/company/contacts") { _, _, _ in try AccountController.refuseDelete() }
        router.session(.put, "/secure/company/billing-market") { request, _, session in try await accounts.billingMarket(request, session) }
        router.session(.get, "/secure/company/users") { request, _, session in try await accounts.users(request, session) }
        router.session(.post, "/secure/company/users") { request, _, session in try await accounts.createUser(request, session) }
        router.session(.put, "/secure/company/users/:id") { request, context, session in
            try await accounts.updateUser(request, context, session)
        }

        router.session(.get, "/secure/marketplace") { _, _, _ in try await marketplace.list() }
        router.session(.put, "/secure/marketplace/profile") { request, _, session in try await marketplace.updateProfile(request, session) }

        router.session(.post, "/secure/servicekeys", fields: LegacyFieldNames.serviceKeys) { request, _, session in try await keys.create(request, session) }
        router.session(.get, "/secure/servicekeys") { request, _, session in try await keys.list(request, session) }
        router.session(.put, "/secure/servicekeys", fields: LegacyFieldNames.serviceKeys) { request, _, session in try await keys.update(request, session) }

        router.session(.post, "/secure/serviceprofiles", changesState: true) { request, _, session in try await profiles.create(request, session) }
        router.session(.get, "/secure/serviceprofiles") { request, _, session in try await profiles.list(request, session) }
        router.session(.get, "/secure/serviceprofiles/:uid") { _, context, session in try await profiles.get(context, session) }
        router.session(.put, "/secure/serviceprofiles/:uid", changesState: true) { request, context, session in
            try await profiles.update(request, context, session)
        }
        router.session(.delete, "/secure/serviceprofiles/:uid", changesState: true) { _, context, session in try await profiles.delete(context, session) }

        router.session(.post, "/secure/company/authorizationkeys", changesState: true) { request, _, session in
            try await authorizationKeys.create(request, session)
        }
        router.session(.get, "/secure/company/authorizationkeys") { _, _, session in try await authorizationKeys.list(session) }
        router.session(.delete, "/secure/company/authorizationkeys/:id", changesState: true) { _, context, session in
            try await authorizationKeys.revoke(context, session)
        }
        router.session(.get, "/secure/company/:id/subaccount") { _, context, session in try await subAccounts.get(context, session) }
        router.session(.put, "/secure/company/:id/subaccount", changesState: true) { request, context, session in
            try await subAccounts.configure(request, context, session)
        }
        router.session(.put, "/secure/company/:id/assignedports", changesState: true) { request, context, session in
            try await subAccounts.assign(request, context, session)
        }
    }
}
