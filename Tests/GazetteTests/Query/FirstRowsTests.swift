import GRDB
import Testing
@testable import Gazette

/// The query layer's fast shapes give the same answers as the plain ones: a `limit` returns the
/// first rows of the full answer (and says it cut), and "lies within" collecting only the types a
/// chain can pass through finds the same objects as collecting every entity.
@Suite struct FirstRowsTests {
    /// The seeds and the genre fixtures in one file: more places, zones and firms than the seeds alone.
    static let corpus: Result<Store, GazetteError> = {
        do {
            let (store, _) = try TestSupport.makeStore()
            _ = try Importer(pipeline: TestSupport.makePipeline()).run(
                paths: [TestSupport.seedDirectory.path, try TestSupport.fixtureDirectory("genre").path], into: store)
            return .success(store)
        } catch let error as GazetteError {
            return .failure(error)
        } catch {
            return .failure(.invalidArgument("corpus import failed: \(error)"))
        }
    }()

    @Test(arguments: [1, 2, 5])
    func jointVenturesLimitIsAPrefix(limit: Int) throws {
        let store = try Self.corpus.get()
        let all = try store.jointVentures()
        try #require(all.rows.count > 5)
        let first = try store.jointVentures(limit: limit)
        #expect(first.rows == Array(all.rows.prefix(limit)))
        #expect(first.truncated && !all.truncated)
        #expect(try store.jointVentures(limit: all.rows.count).truncated == false)
    }

    @Test func jointVenturesComeByFirmThenPlace() throws {
        let rows = try Self.corpus.get().jointVentures().rows
        // SQLite's NOCASE folds ASCII letters only; UTF-8 bytes order like scalars.
        func nocase(_ value: ResultTable.Value) -> [UInt8] {
            value.description.utf8.map { (65...90).contains($0) ? $0 + 32 : $0 }
        }
        let keys = rows.map { nocase($0[0]) + [0] + nocase($0[3]) }
        #expect(keys == keys.sorted { $0.lexicographicallyPrecedes($1) })
    }

    @Test(arguments: [
        "organization has_joint_venture_in place",
        "organization has_joint_venture_in place within China",
        "organization in_talks_with place",
        "place friendship_city_of place",
    ])
    func queryLimitIsAPrefix(pattern: String) throws {
        let store = try Self.corpus.get()
        let all = try store.query(pattern)
        try #require(all.rows.count > 2)
        let first = try store.query(pattern, limit: 2)
        #expect(first.rows == Array(all.rows.prefix(2)))
        #expect(first.truncated && !all.truncated)
        let compiled = try store.compile(pattern, limit: 2)
        #expect(compiled.limit == 2 && compiled.sql.contains("LIMIT 3"))
    }

    @Test func chainTypesFollowTheModelsSignatures() {
        #expect(Containment.chainTypes(for: .place) == [.place, .zone])
        #expect(Containment.chainTypes(for: .organization) == [.organization, .place, .zone])
        #expect(Containment.chainTypes(for: .facility) == [.facility, .place, .zone])
        #expect(Containment.chainTypes(for: .person) == [.person, .place, .zone])
    }

    /// Every entity of each type found inside each place with the full walk is found with the
    /// pruned one, and nothing else.
    @Test func prunedWithinFindsTheSameEntities() throws {
        let store = try Self.corpus.get()
        let containers = try store.queue.read { db in
            try String.fetchAll(db, sql: """
                SELECT DISTINCT name FROM entity WHERE type = 'place' AND subtype IN ('country', 'province', 'city')
                ORDER BY name
                """)
        }
        try #require(containers.count > 10)
        for container in containers {
            let names = try store.containerNames(container)
            for type in EntityType.allCases {
                func inside(_ types: Set<EntityType>?) throws -> Set<Int64> {
                    try store.queue.read { db in
                        Set(try Int64.fetchAll(db, sql: Containment.withClause(parameter: "within", types: types)
                            + " SELECT entity.id FROM inside JOIN entity ON entity.id = inside.id WHERE entity.type = :type",
                            arguments: ["within": names, "type": type.rawValue]))
                    }
                }
                #expect(try inside(Containment.chainTypes(for: type)) == inside(nil), "\(type) within \(container)")
            }
        }
    }

    @Test func showCutsEachSectionToItsFirstRows() throws {
        let store = try Self.corpus.get()
        let all = try store.profile(name: "China")
        try #require(all.facts.rows.count > 3 && all.mentions.rows.count > 3)
        let first = try store.profile(name: "China", limit: 3)
        #expect(first.facts.rows == Array(all.facts.rows.prefix(3)))
        #expect(first.mentions.rows == Array(all.mentions.rows.prefix(3)))
        #expect(first.events.rows == Array(all.events.rows.prefix(3)))
        #expect(first.truncated.isSuperset(of: ["Facts", "Mentions"]))
        #expect(first.summary.column("mentions") == all.summary.column("mentions"))
        #expect(first.summary.column("document_count") == all.summary.column("document_count"))
    }

    /// The query layer names this index in `INDEXED BY`: it must be the subject's facts by predicate.
    @Test func relationshipBySubjectIndexExists() throws {
        let columns = try Self.corpus.get().queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info(?) ORDER BY seqno",
                                arguments: [Store.relationshipBySubject])
        }
        #expect(columns.prefix(2) == ["subject_id", "predicate"])
    }
}
