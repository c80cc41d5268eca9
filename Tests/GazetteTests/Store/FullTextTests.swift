import Foundation
import GRDB
import Testing
@testable import Gazette

/// The full-text index is built two ways: once, by FTS5's `rebuild`, at the end of a load into an
/// empty knowledge base, and row by row in an import into one that has documents. Either way
/// every stored sentence is indexed once and FTS5's own check agrees with the content table.
@Suite struct FullTextTests {
    /// Every sentence is found by its own text as a phrase, the index holds one entry per
    /// sentence, and `integrity-check` passes.
    static func expectEverySentenceIndexed(_ store: Store) throws {
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO sentence_fts(sentence_fts, rank) VALUES ('integrity-check', 1)")
            let sentences = try Int.fetchOne(db, sql: "SELECT count(*) FROM sentence") ?? 0
            #expect(sentences > 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM sentence_fts_docsize") == sentences)
            let rows = try Row.fetchAll(db, sql: "SELECT id, text FROM sentence_text ORDER BY id")
            var missed: [String] = []
            for row in rows {
                let text: String = row["text"]
                let id: Int64 = row["id"]
                // The sentence as one phrase (FTS5 string syntax: a double quote doubled).
                let phrase = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                let hits = try Int64.fetchAll(db, sql: "SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH ?",
                                              arguments: [phrase])
                if !hits.contains(id) { missed.append(text) }
            }
            #expect(missed.isEmpty, "not found by their own text: \(missed.prefix(3))")
        }
    }

    @Test func firstLoadIsRebuiltAndLaterImportsAddRows() throws {
        let (store, directory) = try TestSupport.makeStore()
        defer { TestSupport.removeTemporary(directory) }
        let importer = Importer(pipeline: TestSupport.makePipeline())

        // Into the empty knowledge base: the index is built once, after the documents.
        let first = try importer.run(paths: [try TestSupport.fixtureDirectory("genre").path], into: store)
        #expect(first.added > 5)
        try Self.expectEverySentenceIndexed(store)

        // Into one that has documents: rows as documents come, the older ones kept.
        let later = try importer.run(paths: [TestSupport.seedDirectory.path], into: store)
        #expect(later.added == 5)
        try Self.expectEverySentenceIndexed(store)
        #expect(try store.search("Shenyang").rows.isEmpty == false)
    }
}
