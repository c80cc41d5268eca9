import GRDB
import Testing
@testable import Gazette

/// `Containment`: the reference link city → province (`entity.admin1`, written by the importer
/// from cities.tsv) makes a city lie in its province with no fact saying so.
@Suite struct ContainmentTests {
    @Test func admin1PutsACityInItsProvince() throws {
        let (store, directory) = try TestSupport.makeStore()
        defer { TestSupport.removeTemporary(directory) }
        _ = try Importer(pipeline: TestSupport.makePipeline()).run(paths: [TestSupport.seedDirectory.path], into: store)
        let pattern = "organization[region=Europe] has_joint_venture_in place within Liaoning"
        // Without the sentence "Panjin … Liaoning", only the reference hierarchy can answer.
        try store.queue.write { db in
            try db.execute(sql: """
                DELETE FROM relationship WHERE predicate IN ('part_of', 'located_in')
                  AND subject_id = (SELECT id FROM entity WHERE reference = 'geonames:10794003')
                """)
            try db.execute(sql: "UPDATE entity SET admin1 = NULL")
        }
        #expect(try store.query(pattern).rows.isEmpty)
        try store.queue.write { db in
            try db.execute(sql: "UPDATE entity SET admin1 = 'CN.19' WHERE reference = 'geonames:10794003'")
        }
        let table = try store.query(pattern, evidence: false)
        #expect(QueryTestSupport.pairs(table) == ["Clariant → Panjin", "Dynasol → Panjin", "Leoni → Panjin"])
        #expect(try store.jointVentures(place: "Liaoning").column("place").allSatisfy { $0 == .text("Panjin") })
    }

    @Test func withinClauseBindsItsNames() {
        let sql = Containment.withClause(parameter: "within")
        #expect(sql.hasPrefix("WITH RECURSIVE inside(id) AS ("))
        #expect(sql.contains("json_each(:within)") && sql.contains("'located_in', 'part_of', 'headquartered_in'"))
    }
}
