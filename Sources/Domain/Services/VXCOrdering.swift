import JSON
import Model
import Persistence
import Storage

/// Placing a VXC order (API.md §5).
enum VXCOrdering {
    static let terms = [1, 12, 24, 36]

    /// Field rules that need no database.
    static func validate(_ order: VXCOrder) throws {
        var errors: [FieldError] = []
        if let problem = VLANRules.problem(order.aVlan) { errors.append(FieldError("aEnd.vlan", problem)) }
        if let problem = VLANRules.problem(order.bVlan) { errors.append(FieldError("bEnd.vlan", problem)) }
        if order.speed < 1 { errors.append(FieldError("rateLimit", "must be at least 1 Mbps")) }
        if !terms.contains(order.term) { errors.append(FieldError("term", "must be one of 1, 12, 24, 36")) }
        if let name = order.name, Validation.hasInvisibleCharacters(name) {
            errors.append(FieldError("name", "must not contain control or invisible characters"))
        }
        if let name = order.name, name.trimmingWhitespace.isEmpty || name.count > 255 {
            errors.append(FieldError("name", "must be 1 to 255 characters"))
        }
        if let aws = order.aws {
            if !["private", "public"].contains(aws.type) { errors.append(FieldError("aws.type", "must be private or public")) }
            if !(1...4_294_967_295).contains(aws.asn) { errors.append(FieldError("aws.asn", "must be from 1 to 4294967295")) }
            if aws.ownerAccount.count != 12 || !aws.ownerAccount.allSatisfy(\.isASCIIDigitCharacter) {
                errors.append(FieldError("aws.ownerAccount", "must be a 12-digit AWS account number"))
            }
        }
        guard errors.isEmpty else { throw DomainError.invalid(errors) }
    }

    /// Resolves both ends, the key, speed and VLANs, decides the approval, and inserts everything.
    static func place(_ db: any DatabaseConnection, _ order: VXCOrder, session: Session, approvalLifetime: Int64, links: PortalLinks,
                      now: Int64) throws -> VXCOrderResult {
        let (aEnd, buyer) = try AccessPolicy.orderingPort(db, session, order.aEndId)
        guard aEnd.productType.carriesVXCs, let aLocation = aEnd.location, let aSpeed = aEnd.speed else {
            throw DomainError.invalid("aEnd.productId", "service \(order.aEndId) is not a port or cloud router")
        }
        let key = try order.serviceKey.map { try ServiceKeyRules.usable(db, key: $0, now: now) }
        let purchase = try ProfilePurchase.resolve(db, order, session, aEnd: aEnd)
        guard let bEndId = purchase?.bEnd.id ?? order.bEndId else {
            throw DomainError.invalid("bEnd.productId", "is required unless a service profile is named")
        }
        guard let bEnd = try ServiceRepository.find(db, id: bEndId), bEnd.productType.carriesVXCs,
              let bLocation = bEnd.location, let bSpeed = bEnd.speed,
              let provider = try CompanyRepository.find(db, id: bEnd.companyId) else {
            throw DomainError.notFound("B-end port \(bEndId) not found")
        }
        let sameCompany = bEnd.companyId == buyer
        guard sameCompany || AccessPolicy.canSee(session, provider) || bEnd.marketplaceVisibility || key?.productId == bEnd.id || purchase != nil else {
            throw DomainError.notFound("B-end port \(bEndId) not found")
        }
        if let key, key.productId != bEnd.id {
            throw DomainError.forbidden(code: "service_key_invalid", message: "service key \(key.key) is for another port")
        }
        if !sameCompany && !bEnd.vxcPermitted {
            throw DomainError.forbidden(code: "vxc_not_permitted", message: "port \(bEnd.id) does not accept VXCs")
        }
        for end in [aEnd, bEnd] where !end.status.isReady {
            throw DomainError.conflict(code: "port_not_ready", message: "port \(end.id) is \(end.status.rawValue); both ends must be CONFIGURED or LIVE")
        }
        let maxSpeed = min(aSpeed, bSpeed, key?.maxSpeed ?? Int.max)
        guard order.speed <= maxSpeed else { throw DomainError.invalid("rateLimit", "must not exceed \(maxSpeed) Mbps for these ports") }
        var bVlanRequest = order.bVlan
        if let keyVlan = key?.vlan {
            guard bVlanRequest == 0 || bVlanRequest == keyVlan else {
                throw DomainError.invalid("bEnd.vlan", "must be \(keyVlan), the VLAN of this service key")
            }
            bVlanRequest = keyVlan
        }
        // A profile's approval mode decides; without one, the provider's company setting does.
        let autoApproving = (purchase.map { $0.profile.approvalMode == .auto } ?? provider.autoApproveVxcs) && !sameCompany
        if autoApproving && order.aws == nil && purchase == nil {
            throw DomainError.invalid("aws", "is required for a VXC to \(provider.tradingName)")
        }
        let aVlan = try VLANRules.resolve(db, requested: order.aVlan, portId: aEnd.id, field: "aEnd.vlan")
        let bVlan = try VLANRules.resolve(db, requested: bVlanRequest, portId: bEnd.id, field: "bEnd.vlan",
                                          avoiding: aEnd.id == bEnd.id ? aVlan : nil)
        let decision: Decision = sameCompany || key?.preApproved == true ? .approved : autoApproving ? .automatic : .provider
        let name = order.name?.trimmingWhitespace ?? "from \(aEnd.name) to \(bEnd.name)"
        let band = DistanceBand.between(aLocation, bLocation)
        let (serviceId, serviceUid, orderId) = try VXCRepository.insert(db, .init(
            name: name, companyId: buyer, status: decision.status, aEndId: aEnd.id, bEndId: bEnd.id, rateLimit: order.speed,
            distanceBand: band.rawValue, approvalStatus: decision.approvalStatus,
            nonPayerStatus: decision == .approved ? "APPROVED" : "UN_ASSESSED", term: order.term, rollover: order.rollover,
            awsConfig: order.aws.map(awsJSON), serviceKeyId: key?.id, createdBy: session.userId,
            provisionDate: decision == .approved ? now : nil), now: now)
        try VlanRepository.assign(db, portId: aEnd.id, serviceId: serviceId, end: "A", vlan: aVlan)
        try VlanRepository.assign(db, portId: bEnd.id, serviceId: serviceId, end: "B", vlan: bVlan)
        if let purchase {
            try ServiceProfileRepository.recordPurchase(db, serviceId: serviceId, profileId: purchase.profile.id,
                                                         values: BuyerFieldCoding.encode(values: purchase.values))
        }
        if decision == .provider {
            let approval = try ApprovalRepository.insert(db, kind: .new, serviceId: serviceId, requesterCompanyId: buyer,
                                                         requesterUserId: session.userId, approverCompanyId: bEnd.companyId,
                                                         speed: order.speed, newSpeed: nil, now: now, lifetime: approvalLifetime)
            let requester = "\("\(session.firstName) \(session.lastName)".trimmingWhitespace) <\(session.email)>"
            let facts = VXCFacts(vxcId: serviceId, vxcName: name, companyId: buyer, rateLimit: order.speed, aEnd: aEnd, bEnd: bEnd, aVlan: aVlan, bVlan: bVlan,
                                 requester: requester)
            try Notices.connectionRequested(db, facts, approval: approval, links: links, now: now,
                                            profileLines: purchase.map { ProfilePurchase.emailLines($0.values, $0.profile) })
        }
        if let key, key.singleUse, try !ServiceKeyRepository.consume(db, id: key.id, now: now) {
            throw DomainError.forbidden(code: "service_key_invalid", message: "service key \(key.key) has already been used")
        }
        try AuditLog.record(db, userId: session.userId, companyId: buyer, entity: "service", entityId: serviceId, action: "order",
                            detail: AccessPolicy.onBehalf(session, ["productType": "VXC", "aEnd": .int(aEnd.id), "bEnd": .int(bEnd.id),
                                                                    "speed": .int(order.speed), "approval": .string(decision.approvalStatus ?? "APPROVED")]),
                            now: now)
        let fullName = "\(session.firstName) \(session.lastName)".trimmingWhitespace
        return VXCOrderResult(
            orderId: orderId, serviceId: serviceId, serviceUid: serviceUid,
            createDate: now, name: name,
            aEnd: .init(portId: aEnd.id, portName: aEnd.name, companyId: aEnd.companyId, companyName: aEnd.companyName,
                        locationId: aLocation.locationId, vlan: aVlan),
            bEnd: .init(portId: bEnd.id, portName: bEnd.name, companyId: bEnd.companyId, companyName: bEnd.companyName,
                        locationId: bLocation.locationId, vlan: bVlan),
            speed: order.speed, distanceBand: band, term: order.term, rollover: order.rollover, payerStatus: "APPROVED",
            nonPayerStatus: decision == .approved ? "APPROVED" : "UN_ASSESSED", payerApproverId: session.userId,
            payerApproverName: fullName, nonPayerApproverId: sameCompany ? session.userId : nil,
            nonPayerApproverName: sameCompany ? fullName : nil, nonPayerApprovalDate: decision == .approved ? now : nil,
            provisioningStatus: decision.status, vxcApprovalStatus: decision.approvalStatus,
            aws: order.aws.map { AWSConfig(type: $0.type, asn: $0.asn, authKey: nil, ownerAccount: $0.ownerAccount) },
            serviceKey: key?.key)
    }

    /// Who approves the B-end.
    enum Decision: Equatable {
        /// Own company or a pre-approved key: approved at once.
        case approved
        /// An auto-approving cloud provider: the post-order stage approves it shortly.
        case automatic
        /// Another company: its users decide.
        case provider

        var status: ProvisioningStatus { self == .approved ? .configured : .provisioning }
        var approvalStatus: String? {
            switch self {
            case .approved: nil
            case .automatic: "PENDING_INTERNAL"
            case .provider: "PENDING_EXTERNAL"
            }
        }
    }

    static func awsJSON(_ aws: AWSConfig) -> String {
        JSONWriter.string(["type": .string(aws.type), "asn": .int(aws.asn), "authKey": .string(aws.authKey),
                           "ownerAccount": .string(aws.ownerAccount)])
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
