import Domain
import JSON

/// Products in the shapes the Go SDK decodes (ports, cloud routers, VXCs and IXs): integer ids and speeds, dates as
/// epoch milliseconds or null, `attributeTags` always an object, a port's `resources.interface` an object,
/// a VXC's `resources` without an interface array, lower-case `vxcpermitted` on ports.
enum ProductJSON {
    static func product(_ tree: ProductTree) -> JSONValue {
        let s = tree.view.service
        if s.productType.carriesVXCs {
            var o = s.productType == .mcr2 ? router(s) : port(s)
            o["associatedVxcs"] = .array(tree.children.filter { $0.service.productType == .vxc }.map(vxc))
            o["associatedIxs"] = .array(tree.children.filter { $0.service.productType == .ix }.map(ix))
            return .object(o)
        }
        return s.productType == .vxc ? vxc(tree.view) : ix(tree.view)
    }

    /// A status as these clients know it: our PROVISIONING (allocated, waiting for a port or a provider)
    /// is Megaport's DEPLOYABLE; the rest are the same words.
    static func status(_ status: ProvisioningStatus) -> String { status == .provisioning ? "DEPLOYABLE" : status.rawValue }

    static func common(_ s: ServiceRecord) -> JSONObject {
        ["productId": .int(s.id), "productUid": .string(s.uid), "productName": .string(s.name), "productType": .string(s.productType.rawValue),
         "provisioningStatus": .string(status(s.status)), "createDate": .int(s.createDate), "liveDate": .int(s.liveDate),
         "terminateDate": .int(s.cancelDate), "contractStartDate": .int(s.liveDate), "contractEndDate": nil,
         "companyUid": .string(s.companyUid), "companyName": .string(s.companyName), "costCentre": .string(s.costCentre), "secondaryName": nil,
         "createdBy": .string(s.createdBy.map(String.init) ?? ""), "usageAlgorithm": "POST_PAID_FIXED", "locked": .bool(s.locked), "adminLocked": false,
         "cancelable": .bool(s.status.isActive && !s.locked), "attributeTags": [:]]
    }

    static func port(_ s: ServiceRecord) -> JSONObject {
        var o = common(s)
        // The Go SDK gathers a LAG's members from /v2/products by a shared non-zero aggregationId.
        o["aggregationId"] = .int(s.aggregationId ?? 0)
        o["lagId"] = .int(s.aggregationId)
        o["lagPrimary"] = .bool(s.isLagPrimary)
        o["portSpeed"] = .int(s.speed.map(Int64.init))
        o["locationId"] = .int(s.location?.locationId)
        o["market"] = .string(s.location?.country ?? "")
        o["diversityZone"] = "red"
        o["marketplaceVisibility"] = .bool(s.marketplaceVisibility)
        o["vxcpermitted"] = .bool(s.vxcPermitted)
        o["vxcAutoApproval"] = false
        o["contractTermMonths"] = .int(Int64(s.term ?? 1))
        o["virtual"] = false
        o["buyoutPort"] = false
        o["locationDetail"] = s.location.map { ["name": .string($0.name), "city": .string($0.metro), "metro": .string($0.metro),
                                                  "country": .string($0.country)] } ?? nil
        let interface: JSONValue? = s.interfaceId.map {
            ["id": .int($0), "name": .string(s.interfaceName ?? ""), "port_speed": .int(s.speed.map(Int64.init)), "resource_type": "interface",
             "resource_name": "interface", "up": 1, "demarcation": "", "description": "", "loa_template": "", "media": "LR4"]
        }
        o["resources"] = .object(interface.map { ["interface": $0] } ?? [:])
        return o
    }

    /// A cloud router: a port's fields without an interface, `virtual: true`, and the router under
    /// `resources.virtual_router` (where Terraform reads `mcrAsn`).
    static func router(_ s: ServiceRecord) -> JSONObject {
        var o = port(s)
        o["virtual"] = true
        o["resources"] = ["virtual_router": ["id": .int(s.id), "mcrAsn": .int(s.asn), "name": .string(s.name), "resource_name": "virtual_router",
                                             "resource_type": "virtual_router", "speed": .int(s.speed.map(Int64.init))]]
        return o
    }

    static func end(_ port: ServiceRecord?, vlan: Int?) -> JSONValue {
        guard let port else { return nil }
        return ["ownerUid": .string(port.companyUid), "productUid": .string(port.uid), "productName": .string(port.name),
                "locationId": .int(port.location?.locationId), "location": .string(port.location?.name), "vlan": .int(vlan.map(Int64.init)),
                "innerVlan": 0, "vNicIndex": 0, "secondaryName": nil,
                "locationDetail": port.location.map { ["name": .string($0.name), "city": .string($0.metro), "metro": .string($0.metro),
                                                        "country": .string($0.country)] } ?? nil]
    }

    static func vxc(_ v: ServiceView) -> JSONValue {
        let s = v.service
        var o = common(s)
        o["nServiceId"] = .int(s.id)
        o["rateLimit"] = .int(s.rateLimit.map(Int64.init))
        o["distanceBand"] = .string(s.distanceBand)
        o["shutdown"] = false
        o["contractTermMonths"] = .int(Int64(s.term ?? 1))
        o["aEnd"] = end(v.aEnd, vlan: v.vlans["A"])
        o["bEnd"] = end(v.bEnd, vlan: v.vlans["B"])
        o["vxcApproval"] = v.approval.map { a in
            // PENDING_EXTERNAL (the provider decides) or PENDING_INTERNAL (decided automatically), as Terraform waits on.
            ["status": .string(s.vxcApprovalStatus ?? "PENDING_EXTERNAL"), "type": .string(a.kind.rawValue), "uid": .string(a.uid),
             "newSpeed": .int(a.newSpeed.map(Int64.init)), "message": .string("waiting for \(v.bEnd?.companyName ?? "the B-end")")]
        } ?? nil
        o["resources"] = ["vll": ["a_vlan": .int(v.vlans["A"].map(Int64.init)), "b_vlan": .int(v.vlans["B"].map(Int64.init)),
                                  "rate_limit_mbps": .int(s.rateLimit.map(Int64.init)), "resource_name": "vll", "resource_type": "vll",
                                  "shutdown": false, "id": .int(s.id), "name": .string(s.name), "description": .string(s.name)]]
        return .object(o)
    }

    static func ix(_ v: ServiceView) -> JSONValue {
        let s = v.service
        var o = common(s)
        o["rateLimit"] = .int(s.rateLimit.map(Int64.init))
        o["vlan"] = .int(v.vlans["IX"].map(Int64.init))
        o["macAddress"] = .string(s.macAddress)
        o["asn"] = .int(s.asn)
        o["networkServiceType"] = .string(s.ixName)
        o["locationId"] = .int(v.aEnd?.location?.locationId)
        o["term"] = .int(Int64(s.term ?? 1))
        o["resources"] = [:]
        return .object(o)
    }

    static func tags(_ tags: [(key: String, value: String)]) -> JSONValue {
        ["resourceTags": .array(tags.map { ["key": .string($0.key), "value": .string($0.value)] })]
    }
}
