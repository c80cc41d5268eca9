import Foundation
import Testing
@testable import Gazette

/// An import switches its connection to loading settings (statement journals in memory, a larger
/// page cache, and into an empty knowledge base no foreign-key checks) and back
/// (``DocumentWriter/loadingSettings``): batched imports, whose later
/// transactions switch again, must work and give the same knowledge base as one transaction, and
/// the connection must be left with its resting settings whether the import succeeds or fails.
@Suite struct LoadingSettingsTests {
    /// `temp_store`, `cache_size` and `foreign_keys` of the store's connection.
    static func settings(_ store: Store) throws -> [Int] {
        [try TestSupport.integer(store, "PRAGMA temp_store"), try TestSupport.integer(store, "PRAGMA cache_size"),
         try TestSupport.integer(store, "PRAGMA foreign_keys")]
    }

    /// Facts with their confidences, and counts, without row ids.
    static func knowledge(_ store: Store) throws -> [String] {
        try TestSupport.strings(store, """
            SELECT subject || '|' || predicate || '|' || object || '|' || confidence FROM facts
            GROUP BY 1 ORDER BY 1
            """)
            + TestSupport.strings(store, """
            SELECT (SELECT count(*) FROM document) || ' ' || (SELECT count(*) FROM entity_alias)
                || ' ' || (SELECT count(*) FROM event)
            """)
    }

    @Test func batchedImportMatchesOneTransactionAndRestoresSettings() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { TestSupport.removeTemporary(directory) }
        let corpus = directory.appendingPathComponent("corpus")
        try ReliabilitySupport.writeCorpus(count: 9, to: corpus)
        let importer = Importer(pipeline: TestSupport.makePipeline(), jobs: 1)

        let whole = try Store(path: directory.appendingPathComponent("whole.db").path)
        let resting = try Self.settings(whole)
        #expect(resting == [0, Store.writerCacheSize, 1])
        _ = try importer.run(paths: [corpus.path], into: whole)
        #expect(try Self.settings(whole) == resting)

        let batched = try Store(path: directory.appendingPathComponent("batched.db").path)
        _ = try importer.run(paths: [corpus.path], into: batched, batch: 2)
        #expect(try Self.settings(batched) == resting)

        let facts = try Self.knowledge(whole)
        #expect(facts.count > 5, "\(facts)")
        #expect(try Self.knowledge(batched) == facts)
        // Every fact with evidence got its confidence in the last step of each transaction.
        #expect(try TestSupport.integer(whole, "SELECT count(*) FROM relationship WHERE confidence = 0") == 0)
        #expect(try TestSupport.integer(batched, "SELECT count(*) FROM relationship WHERE confidence = 0") == 0)
    }

    @Test func failedImportRestoresSettings() throws {
        let (store, directory) = try TestSupport.makeStore()
        defer { TestSupport.removeTemporary(directory) }
        let good = try TestSupport.write("Siemens opened a plant in Shenyang in 2019.", to: "good.txt", in: directory)
        let bad = try TestSupport.write([UInt8](try Data(contentsOf: try TestSupport.fixture("empty.txt", in: "bad"))),
                                        to: "bad.txt", in: directory)
        let importer = Importer(pipeline: TestSupport.makePipeline(), jobs: 1)
        #expect(throws: ImportFailure.self) { try importer.run(paths: [good.path, bad.path], into: store) }
        #expect(try Self.settings(store) == [0, Store.writerCacheSize, 1])
        #expect(try TestSupport.integer(store, "SELECT count(*) FROM document") == 0)
        // The next import on the same connection works.
        _ = try importer.run(paths: [good.path], into: store)
        #expect(try TestSupport.integer(store, "SELECT count(*) FROM document") == 1)
    }
}
