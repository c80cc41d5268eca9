import Foundation
import Testing
@testable import Gazette

extension Reliability {
    /// `gazette import` killed with SIGKILL at several moments leaves the database exactly as it
    /// was before that import, and the next import succeeds.
    @Suite struct CrashSafetyTests {
        /// Moments (seconds after the start) to kill at: while opening the database, while the
        /// rules load, and at several points inside the import transaction. Moments, not timings:
        /// the state must be the same whenever the kill lands.
        static let killMoments: [Double] = [0.3, 1, 2, 4.5, 7]

        @Test func killedImportLeavesTheDatabaseAsBefore() throws {
            let directory = try TestSupport.makeTemporaryDirectory()
            defer { TestSupport.removeTemporary(directory) }
            let db = try ReliabilitySupport.seededDatabase(in: directory)
            // Far more than can be imported before the last kill (a debug build takes minutes for it).
            let corpus = directory.appendingPathComponent("corpus")
            try ReliabilitySupport.writeCorpus(count: 3_000, to: corpus)
            let before = try ReliabilitySupport.state(of: db)
            #expect(before.documents == 5)

            for moment in Self.killMoments {
                let child = try ReliabilitySupport.Child(try ReliabilitySupport.requireBinary(),
                                                         ["import", "--db", db, "--quiet", corpus.path])
                let killed = child.kill(atSecond: moment)
                try #require(killed, "the import of 3,000 files ended before \(moment) s: \(child.stdout) \(child.stderr)")
                #expect(child.wasKilled)
                #expect(try ReliabilitySupport.integrity(of: db) == "ok", "after a kill at \(moment) s")
                let after = try ReliabilitySupport.state(of: db)
                #expect(after == before, "after a kill at \(moment) s: \(after)")
            }

            // The next import succeeds and lands whole.
            let small = directory.appendingPathComponent("small")
            try ReliabilitySupport.writeCorpus(count: 3, to: small, offset: 5_000)
            let child = try ReliabilitySupport.gazette(["import", "--db", db, "--quiet", small.path])
            #expect(child.status == 0, "\(child.stderr)")
            #expect(child.stdout.contains("3 documents (3 added)"), "\(child.stdout)")
            #expect(try ReliabilitySupport.integrity(of: db) == "ok")
            #expect(try ReliabilitySupport.state(of: db).documents == 8)
        }
    }
}
