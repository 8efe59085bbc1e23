import Domain
import HTTPCore
import HTTPServer
import JSON

/// The application: the database, the domain services and the HTTP responder built over them.
public final class Application: Sendable {
    /// The database.
    public let db: any DatabaseWriter
    /// Health and gauges for operators.
    public let operations: OperationsService
    /// Authentication and tokens.
    public let auth: AuthService
    /// Operator commands.
    public let admin: AdminService
    /// Locations.
    public let locations: LocationService
    /// Ordering ports, VXCs and IXs.
    public let orders: OrderService
    /// Network designs: several items validated and priced, or bought, in one transaction.
    public let designs: NetworkDesignService
    /// Viewing, changing and cancelling services.
    public let lifecycle: ServiceManagement
    /// The background stage that provisions, auto-approves, expires and decommissions.
    public let provisioning: ProvisioningStage
    /// Connection requests: the provider's decisions.
    public let approvals: ApprovalService
    /// Notification preferences and the outbox.
    public let notifications: NotificationService
    /// Delivers the outbox over SMTP, when a relay is configured.
    public let mail: MailWorker?
    /// Users, support contacts and billing markets.
    public let accounts: AccountService
    /// Providers' public profiles and ports.
    public let marketplace: MarketplaceService
    /// Providers' service keys.
    public let serviceKeys: ServiceKeyService
    /// Service profiles: what providers sell, and to whom.
    public let serviceProfiles: ServiceProfileService
    /// Customers' authorization keys, which resellers act with.
    public let authorizationKeys: AuthorizationKeyService
    /// Partners' self-service sub-accounts and the ports assigned to them.
    public let subAccounts: SubAccountService
    /// API keys and the OAuth token exchange.
    public let apiKeys: ApiKeyService
    /// Products as the v2 API shows them.
    public let products: ProductService
    /// The sandbox's controls, when the server runs as one (nil under `serve`).
    public let sandbox: Sandbox?
    /// Request counters and latency for `/metrics`.
    let metrics: Metrics
    /// This node's name (`/health`, `/metrics`).
    public let nodeName: String
    /// Whether the portal is reached over https (its cookies are then `Secure`).
    let secureCookies: Bool
    /// Structured logs.
    public let log: LogWriter
    /// The provisioning stage and the mail worker, started and stopped with the server.
    let background: BackgroundServices

    /// Builds the services over the configuration's database.
    public init(_ configuration: ApplicationConfiguration) {
        db = configuration.database
        nodeName = configuration.nodeName
        secureCookies = configuration.links.baseURL.lowercased().hasPrefix("https://")
        metrics = Metrics(node: configuration.nodeName)
        let provisioningDelayMillis = configuration.provisioningDelayMillis
        let approvalLifetimeMillis = configuration.approvalLifetimeMillis
        operations = OperationsService(db: db)
        auth = AuthService(db: db, tokenLifetime: configuration.tokenLifetimeMillis)
        admin = AdminService(db: db)
        locations = LocationService(db: db)
        provisioning = ProvisioningStage(db: db, delayMillis: provisioningDelayMillis)
        orders = OrderService(db: db, provisioning: provisioning, approvalLifetime: approvalLifetimeMillis, links: configuration.links)
        designs = NetworkDesignService(db: db, orders: orders)
        lifecycle = ServiceManagement(db: db, provisioning: provisioning, approvalLifetime: approvalLifetimeMillis, links: configuration.links)
        approvals = ApprovalService(db: db, provisioning: provisioning)
        notifications = NotificationService(db: db)
        accounts = AccountService(db: db, auth: auth)
        marketplace = MarketplaceService(db: db)
        serviceKeys = ServiceKeyService(db: db)
        serviceProfiles = ServiceProfileService(db: db)
        authorizationKeys = AuthorizationKeyService(db: db)
        subAccounts = SubAccountService(db: db)
        apiKeys = ApiKeyService(db: db, auth: auth)
        products = ProductService(db: db)
        let stage = provisioning, authService = auth
        sandbox = configuration.sandbox.map { Sandbox($0, db: configuration.database, provisioning: stage, auth: authService) }
        let database = db
        mail = configuration.mail.map { MailWorker(db: database, configuration: $0) }
        log = configuration.log
        let log = configuration.log
        // A seeded sandbox provisions in step with requests (RouteGroup), never on its own.
        let stages: [any BackgroundService] = configuration.sandbox?.seed == nil ? [provisioning] : []
        background = BackgroundServices(stages + (mail.map { [$0] } ?? [])) { service, failure in
            log.error("background work failed", ["service": .string(service), "error": .string(String(describing: failure))])
        }
    }

    /// Starts the background stages (the server runs them; one-shot commands do not).
    public func startBackgroundWork() {
        background.start()
    }

    /// Stops the background stages (the outbox keeps what was not delivered).
    public func stopBackgroundWork() async {
        await background.stop()
    }

    /// Every route of every surface, for documentation checks.
    public var routes: [(method: HTTPMethod, template: String, options: RouteOptions)] { Surfaces.router(self).registered }

    /// A server for this application (bound, not yet running).
    public func makeServer(_ configuration: ServerConfiguration, accessLog: Bool = true) throws -> Server {
        let log = self.log, metrics = self.metrics
        let render: ErrorRenderer = { error, traceId in ErrorMapping.render(error, traceId: traceId) }
        let record: AccessLogger = { entry in
            metrics.observe(entry)
            if accessLog { log.access(entry) }
        }
        // Each surface renders its own routes' errors; the same table answers the 100-continue preflight.
        let table = Surfaces.router(self).freeze(notFoundHint: "every route is listed at /openapi.json",
                                                  collapsingUnder: V2Routes.pathPrefixes), auth = self.auth
        let preflight: Preflight = { head in await PreflightCheck(routes: table, auth: auth).refusal(for: head) }
        let server = try Server(configuration: configuration, responder: table, renderError: render, accessLog: record,
                                preflight: preflight)
        metrics.connections.withLock { $0 = { server.openConnections } }
        return server
    }

    /// The demo world (idempotent), with fresh tokens.
    public func seedDemo() async throws -> JSONValue {
        try await DemoWorld(db: db, admin: admin, auth: auth).seed()
    }
}
