// libFuzzer target for HTTPCore's request parser (`make fuzz`). Property: feeding the same bytes whole
// or split at two points chosen from the input gives the same requests and the same error — and
// nothing crashes, traps or hangs. Built with `swiftc -sanitize=fuzzer,address` over HTTPCore's sources.

struct Outcome: Equatable {
    var requests: [String] = []
    var error: HTTPParseError?
}

func run(_ bytes: [UInt8], splits: [Int]) -> Outcome {
    var limits = ParserLimits()
    limits.maxBodyBytes = 64 * 1024
    var parser = RequestParser(limits: limits)
    var buffer = ReadBuffer()
    var outcome = Outcome()
    var start = 0
    for end in splits + [bytes.count] where end >= start {
        buffer.append(contentsOf: bytes[start..<end])
        start = end
        do {
            while let request = try parser.parse(&buffer) {
                outcome.requests.append("\(request.method) \(request.target) \(request.uri.segments) \(request.body.count)")
            }
        } catch {
            outcome.error = error
            return outcome
        }
    }
    return outcome
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequestParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let whole = run(bytes, splits: [])
    if bytes.count >= 2 {
        let a = Int(bytes[0]) % bytes.count, b = Int(bytes[bytes.count - 1]) % bytes.count
        let split = run(bytes, splits: [min(a, b), max(a, b)])
        if split != whole { fatalError("feeding in pieces changed the outcome: \(whole) vs \(split)") }
    }
    return 0
}
