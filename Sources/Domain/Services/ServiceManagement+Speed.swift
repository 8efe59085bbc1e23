import JSON
import Model
import Persistence
import Storage

extension ServiceManagement {
    /// The outcome of a speed change: applied at once, or waiting for the B-end's company.
    public enum SpeedChange: Sendable, Equatable {
        case applied(ServiceView)
        case pendingApproval(ServiceView)
    }

    /// `PUT /secure/technicalservice/{id}/speed` (API.md §5): lowering, or raising on one's own B-end,
    /// applies at once; raising on another company's B-end opens a SPEED_CHANGE approval (unless the VXC
    /// was bought through an AUTO service profile). IX rate
    /// limits change at once up to the port speed; a port's speed is its interface and cannot change.
    public func changeSpeed(_ idOrUid: String, to speed: Int, by session: Session) async throws -> SpeedChange {
        guard speed >= 1 else { throw DomainError.invalid("rateLimit", "must be at least 1 Mbps") }
        let lifetime = approvalLifetime, links = self.links
        return try await db.write { conn in
            let service = try AccessPolicy.ownedService(conn, session, idOrUid, for: .order)
            try Self.requireUnlocked(service)
            guard service.status.isActive else {
                throw DomainError.conflict(code: "not_active", message: "service \(service.id) is \(service.status.rawValue)")
            }
            guard !service.productType.carriesVXCs else {
                throw DomainError.invalid("rateLimit", service.productType == .mcr2 ? "a cloud router's speed is fixed; order a router of the new speed"
                                                       : "a port's speed is its physical interface; order a port of the new speed")
            }
            let aEnd = try service.aEndId.flatMap { try ServiceRepository.find(conn, id: $0) }
            let bEnd = try service.bEndId.flatMap { try ServiceRepository.find(conn, id: $0) }
            let keyMax = try service.serviceKeyId.flatMap { try ServiceKeyRepository.maxSpeed(conn, id: $0) }
            let limit = [aEnd?.speed, bEnd?.speed, keyMax].compactMap { $0 }.min() ?? Int.max
            guard speed <= limit else { throw DomainError.invalid("rateLimit", "must not exceed \(limit) Mbps for these ports") }
            if try ApprovalRepository.pending(conn, serviceId: service.id) != nil {
                throw DomainError.conflict(code: "approval_pending", message: "service \(service.id) has a pending approval; wait for its decision")
            }
            // A VXC bought through a service profile keeps to its speeds, and an AUTO profile approves raises itself.
            let profile = try ServiceProfileRepository.purchase(conn, serviceId: service.id)?.profile
            if let profile, !profile.speeds.isEmpty, !profile.speeds.contains(speed) {
                throw DomainError.invalid("rateLimit", "must be one of the service profile's speeds: \(profile.speeds.map(String.init).joined(separator: ", ")) Mbps")
            }
            let now = Now.millis()
            let current = service.rateLimit ?? 0
            if let bEnd, bEnd.companyId != service.companyId, speed > current, profile?.approvalMode != .auto {
                let approval = try ApprovalRepository.insert(conn, kind: .speedChange, serviceId: service.id,
                                                             requesterCompanyId: service.companyId, requesterUserId: session.userId,
                                                             approverCompanyId: bEnd.companyId, speed: current, newSpeed: speed,
                                                             now: now, lifetime: lifetime)
                try ServiceChangeRepository.setApprovalStatus(conn, id: service.id, "PENDING_EXTERNAL")
                try Notices.speedChangeRequested(conn, serviceId: service.id, approval: approval, links: links, now: now)
                try AuditLog.record(conn, userId: session.userId, companyId: service.companyId, entity: "service", entityId: service.id,
                                    action: "speed_change_requested", detail: ["from": .int(current), "to": .int(speed)], now: now)
                return .pendingApproval(try Self.view(conn, try ServiceRepository.find(conn, id: service.id)!))
            }
            try ServiceChangeRepository.setRateLimit(conn, id: service.id, speed)
            try AuditLog.record(conn, userId: session.userId, companyId: service.companyId, entity: "service", entityId: service.id,
                                action: "speed_change", detail: ["from": .int(current), "to": .int(speed)], now: now)
            return .applied(try Self.view(conn, try ServiceRepository.find(conn, id: service.id)!))
        }
    }
}
