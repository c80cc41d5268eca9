import Testing
@testable import Gazette

/// Countries that relationships state reach entities along chains of links, fill only missing
/// countries, and leave people alone.
@Suite struct CountryFromFactsTests {
    static func fact(_ subject: String, _ predicate: RelationPredicate, _ object: String) -> Fact {
        Fact(subject: subject, predicate: predicate, object: object, sentence: 0, matchStart: 0, matchEnd: 1,
             rule: "test", rulePrecision: 1)
    }

    @Test func countriesFollowLinksUpToTheCountry() {
        let entities = [
            ResolvedEntity(key: "zone:hunnan-park", name: "Hunnan Park", type: .zone),
            ResolvedEntity(key: "place:hunnan", name: "Hunnan", type: .place, subtype: "district"),
            ResolvedEntity(key: "place:shenyang", name: "Shenyang", type: .place, subtype: "city", country: "China", region: "Asia"),
            ResolvedEntity(key: "org:lindtal", name: "Lindtal AG", type: .organization, country: "Germany", countrySource: .reference),
            ResolvedEntity(key: "person:wang", name: "Wang Lei", type: .person),
            ResolvedEntity(key: "place:germany", name: "Germany", type: .place, subtype: "country"),
            ResolvedEntity(key: "org:werk", name: "Werk Eins", type: .organization),
        ]
        let facts = [
            Self.fact("zone:hunnan-park", .locatedIn, "place:hunnan"),
            Self.fact("place:hunnan", .partOf, "place:shenyang"),
            Self.fact("org:lindtal", .headquarteredIn, "place:shenyang"),     // has a country: kept
            Self.fact("person:wang", .locatedIn, "place:shenyang"),           // people are not placed
            Self.fact("org:werk", .headquarteredIn, "place:germany"),         // a country names itself
            Self.fact("org:werk", .hasJointVentureIn, "place:shenyang"),      // not a link
        ]
        let result = CountryFromFacts(reference: TestSupport.ruleSet.reference).apply(to: entities, facts: facts)
        let byKey = Dictionary(uniqueKeysWithValues: result.map { ($0.key, $0) })
        #expect(result.map(\.key) == entities.map(\.key))
        #expect(byKey["place:hunnan"]?.country == "China" && byKey["place:hunnan"]?.countrySource == .text)
        #expect(byKey["zone:hunnan-park"]?.country == "China", "two steps: zone → district → city")
        #expect(byKey["zone:hunnan-park"]?.region == "Asia")
        #expect(byKey["org:lindtal"]?.country == "Germany" && byKey["org:lindtal"]?.countrySource == .reference)
        #expect(byKey["person:wang"]?.country == nil)
        #expect(byKey["org:werk"]?.country == "Germany" && byKey["org:werk"]?.region == "Europe")
    }

    /// A country name's region from the table made at start is the region of the first country
    /// with that name, as the search through every country finds it.
    @Test func regionByNameEqualsTheSearch() {
        let reference = TestSupport.ruleSet.reference
        let countries = CountryFromFacts(reference: reference)
        #expect(reference.countries.count > 100)
        for country in reference.countries.values {
            let expected = reference.countries.values.first { $0.name == country.name }?.region
            #expect(countries.regionByCountryName[country.name] == expected, "\(country.name)")
        }
        #expect(countries.regionByCountryName["Atlantis"] == nil)
    }
}
