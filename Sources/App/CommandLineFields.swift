import Domain

/// The command line's names for the domain's field keys: its flags.
enum CommandLineFields {
    /// `parentCompanyId must be …` reads `--parent must be …` on the command line.
    static let names = FieldNames([
        "parentCompanyId": "parent", "supportedBy": "supported-by", "billingMarket": "market", "signupEmail": "signup-email",
        "accountManagerEmail": "account-manager", "customerSuccessManagerEmail": "csm", "locationId": "location",
        "companyId": "company", "firstName": "first-name", "lastName": "last-name",
    ])
}
