import Model
import Persistence
import Storage

/// Network designs (`/v3/networkdesign/validate`, `/v4/networkdesign/buy`): every item is placed with the
/// same rules as its single order (PortOrdering, VXCOrdering, IXOrdering) and priced from the price book,
/// all in one transaction. Validation places the design and rolls it back, so it checks exactly what a buy
/// would, against current state, and changes nothing.
public struct NetworkDesignService: Sendable {
    let db: any DatabaseWriter
    let orders: OrderService

    public init(db: any DatabaseWriter, orders: OrderService) {
        self.db = db
        self.orders = orders
    }

    /// The rolled-back result of a validation.
    struct DryRun: Error {
        let lines: [DesignLine]
    }

    /// Each item's product and price, with nothing kept.
    public func validate(_ items: [DesignItem], by session: Session) async throws -> [DesignLine] {
        try Self.check(items)
        let lifetime = orders.approvalLifetime, links = orders.links
        do {
            _ = try await db.write { conn -> Bool in
                throw DryRun(lines: try Self.place(conn, items, session: session, lifetime: lifetime, links: links, now: Now.millis()))
            }
        } catch let run as DryRun {
            return run.lines
        }
        preconditionFailure("a validation's transaction always throws DryRun or the refusal")
    }

    /// Orders every item in one transaction: all of them or none. With an idempotency key, a repeat
    /// within 24 hours answers the first buy again instead of ordering twice.
    public func buy(_ items: [DesignItem], by session: Session,
                    idempotency: IdempotencyRequest<[DesignLine]>? = nil) async throws -> Idempotent<[DesignLine]> {
        try Self.check(items)
        let lifetime = orders.approvalLifetime, links = orders.links
        let result = try await IdempotentWrite.run(db, idempotency) { conn, now in
            try Self.place(conn, items, session: session, lifetime: lifetime, links: links, now: now)
        }
        orders.provisioning?.poke()
        return result
    }

    /// The rules that need no database, for every item.
    static func check(_ items: [DesignItem]) throws {
        guard !items.isEmpty else { throw DomainError.invalid("networkDesign", "must hold at least one item") }
        for (index, item) in items.enumerated() { try validate(item, index: index) }
    }

    static func place(_ db: any DatabaseConnection, _ items: [DesignItem], session: Session, lifetime: Int64, links: PortalLinks,
                      now: Int64) throws -> [DesignLine] {
        try items.enumerated().flatMap { index, item in
            do {
                return try place(db, item, session: session, lifetime: lifetime, links: links, now: now)
            } catch let error as DomainError {
                throw underItem(error, index)
            }
        }
    }

    /// The error with its fields under the item's place in the design (`networkDesign[2].rateLimit`).
    static func underItem(_ error: DomainError, _ index: Int) -> DomainError {
        let place = { (field: String) in "networkDesign[\(index)].\(field)" }
        switch error {
        case .invalid(let errors): return .invalid(errors.map { FieldError(place($0.field), $0.message) })
        case .unprocessable(let code, let field, let message): return .unprocessable(code: code, field: place(field), message: message)
        case .vlanUnavailable(let field, let vlan, let portId, let suggestions):
            return .vlanUnavailable(field: place(field), vlan: vlan, portId: portId, suggestions: suggestions)
        default: return error
        }
    }

    static func validate(_ item: DesignItem, index: Int) throws {
        do {
            switch item {
            case .port(let order, let lagPorts, let term, let settings, let tags):
                try PortOrdering.validate(order)
                if !(1...8).contains(lagPorts) { throw DomainError.invalid("lagPortCount", "must be 1 to 8") }
                try ProductService.validate(tags)
                try PriceTerms.check(term)
                try settings.validate()
            case .mcr(let order, let term, let settings, let tags):
                try MCROrdering.validate(order)
                try ProductService.validate(tags)
                try PriceTerms.check(term)
                try settings.validate()
            case .vxc(let order, _, _, let settings, let tags):
                try VXCOrdering.validate(order)
                try ProductService.validate(tags)
                try settings.validate()
            case .ix(_, let ix, let term):
                try IXOrdering.validate(ix, field: "ix")
                try PriceTerms.check(term)
            }
        } catch let error as DomainError {
            throw underItem(error, index)
        }
    }

    static func place(_ db: any DatabaseConnection, _ item: DesignItem, session: Session, lifetime: Int64,
                      links: PortalLinks, now: Int64) throws -> [DesignLine] {
        switch item {
        case .port(let order, let lagPorts, let term, let settings, let tags):
            // A LAG is that many ports, each with its own interface; the first is the primary.
            let ids = try (0..<lagPorts).map { _ in try PortOrdering.place(db, order, session: session, now: now).serviceId }
            if lagPorts > 1 { try ServiceChangeRepository.aggregate(db, ids: ids, primaryId: ids[0]) }
            for id in ids { try finish(db, id, settings, tags: tags) }
            return try ids.map { try line(db, $0, speed: order.speed, term: term) }
        case .mcr(let order, let term, let settings, let tags):
            let id = try MCROrdering.place(db, order, session: session, now: now)
            try finish(db, id, settings, tags: tags)
            return [try line(db, id, speed: order.speed, term: term)]
        case .vxc(var order, let aEnd, let bEnd, let settings, let tags):
            order.aEndId = try AccessPolicy.ownedService(db, session, aEnd, for: .order).id
            guard let b = try ServiceRepository.find(db, idOrUid: bEnd) else {
                throw DomainError.notFound("B-end port \(bEnd) not found")
            }
            order.bEndId = b.id
            let result = try VXCOrdering.place(db, order, session: session, approvalLifetime: lifetime, links: links, now: now)
            try finish(db, result.serviceId, settings, tags: tags)
            return [try line(db, result.serviceId, speed: order.speed, term: order.term)]
        case .ix(let portIdOrUid, let ix, let term):
            let port = try AccessPolicy.ownedService(db, session, portIdOrUid, for: .order)
            guard port.productType.isPort else {
                throw DomainError.invalid("productUid", "an IX is ordered on a port; \(port.uid) is \(port.productType.rawValue)")
            }
            guard port.status.isReady else {
                throw DomainError.conflict(code: "port_not_ready", message: "port \(port.id) is \(port.status.rawValue); it must be CONFIGURED or LIVE")
            }
            let id = try IXOrdering.insert(db, on: port, ix, session: session, now: now)
            return [try line(db, id, speed: ix.rateLimit, term: term)]
        }
    }

    /// The settings and tags an order item carries beyond what its single order takes.
    static func finish(_ db: any DatabaseConnection, _ id: Int64, _ settings: ServiceChanges, tags: [(key: String, value: String)]) throws {
        if !settings.isEmpty {
            try ServiceChangeRepository.update(db, id: id, name: nil, marketplaceVisibility: settings.marketplaceVisibility, vxcPermitted: nil,
                                               costCentre: settings.costCentre)
        }
        if !tags.isEmpty { try TagRepository.replace(db, serviceId: id, tags) }
    }

    /// The placed product with its price; an item the price book does not cover is refused.
    static func line(_ db: any DatabaseConnection, _ id: Int64, speed: Int, term: Int) throws -> DesignLine {
        guard let service = try ServiceRepository.find(db, id: id) else { throw DomainError.notFound("service \(id) not found") }
        let aEnd = try service.aEndId.flatMap { try ServiceRepository.find(db, id: $0) }
        let location = service.location?.locationId ?? aEnd?.location?.locationId
        let type = service.productType.isPort ? "MEGAPORT" : service.productType.rawValue
        guard let location, let price = try PriceRepository.monthlyRate(db, locationId: location, productType: type, speed: speed, term: term) else {
            throw DomainError.invalid(service.productType.carriesVXCs ? "speed" : "rateLimit", "has no price for a \(speed) Mbps \(type) on a \(term)-month term in this market")
        }
        return DesignLine(productType: service.productType, serviceId: service.id, serviceUid: service.uid, name: service.name,
                          status: service.status, monthlyRate: price.rate, currency: price.currency)
    }
}

/// The contract terms the price book quotes, in months.
enum PriceTerms {
    static let all = [1, 12, 24, 36, 48, 60]

    /// 422 unless the price book quotes this term.
    static func check(_ term: Int) throws {
        if !all.contains(term) { throw DomainError.invalid("term", "must be one of 1, 12, 24, 36, 48, 60") }
    }
}
