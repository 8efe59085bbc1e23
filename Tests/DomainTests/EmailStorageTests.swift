import Model
import Persistence
import Storage
import TestSupport
import Testing

/// An email's subject and body are kept once (`emails`), with a small row per recipient: mail written
/// before that migration reads back unchanged, new mail follows it, and any number of recipients fit,
/// on either engine.
@Suite struct EmailStorageTests {
    @Test func mailWrittenBeforeTheSplitReadsBackWholeAndNewMailFollowsIt() async throws {
        let temp = try TempDatabase()
        defer { temp.remove() }
        let body = "Hello Ann Admin,\n\nYour port is live.\n  Service: 42"
        let before = try await temp.openEngine(before: "email_bodies")
        let (company, user) = try await before.write { db in
            let company = try db.insertReturningId("""
                INSERT INTO companies (uid, trading_name, account_type, create_date) VALUES ('c-1', 'Old Mail Co', 'DIRECT', 1) RETURNING id
                """)
            let user = try db.insertReturningId("""
                INSERT INTO users (uid, company_id, first_name, last_name, email, position, password_hash, create_date)
                VALUES ('u-1', ?, 'Ann', 'Admin', 'ann@old.example', 'Company Admin', 'x', 1) RETURNING id
                """, company)
            try db.execute("""
                INSERT INTO outbox (message_id, company_id, user_id, recipient, event, notification_group, subject, body,
                    next_attempt_date, create_date)
                VALUES ('<m-1@megaport-server>', ?, ?, 'ann@old.example', 'port_live', 'SERVICES', 'Your port is live', ?, 5, 5)
                """, company, user, body)
            return (company, user)
        }
        _ = before

        let db = try await temp.openEngine()
        let old = try await db.read { try OutboxRepository.all($0) }
        #expect(old.count == 1)
        #expect(old.first.map { [$0.messageId, $0.recipient, $0.event, $0.group, $0.subject, $0.body, $0.state] }
                == ["<m-1@megaport-server>", "ann@old.example", "port_live", "SERVICES", "Your port is live", body, "PENDING"])
        #expect(old.first?.companyId == company && old.first?.userId == user && old.first?.createDate == 5)

        try await db.write { db in
            let email = try OutboxRepository.insertEmail(db, companyId: company, event: "port_ordered", group: .ordering,
                                                         subject: "Port ordered", body: "Your port is ordered.", now: 9)
            try OutboxRepository.insert(db, emailId: email, recipients: [.init(messageId: "<m-2@megaport-server>", userId: user,
                                                                               address: "ann@old.example", greeting: "Hello Ann Admin,")], now: 9)
        }
        let all = try await db.read { try OutboxRepository.all($0) }
        #expect(all.map(\.body) == [body, "Hello Ann Admin,\n\nYour port is ordered."], "the new email's id follows the migrated ones")
        #expect(try await db.read { try OutboxRepository.list($0, companyId: company, includeManaged: false, state: "PENDING") }.count == 2)
    }

    @Test func everyRecipientOfALargeCompanyGetsOneMessage() async throws {
        let temp = try TempDatabase()
        defer { temp.remove() }
        let db = try await temp.openEngine()
        let sent = try await db.write { db in
            let company = try db.insertReturningId("""
                INSERT INTO companies (uid, trading_name, account_type, create_date) VALUES ('c-2', 'Big Co', 'DIRECT', 1) RETURNING id
                """)
            let user = try db.insertReturningId("""
                INSERT INTO users (uid, company_id, email, position, password_hash, create_date)
                VALUES ('u-2', ?, 'noc@big.example', 'Company Admin', 'x', 1) RETURNING id
                """, company)
            let email = try OutboxRepository.insertEmail(db, companyId: company, event: "port_live", group: .services,
                                                         subject: "Live", body: "It is live.", now: 3)
            let recipients = (0..<250).map { OutboxRepository.Recipient(messageId: "<m-\($0)@x>", userId: user, address: "r\($0)@big.example",
                                                                          greeting: "Hello \($0),") }
            try OutboxRepository.insert(db, emailId: email, recipients: recipients, now: 3)  // three statements: 100, 100 and 50
            return try OutboxRepository.all(db)
        }
        #expect(sent.count == 250 && Set(sent.map(\.messageId)).count == 250)
        #expect(sent.map(\.body) == (0..<250).map { "Hello \($0),\n\nIt is live." }, "each recipient once, in order, with its own greeting")
    }

    @Test func aCompanySeesItsOwnMailAndAPartnerItsManagedCompanies() async throws {
        let temp = try TempDatabase()
        defer { temp.remove() }
        let db = try await temp.openEngine()
        let seen = try await db.write { db -> [String: [String]] in
            func company(_ uid: String, _ type: String, parent: Int64?) throws -> Int64 {
                try db.insertReturningId("""
                    INSERT INTO companies (uid, trading_name, account_type, parent_company_id, create_date) VALUES (?, ?, ?, ?, 1) RETURNING id
                    """, uid, uid, type, parent)
            }
            let partner = try company("partner", "PARTNER", parent: nil)
            let managed = try company("managed", "MANAGED", parent: partner)
            let other = try company("other", "DIRECT", parent: nil)
            let user = try db.insertReturningId("""
                INSERT INTO users (uid, company_id, email, position, password_hash, create_date)
                VALUES ('u-3', ?, 'a@partner.example', 'Company Admin', 'x', 1) RETURNING id
                """, partner)
            for (owner, name) in [(partner, "partner"), (managed, "managed"), (other, "other"), (partner, "partner again")] {
                let email = try OutboxRepository.insertEmail(db, companyId: owner, event: "e", group: .company, subject: name, body: "b", now: 1)
                try OutboxRepository.insert(db, emailId: email, recipients: [.init(messageId: "<\(name)@x>", userId: user, address: "a@x",
                                                                                   greeting: "")], now: 1)
            }
            try OutboxRepository.markSent(db, id: try #require(OutboxRepository.all(db).first { $0.subject == "partner again" }).id, now: 2)
            let subjects = { (id: Int64, managed: Bool, state: String?) in
                try OutboxRepository.list(db, companyId: id, includeManaged: managed, state: state).map(\.subject)
            }
            return ["partner+managed": try subjects(partner, true, nil), "partner": try subjects(partner, false, nil),
                    "managed": try subjects(managed, false, nil), "partner pending": try subjects(partner, true, "PENDING")]
        }
        #expect(seen["partner+managed"] == ["partner again", "managed", "partner"], "newest first, never another company's")
        #expect(seen["partner"] == ["partner again", "partner"])
        #expect(seen["managed"] == ["managed"])
        #expect(seen["partner pending"] == ["managed", "partner"])
    }
}
