extension DemoWorld {
    /// The companies of the demo world, in creation order (the partner before its managed account).
    static var specs: [CompanySpec] {
        var acme = NewCompany(name: "Acme Networks", accountType: .direct)
        acme.billingMarket = "AU"
        acme.signupEmail = "admin@acme.example"
        acme.accountManagerEmail = "account.manager@megaport.example"
        acme.customerSuccessManagerEmail = "success@megaport.example"
        var aws = NewCompany(name: "Amazon Web Services", accountType: .direct)
        aws.billingMarket = "US"
        aws.signupEmail = "noc@aws.example"
        aws.autoApproveVxcs = true
        var beta = NewCompany(name: "Beta Cloud", accountType: .direct)
        beta.billingMarket = "AU"
        beta.signupEmail = "admin@betacloud.example"
        var gamma = NewCompany(name: "Gamma Partners", accountType: .partner)
        gamma.billingMarket = "AU"
        gamma.signupEmail = "admin@gamma.example"
        var delta = NewCompany(name: "Delta Retail", accountType: .managed)
        delta.supportedBy = .partner
        delta.billingMarket = "AU"
        delta.signupEmail = "admin@delta.example"
        return [
            CompanySpec(company: acme, support: ("+61290000000", "support@acme.example"), users: [
                ("admin@acme.example", .companyAdmin, "Alice", "Admin"),
                ("techadmin@acme.example", .technicalAdmin, "Tom", "Tech"),
                ("techcontact@acme.example", .technicalContact, "Tara", "Contact"),
                ("finance@acme.example", .finance, "Fred", "Finance"),
                ("fincontact@acme.example", .financialContact, "Fiona", "Contact"),
                ("readonly@acme.example", .readOnly, "Rita", "Reader"),
            ], ports: [("The MEGAPORT at Global Switch", 3, 10000, false)], marketplace: nil),
            CompanySpec(company: aws, support: ("+12065550100", "support@aws.example"), users: [
                ("admin@aws.example", .companyAdmin, "Andy", "Amazon"),
            ], ports: [("Amazon (ap-southeast-2) (Global Switch)", 3, 10000, true),
                       ("Amazon (us-east-1) (Equinix DC2)", 23, 100000, true)],
            marketplace: ("AWS", "Hosted connections to Amazon Web Services", "marketplace@aws.example")),
            CompanySpec(company: beta, support: ("+61280000000", "support@betacloud.example"), users: [
                ("admin@betacloud.example", .companyAdmin, "Ben", "Beta"),
                ("tech@betacloud.example", .technicalContact, "Bea", "Beta"),
            ], ports: [("Beta Cloud Sydney (Equinix SY1)", 1, 10000, true)],
            marketplace: ("Beta Cloud", "Private cloud in Sydney; connection requests approved by our NOC", "noc@betacloud.example")),
            CompanySpec(company: gamma, support: ("+61370000000", "support@gamma.example"), users: [
                ("admin@gamma.example", .companyAdmin, "Gina", "Gamma"),
                ("techadmin@gamma.example", .technicalAdmin, "Gus", "Gamma"),
            ], ports: [], marketplace: nil),
            CompanySpec(company: delta, parentName: "Gamma Partners", support: nil, users: [
                ("admin@delta.example", .companyAdmin, "Dana", "Delta"),
            ], ports: [], marketplace: nil),
        ]
    }
}
