import Model

/// AWS hosted connections as a service profile: what the legacy `amazonDirectConnectConfigDto` body
/// carries, as buyer fields with their rules. Sold AUTO (approved shortly after the order, as AWS does),
/// with the auth key write-only.
enum AWSProfile {
    static let fields = [
        BuyerField(key: "ownerAccount", label: "AWS account", help: "the 12-digit AWS account that accepts the hosted connection",
                   kind: .text, required: true, pattern: "^[0-9]{12}$"),
        BuyerField(key: "asn", label: "Customer ASN", help: "your BGP autonomous system number", kind: .integer, required: true, min: 1, max: 4_294_967_295),
        BuyerField(key: "type", label: "Virtual interface type", help: "private (VPC) or public (AWS public endpoints)", kind: .enum, required: true,
                   values: ["private", "public"]),
        BuyerField(key: "authKey", label: "BGP auth key", help: "optional MD5 key for the BGP session; never shown again", kind: .text, required: false,
                   maxLength: 80, writeOnly: true),
    ]

    /// The profile's content for a provider's ports.
    static func content(ports: [Int64]) -> ServiceProfileContent {
        ServiceProfileContent(name: "AWS Direct Connect (hosted connection)", description: "A hosted connection into your AWS account; approved automatically.",
                              portIds: ports, speeds: [], approvalMode: .auto, vlanPolicy: .buyer, visibility: .public, visibleTo: [],
                              buyerFields: fields)
    }
}
