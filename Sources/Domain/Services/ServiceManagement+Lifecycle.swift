import Model
import Persistence
import Storage

extension ServiceManagement {
    /// 409 when the owner locked the service.
    static func requireUnlocked(_ service: ServiceRecord) throws {
        if service.locked {
            throw DomainError.conflict(code: "product_locked", message: "service \(service.id) is locked; unlock it before changing or cancelling it")
        }
    }

    /// `POST` / `DELETE /v2/product/{uid}/lock`: the owner locks or unlocks a service.
    public func setLocked(_ idOrUid: String, _ locked: Bool, by session: Session) async throws -> ServiceView {
        try await db.write { conn in
            let service = try AccessPolicy.ownedService(conn, session, idOrUid, for: .order)
            try ServiceChangeRepository.setLocked(conn, id: service.id, locked)
            try AuditLog.record(conn, userId: session.userId, companyId: service.companyId, entity: "service", entityId: service.id,
                                action: locked ? "lock" : "unlock", now: Now.millis())
            return try Self.view(conn, try ServiceRepository.find(conn, id: service.id)!)
        }
    }

    /// `UN_CANCEL`: a CANCELLED service (not yet decommissioned) comes back as it was, if what it held is
    /// still free: its VLANs, and for a port a free interface at its location and speed (409 otherwise).
    public func restore(_ idOrUid: String, by session: Session) async throws -> ServiceView {
        let result = try await db.write { conn in
            let service = try AccessPolicy.ownedService(conn, session, idOrUid, for: .cancel)
            guard service.status == .cancelled else {
                throw DomainError.conflict(code: "not_cancelled", message: "service \(service.id) is \(service.status.rawValue); only a CANCELLED service can be restored")
            }
            let now = Now.millis()
            for (end, vlan) in try VlanRepository.vlans(conn, serviceId: service.id) where vlan != 0 {
                let port = end == "B" ? service.bEndId : service.aEndId
                if let port, try VlanRepository.isUsed(conn, portId: port, vlan: vlan) {
                    throw DomainError.conflict(code: "vlan_unavailable", message: "VLAN \(vlan) of service \(service.id) is in use again; it cannot be restored")
                }
            }
            if service.productType.isPort {
                guard let location = service.location, let speed = service.speed,
                      let interface = try InterfaceRepository.freeInterface(conn, locationId: location.locationId, speed: speed) else {
                    throw DomainError.conflict(code: "no_capacity", message: "no free interface for port \(service.id); it cannot be restored")
                }
                try ServiceChangeRepository.restore(conn, id: service.id, interfaceId: interface, now: now)
            } else {
                try ServiceChangeRepository.restore(conn, id: service.id, interfaceId: nil, now: now)
            }
            try VlanRepository.reactivate(conn, serviceId: service.id)
            try AuditLog.record(conn, userId: session.userId, companyId: service.companyId, entity: "service", entityId: service.id,
                                action: "restore", now: now)
            return try Self.view(conn, try ServiceRepository.find(conn, id: service.id)!)
        }
        provisioning?.poke()
        return result
    }

    /// `GET /v2/product/port/{uid}/vlan?vlan=N`: N itself when it is free on the port (0: the lowest free
    /// one), otherwise up to five free VLANs near it.
    public func freeVlans(onPort idOrUid: String, near vlan: Int, by session: Session) async throws -> [Int] {
        guard (0...4094).contains(vlan) else { throw DomainError.invalid("vlan", "must be 0 to 4094") }
        return try await db.read { conn in
            let port = try AccessPolicy.visibleService(conn, session, idOrUid)
            guard port.productType.carriesVXCs else { throw DomainError.invalid("uid", "must be a port or cloud router") }
            if vlan == 0 { return try VlanRepository.lowestFree(conn, portId: port.id).map { [$0] } ?? [] }
            if VlanRepository.range.contains(vlan), try !VlanRepository.isUsed(conn, portId: port.id, vlan: vlan) { return [vlan] }
            return try VlanRepository.suggestions(conn, portId: port.id, near: vlan)
        }
    }
}
