import Model
import Persistence
import Storage

/// The emails of API.md §8, written into the outbox in the transaction of the change that causes them.
enum Notices {
    /// A VXC connection request: to the provider (who must decide) and to the requester.
    /// `profileLines`: the service profile bought through and the buyer's values, for the provider.
    static func connectionRequested(_ db: any DatabaseConnection, _ f: VXCFacts, approval: Approval, links: PortalLinks, now: Int64,
                                    profileLines: String? = nil) throws {
        try Outbox.enqueue(db, Email(event: "vxc_request", companyId: f.bEnd.companyId, group: .ordering,
            subject: "Connection request from \(f.aEnd.companyName): \(f.rateLimit) Mbps to \(f.bEnd.name)",
            body: """
            \(f.aEnd.companyName) has asked to connect a VXC to your port \(f.bEnd.name).

            \(f.summary)
              Approval:      \(approval.id) (\(approval.uid))\(profileLines.map { "\n" + $0 } ?? "")

            What to do next: accept the request (choosing your VLAN if you wish) or deny it with a reason:
              \(links.approval(approval.uid))
            If nobody decides, the request expires on \(VXCFacts.day(approval.expiryDate)).
            """), now: now)
        try Outbox.enqueue(db, Email(event: "vxc_request_sent", companyId: f.aEnd.companyId, group: .ordering,
            subject: "Your connection request to \(f.bEnd.companyName) was sent",
            body: """
            Your request to connect to \(f.bEnd.companyName)'s port \(f.bEnd.name) is waiting for their approval.

            \(f.summary)

            What happens next: \(f.bEnd.companyName) accepts or denies the request; we will email you either way.
            You can withdraw it at \(links.approval(approval.uid)).
            """), now: now)
    }

    /// A raise of speed on another company's B-end: to the provider.
    static func speedChangeRequested(_ db: any DatabaseConnection, serviceId: Int64, approval: Approval, links: PortalLinks,
                                     now: Int64) throws {
        guard let f = try VXCFacts.load(db, serviceId: serviceId), let newSpeed = approval.newSpeed else { return }
        try Outbox.enqueue(db, Email(event: "speed_change_request", companyId: f.bEnd.companyId, group: .ordering,
            subject: "\(f.aEnd.companyName) asks to raise \(f.vxcName) from \(approval.speed) to \(newSpeed) Mbps",
            body: """
            \(f.aEnd.companyName) has asked to raise the speed of a VXC on your port \(f.bEnd.name) from \(approval.speed) Mbps to \(newSpeed) Mbps.

            \(f.summary)
              Approval:      \(approval.id) (\(approval.uid))

            What to do next: accept it, or deny it with a reason: \(links.approval(approval.uid))
            """), now: now)
    }

    /// The provider's decision (or an automatic approval): to the requester.
    static func decided(_ db: any DatabaseConnection, serviceId: Int64, kind: Approval.Kind, speed: Int, newSpeed: Int?,
                        accepted: Bool, reason: String?, now: Int64) throws {
        guard let f = try VXCFacts.load(db, serviceId: serviceId) else { return }
        let what = kind == .new ? "connection request" : "speed change to \(newSpeed ?? 0) Mbps"
        let next: String
        if accepted {
            next = kind == .new
                ? "What happens next: the VXC is being provisioned; we will email you when it is live."
                : "What happens next: nothing; the VXC now runs at \(newSpeed ?? 0) Mbps."
        } else {
            next = kind == .new
                ? "What to do next: contact \(f.bEnd.companyName) about the reason, or order a VXC to another port. Its VLANs were released."
                : "What to do next: the VXC keeps its speed of \(speed) Mbps; contact \(f.bEnd.companyName) if you need more."
        }
        let verb = accepted ? "accepted" : "denied"
        try Outbox.enqueue(db, Email(event: accepted ? "vxc_request_accepted" : "vxc_request_denied", companyId: f.aEnd.companyId,
            group: .ordering, subject: "\(f.bEnd.companyName) \(verb) your \(what)",
            body: """
            \(f.bEnd.companyName) \(verb) your \(what) for \(f.vxcName).
            \(reason.map { "\n  Reason:        \($0)\n" } ?? "")
            \(f.summary)

            \(next)
            """), now: now)
    }

    /// A request that nobody decided in time: to the requester.
    static func expired(_ db: any DatabaseConnection, approval: Approval, now: Int64) throws {
        guard let f = try VXCFacts.load(db, serviceId: approval.serviceId) else { return }
        try Outbox.enqueue(db, Email(event: "vxc_request_expired", companyId: f.aEnd.companyId, group: .ordering,
            subject: "Your request to \(f.bEnd.companyName) expired",
            body: """
            \(f.bEnd.companyName) did not decide on your request for \(f.vxcName) in time, so it expired.

            \(f.summary)

            What to do next: contact \(f.bEnd.companyName), then order again if you still need the connection.
            """), now: now)
    }

    /// A service became LIVE: to its owner (SERVICES). A VXC's email is written from its summary alone.
    static func live(_ db: any DatabaseConnection, serviceId: Int64, isVXC: Bool, now: Int64) throws {
        let companyId: Int64, name: String, detail: String
        if isVXC, let f = try VXCFacts.load(db, serviceId: serviceId) {
            (companyId, name, detail) = (f.companyId, f.vxcName, "Your VXC to \(f.bEnd.companyName) is available.\n\n\(f.summary)")
        } else if let service = try ServiceRepository.find(db, id: serviceId) {
            (companyId, name) = (service.companyId, service.name)
            if let location = service.location {
                detail = "Your \(service.speed ?? 0) Mbps port at \(location.name) is ready to carry VXCs and IX connections.\n\n  Port:          \(service.name) (service \(service.id))\n  Interface:     \(service.interfaceName ?? "-")"
            } else {
                detail = "Your \(service.productType.rawValue) \(service.name) (service \(service.id)) is available."
            }
        } else {
            return
        }
        try Outbox.enqueue(db, Email(event: "service_live", companyId: companyId, group: .services,
            subject: "\(name) is live", body: detail + "\n\nNothing to do: it is ready to use."), now: now)
    }

    /// A service was cancelled: to its owner (SERVICES).
    static func cancelled(_ db: any DatabaseConnection, service: ServiceRecord, reason: String, by who: String, now: Int64) throws {
        try Outbox.enqueue(db, Email(event: "service_cancelled", companyId: service.companyId, group: .services,
            subject: "\(service.name) was cancelled",
            body: """
            \(service.productType.rawValue) \(service.name) (service \(service.id)) was cancelled by \(who): \(reason).
            Its VLANs and capacity were released; it is decommissioned shortly.

            Nothing to do unless this was a mistake: order it again to restore it.
            """), now: now)
    }
}
