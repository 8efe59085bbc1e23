import Domain
import Model
import Testing

@Suite struct SecurityTests {
    @Test func passwordsAreYescryptWithFreshSalts() async throws {
        let a = try await PasswordHasher.hash("correct horse battery")
        let b = try await PasswordHasher.hash("correct horse battery")
        #expect(a.hasPrefix("$y$"), "yescrypt through libxcrypt")
        #expect(a != b, "every hash has its own salt")
        #expect(await PasswordHasher.verify("correct horse battery", against: a))
        #expect(await !PasswordHasher.verify("correct horse batterx", against: a))
        #expect(await !PasswordHasher.verify("", against: a))
        #expect(await !PasswordHasher.verify("x", against: "not a hash"), "a malformed stored hash never verifies")
    }

    @Test func tokenDigestIsSHA256() {
        // FIPS 180-2 test vector.
        #expect(Tokens.digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func rowUidsAreTimeOrderedVersion7UUIDs() {
        let now: Int64 = 1_764_633_600_123  // 2025-12-02T00:00:00.123Z
        let uids = (0..<1000).map { Tokens.newTimeOrderedUUID(now: now + Int64($0)) }
        #expect(Set(uids).count == 1000 && uids.sorted() == uids, "later ids sort later")
        for uid in uids.prefix(50) {
            #expect(Tokens.looksLikeUUID(uid))
            let chars = Array(uid)
            #expect(chars[14] == "7", "version 7")
            #expect("89ab".contains(chars[19]), "RFC 9562 variant")
        }
        let millis = uids[0].replacingOccurrences(of: "-", with: "").prefix(12)
        #expect(Int64(millis, radix: 16) == now, "the first 48 bits are the milliseconds")
        let sameMillisecond = (0..<100).map { _ in Tokens.newTimeOrderedUUID(now: now) }
        #expect(Set(sameMillisecond).count == 100, "74 random bits apart within one millisecond")
    }

    @Test func tokensAreRandomVersion4UUIDs() {
        let tokens = (0..<1000).map { _ in Tokens.newUUID() }
        #expect(Set(tokens).count == 1000)
        for token in tokens.prefix(50) {
            #expect(Tokens.looksLikeUUID(token))
            let chars = Array(token)
            #expect(chars[14] == "4", "version 4")
            #expect("89ab".contains(chars[19]), "RFC 4122 variant")
        }
        #expect(!Tokens.looksLikeUUID("dafb8cd2-762a-4633-943b-7d5886c3412"))
        #expect(!Tokens.looksLikeUUID("dafb8cd2-762a-4633-943b-7d5886c3412g"))
        #expect(!Tokens.looksLikeUUID("' OR 1=1 --"))
    }

    /// Small draws come from a pool refilled 4 KiB at a time; across refills, no two draws share bytes.
    @Test func randomBytesAreFreshAcrossThePoolsRefills() {
        let draws = (0..<700).map { RandomSource.bytes($0 % 2 == 0 ? 10 : 33) }
        #expect(Set(draws).count == draws.count, "no draw repeats another")
        #expect(draws.allSatisfy { $0.contains { $0 != 0 } }, "no draw is the pool's zeroed bytes")
        #expect(draws.map(\.count).reduce(0, +) > 3 * 4096, "the draws span refills")
        let large = RandomSource.bytes(1000)
        #expect(large.count == 1000 && Set(large).count > 200, "large draws go straight to the generator")
    }

    /// API.md §2, row by row.
    @Test(arguments: [
        (Action.view, [true, true, true, true, true, true]),
        (.order, [true, true, false, true, false, false]),
        (.approve, [true, true, true, false, false, false]),
        (.cancel, [true, true, false, true, false, false]),
        (.manageServiceKeys, [true, true, true, true, false, false]),
        (.manageAccount, [true, false, false, false, false, false]),
        (.subscribe, [true, true, true, false, false, false]),
    ])
    func permissionTableMatchesTheContract(_ action: Action, _ allowed: [Bool]) {
        let positions: [Position] = [.companyAdmin, .technicalAdmin, .technicalContact, .finance, .financialContact, .readOnly]
        #expect(positions.map { $0.may(action) } == allowed, "\(action)")
    }
}
