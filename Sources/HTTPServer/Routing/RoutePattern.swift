/// A route template such as `/secure/technicalservice/:id`, split into literal and parameter segments.
/// Matching is exact and case-sensitive (H9); empty segments are literals, so `/a/` is not `/a`.
struct RoutePattern: Sendable, Equatable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    let template: String
    let segments: [Segment]

    init(_ template: String) {
        precondition(template.hasPrefix("/"), "route templates start with /")
        self.template = template
        segments = template == "/" ? [] : template.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.hasPrefix(":") ? .parameter(String($0.dropFirst())) : .literal(String($0))
        }
    }
}
