import Foundation
import Testing
@testable import Gazette

/// Extraction on several threads with one writer gives the same knowledge base as one thread.
@Suite struct ParallelImportTests {
    static let views = [
        "SELECT name, type, subtype, country, country_source, region, aliases, documents, mentions FROM entity_summary ORDER BY name, type",
        "SELECT fact_id, subject, predicate, object, attributes, confidence, document, start, \"end\", rule FROM facts ORDER BY fact_id, document, start",
        "SELECT event_id, event_type, date_start, date_end, place, participants, document, start FROM timeline ORDER BY event_id, document, start",
        "SELECT name, published, dateline, language, sha256 FROM documents ORDER BY name",
    ]

    @Test func twoJobsGiveTheSameKnowledgeBaseAsOne() throws {
        let paths = [TestSupport.seedDirectory.path, try TestSupport.fixtureDirectory("genre").path]
        var dumps: [[[String]]] = []
        for jobs in [1, 2] {
            let (store, directory) = try TestSupport.makeStore()
            defer { TestSupport.removeTemporary(directory) }
            let importer = Importer(pipeline: TestSupport.makePipeline(), jobs: jobs)
            let report = try importer.run(paths: paths, into: store)
            #expect(report.added == 15)
            dumps.append(try Self.views.map { sql in try store.rows(sql: sql).rows.map { $0.map(\.description).joined(separator: "|") } })
        }
        #expect(dumps[0].map(\.count) == dumps[1].map(\.count))
        #expect(dumps[0] == dumps[1])
        #expect(dumps[0][1].count > 50, "the comparison should cover real facts")
    }
}
