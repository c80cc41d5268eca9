import Foundation
import GRDB
import Testing
@testable import Gazette

/// The full-text index is built three ways: for a load into an empty knowledge base by a thread
/// of its own in a scratch database and copied in at the end (``FullTextBuilder``), or by FTS5's
/// `rebuild` when there is no file to put the scratch database beside; row by row in an import
/// into one that has documents. Every way, every stored sentence is indexed once and FTS5's own
/// check agrees with the content table.
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

    /// The index tables' rows, the structure record without its first four bytes: a counter of
    /// the structure's writes, which a `rebuild` (a delete-all, then the rows) moves twice.
    static func indexRows(_ db: Database) throws -> [String] {
        var rows: [String] = []
        for row in try Row.fetchAll(db, sql: "SELECT id, block FROM sentence_fts_data ORDER BY id") {
            let id: Int64 = row["id"]
            let block: [UInt8] = Array((row["block"] as Data?) ?? Data())
            rows.append("\(id) \(Data(id == 10 ? Array(block.dropFirst(4)) : block).base64EncodedString())")
        }
        rows += try Row.fetchAll(db, sql: "SELECT * FROM sentence_fts_idx ORDER BY segid, term").map(\.description)
        rows += try Row.fetchAll(db, sql: "SELECT * FROM sentence_fts_docsize ORDER BY id").map(\.description)
        return rows
    }

    /// The builder indexes the same rows, in the same order, with the same in-memory index size
    /// as a `rebuild`: the tables it leaves are the rebuild's, and no scratch file stays.
    @Test func builtBesideTheWriterAsByRebuild() throws {
        let (store, directory) = try TestSupport.makeStore()
        defer { TestSupport.removeTemporary(directory) }
        let importer = Importer(pipeline: TestSupport.makePipeline())
        let report = try importer.run(paths: [try TestSupport.fixtureDirectory("genre").path], into: store)
        #expect(report.added > 5)
        #expect(!FileManager.default.fileExists(atPath: store.path + "-fulltext"))
        let queue = try DatabaseQueue(path: store.path)
        let built = try queue.read { try Self.indexRows($0) }
        #expect(built.count > 100)
        // A rebuild in the knowledge base would have left its `hashsize` setting there.
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sentence_fts_config WHERE k = 'hashsize'") } == 0,
                "the index was rebuilt at the end, not built beside the writer")
        // FTS5 writes its in-memory index at the commit: the rows are read after it.
        try queue.write { db in
            try db.execute(sql: "INSERT INTO sentence_fts(sentence_fts, rank) VALUES ('hashsize', \(FullTextBuilder.hashBytes))")
            try db.execute(sql: "INSERT INTO sentence_fts(sentence_fts) VALUES ('rebuild')")
        }
        let rebuilt = try queue.read { try Self.indexRows($0) }
        let firstDifference = zip(built, rebuilt).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(built.count == rebuilt.count && firstDifference == nil,
                "\(built.count) rows against \(rebuilt.count); first difference at row \(firstDifference ?? -1)")
    }

    /// A load that fails rolls back, stops the builder and removes its scratch file; the next
    /// import builds the index again.
    @Test func failedLoadLeavesNoScratchFile() throws {
        let (store, directory) = try TestSupport.makeStore()
        defer { TestSupport.removeTemporary(directory) }
        let (doc, edited) = try TestSupport.seedAndEditedVersion()
        // The same source twice with other text: a load into an empty knowledge base refuses it.
        #expect(throws: GazetteError.self) { try store.write([doc, edited]) }
        #expect(!FileManager.default.fileExists(atPath: store.path + "-fulltext"))
        #expect(try TestSupport.strings(store, "SELECT name FROM pragma_database_list") == ["main"])
        #expect(try TestSupport.integer(store, "SELECT count(*) FROM sentence_fts_docsize") == 0)

        #expect(try store.write([doc]) == [.added])
        try Self.expectEverySentenceIndexed(store)
        #expect(!FileManager.default.fileExists(atPath: store.path + "-fulltext"))
    }

    /// A builder that cannot write its scratch database (here a folder has its name) leaves the
    /// index to the rebuild: the import lands whole, and the folder is left alone.
    @Test func builderFailureFallsBackToTheRebuild() throws {
        let (store, directory) = try TestSupport.makeStore()
        defer { TestSupport.removeTemporary(directory) }
        let blocker = store.path + "-fulltext"
        try FileManager.default.createDirectory(atPath: blocker, withIntermediateDirectories: false)
        try "keep".write(toFile: blocker + "/note.txt", atomically: true, encoding: .utf8)
        let importer = Importer(pipeline: TestSupport.makePipeline())
        let report = try importer.run(paths: [try TestSupport.fixtureDirectory("genre").path], into: store)
        #expect(report.added > 5)
        try Self.expectEverySentenceIndexed(store)
        // The rebuild ran (it leaves its setting), and the folder and its file are still there.
        #expect(try TestSupport.integer(store, "SELECT count(*) FROM sentence_fts_config WHERE k = 'hashsize'") == 1)
        #expect(FileManager.default.fileExists(atPath: blocker + "/note.txt"))
    }
}
