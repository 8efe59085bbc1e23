@testable import Domain
import Testing

/// Seeds 001/004 tables, row by row.
@Suite struct ContactPolicyTests {
    static func company(_ type: AccountType, _ supportedBy: SupportedBy? = nil, parent: Int64? = nil) -> Company {
        Company(id: 10, uid: "u", tradingName: "T", accountType: type, supportedBy: supportedBy, parentCompanyId: parent,
                billingMarket: "AU", signupEmail: nil, accountManagerEmail: nil, customerSuccessManagerEmail: nil, autoApproveVxcs: false, createDate: 0)
    }

    static func session(_ position: Position, company: Int64 = 10, type: AccountType = .direct) -> Session {
        Session(userId: 1, userUid: "u", email: "e", firstName: "", lastName: "", position: position, companyId: company, companyUid: "c",
                companyName: "C", accountType: type, parentCompanyId: nil, tokenHash: "", createDate: 0, expiryDate: 1)
    }

    @Test(arguments: [
        ("new direct", company(.direct), false, true, true),
        ("existing direct, no provisioned services", company(.direct), false, true, true),
        ("direct with provisioned services", company(.direct), true, false, true),
        ("partner", company(.partner), false, true, true),
        ("managed, supported by Megaport", company(.managed, .megaport, parent: 20), false, true, false),
        ("managed, supported by partner", company(.managed, .partner, parent: 20), false, false, false),
        ("distributor", company(.distributor), false, false, false),
    ])
    func requiredAndDisplayedByAccountType(_ row: String, _ company: Company, _ provisioned: Bool, _ required: Bool, _ displayed: Bool) {
        let rule = ContactPolicy.requirement(company, hasProvisionedServices: provisioned)
        #expect(rule.required == required && rule.displayed == displayed, "\(row)")
    }

    @Test(arguments: [
        ("direct Company Admin", company(.direct), Position.companyAdmin, ContactPolicy.Access.edit),
        ("direct Technical Admin", company(.direct), .technicalAdmin, .view),
        ("direct Read Only", company(.direct), .readOnly, .view),
        ("partner Company Admin", company(.partner), .companyAdmin, .edit),
        ("partner Finance", company(.partner), .finance, .view),
        ("managed by partner, Company Admin", company(.managed, .partner, parent: 20), .companyAdmin, .view),
        ("managed by partner, Technical Contact", company(.managed, .partner, parent: 20), .technicalContact, .view),
        ("managed by Megaport, Company Admin", company(.managed, .megaport, parent: 20), .companyAdmin, .none),
        ("managed by Megaport, Technical Admin", company(.managed, .megaport, parent: 20), .technicalAdmin, .none),
        ("distributor Company Admin", company(.distributor), .companyAdmin, .none),
    ])
    func viewAndEditByAccountTypeAndPosition(_ row: String, _ company: Company, _ position: Position, _ access: ContactPolicy.Access) {
        #expect(ContactPolicy.access(of: Self.session(position), to: company) == access, "\(row)")
    }

    @Test func thePartnersCompanyAdminsEditTheirManagedAccounts() {
        let managed = Self.company(.managed, .megaport, parent: 20)
        #expect(ContactPolicy.access(of: Self.session(.companyAdmin, company: 20, type: .partner), to: managed) == .edit)
        #expect(ContactPolicy.access(of: Self.session(.technicalAdmin, company: 20, type: .partner), to: managed) == .none)
        #expect(ContactPolicy.access(of: Self.session(.companyAdmin, company: 30, type: .partner), to: managed) == .none, "another partner")
    }

    static let au = Market(code: "AU", name: "Australia", currency: "AUD", dialCode: "61", nationalDigits: 9)
    static let us = Market(code: "US", name: "United States", currency: "USD", dialCode: "1", nationalDigits: 10)
    static let gb = Market(code: "GB", name: "United Kingdom", currency: "GBP", dialCode: "44", nationalDigits: 10)

    @Test(arguments: [
        ("+61 2 9000 1234", au, "+61290001234"), ("02 9000 1234", au, "+61290001234"), ("0061290001234", au, "+61290001234"),
        ("+61 (0)2 9000 1234", au, "+61290001234"), ("+61 2 9000 123", au, nil), ("+1 206 555 0100", au, nil), ("+61 2 9000 12a4", au, nil),
        ("(206) 555-0100", us, "+12065550100"), ("+1 206 555 0100", us, "+12065550100"), ("206 555 010", us, nil),
        ("020 7946 0958", gb, "+442079460958"), ("+44 20 7946 0958", gb, "+442079460958"), ("", au, nil),
    ] as [(String, Market, String?)])
    func phonesFollowTheBillingMarketAndBecomeE164(_ input: String, _ market: Market, _ expected: String?) {
        #expect(PhoneRules.normalize(input, market: market) == expected, "\(input) in \(market.code)")
    }
}
