/// The seed blog's two curl bodies (`seeds/003_5a809cedebeb249e.txt`), byte for byte but for the ids.
enum Blog {
    static func portOrder(companyId: Int64) -> String {
        """
         {
        "technicalContactId": "",
        "megaPortProvItem": {
           "rackId":
           "DS01-99 R1",
           "opticalInterface": "",
           "speed": 10000,
           "networkServiceType": "MEGAPORT",
           "portId": "1",
           "location_id": "3" },
         "ixProvItem": {},
         "adminContactId": "",
         "companyId": \(companyId),
         "billingContactId": "",
         "productType": "MEGAPORT",
         "customerRequestDate": "2014-12-29T14:00:00.000Z",
         "serviceName": "Test Service"
        } 
        """
    }

    static func vxcOrder(payer: Int64, nonPayer: Int64) -> String {
        """
         {
          "amazonDirectConnectConfigDto": {
          "type": "private",
          "asn": 65001,
          "authKey": "password1",
          "ownerAccount": "123456789123" },
          "payerMegaPortNsId": "\(payer)",
          "nonPayerMegaPortNsId": "\(nonPayer)",
          "payerVlanId": 887,
          "nonPayerVlanId": 889,
          "payerStatus": "APPROVED",
          "rateType": "MONTHLY",
          "rollover": true,
          "speed": 100
        } 
        """
    }

    /// Every field the seed's VXC order response shows (API.md §5).
    static let vxcResponseFields = [
        "createDate", "vxcOrderId", "payerMegaPortId", "nonPayerMegaPortId", "payerMegaPortName", "nonPayerMegaPortName",
        "payerCompanyId", "nonPayerCompanyId", "salesId", "payerCompanyName", "nonPayerCompanyName", "payerMegaPortNsId",
        "nonPayerMegaPortNsId", "payerVlanId", "nonPayerVlanId", "payerApproverName", "payerApproverId", "nonPayerApproverName",
        "nonPayerApproverId", "payerApproval", "nonPayerApproval", "fixedTerm", "duration", "rollover", "name", "payerStatus",
        "nonPayerStatus", "speed", "distanceBand", "intercapPath", "awsId", "rateType", "vxcJTechnicalServiceId", "provisionDate",
        "orderType", "monthlyDiscountAmount", "discountMonths", "amazonDirectConnectConfigDto", "rate", "setup",
        "vxcJTechnicalServiceUid",
    ]

    /// A plain port order body.
    static func port(name: String = "Port", location: Int64 = 3, speed: Int = 10000, companyId: Int64? = nil, extra: String = "") -> String {
        let company = companyId.map { #", "companyId": \#($0)"# } ?? ""
        return #"{"productType": "MEGAPORT", "serviceName": "\#(name)", "megaPortProvItem": {"speed": \#(speed), "location_id": \#(location)}\#(company)\#(extra)}"#
    }

    /// A plain VXC order body.
    static func vxc(_ a: Int64, _ b: Int64, aVlan: Int = 0, bVlan: Int = 0, speed: Int = 100, extra: String = "") -> String {
        #"{"payerMegaPortNsId": \#(a), "nonPayerMegaPortNsId": \#(b), "payerVlanId": \#(aVlan), "nonPayerVlanId": \#(bVlan), "speed": \#(speed)\#(extra)}"#
    }
}
