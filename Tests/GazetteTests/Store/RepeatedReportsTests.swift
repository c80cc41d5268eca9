import Foundation
import Testing
@testable import Gazette

/// A relationship or event that a later document reports again is one row with one more evidence
/// row, whether the two documents come in one import (the writer's cache knows the row) or in two
/// (the insert meets the stored row and the writer looks its id up).
@Suite struct RepeatedReportsTests {
    static let first = """
        Voestalpine expands in Changchun

        CHANGCHUN, China, March 3, 2022 -- Austrian steelmaker Voestalpine has established a joint venture in Changchun, the company said. On March 2, 2022, a delegation from Linz visited Changchun to discuss the project.
        """
    static let second = """
        Steel venture opens in Jilin

        CHANGCHUN, China, March 10, 2022 -- Voestalpine has established a joint venture in Changchun with a local partner. On March 2, 2022, a delegation from Linz visited Changchun.
        """

    /// Each relationship and event with its number of evidence rows, in a stable order.
    static func rows(_ store: Store) throws -> [String] {
        try TestSupport.strings(store, """
            SELECT s.key || ' ' || r.predicate || ' ' || o.key || ' ' || r.attributes || ' x' ||
                   (SELECT count(*) FROM fact_evidence f WHERE f.relationship_id = r.id)
            FROM relationship r JOIN entity s ON s.id = r.subject_id JOIN entity o ON o.id = r.object_id
            UNION ALL
            SELECT e.key || ' ' || coalesce(e.date_start, '') || ' x' ||
                   (SELECT count(*) FROM event_evidence v WHERE v.event_id = e.id)
            FROM event e
            ORDER BY 1
            """)
    }

    @Test func aReportInALaterImportAddsEvidenceToTheSameRows() throws {
        let (together, first) = try TestSupport.makeStore()
        defer { TestSupport.removeTemporary(first) }
        let (apart, second) = try TestSupport.makeStore()
        defer { TestSupport.removeTemporary(second) }
        let importer = Importer(pipeline: TestSupport.makePipeline(), jobs: 1)
        let a = try TestSupport.write(Self.first, to: "a.txt", in: first)
        let b = try TestSupport.write(Self.second, to: "b.txt", in: first)
        _ = try importer.run(paths: [a.path, b.path], into: together)
        _ = try importer.run(paths: [a.path], into: apart)
        _ = try importer.run(paths: [b.path], into: apart)

        let rows = try Self.rows(together)
        #expect(rows.contains { $0.contains("has_joint_venture_in") && $0.hasSuffix(" x2") }, "\(rows)")
        #expect(rows.contains { $0.hasPrefix("visit|2022-03-02") && $0.hasSuffix(" x2") }, "\(rows)")
        #expect(try Self.rows(apart) == rows)
        #expect(try TestSupport.integer(apart, "SELECT count(*) FROM relationship WHERE predicate = 'has_joint_venture_in'") == 1)
        #expect(try TestSupport.integer(apart, "SELECT count(*) FROM event WHERE type = 'visit'") == 1)
    }
}
