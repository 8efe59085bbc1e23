import Model
import Persistence
import Storage

/// What an email about a VXC says: both ends, companies, speed, VLANs and who ordered it.
struct VXCFacts {
    /// One end: the port and its company.
    typealias End = VXCRepository.SummaryEnd

    let vxcId: Int64
    let vxcName: String
    /// The company that owns the VXC.
    let companyId: Int64
    let rateLimit: Int
    let aEnd: End
    let bEnd: End
    let aVlan: Int?
    let bVlan: Int?
    let requester: String

    /// The facts of an order being placed, from the records at hand.
    init(vxcId: Int64, vxcName: String, companyId: Int64, rateLimit: Int, aEnd: ServiceRecord, bEnd: ServiceRecord, aVlan: Int?,
         bVlan: Int?, requester: String) {
        (self.vxcId, self.vxcName, self.companyId, self.rateLimit) = (vxcId, vxcName, companyId, rateLimit)
        (self.aEnd, self.bEnd) = (End(port: aEnd), End(port: bEnd))
        (self.aVlan, self.bVlan, self.requester) = (aVlan, bVlan, requester)
    }

    /// The facts of VXC `serviceId` (one statement), or nil when it is not a VXC.
    static func load(_ db: any DatabaseConnection, serviceId: Int64) throws -> VXCFacts? {
        guard let v = try VXCRepository.summary(db, serviceId: serviceId) else { return nil }
        return VXCFacts(v)
    }

    private init(_ v: VXCRepository.Summary) {
        (vxcId, vxcName, companyId, rateLimit) = (v.id, v.name, v.companyId, v.rateLimit)
        (aEnd, bEnd, aVlan, bVlan) = (v.aEnd, v.bEnd, v.aVlan, v.bVlan)
        requester = v.orderedBy.map { "\($0.name.trimmingWhitespace) <\($0.email)>" } ?? v.companyName
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

extension VXCRepository.SummaryEnd {
    /// A port at hand as a VXC's end.
    init(port: ServiceRecord) {
        self.init(id: port.id, name: port.name, companyId: port.companyId, companyName: port.companyName)
    }
}
