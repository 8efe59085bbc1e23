import HTTPCore

/// The route builder used at start-up; `freeze()` turns it into the immutable `RouteTable`.
public struct Router: Sendable {
    private var routes: [(method: HTTPMethod, pattern: RoutePattern, options: RouteOptions, handler: Handler)] = []

    /// An empty router.
    public init() {}

    /// Registers a handler with what the route requires. Registering the same method and template twice
    /// is a programmer error.
    public mutating func on(_ method: HTTPMethod, _ template: String, options: RouteOptions = RouteOptions(),
                            _ handler: @escaping Handler) {
        let pattern = RoutePattern(template)
        precondition(!routes.contains { $0.method == method && $0.pattern == pattern }, "duplicate route \(method) \(template)")
        routes.append((method, pattern, options, handler))
    }

    /// Every registered route, for documentation checks.
    public var registered: [(method: HTTPMethod, template: String, options: RouteOptions)] {
        routes.map { ($0.method, $0.pattern.template, $0.options) }
    }

    /// The immutable table that serves requests; every 404 ends with `notFoundHint`. Paths whose first
    /// segment is in `collapsingUnder` match with their empty segments dropped (`/v2/product//1` is
    /// `/v2/product/1`); elsewhere an empty segment is a path of its own.
    public func freeze(notFoundHint: String? = nil, collapsingUnder: Set<String> = []) -> RouteTable {
        var root = RouteTable.Node()
        for route in routes {
            root.insert(route.pattern.segments[...], method: route.method, template: route.pattern.template,
                        route: RouteTable.Route(options: route.options, handler: route.handler))
        }
        return RouteTable(root: root, templates: Array(Set(routes.map(\.pattern.template))).sorted(), notFoundHint: notFoundHint,
                          collapsingUnder: collapsingUnder)
    }
}
