/// A user's position in their company (API.md §2).
public enum Position: String, Sendable, CaseIterable {
    case companyAdmin = "Company Admin"
    case technicalAdmin = "Technical Admin"
    case technicalContact = "Technical Contact"
    case finance = "Finance"
    case financialContact = "Financial Contact"
    case readOnly = "Read Only"
}

/// Something a user may or may not do; the rows of the API.md §2 table.
public enum Action: String, Sendable, CaseIterable {
    case view
    case order
    case approve
    case cancel
    case manageServiceKeys
    case manageAccount
    case subscribe
    /// Sell through service profiles (create, change, delete them).
    case manageServiceProfiles
    /// Issue and revoke the authorization keys resellers act with.
    case manageAuthorizationKeys
    /// Act for another company with its authorization key (a reseller).
    case actWithAuthorizationKey
}

extension Position {
    /// The API.md §2 permission table — the only place it is written down in code.
    public func may(_ action: Action) -> Bool {
        switch action {
        case .view: true
        case .order, .cancel: [.companyAdmin, .technicalAdmin, .finance].contains(self)
        case .approve, .subscribe: [.companyAdmin, .technicalAdmin, .technicalContact].contains(self)
        case .manageServiceKeys: [.companyAdmin, .technicalAdmin, .technicalContact, .finance].contains(self)
        case .manageAccount, .manageServiceProfiles, .manageAuthorizationKeys: self == .companyAdmin
        case .actWithAuthorizationKey: [.companyAdmin, .technicalAdmin].contains(self)
        }
    }
}
