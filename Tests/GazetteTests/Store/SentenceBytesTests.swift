import Foundation
import GRDB
import GazetteSchema
import Testing
@testable import Gazette

/// `sentence.byte_start` / `byte_end` (migration 0010): the span of `start` / `end` in bytes, which
/// the views use to cut a sentence out of its document without counting characters.
@Suite struct SentenceBytesTests {
    /// Every stored sentence: its bytes are its characters' span, and `sentence_text` is the
    /// text the character offsets give.
    static func expectBytesMatchCharacters(_ store: Store) throws {
        let mismatches = try TestSupport.integer(store, """
            SELECT count(*) FROM sentence JOIN document ON document.id = sentence.document_id
            WHERE sentence.byte_start <> length(CAST(substr(document.text, 1, sentence.start) AS BLOB))
               OR sentence.byte_end <> length(CAST(substr(document.text, 1, sentence."end") AS BLOB))
            """)
        #expect(mismatches == 0)
        let wrongText = try TestSupport.integer(store, """
            SELECT count(*) FROM sentence_text JOIN sentence ON sentence.id = sentence_text.id
            JOIN document ON document.id = sentence.document_id
            WHERE sentence_text.text IS NOT substr(document.text, sentence.start + 1, sentence."end" - sentence.start)
            """)
        #expect(wrongText == 0)
    }

    @Test func importedSentencesCarryTheirBytes() throws {
        let (store, directory) = try TestSupport.makeStore()
        defer { TestSupport.removeTemporary(directory) }
        let importer = Importer(pipeline: TestSupport.makePipeline())
        // German and English, with umlauts, dashes and curly quotes (several bytes a character).
        _ = try importer.run(paths: [TestSupport.seedDirectory.path, try TestSupport.fixtureDirectory("genre").path], into: store)
        #expect(try TestSupport.integer(store, "SELECT count(*) FROM sentence WHERE byte_end - byte_start > \"end\" - start") > 10)
        try Self.expectBytesMatchCharacters(store)
    }

    @Test func byteOffsetsCountScalars() {
        let text = "Grüße — aus Köln. Ein 🚗 fährt. Ende."
        let starts = [0, 18, 31]
        let sentences = starts.enumerated().map { Sentence(position: $0.offset, start: $0.element, end: $0.element, text: "") }
        let expected = starts.map { String(text.unicodeScalars.prefix($0)).utf8.count }
        #expect(DocumentWriter.byteOffsets(of: sentences, in: text) == expected)
        // Out of order, the count starts again rather than going wrong.
        #expect(DocumentWriter.byteOffsets(of: sentences.reversed(), in: text) == expected.reversed())
        // Offsets past the end stop at the end.
        #expect(DocumentWriter.byteOffsets(of: [Sentence(position: 0, start: 500, end: 500, text: "")], in: text)
            == [text.utf8.count])
    }

    @Test func migrationFillsTheBytesOfOlderFiles() throws {
        let (directory, path) = try TestSupport.makeDatabasePath()
        defer { TestSupport.removeTemporary(directory) }
        // A knowledge base as the schema before 0010 left it, with documents in it.
        do {
            let store = try Store(path: path)
            _ = try Importer(pipeline: TestSupport.makePipeline()).run(paths: [TestSupport.seedDirectory.path], into: store)
        }
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: """
                    UPDATE sentence SET byte_start = 0, byte_end = 0;
                    DELETE FROM grdb_migrations WHERE identifier = '0010_sentence_bytes';
                    """)
                // What 0010 adds, taken away again, so that it runs on a file that never had it.
                try db.execute(sql: """
                    DROP VIEW sentence_text; DROP VIEW facts; DROP VIEW timeline; DROP VIEW joint_ventures;
                    ALTER TABLE sentence DROP COLUMN byte_start; ALTER TABLE sentence DROP COLUMN byte_end;
                    """)
                for migration in Schema.migrations where ["0001_base_tables", "0002_public_views"].contains(migration.identifier) {
                    for statement in ["sentence_text", "facts", "timeline", "joint_ventures"] {
                        if let range = migration.sql.range(of: "CREATE VIEW \(statement) AS") {
                            let rest = migration.sql[range.lowerBound...]
                            if let end = rest.range(of: ";") { try db.execute(sql: String(rest[..<end.upperBound])) }
                        }
                    }
                }
            }
        }
        let store = try Store(path: path)
        #expect(try TestSupport.integer(store, "SELECT count(*) FROM grdb_migrations WHERE identifier = '0010_sentence_bytes'") == 1)
        try Self.expectBytesMatchCharacters(store)
        #expect(try TestSupport.integer(store, "SELECT count(*) FROM facts WHERE sentence IS NULL OR sentence = ''") == 0)
    }
}
