import Testing
@testable import Gazette

/// `Store.query(_:evidence:)` and `Store.compile(_:evidence:)` on the seeds' database: the issue's
/// four example patterns, one test per construct, and values that must be bound, never SQL.
@Suite struct PatternQueryTests {
    @Test func europeanJointVenturesInCities() throws {
        let table = try QueryTestSupport.store().query("organization[region=Europe] has_joint_venture_in place[subtype=city]")
        #expect(QueryTestSupport.pairs(table).isSuperset(of: ["Leoni → Panjin", "Clariant → Panjin", "Dynasol → Panjin"]))
        #expect(table.column("subject_type").allSatisfy { $0 == .text("organization") })
        #expect(QueryTestSupport.hasEvidence(table))
        #expect(table.column("sentence").contains { $0.description.contains("have established joint ventures there") })
    }

    @Test func inTalksWithinLiaoningFollowsPartOfAndSymmetry() throws {
        let table = try QueryTestSupport.store().query("organization in_talks_with place within Liaoning")
        // Stored as Panjin → BASF; read the other way round, and Panjin lies in Liaoning by a part_of fact.
        #expect(QueryTestSupport.pairs(table).isSuperset(of: ["BASF → Panjin", "Evonik Industries → Panjin"]))
        #expect(!table.column("object").contains(.text("Qingdao")))
        #expect(QueryTestSupport.hasEvidence(table))
    }

    @Test func positionsWithinAPlaceRun() throws {
        let store = try QueryTestSupport.store()
        let panjin = try store.query("person holds_position organization within Panjin")
        #expect(panjin.columns.contains("sentence"))
        #expect(panjin.column("subject").allSatisfy { $0 != .text("Sören Link") })
        let germany = try store.query("person holds_position place within Germany")
        #expect(QueryTestSupport.pairs(germany).contains("Sören Link → Duisburg"))
        #expect(germany.column("attributes").contains(.text(#"{"role":"mayor"}"#)))
        #expect(QueryTestSupport.hasEvidence(germany))
    }

    @Test func friendshipCitiesInJapanEitherDirection() throws {
        let table = try QueryTestSupport.store().query("place friendship_city_of place[country=Japan]")
        #expect(QueryTestSupport.pairs(table).contains("Shenyang → Sapporo"))
        #expect(table.column("object").allSatisfy { ["Sapporo", "Kawasaki"].contains($0.description) })
        #expect(QueryTestSupport.hasEvidence(table))
        // The same fact read from Japan's side: Sapporo is the subject now.
        let reverse = try QueryTestSupport.store().query("place[country=Japan] friendship_city_of place[name=Shenyang]")
        #expect(QueryTestSupport.pairs(reverse).contains("Sapporo → Shenyang"))
    }

    @Test func typeFilter() throws {
        let store = try QueryTestSupport.store()
        let any = try store.query("entity in_talks_with entity", evidence: false)
        let places = try store.query("place in_talks_with organization", evidence: false)
        #expect(places.column("subject_type").allSatisfy { $0 == .text("place") })
        #expect(places.column("object_type").allSatisfy { $0 == .text("organization") })
        #expect(QueryTestSupport.pairs(places).contains("Panjin → BASF"))
        #expect(any.rows.count > places.rows.count)
    }

    @Test func attributeFiltersAreCaseInsensitiveAndNarrow() throws {
        let store = try QueryTestSupport.store()
        let german = try store.query("organization[country=germany] has_joint_venture_in place")
        #expect(QueryTestSupport.pairs(german) == ["Leoni → Panjin"])
        let named = try store.query("organization[name=Leoni Group] has_joint_venture_in place")  // an alias
        #expect(QueryTestSupport.pairs(named) == ["Leoni → Panjin"])
        let mayors = try store.query("person holds_position[role=MAYOR] entity", evidence: false)
        #expect(QueryTestSupport.pairs(mayors) == ["Sören Link → Duisburg"])
    }

    @Test func withinFollowsFactsAndReferenceHierarchy() throws {
        let store = try QueryTestSupport.store()
        // Hunnan district → part_of Shenyang → part_of Liaoning: two steps of the recursive CTE.
        let hq = try store.query("organization headquartered_in place within Liaoning", evidence: false)
        #expect(QueryTestSupport.pairs(hq).contains("Siasun Robot & Automation → Hunnan district"))
        // Region from the reference data: Europe holds every place whose region is Europe.
        let europe = try store.query("place friendship_city_of place within Europe", evidence: false)
        #expect(QueryTestSupport.pairs(europe).isSuperset(of: ["Shenyang → Belfast", "Shenyang → Irkutsk"]))
        #expect(!europe.column("object").contains(.text("Sapporo")))
        // A region known only as a column value (no sentence names Asia): the reference hierarchy.
        let asia = try store.query("organization has_joint_venture_in place within asia", evidence: false)
        #expect(QueryTestSupport.pairs(asia).contains("Leoni → Panjin"))
        // Accent- and case-insensitive place names.
        let lower = try store.query("organization in_talks_with place within liaoning", evidence: false)
        #expect(!lower.rows.isEmpty)
    }

    @Test func noEvidenceGivesOneRowPerFact() throws {
        let table = try QueryTestSupport.store().query("place friendship_city_of place[country=Japan]", evidence: false)
        #expect(!table.columns.contains("sentence") && table.columns.contains("evidence"))
        #expect(Set(table.column("fact_id").map(\.description)).count == table.rows.count)
    }

    @Test func compiledSQLIsOneStatementWithBoundParameters() throws {
        let compiled = try QueryTestSupport.store().compile("organization[region=Europe] has_joint_venture_in place within Liaoning")
        #expect(compiled.sql.hasPrefix("WITH RECURSIVE inside(id) AS ("))
        #expect(compiled.sql.contains("subject.region = :subject_region COLLATE NOCASE"))
        #expect(!compiled.sql.contains("Europe") && !compiled.sql.contains("Liaoning"))
        #expect(compiled.parameters.map(\.name) == ["within", "predicate", "subject_type", "subject_region", "object_type"])
        #expect(compiled.parameters.first?.value == #"["Liaoning"]"#)
        #expect(compiled.annotatedSQL.hasSuffix("-- :subject_region = 'Europe'\n-- :object_type = 'place'\n"))
    }

    @Test func unknownWithinPlaceIsAnError() throws {
        #expect(throws: GazetteError.unknownEntity(name: "Atlantis", suggestions: [])) {
            _ = try QueryTestSupport.store().query("organization in_talks_with place within Atlantis")
        }
    }

    @Test(arguments: [
        #"organization[name="x' OR '1'='1"] has_joint_venture_in place"#,
        #"organization[name="Leoni'); DROP TABLE entity; --"] has_joint_venture_in place"#,
        "organization[country=%] has_joint_venture_in place",
        "organization[name=_eoni] has_joint_venture_in place",
        "organization[name=Leo\u{0}ni] has_joint_venture_in place",
        "organization[region=Europe;DELETE FROM relationship] has_joint_venture_in place",
    ])
    func valuesAreBoundNotInterpolated(pattern: String) throws {
        let store = try QueryTestSupport.store()
        let before = try store.counts()
        let compiled = try store.compile(pattern)
        #expect(!compiled.sql.contains("DROP") && !compiled.sql.contains("DELETE") && !compiled.sql.contains("%"))
        #expect(try store.run(compiled).rows.isEmpty)
        #expect(try store.counts() == before)
    }

    @Test func hostileNamesElsewhereAreBound() throws {
        let store = try QueryTestSupport.store()
        let before = try store.counts()
        for name in ["x' OR '1'='1", "Panjin'; DROP TABLE entity; --", "%", "Pan\u{0}jin"] {
            #expect(throws: GazetteError.self) { _ = try store.query("organization in_talks_with place within \"\(name)\"") }
            #expect(throws: GazetteError.self) { _ = try store.facts(entity: name) }
            #expect(try store.jointVentures(country: name).rows.isEmpty)
            #expect(try store.entities(country: name).rows.isEmpty)
            #expect(throws: GazetteError.self) { _ = try store.ask(name: name) }
            #expect(try store.ask(name: "friendship_cities", parameters: ["city": name]).rows.isEmpty)
        }
        #expect(try store.counts() == before)
    }
}
