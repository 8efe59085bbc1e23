/// What a route requires before its handler runs, readable without running it (the `100-continue`
/// preflight and the documentation checks read it).
public struct RouteOptions: Sendable, Equatable {
    /// Whether the route needs an authenticated caller (401 without one).
    public var authenticated: Bool
    /// Whether the route takes a JSON body (415 for another media type).
    public var jsonBody: Bool
    /// A GET that changes state (a logout): HEAD does not run it and is refused with 405, as HEAD
    /// must never change anything.
    public var changesState: Bool
    /// The largest body the route takes (413 beyond it, before the body is read when the client waits
    /// for `100 Continue`); nil: the server's limit.
    public var maxBodyBytes: Int?

    /// An authenticated route with a JSON body unless told otherwise.
    public init(authenticated: Bool = true, jsonBody: Bool = true, changesState: Bool = false, maxBodyBytes: Int? = nil) {
        self.authenticated = authenticated
        self.jsonBody = jsonBody
        self.changesState = changesState
        self.maxBodyBytes = maxBodyBytes
    }
}
