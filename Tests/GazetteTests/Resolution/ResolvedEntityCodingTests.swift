import Foundation
import Testing
@testable import Gazette

/// `ResolvedEntity` declares `aliases` first (so that its public initializer can delegate to the
/// memberwise one); its encoded form keeps its keys and values.
@Suite struct ResolvedEntityCodingTests {
    @Test func encodedFormKeepsItsKeysAndValues() throws {
        let entity = ResolvedEntity(key: "place:shenyang", name: "Shenyang", type: .place, subtype: "city",
                                    country: "China", countrySource: .reference, region: "Asia",
                                    reference: "geonames:2034937", latitude: 41.8, longitude: 123.4,
                                    admin1: "CN.19", aliases: ["Shenyang", "Shenyangs"])
        let data = try JSONEncoder().encode(entity)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["key", "name", "type", "subtype", "country", "countrySource", "region",
                                     "reference", "latitude", "longitude", "admin1", "aliases"])
        #expect(object["key"] as? String == "place:shenyang" && object["admin1"] as? String == "CN.19")
        #expect(object["aliases"] as? [String] == ["Shenyang", "Shenyangs"])
        #expect(try JSONDecoder().decode(ResolvedEntity.self, from: data) == entity)
    }

    @Test func eventInitializerRecordsItsOwnSentenceAsEvidence() {
        let event = Event(type: .visit, dateStart: nil, place: nil, participants: [], sentence: 3, matchStart: 10,
                          matchEnd: 20, rule: "en/events#visit")
        #expect(event.evidence == [Event.Evidence(sentence: 3, matchStart: 10, matchEnd: 20, rule: "en/events#visit")])
        #expect(event.dateEnd == nil)
    }
}
