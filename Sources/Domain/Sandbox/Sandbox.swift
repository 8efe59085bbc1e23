import Model
import Persistence
import Storage

/// The controls of a sandbox (`megaport-server sandbox`): a server for integrators' test harnesses on
/// a database created for it. It owns its process: the clock (`Now`) and, with a seed, the random
/// stream (`RandomSource`) are its to move. Everything else is the ordinary server.
public final class Sandbox: Sendable {
    /// How the sandbox was started.
    public struct Settings: Sendable {
        /// The seed of a deterministic sandbox (ids from a repeatable stream, the clock frozen at `start`).
        public var seed: UInt64?
        /// Where a seeded sandbox's clock starts (2026-01-01T00:00:00Z).
        public static let seededStart: Int64 = 1_767_225_600_000
        /// Puts the database back to the template taken after seeding (engine work, given by the command).
        public var restoreTemplate: @Sendable () async throws -> Void
        /// How far the random stream had been drawn when the template was taken.
        public var randomPosition: UInt64
        /// The sender captured emails show.
        public var mailFrom = "notifications@megaport-server.local"

        /// Settings for a sandbox whose template `restoreTemplate` restores.
        public init(seed: UInt64?, randomPosition: UInt64, restoreTemplate: @escaping @Sendable () async throws -> Void) {
            self.seed = seed
            self.randomPosition = randomPosition
            self.restoreTemplate = restoreTemplate
        }
    }

    let settings: Settings
    let db: any DatabaseWriter
    let provisioning: ProvisioningStage
    let auth: AuthService
    /// Failures armed for the next requests.
    public let faults = FaultQueue()

    /// The controls over an application's database and services; takes the clock over.
    public init(_ settings: Settings, db: any DatabaseWriter, provisioning: ProvisioningStage, auth: AuthService) {
        self.settings = settings
        self.db = db
        self.provisioning = provisioning
        self.auth = auth
        Self.startClock(seed: settings.seed)
    }

    /// Takes the clock over: frozen at `Settings.seededStart` with a seed, following real time without.
    public static func startClock(seed: UInt64?) {
        Now.control(frozenAt: seed == nil ? nil : Settings.seededStart)
    }

    /// The sender captured emails show.
    public var mailFrom: String { settings.mailFrom }

    /// Back to the freshly seeded state: the database as the template has it, the clock at its start,
    /// the random stream where it was, no faults, no cached sessions.
    public func reset() async throws {
        try await settings.restoreTemplate()
        if settings.seed != nil { RandomSource.rewind(to: settings.randomPosition) }
        Self.startClock(seed: settings.seed)
        faults.clear()
        auth.forgetAllSessions()
        provisioning.poke()
    }

    /// The sandbox's time and whether it is frozen.
    public var clock: (now: Int64, frozen: Bool) { (Now.millis(), Now.isFrozen) }

    /// Moves the clock forward by `millis` (or to `instant`), then performs everything that fell due
    /// (provisioning, auto-approvals, expiries, decommissions) before returning.
    public func moveClock(by millis: Int64?, to instant: Int64?) async throws {
        switch (millis, instant) {
        case (let millis?, nil):
            guard (0...3_650 * 86_400_000).contains(millis) else {
                throw DomainError.invalid([FieldError("advanceMs", "must be 0 to 315360000000 (ten years); the clock only moves forward")])
            }
            Now.advance(by: millis)
        case (nil, let instant?):
            let now = Now.millis()
            guard instant >= now else {
                throw DomainError.invalid([FieldError("now", "must not be before the sandbox's time \(now); the clock only moves forward (reset starts over)")])
            }
            Now.set(to: instant)
        default:
            throw DomainError.invalid([FieldError("advanceMs", "give exactly one of advanceMs or now")])
        }
        try await runDue(ignoringDelays: false)
    }

    /// In a seeded sandbox, performs what fell due before a response leaves: background work runs in step
    /// with requests, never on its own, so the same calls draw ids in the same order. Otherwise nothing.
    public func settle() async throws {
        if settings.seed != nil { try await runDue(ignoringDelays: false) }
    }

    /// Every provisioning transition that is due or waiting for its delay, now (approval expiry still
    /// follows the clock).
    public func flushProvisioning() async throws {
        try await runDue(ignoringDelays: true)
    }

    /// Runs the provisioning stage until nothing more is due (it works in slices of 25 per kind; a
    /// thousand slices is far beyond any sandbox's world).
    private func runDue(ignoringDelays: Bool) async throws {
        for _ in 0..<1000 {
            guard let next = try await provisioning.advance(ignoringDelays: ignoringDelays), next <= Now.millis() else { return }
        }
    }

    /// The emails the outbox holds (what the server would send), oldest first.
    public func capturedMail() async throws -> [OutboxMessage] {
        try await db.read { try OutboxRepository.all($0) }
    }

    /// Forgets the captured emails; returns how many there were.
    public func clearMail() async throws -> Int {
        try await db.write { try OutboxRepository.deleteAll($0) }
    }
}
