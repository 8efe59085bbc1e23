import Domain

/// How the v2 surface names the domain's field keys in its errors.
enum V2FieldNames {
    /// Network-design items: a port's `speed` is `portSpeed`, names are `productName`, an IX's members sit
    /// at the item's top level, and a VXC's AWS settings are its B-end's `partnerConfig`. The item's place
    /// (`networkDesign[2].`) is kept. A router's ASN is its `config.mcrAsn`.
    static let design = FieldNames([
        "speed": "portSpeed", "name": "productName", "aws": "bEnd.partnerConfig", "asn": "config.mcrAsn",
        "ix.exchange": "networkServiceType", "ix.name": "productName", "ix.asn": "asn", "ix.macAddress": "macAddress",
        "ix.rateLimit": "rateLimit", "ix.vlan": "vlan",
    ])
}
