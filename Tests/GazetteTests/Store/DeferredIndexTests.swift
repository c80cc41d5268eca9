import Foundation
import GRDB
import Testing
@testable import Gazette

/// A load into an empty knowledge base drops the bulk-loaded tables' secondary indexes and
/// builds them again at the end (``DocumentWriter/deferIndexes(_:)``), except those that lead
/// with `document_id`, which grow at their end as documents come and are kept.
@Suite struct DeferredIndexTests {
    static func indexes(_ store: Store) throws -> [String] {
        try TestSupport.strings(store, "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
    }

    /// Which indexes a first load defers: every secondary index of the bulk-loaded tables but
    /// the ones whose first column is `document_id`.
    @Test func documentLedIndexesAreKept() throws {
        let (store, directory) = try TestSupport.makeStore()
        defer { TestSupport.removeTemporary(directory) }
        var deferred: [String] = []
        // In a transaction rolled back: the schema stays as it was.
        try store.queue.writeWithoutTransaction { db in
            try db.inTransaction {
                deferred = try DocumentWriter.deferIndexes(db).map(\.name)
                return .rollback
            }
        }
        #expect(deferred.contains("mention_entity"))
        #expect(deferred.contains("fact_evidence_relationship"))
        #expect(deferred.contains("event_identity"))
        for kept in ["mention_document", "fact_evidence_document", "event_evidence_document"] {
            #expect(!deferred.contains(kept), "\(kept) leads with document_id and is not deferred")
            #expect(try TestSupport.integer(store, "SELECT count(*) FROM sqlite_master WHERE name = ?", [kept]) == 1)
        }
    }

    /// After a first load every index of the schema is there again, with its own definition,
    /// and the document-led ones hold one entry per row.
    @Test func firstLoadEndsWithTheSchemasIndexes() throws {
        let (store, directory) = try TestSupport.makeStore()
        defer { TestSupport.removeTemporary(directory) }
        let before = try Self.indexes(store)
        #expect(before.count > 10)
        let importer = Importer(pipeline: TestSupport.makePipeline())
        let report = try importer.run(paths: [try TestSupport.fixtureDirectory("genre").path], into: store)
        #expect(report.added > 5)
        #expect(try Self.indexes(store) == before)
        let mentions = try TestSupport.integer(store, "SELECT count(*) FROM mention")
        #expect(mentions > 100)
        #expect(try TestSupport.integer(store, "SELECT count(*) FROM mention INDEXED BY mention_document WHERE document_id > 0") == mentions)
        #expect(try TestSupport.strings(store, "PRAGMA integrity_check") == ["ok"])
    }
}
