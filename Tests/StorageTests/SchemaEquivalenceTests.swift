import Foundation
import SQLiteStorage
import Storage
import TestSupport
import Testing

/// `Schema/` (SQLite) and `Schema/postgres/` describe one schema: the same tables and columns (of
/// corresponding types), NOT NULLs, primary keys, unique sets, foreign keys, named indexes with their
/// columns, uniqueness and partial conditions, and as many CHECKs (a PostgreSQL JSON column counts for
/// SQLite's `json_valid` check).
@Suite(.enabled(if: TempDatabase.onPostgres, "needs the PostgreSQL server make test starts")) struct SchemaEquivalenceTests {
    /// SQLite's storage classes as PostgreSQL spells them here.
    static let types = ["INTEGER": "bigint", "TEXT": "text", "REAL": "double precision", "BLOB": "bytea"]

    static func sqliteFacts(_ db: SQLiteDatabase) async throws -> Set<String> {
        try await db.read { conn in
            var facts = Set<String>()
            let tables = try conn.query("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") { ($0.string(0), $0.string(1)) }
            for (table, sql) in tables {
                let checks = sql.components(separatedBy: "CHECK (").count - 1
                facts.insert("\(table) checks \(checks)")
                for c in try conn.query("SELECT name, type, \"notnull\", pk FROM pragma_table_info(?)", table, map: { ($0.string(0), $0.string(1), $0.int(2), $0.int(3)) }) {
                    facts.insert("\(table).\(c.0) \(types[c.1] ?? c.1)\(c.2 == 1 || c.3 > 0 ? " not null" : "")")
                }
                for fk in try conn.query("SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list(?)", table, map: { ($0.string(0), $0.string(1), $0.string(2)) }) {
                    facts.insert("\(table).\(fk.0) references \(fk.1).\(fk.2)")
                }
                let pk = try conn.query("SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", table) { $0.string(0) }
                if !pk.isEmpty { facts.insert("\(table) unique (\(pk.joined(separator: ", ")))") }
                for index in try conn.query("SELECT name, \"unique\", origin, partial FROM pragma_index_list(?)", table, map: { ($0.string(0), $0.int(1), $0.string(2), $0.int(3)) }) {
                    let columns = try conn.query("SELECT name FROM pragma_index_info(?) ORDER BY seqno", index.0) { $0.string(0) }.joined(separator: ", ")
                    if index.2 == "c" {
                        facts.insert("index \(index.0) on \(table) (\(columns))\(index.1 == 1 ? " unique" : "")\(index.3 == 1 ? " partial" : "")")
                    } else if index.1 == 1 {
                        facts.insert("\(table) unique (\(columns))")
                    }
                }
            }
            return facts
        }
    }

    static func postgresFacts(_ db: any DatabaseWriter) async throws -> Set<String> {
        try await db.read { conn in
            var facts = Set<String>()
            let tables = try conn.query("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name <> 'schema_migrations'") { $0.string(0) }
            for table in tables {
                var checks = try conn.queryFirst("""
                    SELECT count(*) AS n FROM pg_constraint WHERE conrelid = (current_schema() || '.' || ?)::regclass AND contype = 'c'
                    """, table) { $0.int("n") } ?? 0
                for c in try conn.query("""
                    SELECT column_name, data_type, udt_name, is_nullable FROM information_schema.columns
                    WHERE table_schema = current_schema() AND table_name = ?
                    """, table, map: { ($0.string(0), $0.string(1), $0.string(2), $0.string(3)) }) {
                    let type = c.2 == "citext" || c.1 == "json" ? "text" : c.1
                    if c.1 == "json" { checks += 1 }
                    facts.insert("\(table).\(c.0) \(type)\(c.3 == "NO" ? " not null" : "")")
                }
                facts.insert("\(table) checks \(checks)")
                for fk in try conn.query("""
                    SELECT a.attname AS from_column, r.relname AS to_table, ra.attname AS to_column FROM pg_constraint k
                    JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
                    JOIN pg_class r ON r.oid = k.confrelid JOIN pg_attribute ra ON ra.attrelid = k.confrelid AND ra.attnum = k.confkey[1]
                    WHERE k.conrelid = (current_schema() || '.' || ?)::regclass AND k.contype = 'f'
                    """, table, map: { ($0.string("from_column"), $0.string("to_table"), $0.string("to_column")) }) {
                    facts.insert("\(table).\(fk.0) references \(fk.1).\(fk.2)")
                }
                for index in try conn.query("""
                    SELECT c.relname AS name, i.indisunique AS is_unique, i.indpred IS NOT NULL AS partial,
                           EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid) AS from_constraint,
                           (SELECT string_agg(a.attname, ', ' ORDER BY o.n) FROM unnest(i.indkey) WITH ORDINALITY AS o(attnum, n)
                              JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = o.attnum) AS columns
                    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                    WHERE i.indrelid = (current_schema() || '.' || ?)::regclass
                    """, table, map: { ($0.string("name"), $0.bool("is_unique"), $0.bool("partial"), $0.bool("from_constraint"), $0.string("columns")) }) {
                    if !index.3 {
                        facts.insert("index \(index.0) on \(table) (\(index.4))\(index.1 ? " unique" : "")\(index.2 ? " partial" : "")")
                    } else {
                        facts.insert("\(table) unique (\(index.4))")
                    }
                }
            }
            return facts
        }
    }

    @Test func bothEnginesHaveTheSameSchema() async throws {
        let temp = try TempDatabase()
        defer { temp.remove() }
        let sqlite = try await Self.sqliteFacts(try await temp.open())
        let postgres = try await Self.postgresFacts(try await temp.openEngine())
        #expect(sqlite.count > 200, "the comparison saw the schema: \(sqlite.count) facts")
        #expect(sqlite.subtracting(postgres).sorted() == [], "in SQLite's schema only")
        #expect(postgres.subtracting(sqlite).sorted() == [], "in PostgreSQL's schema only")
    }
}
