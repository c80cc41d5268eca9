import Foundation
import GRDB
import Testing
@testable import Gazette

/// `entity_stats`, the per-entity counts the writer keeps for `gazette show`, always equals a
/// count of the mention table: after a first import, an import adding documents, one replacing a
/// changed document (whose entities lose and gain mentions), and one that changes nothing.
@Suite struct EntityStatsTests {
    /// Rows where the kept counts and a fresh count differ (either side missing counts as 0).
    static func mismatches(_ store: Store) throws -> [String] {
        try store.queue.read { db in
            try String.fetchAll(db, sql: """
                WITH counted AS (
                    SELECT entity_id, count(*) AS mentions, count(DISTINCT document_id) AS documents
                    FROM mention GROUP BY entity_id)
                SELECT entity.key || ': kept ' || ifnull(entity_stats.mentions, 0) || '/' || ifnull(entity_stats.documents, 0)
                       || ', counted ' || ifnull(counted.mentions, 0) || '/' || ifnull(counted.documents, 0)
                FROM entity
                LEFT JOIN entity_stats ON entity_stats.entity_id = entity.id
                LEFT JOIN counted ON counted.entity_id = entity.id
                WHERE ifnull(entity_stats.mentions, 0) <> ifnull(counted.mentions, 0)
                   OR ifnull(entity_stats.documents, 0) <> ifnull(counted.documents, 0)
                """)
        }
    }

    @Test func keptCountsEqualTheMentionTable() throws {
        let seeds = try TestSupport.SeedCopies()
        defer { seeds.cleanUp() }
        let (store, files, copies, importer) = (seeds.store, seeds.files, seeds.folder, seeds.importer)

        _ = try importer.run(paths: files.prefix(3).map(\.path), into: store)
        #expect(try Self.mismatches(store) == [])
        let panjin = try TestSupport.integer(store, "SELECT mentions FROM entity_stats JOIN entity ON entity.id = entity_id WHERE name = 'Panjin'", [])
        #expect(panjin > 0)

        _ = try importer.run(paths: [copies.path], into: store)
        #expect(try Self.mismatches(store) == [])

        // Panjin loses every mention of the first document and gains one; other entities of
        // that document lose theirs.
        let original = try TestSupport.text(of: files[0])
        try Data("PANJIN, China, Nov. 17, 2017 /PRNewswire/ -- Panjin opened a ferry terminal.\n\n\(original.components(separatedBy: "\n\n").last ?? "")".utf8)
            .write(to: files[0])
        let report = try importer.run(paths: [copies.path], into: store)
        #expect(report.replaced == 1)
        #expect(try Self.mismatches(store) == [])
        #expect(try TestSupport.integer(store, "SELECT count(*) FROM entity_stats WHERE mentions <= 0 OR documents <= 0", []) == 0)

        _ = try importer.run(paths: [copies.path], into: store)
        #expect(try Self.mismatches(store) == [])
    }

    @Test func showReadsTheKeptCounts() throws {
        let store = try QueryTestSupport.store()
        let profile = try store.profile(name: "Panjin")
        let counted = try TestSupport.integer(store, """
            SELECT count(*) FROM mention JOIN entity ON entity.id = mention.entity_id WHERE entity.name = 'Panjin'
            """, [])
        #expect(profile.summary.column("mentions") == [.integer(Int64(counted))])
    }
}
