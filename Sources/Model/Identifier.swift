/// Integer ids as text: ASCII digits only, no sign, no leading zero (`"7"`, never `"+7"`, `"07"` or
/// `"７"`), so one id has one spelling.
public enum Identifier {
    /// The id `text` spells, or nil.
    public static func parse(_ text: some StringProtocol) -> Int64? {
        let bytes = Array(text.utf8)
        guard (1...18).contains(bytes.count), bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), bytes.count == 1 || bytes[0] != 0x30 else {
            return nil
        }
        return Int64(String(decoding: bytes, as: UTF8.self))
    }
}
