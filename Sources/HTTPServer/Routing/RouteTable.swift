import HTTPCore

/// An immutable trie of routes. Answers 404 when no path matches, 405 with `Allow` when the path
/// matches but the method does not (RFC 9110 §15.5.6), HEAD with the GET handler (§9.3.2), and
/// OPTIONS with 204 and `Allow` (§9.3.7), including `OPTIONS *`.
public struct RouteTable: HTTPResponder {
    /// A registered handler and what its route requires.
    struct Route: Sendable {
        let options: RouteOptions
        let handler: Handler
    }

    struct Node: Sendable {
        /// Children by literal segment, boxed: a lookup while matching retains one box instead of
        /// copying a node's dictionaries out of the table.
        var literals: [String: Box] = [:]
        var parameter: (name: String, node: Box)?
        var handlers: [HTTPMethod: Route] = [:]
        var template: String?

        mutating func insert(_ segments: ArraySlice<RoutePattern.Segment>, method: HTTPMethod, template: String, route: Route) {
            guard let first = segments.first else {
                handlers[method] = route
                self.template = template
                return
            }
            let rest = segments.dropFirst()
            switch first {
            case .literal(let text):
                literals[text] = Self.adding(rest, below: literals[text], method: method, template: template, route: route)
            case .parameter(let name):
                precondition(parameter == nil || parameter?.name == name, "conflicting parameter names at \(template)")
                parameter = (name, Self.adding(rest, below: parameter?.node, method: method, template: template, route: route))
            }
        }

        /// A child (`box`'s node, or a new one) with the route inserted further down, boxed again.
        static func adding(_ segments: ArraySlice<RoutePattern.Segment>, below box: Box?, method: HTTPMethod, template: String,
                           route: Route) -> Box {
            var child = box?.node ?? Node()
            child.insert(segments, method: method, template: template, route: route)
            return Box(child)
        }

        func match(_ segments: ArraySlice<String>, _ parameters: inout [String: String]) -> Node? {
            guard let first = segments.first else { return template == nil ? nil : self }
            if let child = literals[first], let found = child.node.match(segments.dropFirst(), &parameters) { return found }
            if let (name, box) = parameter, !first.isEmpty, let found = box.node.match(segments.dropFirst(), &parameters) {
                parameters[name] = first
                return found
            }
            return nil
        }
    }

    /// Indirection so a node can hold a child of its own type.
    final class Box: Sendable {
        let node: Node
        init(_ node: Node) { self.node = node }
    }

    let root: Node
    /// Every route template, for suggestions.
    let templates: [String]
    /// A sentence every 404 ends with (e.g. where the routes are listed).
    let notFoundHint: String?
    /// First segments under which empty segments are dropped before matching.
    let collapsingUnder: Set<String>

    /// The segments a request matches with: its own, or without empty ones under a collapsing prefix.
    func segments(of request: HTTPRequest) -> ArraySlice<String> {
        let segments = request.uri.segments
        guard segments.contains(""), let first = segments.first(where: { !$0.isEmpty }), collapsingUnder.contains(first) else {
            return segments[...]
        }
        return segments.filter { !$0.isEmpty }[...]
    }

    public func respond(to request: HTTPRequest, context: inout RequestContext) async throws -> HTTPResponse {
        if request.uri.path == "*" {
            return HTTPResponse(status: .noContent, headers: HTTPHeaders([("Allow", Self.allowList(HTTPMethod.implemented))]))
        }
        var parameters: [String: String] = [:]
        guard let node = root.match(segments(of: request), &parameters) else { throw notFound(request) }
        context.parameters = parameters
        context.route = node.template
        if let route = node.route(for: request.method) { return try await route.handler(request, &context) }
        if request.method == .options {
            return HTTPResponse(status: .noContent, headers: HTTPHeaders([("Allow", Self.allowList(node.allowedMethods))]))
        }
        throw routingError(for: request) ?? notFound(request)
    }

    /// What the route a request would reach requires (nil when none would run: 404, 405, OPTIONS, `*`).
    public func options(for request: HTTPRequest) -> RouteOptions? {
        var parameters: [String: String] = [:]
        return root.match(segments(of: request), &parameters)?.route(for: request.method)?.options
    }

    /// The routing error a request would get (404, or 405 with `Allow`), without running a handler.
    public func routingError(for request: HTTPRequest) -> HTTPError? {
        if request.uri.path == "*" { return nil }
        var parameters: [String: String] = [:]
        guard let node = root.match(segments(of: request), &parameters) else { return notFound(request) }
        if node.route(for: request.method) != nil || request.method == .options { return nil }
        let allow = Self.allowList(node.allowedMethods)
        return HTTPError(.methodNotAllowed, code: "method_not_allowed", message: "\(request.method) is not allowed on \(node.template ?? request.uri.path); allowed: \(allow)",
                         headers: HTTPHeaders([("Allow", allow)]))
    }

    /// A stable, comma-separated method list in the implemented order.
    static func allowList(_ methods: [HTTPMethod]) -> String {
        HTTPMethod.implemented.filter(methods.contains).map(\.rawValue).joined(separator: ", ")
    }
}

extension RouteTable.Node {
    /// The route for a method; HEAD runs the GET route unless that GET changes state.
    func route(for method: HTTPMethod) -> RouteTable.Route? {
        handlers[method] ?? (method == .head ? headRoute : nil)
    }

    /// The GET route when HEAD may run it.
    var headRoute: RouteTable.Route? { handlers[.get].flatMap { $0.options.changesState ? nil : $0 } }

    /// The methods the node answers, for `Allow`.
    var allowedMethods: [HTTPMethod] {
        var methods = Array(handlers.keys)
        if headRoute != nil { methods.append(.head) }
        methods.append(.options)
        return methods
    }
}
