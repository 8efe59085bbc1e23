import Model
import Persistence
import Storage

extension ServiceManagement {
    /// Moves a VXC's ends to other VLANs (`PUT /v3/product/vxc/{uid}` `aEndVlan`/`bEndVlan`): 0 takes the
    /// lowest free VLAN, -1 untagged. The A-end owner changes the A-end; only the B-end port's owner may
    /// change the B-end, though the A-end owner may send the B-end's current VLAN unchanged. A taken VLAN
    /// is a 409 with free suggestions; nothing changes unless every requested move can be made.
    public func moveVlans(_ idOrUid: String, aEnd aVlan: Int?, bEnd bVlan: Int?, by session: Session) async throws -> ServiceView {
        for (field, vlan) in [("aEndVlan", aVlan), ("bEndVlan", bVlan)] {
            if let vlan, let problem = VLANRules.problem(vlan) { throw DomainError.invalid(field, problem) }
        }
        return try await db.write { conn in
            let service = try AccessPolicy.visibleService(conn, session, idOrUid)
            guard service.productType == .vxc, let aEndId = service.aEndId, let bEndId = service.bEndId,
                  let aPort = try ServiceRepository.find(conn, id: aEndId), let bPort = try ServiceRepository.find(conn, id: bEndId) else {
                throw DomainError.notFound("VXC \(idOrUid) not found")
            }
            try Self.requireUnlocked(service)
            guard service.status.isActive else {
                throw DomainError.conflict(code: "not_active", message: "service \(service.id) is \(service.status.rawValue)")
            }
            let current = try VlanRepository.vlans(conn, serviceId: service.id)
            let moveA = aVlan.flatMap { $0 == current["A"] ? nil : $0 }, moveB = bVlan.flatMap { $0 == current["B"] ? nil : $0 }
            if moveA != nil { _ = try AccessPolicy.ownedService(conn, session, String(service.id), for: .order) }
            if moveB != nil && !AccessPolicy.owns(session, bPort) {
                throw DomainError.forbidden(code: "not_b_end_owner", message: "Only B end owner can change B VLAN")
            }
            if moveB != nil { try AccessPolicy.require(session, .approve) }  // the port side, as when accepting on a VLAN
            for (end, port, vlan, field) in [("A", aPort, moveA, "aEndVlan"), ("B", bPort, moveB, "bEndVlan")] {
                guard let vlan else { continue }
                try VlanRepository.release(conn, serviceId: service.id, end: end)
                let other = aPort.id == bPort.id ? current[end == "A" ? "B" : "A"] : nil
                let resolved = try VLANRules.resolve(conn, requested: vlan, portId: port.id, field: field, avoiding: other)
                try VlanRepository.assign(conn, portId: port.id, serviceId: service.id, end: end, vlan: resolved)
            }
            if moveA != nil || moveB != nil {
                try AuditLog.record(conn, userId: session.userId, companyId: service.companyId, entity: "service", entityId: service.id,
                                    action: "vlan", detail: ["aEnd": .int(moveA.map(Int64.init)), "bEnd": .int(moveB.map(Int64.init))],
                                    now: Now.millis())
            }
            return try Self.view(conn, try ServiceRepository.find(conn, id: service.id)!)
        }
    }
}
