/// The current row of a query, valid only inside the mapping closure. Repositories read columns **by
/// name** (the name or alias in the select list); an engine resolves a name to a position once per
/// prepared statement, not once per row. Reading by position is for ad-hoc queries in tests.
public protocol DatabaseRow {
    /// Whether the column is NULL.
    func isNull(_ column: String) -> Bool
    /// The column as an integer (NULL reads 0).
    func int64(_ column: String) -> Int64
    /// The column as a Double (NULL reads 0).
    func double(_ column: String) -> Double
    /// The column as text (NULL reads "").
    func string(_ column: String) -> String
    /// The column as bytes (NULL reads empty).
    func blob(_ column: String) -> [UInt8]
    /// The column as an integer, or nil for NULL.
    func optionalInt64(_ column: String) -> Int64?
    /// The column as text, or nil for NULL.
    func optionalString(_ column: String) -> String?

    /// Whether the column at `index` is NULL.
    func isNull(_ index: Int32) -> Bool
    /// The column at `index` as an integer (NULL reads 0).
    func int64(_ index: Int32) -> Int64
    /// The column at `index` as text (NULL reads "").
    func string(_ index: Int32) -> String
    /// The column at `index` as bytes (NULL reads empty).
    func blob(_ index: Int32) -> [UInt8]
}

extension DatabaseRow {
    /// The column as an `Int`.
    public func int(_ column: String) -> Int { Int(int64(column)) }
    /// The column as an `Int`, or nil for NULL.
    public func optionalInt(_ column: String) -> Int? { optionalInt64(column).map { Int($0) } }
    /// The column as a Bool (non-zero is true).
    public func bool(_ column: String) -> Bool { int64(column) != 0 }
    /// The column as a Bool, or nil for NULL.
    public func optionalBool(_ column: String) -> Bool? { optionalInt64(column).map { $0 != 0 } }

    /// The column at `index` as an `Int`.
    public func int(_ index: Int32) -> Int { Int(int64(index)) }
    /// The column at `index` as a Bool (non-zero is true).
    public func bool(_ index: Int32) -> Bool { int64(index) != 0 }
    /// The column at `index` as an integer, or nil for NULL.
    public func optionalInt64(_ index: Int32) -> Int64? { isNull(index) ? nil : int64(index) }
    /// The column at `index` as text, or nil for NULL.
    public func optionalString(_ index: Int32) -> String? { isNull(index) ? nil : string(index) }
}
