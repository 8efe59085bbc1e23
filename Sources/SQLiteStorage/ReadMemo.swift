import CSQLite
import Glibc

/// Answers to small reads of rarely written tables (who receives a company's email), kept on the
/// writer's connection for the rest of a write transaction, so that a group commit of many orders reads
/// them once instead of once an order.
///
/// An answer is given again only while it is certain to be what the read would return:
/// - only inside a write transaction: no other connection or process can commit meanwhile;
/// - only under the database's data version it was read at: a commit since, by this connection or
///   another process, drops every answer;
/// - never once this transaction has changed a table it was read from: SQLite's pre-update hook sees
///   every row the connection inserts, updates or deletes (WITHOUT ROWID tables, triggers and
///   foreign-key actions included), and such a table is read afresh until the transaction ends — an
///   answer kept after the change could outlive a savepoint rolled back after it.
final class ReadMemo {
    private let handle: OpaquePointer
    private var answers: [String: Any] = [:]
    /// The data version the answers were read at.
    private var version: UInt32 = 0
    /// The tables changed in the open transaction: the name pointer SQLite last passed, and the name.
    private var changed: [(pointer: UnsafePointer<CChar>, name: String)] = []
    /// More answers than this in one transaction are dropped together (one per company and group is expected).
    private static let capacity = 4096

    /// Watches the writes of the connection `handle` (one memo per connection; `detach()` before closing it).
    init(handle: OpaquePointer) {
        self.handle = handle
        let context = Unmanaged.passUnretained(self).toOpaque()
        sqlite3_preupdate_hook(handle, { context, _, _, _, table, _, _ in
            guard let context, let table else { return }
            Unmanaged<ReadMemo>.fromOpaque(context).takeUnretainedValue().changing(table)
        }, context)
        sqlite3_commit_hook(handle, { context in
            context.map { Unmanaged<ReadMemo>.fromOpaque($0).takeUnretainedValue().changed.removeAll() }
            return 0
        }, context)
        sqlite3_rollback_hook(handle, { context in
            context.map { Unmanaged<ReadMemo>.fromOpaque($0).takeUnretainedValue().changed.removeAll() }
        }, context)
    }

    /// Removes the hooks, so that closing the connection (which may roll back) never calls a freed memo.
    func detach() {
        sqlite3_preupdate_hook(handle, nil, nil)
        sqlite3_commit_hook(handle, nil, nil)
        sqlite3_rollback_hook(handle, nil, nil)
    }

    /// The kept answer for `key`, or `read()`'s (kept when the rules above allow).
    func answer<T>(_ key: @autoclosure () -> String, tables: [String], read: () throws -> T) throws -> T {
        guard sqlite3_txn_state(handle, "main") == SQLITE_TXN_WRITE,
              !tables.contains(where: { table in changed.contains { $0.name == table } }) else { return try read() }
        var current: UInt32 = 0
        guard sqlite3_file_control(handle, "main", SQLITE_FCNTL_DATA_VERSION, &current) == SQLITE_OK else { return try read() }
        if current != version {
            answers.removeAll()
            version = current
        }
        let key = key()
        if let kept = answers[key], let answer = kept as? T { return answer }  // in two steps: a missing key cast to an optional T would be a nil answer
        let value = try read()
        if answers.count >= Self.capacity { answers.removeAll() }
        answers[key] = value
        return value
    }

    /// A row of `table` is about to change: the first change of a table in a transaction is noted. Called
    /// for every row written; SQLite passes the same name pointer for every row of a table while its schema
    /// stays loaded, so the usual case is a comparison of pointers and one of names.
    private func changing(_ table: UnsafePointer<CChar>) {
        if let noted = changed.first(where: { $0.pointer == table }), noted.name.withCString({ strcmp($0, table) }) == 0 { return }
        let name = String(cString: table)
        if let index = changed.firstIndex(where: { $0.name == name }) {
            changed[index].pointer = table
        } else {
            changed.append((table, name))
        }
    }
}
