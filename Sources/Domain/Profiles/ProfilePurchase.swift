import Model
import Persistence
import Storage

/// A VXC order bought through a service profile: the profile, the B-end it resolved to, and the buyer's
/// accepted values. The profile decides the approval (AUTO or MANUAL), the speeds and who picks the
/// B-end VLAN; the values are stored with the VXC, shown to the provider and written into its email.
struct ProfilePurchase {
    let profile: ServiceProfile
    let bEnd: ServiceRecord
    let values: [String: BuyerValue]

    /// The purchase an order makes, if any: the profile `serviceProfileUid` names, or — for the legacy
    /// `amazonDirectConnectConfigDto` body — the profile the B-end port is sold through that asks for
    /// AWS's fields (its values mapped from the body). Nil: an ordinary VXC order.
    static func resolve(_ db: any DatabaseConnection, _ order: VXCOrder, _ session: Session, aEnd: ServiceRecord) throws -> ProfilePurchase? {
        if let uid = order.serviceProfileUid {
            guard Tokens.looksLikeUUID(uid) else { throw DomainError.invalid("serviceProfileUid", "must be a service profile uid (a UUID)") }
            let profile = try ServiceProfileService.visibleProfile(db, session, uid: uid)
            guard profile.companyId != aEnd.companyId else {
                throw DomainError.invalid("serviceProfileUid", "is a profile of the A-end's own company; order a VXC between its ports directly")
            }
            let bEnd = try port(db, of: profile, named: order.bEndId, near: aEnd)
            let values = order.buyerFields.isEmpty ? (order.aws.map(awsValues) ?? [:]) : order.buyerFields
            return try ProfilePurchase(profile: profile, bEnd: bEnd, values: BuyerFieldRules.check(values, against: profile.buyerFields)).checked(order)
        }
        guard let aws = order.aws, let bEndId = order.bEndId,
              let profile = try ServiceProfileRepository.offering(db, portId: bEndId).first(where: asksForAWS),
              let bEnd = try ServiceRepository.find(db, id: bEndId) else {
            if !order.buyerFields.isEmpty { throw DomainError.invalid("serviceProfileUid", "is required with buyerFields (the profile they are for)") }
            return nil
        }
        return ProfilePurchase(profile: profile, bEnd: bEnd, values: try BuyerFieldRules.check(awsValues(aws), against: profile.buyerFields))
    }

    /// The speed and VLAN rules of the profile.
    private func checked(_ order: VXCOrder) throws -> ProfilePurchase {
        var errors: [FieldError] = []
        if !profile.speeds.isEmpty, !profile.speeds.contains(order.speed) {
            errors.append(FieldError("rateLimit", "must be one of this profile's speeds: \(profile.speeds.map(String.init).joined(separator: ", ")) Mbps"))
        }
        if profile.vlanPolicy == .provider, order.bVlan != 0 {
            errors.append(FieldError("bEnd.vlan", "is assigned by \(profile.companyName) for this profile; leave it out"))
        }
        guard errors.isEmpty else { throw DomainError.invalid(errors) }
        return self
    }

    /// The profile's port the order names (it must be one of them), or the nearest to the A-end by
    /// distance band (the lowest id among equals).
    private static func port(_ db: any DatabaseConnection, of profile: ServiceProfile, named id: Int64?, near aEnd: ServiceRecord) throws -> ServiceRecord {
        if let id {
            guard profile.portIds.contains(id), let port = try ServiceRepository.find(db, id: id) else {
                throw DomainError.invalid("bEnd.productId", "must be one of the profile's ports: \(profile.portIds.map(String.init).joined(separator: ", "))")
            }
            return port
        }
        let ports = try profile.portIds.compactMap { try ServiceRepository.find(db, id: $0) }.filter { $0.status.isReady }
        let ranked = ports.compactMap { port -> (rank: Int, id: Int64, port: ServiceRecord)? in
            guard let a = aEnd.location, let b = port.location else { return nil }
            return (DistanceBand.allCases.firstIndex(of: DistanceBand.between(a, b)) ?? 9, port.id, port)
        }
        guard let nearest = ranked.min(by: { ($0.rank, $0.id) < ($1.rank, $1.id) }) else {
            throw DomainError.conflict(code: "port_not_ready", message: "service profile \(profile.uid) has no CONFIGURED or LIVE port to connect to")
        }
        return nearest.port
    }

    /// Whether a profile asks for what the legacy AWS body carries.
    static func asksForAWS(_ profile: ServiceProfile) -> Bool {
        let keys = Set(profile.buyerFields.map(\.key))
        return keys.contains("ownerAccount") && keys.contains("asn")
    }

    /// The legacy AWS body as buyer values.
    static func awsValues(_ aws: AWSConfig) -> [String: BuyerValue] {
        var values: [String: BuyerValue] = ["ownerAccount": .text(aws.ownerAccount), "asn": .integer(aws.asn), "type": .text(aws.type)]
        if let key = aws.authKey { values["authKey"] = .text(key) }
        return values
    }

    /// The lines the provider's connection-request email adds.
    static func emailLines(_ values: [String: BuyerValue], _ profile: ServiceProfile) -> String {
        let shown = ShownBuyerValue.of(values, fields: profile.buyerFields)
        let width = max(14, (shown.map(\.label.count).max() ?? 0) + 2)
        return (["  Profile:".padding(width + 2) + profile.name] + shown.map { "  \($0.label):".padding(width + 2) + $0.text }).joined(separator: "\n")
    }
}

extension String {
    /// The text followed by spaces up to `width` characters (at least one space).
    fileprivate func padding(_ width: Int) -> String { self + String(repeating: " ", count: Swift.max(1, width - count)) }
}
