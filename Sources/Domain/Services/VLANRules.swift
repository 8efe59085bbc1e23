import Model
import Persistence
import Storage

/// API.md §5 VLAN rules, shared by VXC and IX ends: 2–4093 valid, 0 = the lowest free, -1 = untagged,
/// unique per port among active services.
enum VLANRules {
    /// Why a requested VLAN is invalid, or nil.
    static func problem(_ vlan: Int) -> String? {
        vlan == 0 || vlan == -1 || VlanRepository.range.contains(vlan) ? nil
            : "must be 2 to 4093, 0 (the lowest free VLAN) or -1 (untagged); \(vlan) is not"
    }

    /// The VLAN to use on `portId`: the requested one when free, the lowest free for 0. A taken VLAN is
    /// a 409 naming the VLAN and port, with up to five free suggestions.
    static func resolve(_ db: any DatabaseConnection, requested: Int, portId: Int64, field: String, avoiding: Int? = nil) throws -> Int {
        if requested == 0 {
            var free = try VlanRepository.lowestFree(db, portId: portId)
            if let taken = free, taken == avoiding { free = try VlanRepository.lowestFree(db, portId: portId, from: taken + 1) }
            guard let free else {
                throw DomainError.conflict(code: "vlan_exhausted", message: "MEGAPORT service \(portId) has no free VLAN")
            }
            return free
        }
        guard requested != avoiding, try !VlanRepository.isUsed(db, portId: portId, vlan: requested) else {
            throw DomainError.vlanUnavailable(field: field, vlan: requested, portId: portId,
                                              suggestions: try VlanRepository.suggestions(db, portId: portId, near: requested))
        }
        return requested
    }
}
