import Foundation
import Testing
@testable import Gazette

extension Reliability {
    /// Readers (`gazette sql`, the `sqlite3` shell) running while an import writes see the
    /// database before the import or after it, never a half-import.
    @Suite struct ConcurrentReadTests {
        /// Documents and sentences, read in one statement, so that both come from one snapshot.
        static let query = "SELECT (SELECT count(*) FROM document) || '/' || (SELECT count(*) FROM sentence) AS state"

        @Test func readersSeeTheOldOrTheNewState() throws {
            let directory = try TestSupport.makeTemporaryDirectory()
            defer { TestSupport.removeTemporary(directory) }
            let db = try ReliabilitySupport.seededDatabase(in: directory)
            let corpus = directory.appendingPathComponent("corpus")
            try ReliabilitySupport.writeCorpus(count: 20, to: corpus)
            let binary = try ReliabilitySupport.requireBinary()
            let sqlite3 = FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") ? "/usr/bin/sqlite3" : nil
            if sqlite3 == nil { print("ConcurrentReadTests: no /usr/bin/sqlite3 (make deps installs it); reading with gazette sql only") }

            func read(_ useShell: Bool) throws -> String {
                if useShell, let sqlite3 {
                    let r = try ReliabilitySupport.tool(sqlite3, ["-readonly", "-cmd", ".timeout 5000", db, Self.query])
                    return r.status == 0 ? r.out.trimmingCharacters(in: .whitespacesAndNewlines) : "sqlite3 failed: \(r.err)"
                }
                let r = try ReliabilitySupport.gazette(["sql", "--db", db, "--format", "csv", Self.query])
                return r.status == 0 ? r.stdout.replacingOccurrences(of: "state\r\n", with: "")
                    .trimmingCharacters(in: .whitespacesAndNewlines) : "gazette sql failed: \(r.stderr)"
            }

            let old = try read(false)
            let importer = try ReliabilitySupport.Child(binary, ["import", "--db", db, "--quiet", corpus.path])
            var seen: [String] = []
            var readsWhileRunning = 0
            var useShell = false
            while importer.isRunning && Date().timeIntervalSince(importer.started) < 55 {
                seen.append(try read(useShell))
                useShell.toggle()
                readsWhileRunning += 1
            }
            importer.wait()
            #expect(importer.status == 0, "\(importer.stderr)")
            let new = try read(false)
            seen.append(try read(true))
            #expect(old.hasPrefix("5/"))
            #expect(new.hasPrefix("25/"), "\(new)")
            #expect(readsWhileRunning >= 5, "the import was too short to be read during: \(readsWhileRunning) reads")
            let unexpected = seen.filter { $0 != old && $0 != new }
            #expect(unexpected.isEmpty, "states neither before (\(old)) nor after (\(new)) the import: \(Set(unexpected))")
            #expect(try ReliabilitySupport.integrity(of: db) == "ok")
        }
    }
}
