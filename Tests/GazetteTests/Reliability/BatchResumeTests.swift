import Foundation
import Testing
@testable import Gazette

extension Reliability {
    /// `gazette import --batch N` killed after some batches keeps exactly those batches, and
    /// running the same import again resumes: the result equals one uninterrupted import.
    @Suite struct BatchResumeTests {
        @Test func killedBatchedImportResumesWhereItStopped() throws {
            let directory = try TestSupport.makeTemporaryDirectory()
            defer { TestSupport.removeTemporary(directory) }
            let corpus = directory.appendingPathComponent("corpus")
            try ReliabilitySupport.writeCorpus(count: 150, to: corpus)
            let db = directory.appendingPathComponent("batched.db").path
            let arguments = ["import", "--db", db, "--quiet", "--batch", "10", "--jobs", "1", corpus.path]

            // Kill as soon as a first batch is visible to a reader.
            let child = try ReliabilitySupport.Child(try ReliabilitySupport.requireBinary(), arguments)
            while child.isRunning && ((try? ReliabilitySupport.state(of: db))?.documents ?? 0) < 10 { usleep(20_000) }
            let killed = child.kill(atSecond: 0)
            try #require(killed, "the import of 150 files ended before it could be killed: \(child.stdout)")
            #expect(try ReliabilitySupport.integrity(of: db) == "ok")
            let partial = try ReliabilitySupport.state(of: db).documents
            #expect(partial > 0 && partial < 150 && partial % 10 == 0, "whole batches only: \(partial)")

            // The re-run skips what is stored and imports the rest.
            let rerun = try ReliabilitySupport.gazette(arguments)
            #expect(rerun.status == 0, "\(rerun.stderr)")
            #expect(rerun.stdout.contains("150 documents (\(150 - partial) added, \(partial) unchanged)"), "\(rerun.stdout)")

            // Same rows as one uninterrupted import (FTS5 segment tables aside: their layout
            // depends on the commits, not their content).
            let oneShot = directory.appendingPathComponent("one-shot.db").path
            let whole = try ReliabilitySupport.gazette(["import", "--db", oneShot, "--quiet", corpus.path])
            #expect(whole.status == 0, "\(whole.stderr)")
            func rows(_ path: String) throws -> [String: Int] {
                try ReliabilitySupport.state(of: path).counts.filter { !$0.key.hasPrefix("sentence_fts_") }
            }
            #expect(try rows(db) == rows(oneShot))
            #expect(try ReliabilitySupport.integrity(of: db) == "ok")
        }
    }
}
