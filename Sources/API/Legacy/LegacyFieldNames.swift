import Domain

/// The legacy API's names for the domain's field keys, per operation, so its error messages read as
/// they always have (`payerVlanId must be …`, `megaPortProvItem.speed must be …`). Routes not listed
/// here use the domain's keys, which are already their legacy names.
enum LegacyFieldNames {
    /// `POST /secure/ecommerce/megaport/order`.
    static let portOrder = FieldNames(["name": "serviceName", "speed": "megaPortProvItem.speed",
                                       "locationId": "megaPortProvItem.location_id", "ix": "ixProvItem",
                                       "ix.exchange": "ixProvItem.networkServiceType"])
    /// `POST /secure/ecommerce/ix/order`.
    static let ixOrder = FieldNames(["portId": "productUid", "ix": "ixProvItem", "ix.exchange": "ixProvItem.networkServiceType"])
    /// `POST /secure/ecommerce/vxc/order`.
    static let vxcOrder = FieldNames(["aEnd.productId": "payerMegaPortNsId", "aEnd.vlan": "payerVlanId", "bEnd.vlan": "nonPayerVlanId",
                                      "rateLimit": "speed", "term": "duration", "name": "serviceName",
                                      "aws": "amazonDirectConnectConfigDto"])
    /// `PUT /secure/technicalservice/{id}/speed`.
    static let speedChange = FieldNames(["rateLimit": "speed"])
    /// `/secure/servicekeys`.
    static let serviceKeys = FieldNames(["productId": "productUid", "validFrom": "validFor.start", "validTo": "validFor.end"])
}
