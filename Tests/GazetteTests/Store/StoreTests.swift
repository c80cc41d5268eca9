import Foundation
import GRDB
import GazetteSchema
import Testing
@testable import Gazette

@Suite struct StoreTests {
    /// The public SQL interface of `shared/knowledge-model.md`: view → columns it has at least.
    static let contract: [String: [String]] = [
        "documents": ["name", "title", "published", "dateline", "source", "language", "sha256"],
        "entity_summary": ["name", "type", "subtype", "country", "country_source", "region", "aliases", "documents", "mentions"],
        "facts": ["fact_id", "subject", "predicate", "object", "attributes", "confidence", "document", "sentence", "start", "end", "rule"],
        "timeline": ["event_id", "event_type", "date_start", "date_end", "date_precision", "place", "participants", "document",
                     "sentence", "start", "end", "rule"],
        "joint_ventures": ["firm", "firm_country", "firm_region", "place", "place_country", "document", "sentence"],
    ]

    static func checkPublicViews(_ store: Store) throws {
        for (view, columns) in contract {
            let kind = try TestSupport.strings(store, "SELECT type FROM sqlite_master WHERE name = ?", [view])
            #expect(kind == ["view"] || kind == ["table"], "\(view) is missing")
            let present = Set(try TestSupport.strings(store, "SELECT name FROM pragma_table_info(?)", [view]))
            for column in columns {
                #expect(present.contains(column), "\(view).\(column) is missing")
            }
            // And the view can be queried.
            _ = try store.rows(sql: "SELECT * FROM \(view) LIMIT 1")
        }
    }

    /// Imports the seeds into a fresh store.
    static func importSeeds(into store: Store, from paths: [String]? = nil) throws -> ImportReport {
        try Importer(pipeline: TestSupport.makePipeline())
            .run(paths: paths ?? [TestSupport.seedDirectory.path], into: store)
    }

    @Test func freshDatabaseHasThePublicViews() throws {
        let (store, directory) = try TestSupport.makeStore()
        defer { TestSupport.removeTemporary(directory) }
        try Self.checkPublicViews(store)
        #expect(try TestSupport.strings(store, "SELECT value FROM meta WHERE key = 'schema_version'") == [Store.schemaVersion])
        #expect(try TestSupport.integer(store, "SELECT count(*) FROM documents") == 0)
        #expect(Store.schemaVersion == Schema.migrations.last?.identifier)
    }

    @Test func importedSeedsFillDocuments() throws {
        let (store, directory) = try TestSupport.makeStore()
        defer { TestSupport.removeTemporary(directory) }
        let report = try Self.importSeeds(into: store)
        #expect(report.added == 5 && report.failures.isEmpty)
        let table = try store.rows(sql: "SELECT name, published, dateline, source, language FROM documents ORDER BY name")
        #expect(table.rows.map { $0.map(\.description) } == [
            ["000_edaaab7c5554935a.txt", "2017-11-17", "Panjin", "PR Newswire", "en"],
            ["001_f7df938e76acd8fa.txt", table.rows[1][1].description, "", "", "en"],
            ["002_15f7d2b57b140e94.txt", "2019-11-04", "Shanghai", "PR Newswire", "en"],
            ["003_72008c147d53139e.txt", "2023-10-26", "Shenyang", "", "de"],
            ["004_363898289640733e.txt", "2023-05-19", "Beijing", "PR Newswire", "en"],
        ])
        let shas = try TestSupport.strings(store, "SELECT sha256 FROM documents ORDER BY name")
        #expect(shas.allSatisfy { $0.count == 64 && $0.allSatisfy(\.isHexDigit) })
        #expect(Set(shas).count == 5)
        try Self.checkPublicViews(store)
    }

    @Test func sqlOffsetsCutTheSentences() throws {
        let (store, directory) = try TestSupport.makeStore()
        defer { TestSupport.removeTemporary(directory) }
        _ = try Self.importSeeds(into: store)
        var total = 0
        for url in TestSupport.seedDocuments() {
            let expected = try TestSupport.extract(url).sentences
            let viaView = try TestSupport.strings(store, """
                SELECT sentence_text.text FROM sentence
                JOIN sentence_text ON sentence_text.id = sentence.id
                JOIN document ON document.id = sentence.document_id
                WHERE document.name = ? ORDER BY sentence.position
                """, [url.lastPathComponent])
            let viaSubstr = try TestSupport.strings(store, """
                SELECT substr(document.text, sentence.start + 1, sentence."end" - sentence.start) FROM sentence
                JOIN document ON document.id = sentence.document_id
                WHERE document.name = ? ORDER BY sentence.position
                """, [url.lastPathComponent])
            #expect(viaView == expected.map(\.text), "\(url.lastPathComponent)")
            #expect(viaSubstr == expected.map(\.text), "\(url.lastPathComponent)")
            let offsets = try store.rows(sql: """
                SELECT sentence.start, sentence."end" FROM sentence JOIN document ON document.id = sentence.document_id
                WHERE document.name = ? ORDER BY sentence.position
                """, arguments: [url.lastPathComponent]).rows.map { $0.map(\.description) }
            #expect(offsets == expected.map { ["\($0.start)", "\($0.end)"] })
            total += expected.count
        }
        #expect(try TestSupport.integer(store, "SELECT count(*) FROM sentence") == total)
    }

    @Test func reimportIsANoOp() throws {
        let (store, directory) = try TestSupport.makeStore()
        defer { TestSupport.removeTemporary(directory) }
        _ = try Self.importSeeds(into: store)
        let before = try store.counts()
        let ids = try TestSupport.strings(store, "SELECT id || ':' || sha256 || ':' || imported_at FROM document ORDER BY id")
        let again = try Self.importSeeds(into: store)
        #expect(again.unchanged == 5 && again.added == 0 && again.replaced == 0)
        #expect(try store.counts() == before)
        #expect(try TestSupport.strings(store, "SELECT id || ':' || sha256 || ':' || imported_at FROM document ORDER BY id") == ids)
        // The same content under another path is a duplicate, not a second document.
        let copies = try TestSupport.makeTemporaryDirectory()
        defer { TestSupport.removeTemporary(copies) }
        let copied = try TestSupport.copySeeds(to: copies)
        let duplicate = try Self.importSeeds(into: store, from: [copied[0].path])
        #expect(duplicate.duplicates == 1)
        #expect(try store.counts() == before)
    }

    @Test func writeOutcomeOfOneDocument() throws {
        let (store, directory) = try TestSupport.makeStore()
        defer { TestSupport.removeTemporary(directory) }
        let (doc, edited) = try TestSupport.seedAndEditedVersion()
        #expect(try store.write([doc]) == [.added])
        #expect(try store.write([doc]) == [.unchanged])
        #expect(try store.write([edited]) == [.replaced])
    }

    /// A load into an empty knowledge base goes without foreign-key checks, so it cannot replace
    /// a document by cascade: a source that changes between two reads in that load fails it,
    /// with nothing written; with documents stored, the same write replaces it.
    @Test func sourceChangedWithinALoadIntoAnEmptyBase() throws {
        let (store, directory) = try TestSupport.makeStore()
        defer { TestSupport.removeTemporary(directory) }
        let (doc, edited) = try TestSupport.seedAndEditedVersion()
        #expect(throws: GazetteError.self) { try store.write([doc, edited]) }
        #expect(try TestSupport.integer(store, "SELECT count(*) FROM document") == 0)
        #expect(try TestSupport.integer(store, "PRAGMA foreign_keys") == 1)

        let other = try TestSupport.extract(TestSupport.seedDocuments()[1])
        #expect(try store.write([other]) == [.added])
        #expect(try store.write([doc, edited]) == [.added, .replaced])
        #expect(try TestSupport.strings(store, "PRAGMA foreign_key_check").isEmpty)
    }

    @Test func changedDocumentIsReplaced() throws {
        let (store, directory) = try TestSupport.makeStore()
        defer { TestSupport.removeTemporary(directory) }
        let copies = try TestSupport.makeTemporaryDirectory()
        defer { TestSupport.removeTemporary(copies) }
        let files = try TestSupport.copySeeds(to: copies)
        _ = try Self.importSeeds(into: store, from: [copies.path])
        let before = try store.counts()
        #expect(try store.search("flourished").rows.count == 1)

        // Edit 000: drop its first paragraph (with "flourished"), add a new one.
        let original = try TestSupport.text(of: files[0])
        let paragraphs = original.components(separatedBy: "\n\n")
        let edited = (["PANJIN, China, Nov. 17, 2017 /PRNewswire/ -- Panjin opened a zeppelinport for Liaoning."]
            + paragraphs.dropFirst()).joined(separator: "\n\n")
        try Data(edited.utf8).write(to: files[0])
        let report = try Self.importSeeds(into: store, from: [copies.path])
        #expect(report.replaced == 1 && report.unchanged == 4 && report.added == 0)

        let counts = try store.counts()
        #expect(counts["documents"] == before["documents"])
        let name = files[0].lastPathComponent
        #expect(try TestSupport.integer(store, "SELECT count(*) FROM documents WHERE name = ?", [name]) == 1)
        // The old sentences are gone; the new ones are the new text's.
        let expected = try TestSupport.extract(files[0]).sentences.map(\.text)
        let stored = try TestSupport.strings(store, """
            SELECT sentence_text.text FROM sentence JOIN sentence_text ON sentence_text.id = sentence.id
            JOIN document ON document.id = sentence.document_id WHERE document.name = ? ORDER BY position
            """, [name])
        #expect(stored == expected)
        #expect(try TestSupport.integer(store, "SELECT count(*) FROM sentence_text WHERE text LIKE '%flourished%'") == 0)
        // Full-text search finds the new word and no longer the removed one.
        #expect(try store.search("flourished").rows.isEmpty)
        let hits = try store.search("zeppelinport")
        #expect(hits.rows.count == 1)
        #expect(hits.column("document").first == .text(name))
        // The index agrees with its content table (FTS5 integrity check raises on a mismatch).
        try DatabaseQueue(path: store.path).write { db in
            try db.execute(sql: "INSERT INTO sentence_fts(sentence_fts, rank) VALUES ('integrity-check', 1)")
        }
    }

    @Test func olderSchemaIsMigrated() throws {
        let (directory, path) = try TestSupport.makeDatabasePath()
        defer { TestSupport.removeTemporary(directory) }
        let migrations = Schema.migrations
        #expect(migrations.count >= 2)
        do {
            var migrator = DatabaseMigrator()
            for migration in migrations {
                let sql = migration.sql
                migrator.registerMigration(migration.identifier) { db in try db.execute(sql: sql) }
            }
            let queue = try DatabaseQueue(path: path)
            try migrator.migrate(queue, upTo: migrations[0].identifier)
            let (hasTable, hasView) = try queue.read { db in
                (try db.tableExists("document"), try db.viewExists("documents"))
            }
            #expect(hasTable && !hasView)
        }
        // Reading an old file is refused with advice; opening it for writing upgrades it.
        let old = #expect(throws: GazetteError.self) { _ = try Store(path: path, readOnly: true) }
        #expect(old?.description.hasPrefix(path + ": written by an older Gazette") == true, "\(String(describing: old))")
        let store = try Store(path: path)
        try Self.checkPublicViews(store)
        #expect(try TestSupport.strings(store, "SELECT identifier FROM grdb_migrations ORDER BY identifier")
            == migrations.map(\.identifier))
        _ = try Self.importSeeds(into: store)
        #expect(try TestSupport.integer(store, "SELECT count(*) FROM documents") == 5)
    }

    @Test func newerSchemaIsRefusedAndLeftUnchanged() throws {
        let (directory, path) = try TestSupport.makeDatabasePath()
        defer { TestSupport.removeTemporary(directory) }
        do {
            let store = try Store(path: path)
            _ = try Self.importSeeds(into: store)
        }
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('9999_from_the_future')")
            }
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for readOnly in [false, true] {
            #expect(throws: GazetteError.newerSchema(path: path, unknownMigrations: ["9999_from_the_future"])) {
                _ = try Store(path: path, readOnly: readOnly)
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        let queue = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
        let documents = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM document") }
        #expect(documents == 5)
        #expect(GazetteError.newerSchema(path: path, unknownMigrations: ["9999_from_the_future"]).description
            .contains("9999_from_the_future"))
    }

    @Test func fileThatIsNotSQLite() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { TestSupport.removeTemporary(directory) }
        let text = "PANJIN, China, Nov. 17, 2017 /PRNewswire/ -- Panjin, a coastal city in the rustic belt of northeast China, "
            + "has flourished as a booming industrial port.\n"
        let url = try TestSupport.write(String(repeating: text, count: 40), to: "articles.db", in: directory)
        let bytes = try Data(contentsOf: url)
        for readOnly in [false, true] {
            #expect(throws: GazetteError.database(path: url.path, reason: "not an SQLite database (or it is corrupt)")) {
                _ = try Store(path: url.path, readOnly: readOnly)
            }
        }
        #expect(try Data(contentsOf: url) == bytes)
    }

    @Test func databaseOfAnotherProgramIsRefusedAndLeftUnchanged() throws {
        let (directory, path) = try TestSupport.makeDatabasePath()
        defer { TestSupport.removeTemporary(directory) }
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE bookmarks(url TEXT); INSERT INTO bookmarks VALUES ('https://example.com')")
            }
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = #expect(throws: GazetteError.self) { _ = try Store(path: path) }
        #expect(error?.description.hasPrefix(path + ": an SQLite database of another program") == true, "\(String(describing: error))")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes, "refusing the file must not switch it to WAL")
    }

    @Test func missingDatabaseForReading() throws {
        let (directory, path) = try TestSupport.makeDatabasePath()
        defer { TestSupport.removeTemporary(directory) }
        let error = #expect(throws: GazetteError.self) { _ = try Store(path: path, readOnly: true) }
        #expect(error?.description.hasPrefix(path + ": no such database") == true, "\(String(describing: error))")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func readOnlyStoreRefusesWrites() throws {
        let (directory, path) = try TestSupport.makeDatabasePath()
        defer { TestSupport.removeTemporary(directory) }
        do { _ = try Self.importSeeds(into: try Store(path: path)) }
        let store = try Store(path: path, readOnly: true)
        let before = try store.counts()
        for sql in ["DELETE FROM document", "DROP VIEW documents", "UPDATE document SET title = 'x'",
                    "INSERT INTO meta(key, value) VALUES ('x', 'y')"] {
            #expect(throws: GazetteError.self, "\(sql)") { _ = try store.rows(sql: sql) }
        }
        #expect(try store.counts() == before)
        #expect(before["documents"] == 5)
    }

    @Test func sqlErrorsAreExplained() throws {
        let (store, directory) = try TestSupport.makeStore()
        defer { TestSupport.removeTemporary(directory) }
        let error = #expect(throws: GazetteError.self) { _ = try store.rows(sql: "SELECT nme FROM documents") }
        guard case .invalidArgument(let message)? = error else {
            Issue.record("not an SQL error: \(String(describing: error))")
            return
        }
        #expect(message.hasPrefix("SQL error: ") && message.contains("nme"))
    }

    @Test func everyMigrationFileIsListedInSchema() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: TestSupport.migrationsDirectory.path)
            .filter { $0.hasSuffix(".sql") }
            .map { String($0.dropLast(4)) }
            .sorted()
        #expect(!files.isEmpty)
        #expect(Schema.migrations.map(\.identifier) == files)
        for migration in Schema.migrations {
            let onDisk = try String(contentsOf: TestSupport.migrationsDirectory.appendingPathComponent(migration.identifier + ".sql"),
                                    encoding: .utf8)
            #expect(migration.sql == onDisk, "\(migration.identifier) embedded text differs from the file")
        }
    }
}
