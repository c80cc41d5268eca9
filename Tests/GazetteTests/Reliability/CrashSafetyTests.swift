import Foundation
import GRDB
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
    
        /// A first import, into an empty knowledge base, writes with a rollback journal instead of
        /// the WAL (`Store.beginDirectLoad`). Killed, it leaves the empty knowledge base, which a
        /// read-only command can read at once; the next import lands whole and the file is in WAL
        /// mode again.
        @Test func killedFirstImportLeavesTheEmptyKnowledgeBase() throws {
            let directory = try TestSupport.makeTemporaryDirectory()
            defer { TestSupport.removeTemporary(directory) }
            let db = directory.appendingPathComponent("first.db").path
            _ = try Store(path: db)
            let corpus = directory.appendingPathComponent("corpus")
            try ReliabilitySupport.writeCorpus(count: 3_000, to: corpus)
            let before = try ReliabilitySupport.state(of: db)
            #expect(before.documents == 0)

            // Killed while opening, and once its journal exists (inside the load).
            for moment in ["at 0.3 s", "with its journal"] {
                let child = try ReliabilitySupport.Child(try ReliabilitySupport.requireBinary(),
                                                         ["import", "--db", db, "--quiet", corpus.path])
                let killed = moment == "with its journal" ? child.kill(whenFileExists: db + "-journal") : child.kill(atSecond: 0.3)
                try #require(killed, "the import of 3,000 files was not killed \(moment)")
                if moment == "with its journal" { #expect(FileManager.default.fileExists(atPath: db + "-journal")) }
                // Read-only first: it must not trip over the journal the kill left.
                let read = try ReliabilitySupport.gazette(["sql", "--db", db, "--format", "csv", "SELECT count(*) AS n FROM document"])
                #expect(read.status == 0, "after a kill at \(moment) s: \(read.stderr)")
                #expect(read.stdout.contains("0"), "\(read.stdout)")
                #expect(try ReliabilitySupport.integrity(of: db) == "ok", "after a kill at \(moment) s")
                #expect(try ReliabilitySupport.state(of: db) == before, "after a kill at \(moment) s")
            }

            let small = directory.appendingPathComponent("small")
            try ReliabilitySupport.writeCorpus(count: 3, to: small, offset: 5_000)
            let child = try ReliabilitySupport.gazette(["import", "--db", db, "--quiet", small.path])
            #expect(child.status == 0, "\(child.stderr)")
            #expect(try ReliabilitySupport.state(of: db).documents == 3)
            #expect(!FileManager.default.fileExists(atPath: db + "-journal"))
            let mode = try DatabaseQueue(path: db).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
            #expect(mode == "wal")
        }
    }
}
