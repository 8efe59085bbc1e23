/// Appending text to a byte buffer without going through a `String` per piece: literals are copied
/// straight from the binary, strings from their UTF-8 storage, numbers digit by digit. The response head
/// and the access line are written this way for every request (string interpolation allocated a
/// `String` per number, and appending a `String.UTF8View` went through a generic copy per piece).
extension Array where Element == UInt8 {
    /// Appends a literal's bytes.
    @inlinable
    public mutating func append(literal text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }  // a pointer to the binary, or one scalar
    }

    /// Appends a string's UTF-8 bytes.
    @inlinable
    public mutating func append(utf8 text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    /// Appends a whole number in decimal.
    public mutating func append(decimal value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 24 digits, on the stack
        Swift.withUnsafeMutableBytes(of: &digits) { raw in
            var index = raw.count
            repeat {
                index -= 1
                raw[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[index...]))
        }
    }
}
