import Testing
@testable import Gazette

/// `Store+Lookups` and `Store+Profile` on the seeds' database: entities, facts, jv, timeline, show.
@Suite struct LookupsTests {
    @Test func entitiesByTypeAndCountryName() throws {
        let store = try QueryTestSupport.store()
        let german = try store.entities(type: .organization, country: "Deutschland")
        let names = german.column("name").map(\.description)
        #expect(names.contains("Leoni") && names.contains("BASF"))
        #expect(german.column("country").allSatisfy { $0 == .text("Germany") })
        #expect(german.column("type").allSatisfy { $0 == .text("organization") })
        #expect(german.jsonColumns.isSuperset(of: ["aliases", "documents"]))
        let european = try store.entities(country: "Europe")
        #expect(european.column("name").contains(.text("Clariant")))
    }

    @Test func factsByPredicateAndEntity() throws {
        let store = try QueryTestSupport.store()
        let jv = try store.facts(predicate: .hasJointVentureIn)
        #expect(QueryTestSupport.pairs(jv).isSuperset(of: ["Leoni → Panjin", "Clariant → Panjin", "Dynasol → Panjin"]))
        let link = try store.facts(entity: "soren link")   // accents and case folded
        #expect(link.column("predicate").contains(.text("holds_position")))
        #expect(link.column("attributes").contains(.text(#"{"role":"mayor"}"#)))
        let talks = try store.facts(predicate: .inTalksWith, entity: "BASF")
        #expect(QueryTestSupport.pairs(talks) == ["Panjin → BASF"])
    }

    @Test func unknownEntitySuggestsNames() throws {
        let error = #expect(throws: GazetteError.self) { _ = try QueryTestSupport.store().facts(entity: "Panj") }
        guard case .unknownEntity(let name, let suggestions)? = error else { return }
        #expect(name == "Panj" && suggestions.contains("Panjin"))
        #expect(error?.description.hasPrefix("no entity named 'Panj'; did you mean 'Panjin'") == true)
    }

    @Test func jointVenturesByRegionCountryAndPlaceWithin() throws {
        let store = try QueryTestSupport.store()
        let europe = try store.jointVentures(region: "europe")
        #expect(Set(europe.column("firm").map(\.description)).isSuperset(of: ["Leoni", "Clariant", "Dynasol"]))
        #expect(europe.columns == ["firm", "firm_country", "firm_region", "place", "place_country", "document", "sentence"])
        let liaoning = try store.jointVentures(region: "Europe", place: "Liaoning")
        #expect(Set(liaoning.column("place").map(\.description)) == ["Panjin"])
        #expect(try store.jointVentures(country: "Germany").column("firm").allSatisfy { $0 == .text("Leoni") })
        #expect(try store.jointVentures(region: "Asia", place: "Panjin").column("firm_region").allSatisfy { $0 == .text("Asia") })
        #expect(try store.jointVentures(place: "Shenyang").column("place").allSatisfy { $0 != .text("Panjin") })
    }

    @Test func timelineIsOldestFirstAndFiltered() throws {
        let store = try QueryTestSupport.store()
        let all = try store.timeline()
        let dates = all.column("date_start").compactMap { value -> String? in
            if case .text(let s) = value { return s }
            return nil
        }
        #expect(!dates.isEmpty && dates == dates.sorted())
        let panjin = try store.timeline(entity: "Panjin", from: "2017", to: "2017")
        #expect(!panjin.rows.isEmpty)
        #expect(panjin.column("date_start").allSatisfy { $0.description.hasPrefix("2017") })
        let visits = try store.timeline(type: .visit)
        #expect(visits.column("event_type").allSatisfy { $0 == .text("visit") })
        #expect(throws: GazetteError.invalidArgument("--from '17.10.2017' is not a date; use 2019, 2019-10 or 2019-10-31")) {
            _ = try store.timeline(from: "17.10.2017")
        }
    }

    @Test func profileOfAPerson() throws {
        let profile = try QueryTestSupport.store().profile(name: "SOREN LINK")
        #expect(profile.entity.name == "Sören Link" && profile.entity.type == "person")
        #expect(profile.summary.rows.count == 1)
        #expect(profile.summary.column("aliases").first?.description.contains("Mayor Link") == true)
        #expect(profile.mentions.rows.count >= 2)
        #expect(profile.mentions.column("sentence").allSatisfy { $0.description.contains("Link") })
        #expect(profile.facts.column("object").contains(.text("Duisburg")))
    }

    @Test func profileOfAPlaceHasCountrySourceAndEvents() throws {
        let profile = try QueryTestSupport.store().profile(name: "panjin")
        #expect(profile.summary.column("country") == [.text("China")])
        #expect(profile.summary.column("country_source") == [.text("reference")])
        #expect(profile.summary.column("region") == [.text("Asia")])
        #expect(profile.facts.column("predicate").contains(.text("in_talks_with")))
        #expect(!profile.events.rows.isEmpty)
    }

    @Test func keysResolveAndAmbiguityListsKeys() throws {
        let store = try QueryTestSupport.store()
        let byKey = try store.entity(named: "person:soren link")
        #expect(byKey.name == "Sören Link")
        let error = GazetteError.ambiguousEntity(name: "X", candidates: ["a  —  X (place)", "b  —  X (organization)"])
        #expect(error.description == "'X' names 2 entities; pass the key of one instead:\n  a  —  X (place)\n  b  —  X (organization)")
    }
}
