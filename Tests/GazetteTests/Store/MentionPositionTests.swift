import Foundation
import Testing
@testable import Gazette

/// The writer finds a mention's entity by its position in the document's list
/// (``Mention/entityIndex``) and checks it against the key; a document without positions (read
/// from `gazette extract`'s JSON) or with positions that do not match goes by the key. Either way
/// the mention rows and the entities' counts are the same.
@Suite struct MentionPositionTests {
    static func dump(_ documents: [ExtractedDocument]) throws -> [String] {
        let (store, directory) = try TestSupport.makeStore()
        defer { TestSupport.removeTemporary(directory) }
        try store.importTransaction { writer in
            for document in documents { _ = try writer.write(document) }
        }
        return try TestSupport.strings(store, """
            SELECT d.name || ' ' || m.start || '-' || m."end" || ' ' || e.key FROM mention m
            JOIN entity e ON e.id = m.entity_id JOIN document d ON d.id = m.document_id
            UNION ALL
            SELECT e.key || ' mentions ' || s.mentions || ' documents ' || s.documents
            FROM entity_stats s JOIN entity e ON e.id = s.entity_id
            ORDER BY 1
            """)
    }

    /// Every mention's position replaced: -1 as after JSON, or the next entity's (a wrong one).
    static func repositioned(_ documents: [ExtractedDocument], _ position: (Int, Int) -> Int) -> [ExtractedDocument] {
        documents.map { document in
            var document = document
            for k in document.mentions.indices {
                document.mentions[k].entityIndex = position(document.mentions[k].entityIndex, document.entities.count)
            }
            return document
        }
    }

    @Test func positionsOrKeysGiveTheSameRows() throws {
        let documents = try TestSupport.seedDocuments().map(TestSupport.extract)
        #expect(documents.contains { $0.mentions.contains { $0.entityIndex >= 0 } }, "resolution sets positions")
        let byPosition = try Self.dump(documents)
        #expect(byPosition.count > 200)
        #expect(try Self.dump(Self.repositioned(documents) { _, _ in -1 }) == byPosition)
        #expect(try Self.dump(Self.repositioned(documents) { index, count in count == 0 ? index : (index + 1) % count }) == byPosition)
    }
}
