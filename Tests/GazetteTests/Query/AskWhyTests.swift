import Foundation
import Testing
@testable import Gazette

/// Canned questions (`queries`), `why`, and the self-describing tables of migration 0003.
@Suite struct AskWhyTests {
    @Test func cannedQuestionsAreStoredWithParameters() throws {
        let queries = try QueryTestSupport.store().cannedQueries()
        #expect(queries.map(\.name) == ["entity_facts", "events_of_year", "friendship_cities", "in_talks_with_place",
                                        "joint_ventures_by_region", "positions"])
        let jv = try #require(queries.first { $0.name == "joint_ventures_by_region" })
        #expect(jv.parameters.map(\.name) == ["region"] && jv.parameters.first?.default == "Europe")
    }

    @Test func headlineQuestionByDefault() throws {
        let table = try QueryTestSupport.store().ask(name: "joint_ventures_by_region")
        #expect(Set(zip(table.column("firm"), table.column("place")).map { "\($0.0) → \($0.1)" })
                == ["Clariant → Panjin", "Dynasol → Panjin", "Leoni → Panjin"])
        #expect(try QueryTestSupport.store().ask(name: "joint_ventures_by_region", parameters: ["region": "Oceania"]).rows.isEmpty)
    }

    @Test func otherQuestions() throws {
        let store = try QueryTestSupport.store()
        #expect(try store.ask(name: "in_talks_with_place", parameters: ["place": "Panjin"]).column("party").contains(.text("BASF")))
        let positions = try store.ask(name: "positions")
        #expect(zip(positions.column("person"), positions.column("role")).contains { $0 == .text("Sören Link") && $1 == .text("mayor") })
        let twins = try store.ask(name: "friendship_cities", parameters: ["city": "Sapporo"])
        #expect(twins.column("partner").contains(.text("Shenyang")))
        let year = try store.ask(name: "events_of_year", parameters: ["year": "2017"])
        #expect(!year.rows.isEmpty && year.column("date_start").allSatisfy { $0.description.hasPrefix("2017") })
    }

    @Test func unknownQuestionOrParameterIsAnError() throws {
        let store = try QueryTestSupport.store()
        #expect(throws: GazetteError.invalidArgument(
            "no question named 'jvs'; known: entity_facts, events_of_year, friendship_cities, in_talks_with_place, joint_ventures_by_region, positions (see `gazette ask --list`)")) {
            _ = try store.ask(name: "jvs")
        }
        #expect(throws: GazetteError.invalidArgument("'positions' has no parameter 'city'; it takes person")) {
            _ = try store.ask(name: "positions", parameters: ["city": "x"])
        }
    }

    @Test func whyMarksTheMatchAndNamesSources() throws {
        let table = try QueryTestSupport.store().why(subject: "Leoni Group", predicate: .hasJointVentureIn, object: "Panjin")
        let sentence = try #require(table.column("sentence").first).description
        #expect(sentence.contains("[") && sentence.contains("]"))
        #expect(sentence.replacingOccurrences(of: "[", with: "").replacingOccurrences(of: "]", with: "")
                    .contains("Leoni Group, Clariant and Dynasol have established joint ventures there"))
        #expect(table.column("rule").first?.description.hasPrefix("en/relations.tsv#") == true)
        #expect(table.column("subject_country") == [.text("Germany")])
        #expect(table.column("subject_country_source") == [.text("reference data (org:Leoni)")])
        #expect(table.column("object_country_source").first?.description.hasPrefix("reference data (geonames:") == true)
    }

    @Test func whySymmetricEitherWayAndByID() throws {
        let store = try QueryTestSupport.store()
        let reversed = try store.why(subject: "Sapporo", predicate: .friendshipCityOf, object: "Shenyang")
        #expect(!reversed.rows.isEmpty)
        guard case .integer(let id)? = reversed.column("fact_id").first else { Issue.record("no fact id"); return }
        #expect(try store.why(factID: id).rows.count == reversed.rows.count)
        #expect(throws: GazetteError.self) { _ = try store.why(subject: "Sapporo", predicate: .hasJointVentureIn, object: "Shenyang") }
        #expect(throws: GazetteError.invalidArgument("no fact with id 999999; list them with `gazette facts`")) {
            _ = try store.why(factID: 999_999)
        }
    }

    @Test func everyPublicViewColumnIsDocumented() throws {
        let store = try QueryTestSupport.store()
        for view in ["documents", "entity_summary", "facts", "timeline", "joint_ventures", "queries", "schema_doc", "meta"] {
            let columns = try TestSupport.strings(store, "SELECT name FROM pragma_table_info(?)", [view])
            let documented = try TestSupport.strings(store, "SELECT column_name FROM schema_doc WHERE object = ? AND column_name <> ''", [view])
            #expect(!columns.isEmpty && Set(columns) == Set(documented), "\(view)")
            #expect(try TestSupport.integer(store, "SELECT count(*) FROM schema_doc WHERE object = ? AND column_name = ''", [view]) == 1)
        }
    }

    @Test func metaNamesVersionsAndAttribution() throws {
        let store = try QueryTestSupport.store()
        #expect(try TestSupport.strings(store, "SELECT value FROM meta WHERE key = 'schema_version'") == [Store.schemaVersion])
        #expect(try TestSupport.strings(store, "SELECT value FROM meta WHERE key = 'tool_version'") == [Store.toolVersion])
        #expect(try TestSupport.strings(store, "SELECT value FROM meta WHERE key = 'reference_attribution'")
                    .first?.contains("GeoNames data (geonames.org), CC BY 4.0") == true)
    }

    @Test func datasetteMetadataDescribesViewsAndCannedQueries() throws {
        let json = try QueryTestSupport.store().datasetteMetadata(databaseName: "news")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let database = try #require((root["databases"] as? [String: Any])?["news"] as? [String: Any])
        let tables = try #require(database["tables"] as? [String: Any])
        let facts = try #require(tables["facts"] as? [String: Any])
        #expect(facts["facets"] as? [String] == ["predicate", "subject_type", "object_type"])
        #expect((facts["columns"] as? [String: String])?["predicate"]?.contains("has_joint_venture_in") == true)
        #expect((tables["entity_summary"] as? [String: Any])?["facets"] as? [String] == ["type", "country", "region"])
        let queries = try #require(database["queries"] as? [String: Any])
        let jv = try #require(queries["joint_ventures_by_region"] as? [String: Any])
        #expect(jv["params"] as? [String] == ["region"])
        #expect((jv["sql"] as? String)?.contains(":region") == true)
    }
}
