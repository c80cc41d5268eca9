import Foundation
import GRDB
import GazetteSchema
import Testing
@testable import Gazette

/// `entity_alias_count`, the distinct aliases the look-ups by name read, always equals a count of
/// `entity_alias`'s per-document rows: after a first import, an import adding documents, one
/// replacing a changed document (whose entities lose names), one that changes nothing, and after
/// migration 0009 builds it from an older file's rows.
@Suite struct AliasCountTests {
    /// Pairs whose kept count and a fresh count of `entity_alias` differ (missing counts as 0).
    static func mismatches(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            WITH counted AS (SELECT entity_id, alias, count(*) AS n FROM entity_alias GROUP BY entity_id, alias),
                 pairs AS (SELECT entity_id, alias FROM counted UNION SELECT entity_id, alias FROM entity_alias_count)
            SELECT pairs.entity_id || ' ' || pairs.alias || ': kept ' || ifnull(kept.documents, 0)
                   || ', counted ' || ifnull(counted.n, 0)
            FROM pairs
            LEFT JOIN counted USING (entity_id, alias)
            LEFT JOIN entity_alias_count AS kept USING (entity_id, alias)
            WHERE ifnull(kept.documents, 0) <> ifnull(counted.n, 0)
            """)
    }

    static func mismatches(_ store: Store) throws -> [String] {
        try store.queue.read { db in try mismatches(db) }
    }

    @Test func keptCountsEqualTheAliasRows() throws {
        let seeds = try TestSupport.SeedCopies()
        defer { seeds.cleanUp() }
        let (store, files, copies, importer) = (seeds.store, seeds.files, seeds.folder, seeds.importer)

        _ = try importer.run(paths: files.prefix(3).map(\.path), into: store)
        #expect(try Self.mismatches(store) == [])
        #expect(try TestSupport.integer(store, "SELECT count(*) FROM entity_alias_count") > 20)

        _ = try importer.run(paths: [copies.path], into: store)
        #expect(try Self.mismatches(store) == [])
        let before = try TestSupport.integer(store, "SELECT count(*) FROM entity_alias_count")

        // The first document is replaced by one sentence: names only it gave go, and the
        // entity it names gains "Dalian Port Group" if it was not there.
        try Data("DALIAN, China, May 3, 2021 /PRNewswire/ -- Dalian Port Group opened a ferry terminal in Dalian.".utf8)
            .write(to: files[0])
        let report = try importer.run(paths: [copies.path], into: store)
        #expect(report.replaced == 1)
        #expect(try Self.mismatches(store) == [])
        #expect(try TestSupport.integer(store, "SELECT count(*) FROM entity_alias_count WHERE documents <= 0") == 0)
        #expect(try TestSupport.integer(store, "SELECT count(*) FROM entity_alias_count") < before)

        _ = try importer.run(paths: [copies.path], into: store)
        #expect(try Self.mismatches(store) == [])
    }

    /// The writer puts a document's alias rows several to a statement and counts each only when
    /// the document cannot repeat one (distinct entities, forms sorted without repeats); a
    /// document that breaks that (an entity twice, a form twice) goes row by row, and the kept
    /// counts still equal the rows either way.
    @Test func repeatedFormsAndEntitiesCountOnce() throws {
        let (store, directory) = try TestSupport.makeStore()
        defer { TestSupport.removeTemporary(directory) }
        let files = try FileManager.default.contentsOfDirectory(at: TestSupport.seedDirectory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
        let plain = try TestSupport.extract(try #require(files.first))
        var repeating = try TestSupport.extract(try #require(files.dropFirst().first))
        let first = try #require(repeating.entities.first)
        var twice = first
        twice.aliases = first.aliases + first.aliases.reversed()
        repeating.entities.append(twice)
        _ = try store.write([plain, repeating])
        #expect(try Self.mismatches(store) == [])
        let expected = Set(plain.entities.flatMap { e in e.aliases.map { "1 \(e.key) \($0)" } })
            .union(repeating.entities.flatMap { e in e.aliases.map { "2 \(e.key) \($0)" } })
        let stored = try TestSupport.strings(store, """
            SELECT document_id || ' ' || key || ' ' || alias FROM entity_alias JOIN entity ON entity.id = entity_id
            """)
        #expect(stored.count == expected.count)
        #expect(Set(stored) == expected)
    }

    @Test func lookUpsByAliasUseTheKeptNames() throws {
        let (store, directory) = try TestSupport.makeStore()
        defer { TestSupport.removeTemporary(directory) }
        _ = try Importer(pipeline: TestSupport.makePipeline()).run(paths: [TestSupport.seedDirectory.path], into: store)
        // An alias that is not the entity's name finds the entity, in any case.
        let alias = try TestSupport.strings(store, """
            SELECT alias FROM entity_alias_count JOIN entity ON entity.id = entity_id
            WHERE alias <> name AND alias NOT IN (SELECT name FROM entity) ORDER BY alias LIMIT 1
            """)
        let name = try #require(alias.first)
        let found = try store.resolveEntities(name.uppercased())
        #expect(!found.isEmpty)
        let aliases = try TestSupport.strings(store, "SELECT aliases FROM entity_summary WHERE name = ?", [found[0].name])
        #expect(aliases.first?.contains(name) == true, "\(aliases)")
    }

    @Test func migrationCountsTheRowsOfAnOlderFile() throws {
        let (directory, path) = try TestSupport.makeDatabasePath()
        defer { TestSupport.removeTemporary(directory) }
        let migrations = Schema.migrations
        let before = try #require(migrations.firstIndex { $0.identifier == "0009_alias_counts" })
        var migrator = DatabaseMigrator()
        for migration in migrations {
            let sql = migration.sql
            migrator.registerMigration(migration.identifier) { db in try db.execute(sql: sql) }
        }
        let queue = try DatabaseQueue(path: path)
        try migrator.migrate(queue, upTo: migrations[before - 1].identifier)
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO document(id, source_key, name, language, sha256, text, word_count, imported_at) VALUES
                    (1, 'a', 'a.txt', 'en', 'x1', 'A', 1, ''), (2, 'b', 'b.txt', 'en', 'x2', 'B', 1, '');
                INSERT INTO entity(id, key, name, type) VALUES (1, 'org:leoni', 'Leoni AG', 'organization');
                INSERT INTO entity_alias(entity_id, document_id, alias) VALUES
                    (1, 1, 'Leoni'), (1, 2, 'Leoni'), (1, 2, 'Leoni AG');
                """)
        }
        try migrator.migrate(queue)
        try queue.read { (db: Database) throws in
            #expect(try Self.mismatches(db) == [])
            #expect(try String.fetchAll(db, sql: "SELECT alias || '=' || documents FROM entity_alias_count ORDER BY alias")
                == ["Leoni=2", "Leoni AG=1"])
            #expect(try String.fetchOne(db, sql: "SELECT aliases FROM entity_summary") == #"["Leoni"]"#)
        }
    }
}
