import Domain
import JSON

/// How services look on the wire (API.md §4, research §2.7 field names).
enum ServiceJSON {
    /// `GET /secure/technicalservice/{id}`.
    static func view(_ v: ServiceView) -> JSONValue {
        var o = common(v.service)
        switch v.service.productType {
        case .megaport, .megadirect, .mcr2:
            if v.service.productType == .mcr2 { o["mcrAsn"] = .int(v.service.asn) }
            o["locationId"] = .int(v.service.location?.locationId)
            o["locationName"] = .string(v.service.location?.name)
            o["speed"] = .int(v.service.speed.map(Int64.init))
            o["portSpeed"] = .int(v.service.speed.map(Int64.init))
            o["marketplaceVisibility"] = .bool(v.service.marketplaceVisibility)
            o["vxcPermitted"] = .bool(v.service.vxcPermitted)
            o["resources"] = v.service.interfaceId.map { id -> JSONValue in
                ["interface": ["id": .int(id), "name": .string(v.service.interfaceName), "port_speed": .int(v.service.speed.map(Int64.init)),
                               "resource_type": "interface"]]
            } ?? [:]
            o["associatedVxcs"] = .array(v.children.filter { $0.service.productType == .vxc }.map(child))
            o["associatedIxs"] = .array(v.children.filter { $0.service.productType == .ix }.map(child))
        case .vxc:
            vxcFields(v.service, vlans: v.vlans, aEnd: v.aEnd, bEnd: v.bEnd, into: &o)
            o["vxcApproval"] = ["status": .string(v.service.vxcApprovalStatus), "type": .string(v.approval?.kind.rawValue),
                                "newSpeed": .int(v.approval?.newSpeed.map(Int64.init)), "uid": .string(v.approval?.uid)]
            o["resources"] = ["vll": ["a_vlan": .int(v.vlans["A"].map(Int64.init)), "b_vlan": .int(v.vlans["B"].map(Int64.init)),
                                      "rate_limit_mbps": .int(v.service.rateLimit.map(Int64.init)), "resource_type": "vll"]]
        case .ix:
            ixFields(v.service, vlan: v.vlans["IX"], into: &o)
            o["resources"] = ["vpls_interface": ["vlan": .int(v.vlans["IX"].map(Int64.init)), "mac_address": .string(v.service.macAddress),
                                                 "asn": .int(v.service.asn), "rate_limit_mbps": .int(v.service.rateLimit.map(Int64.init)),
                                                 "resource_type": "vpls_interface"]]
        }
        return .object(o)
    }

    static func common(_ s: ServiceRecord) -> JSONObject {
        ["id": .int(s.id), "uid": .string(s.uid), "productId": .int(s.id), "productUid": .string(s.uid),
         "productType": .string(s.productType.rawValue), "name": .string(s.name), "productName": .string(s.name),
         "companyId": .int(s.companyId), "companyName": .string(s.companyName),
         "provisioningStatus": .string(s.status.rawValue), "createDate": .int(s.createDate), "provisionDate": .int(s.provisionDate),
         "liveDate": .int(s.liveDate), "cancelDate": .int(s.cancelDate)]
    }

    static func end(_ port: ServiceRecord?, vlan: Int?) -> JSONValue {
        guard let port else { return .null }
        return ["productId": .int(port.id), "productUid": .string(port.uid), "productName": .string(port.name),
                "ownerId": .int(port.companyId), "ownerName": .string(port.companyName),
                "locationId": .int(port.location?.locationId), "location": .string(port.location?.name),
                "vlan": .int(vlan.map(Int64.init))]
    }

    static func vxcFields(_ s: ServiceRecord, vlans: [String: Int], aEnd: ServiceRecord?, bEnd: ServiceRecord?, into o: inout JSONObject) {
        o["rateLimit"] = .int(s.rateLimit.map(Int64.init))
        o["distanceBand"] = .string(s.distanceBand)
        o["contractTermMonths"] = .int(s.term.map(Int64.init))
        o["rateType"] = .string(s.rateType)
        o["rollover"] = s.rollover.map { .bool($0) } ?? .null
        o["payerStatus"] = .string(s.payerStatus)
        o["nonPayerStatus"] = .string(s.nonPayerStatus)
        o["aEnd"] = end(aEnd, vlan: vlans["A"])
        o["bEnd"] = end(bEnd, vlan: vlans["B"])
    }

    static func ixFields(_ s: ServiceRecord, vlan: Int?, into o: inout JSONObject) {
        o["rateLimit"] = .int(s.rateLimit.map(Int64.init))
        o["networkServiceType"] = .string(s.ixName)
        o["asn"] = .int(s.asn)
        o["macAddress"] = .string(s.macAddress)
        o["vlan"] = .int(vlan.map(Int64.init))
        o["portId"] = .int(s.aEndId)
    }

    /// A VXC or IX listed on its port.
    static func child(_ c: ServiceView.Child) -> JSONValue {
        var o = common(c.service)
        if c.service.productType == .vxc {
            o["rateLimit"] = .int(c.service.rateLimit.map(Int64.init))
            o["aEndId"] = .int(c.service.aEndId)
            o["bEndId"] = .int(c.service.bEndId)
            o["aEndVlan"] = .int(c.vlans["A"].map(Int64.init))
            o["bEndVlan"] = .int(c.vlans["B"].map(Int64.init))
            o["vxcApprovalStatus"] = .string(c.service.vxcApprovalStatus)
        } else {
            ixFields(c.service, vlan: c.vlans["IX"], into: &o)
        }
        return .object(o)
    }

    /// The seed blog's VXC order object, every field in its order (API.md §5).
    static func vxcOrder(_ r: VXCOrderResult) -> JSONValue {
        let aws: JSONValue = r.aws.map { ["type": .string($0.type), "asn": .int($0.asn), "ownerAccount": .string($0.ownerAccount)] } ?? .null
        return [
            "createDate": .int(r.createDate), "vxcOrderId": .int(r.orderId), "payerMegaPortId": .int(r.aEnd.portId),
            "nonPayerMegaPortId": .int(r.bEnd.portId), "payerMegaPortName": .string(r.aEnd.portName),
            "nonPayerMegaPortName": .string(r.bEnd.portName), "payerCompanyId": .int(r.aEnd.companyId),
            "nonPayerCompanyId": .int(r.bEnd.companyId), "payerLocationId": .int(r.aEnd.locationId),
            "nonPayerLocationId": .int(r.bEnd.locationId), "salesId": .null, "payerCompanyName": .string(r.aEnd.companyName),
            "nonPayerCompanyName": .string(r.bEnd.companyName), "payerMegaPortNsId": .int(r.aEnd.portId),
            "nonPayerMegaPortNsId": .int(r.bEnd.portId), "payerVlanId": .int(r.aEnd.vlan), "nonPayerVlanId": .int(r.bEnd.vlan),
            "payerApproverName": .string(r.payerApproverName), "payerApproverId": .int(r.payerApproverId),
            "nonPayerApproverName": .string(r.nonPayerApproverName), "nonPayerApproverId": .int(r.nonPayerApproverId),
            "payerApproval": .int(r.createDate), "nonPayerApproval": .int(r.nonPayerApprovalDate), "fixedTerm": true,
            "duration": .int(r.term), "rollover": .bool(r.rollover), "name": .string(r.name), "payerStatus": .string(r.payerStatus),
            "nonPayerStatus": .string(r.nonPayerStatus), "speed": .int(r.speed), "distanceBand": .string(r.distanceBand.rawValue),
            "intercapPath": "", "awsId": .null, "rateType": "MONTHLY", "vxcJTechnicalServiceId": .int(r.serviceId),
            "vxcJTechnicalServiceUid": .string(r.serviceUid), "provisionDate": .int(r.createDate), "orderType": "NEW",
            "monthlyDiscountAmount": .null, "discountMonths": .null, "amazonDirectConnectConfigDto": aws, "rate": .null,
            "setup": .null, "serviceKey": .string(r.serviceKey), "provisioningStatus": .string(r.provisioningStatus.rawValue),
            "fullyApproved": .bool(r.nonPayerStatus == "APPROVED"),
        ]
    }
}
