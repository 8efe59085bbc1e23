import Domain
import HTTPCore
import HTTPServer

/// The whole route table in one place.
enum Routes {
    static func build(_ app: Application) -> Router {
        var router = Router()
        let auth = app.auth
        let health = HealthController(operations: app.operations)
        let locations = LocationController(service: app.locations)
        let sessions = SessionController(auth: auth)
        let orders = OrderController(orders: app.orders)
        let services = ServiceController(lifecycle: app.lifecycle)
        let approvals = ApprovalController(approvals: app.approvals)
        let notifications = NotificationController(notifications: app.notifications)
        let accounts = AccountController(accounts: app.accounts)
        let marketplace = MarketplaceController(marketplace: app.marketplace)
        let keys = ServiceKeyController(keys: app.serviceKeys)

        router.on(.get, "/health") { request, _ in await health.health(request) }
        let metrics = app.metrics, operations = app.operations
        router.on(.get, "/metrics") { _, _ in
            HTTPResponse(status: .ok, headers: HTTPHeaders([("Content-Type", "text/plain; version=0.0.4; charset=utf-8")]),
                         body: Array(try await metrics.render(operations).utf8))
        }
        router.on(.get, "/openapi.json") { _, _ in .json(.ok, OpenAPIDocument.bytes) }

        router.on(.post, "/v2/login") { request, context in try await sessions.login(request, context) }
        router.on(.get, "/v2/logout", secure(auth) { _, _, session in try await sessions.logout(session) })
        router.on(.get, "/v2/logout/:token") { _, context in
            let response = try await sessions.logout(token: context.parameters["token"] ?? "")
            return response
        }

        router.on(.get, "/secure/dropdowns/locations", secure(auth) { _, _, _ in try await locations.dropdown() })
        router.on(.get, "/v2/locations", secure(auth) { request, _, _ in try await locations.v2Locations(request) })
        router.on(.get, "/secure/dropdowns/ix", secure(auth) { request, _, _ in try await orders.exchanges(request) })

        router.on(.post, "/secure/ecommerce/megaport/order", secure(auth) { request, _, session in try await orders.port(request, session) })
        router.on(.post, "/secure/ecommerce/vxc/order", secure(auth) { request, _, session in try await orders.vxc(request, session) })
        router.on(.post, "/secure/ecommerce/ix/order", secure(auth) { request, _, session in try await orders.ix(request, session) })

        router.on(.get, "/secure/technicalservice/:id", secure(auth) { _, context, session in try await services.get(context, session) })
        router.on(.put, "/secure/technicalservice/:id", secure(auth) { request, context, session in
            try await services.update(request, context, session)
        })
        router.on(.put, "/secure/technicalservice/:id/speed", secure(auth) { request, context, session in
            try await services.speed(request, context, session)
        })
        router.on(.post, "/secure/technicalservice/:id/cancel", secure(auth) { request, context, session in
            try await services.cancel(request, context, session)
        })

        router.on(.get, "/secure/approvals", secure(auth) { request, _, session in try await approvals.list(request, session) })
        router.on(.post, "/secure/approvals/:id/accept", secure(auth) { request, context, session in
            try await approvals.accept(request, context, session)
        })
        router.on(.post, "/secure/approvals/:id/deny", secure(auth) { request, context, session in
            try await approvals.deny(request, context, session)
        })
        router.on(.post, "/secure/approvals/:id/withdraw", secure(auth) { _, context, session in try await approvals.withdraw(context, session) })

        router.on(.get, "/secure/notifications/preferences", secure(auth) { _, context, session in try await notifications.get(context, session) })
        router.on(.put, "/secure/notifications/preferences", secure(auth) { request, context, session in
            try await notifications.put(request, context, session)
        })
        router.on(.get, "/secure/company/users/:id/notifications", secure(auth) { _, context, session in
            try await notifications.get(context, session)
        })
        router.on(.put, "/secure/company/users/:id/notifications", secure(auth) { request, context, session in
            try await notifications.put(request, context, session)
        })
        router.on(.get, "/secure/notifications/outbox", secure(auth) { request, _, session in try await notifications.outbox(request, session) })

        router.on(.get, "/secure/markets", secure(auth) { _, _, _ in try await accounts.markets() })
        router.on(.get, "/secure/company/contacts", secure(auth) { request, _, session in try await accounts.contacts(request, session) })
        router.on(.put, "/secure/company/contacts", secure(auth) { request, _, session in try await accounts.updateContacts(request, session) })
        router.on(.delete, "/secure/company/contacts", secure(auth) { _, _, _ in try AccountController.refuseDelete() })
        router.on(.put, "/secure/company/billing-market", secure(auth) { request, _, session in try await accounts.billingMarket(request, session) })
        router.on(.get, "/secure/company/users", secure(auth) { request, _, session in try await accounts.users(request, session) })
        router.on(.post, "/secure/company/users", secure(auth) { request, _, session in try await accounts.createUser(request, session) })
        router.on(.put, "/secure/company/users/:id", secure(auth) { request, context, session in
            try await accounts.updateUser(request, context, session)
        })

        router.on(.get, "/secure/marketplace", secure(auth) { _, _, _ in try await marketplace.list() })
        router.on(.put, "/secure/marketplace/profile", secure(auth) { request, _, session in try await marketplace.updateProfile(request, session) })

        router.on(.post, "/secure/servicekeys", secure(auth) { request, _, session in try await keys.create(request, session) })
        router.on(.get, "/secure/servicekeys", secure(auth) { request, _, session in try await keys.list(request, session) })
        router.on(.put, "/secure/servicekeys", secure(auth) { request, _, session in try await keys.update(request, session) })
        return router
    }
}
