import Model
import Persistence
import Storage

/// What an email about a VXC says: both ends, companies, speed, VLANs and who ordered it.
struct VXCFacts {
    let vxcId: Int64
    let vxcName: String
    let rateLimit: Int
    let aEnd: ServiceRecord
    let bEnd: ServiceRecord
    let aVlan: Int?
    let bVlan: Int?
    let requester: String

    static func load(_ db: any DatabaseConnection, serviceId: Int64) throws -> VXCFacts? {
        guard let service = try ServiceRepository.find(db, id: serviceId), service.productType == .vxc,
              let a = service.aEndId, let b = service.bEndId,
              let aEnd = try ServiceRepository.find(db, id: a), let bEnd = try ServiceRepository.find(db, id: b) else { return nil }
        let vlans = try VlanRepository.vlans(db, serviceId: serviceId)
        let requester = try service.createdBy.flatMap { id in
            try UserRepository.find(db, id: id).map { "\("\($0.firstName) \($0.lastName)".trimmingWhitespace) <\($0.email)>" }
        } ?? service.companyName
        return VXCFacts(vxcId: service.id, vxcName: service.name, rateLimit: service.rateLimit ?? 0, aEnd: aEnd, bEnd: bEnd,
                        aVlan: vlans["A"], bVlan: vlans["B"], requester: requester)
    }

    /// The lines every VXC email carries.
    var summary: String {
        """
          Requested by:  \(requester) of \(aEnd.companyName)
          From port:     \(aEnd.name) (\(aEnd.companyName), service \(aEnd.id)), VLAN \(vlanText(aVlan))
          To port:       \(bEnd.name) (\(bEnd.companyName), service \(bEnd.id)), VLAN \(vlanText(bVlan))
          Speed:         \(rateLimit) Mbps
          VXC:           \(vxcName) (service \(vxcId))
        """
    }

    private func vlanText(_ vlan: Int?) -> String {
        guard let vlan else { return "none" }
        return vlan == -1 ? "untagged" : String(vlan)
    }

    /// `2027-01-22` (UTC) for an epoch-millisecond date.
    static func day(_ millis: Int64) -> String { CalendarDate.day(millis) }
}
