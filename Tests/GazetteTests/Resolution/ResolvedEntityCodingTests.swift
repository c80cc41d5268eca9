import Foundation
import Testing
@testable import Gazette

/// `ResolvedEntity` declares `aliases` first (so that its public initializer can delegate to the
/// memberwise one); its encoded form keeps the keys in the order they had.
@Suite struct ResolvedEntityCodingTests {
    @Test func encodedKeysKeepTheirOrder() throws {
        let entity = ResolvedEntity(key: "place:shenyang", name: "Shenyang", type: .place, subtype: "city",
                                    country: "China", countrySource: .reference, region: "Asia",
                                    reference: "geonames:2034937", latitude: 41.8, longitude: 123.4,
                                    admin1: "CN.19", aliases: ["Shenyang", "Shenyangs"])
        let json = try #require(String(data: try JSONEncoder().encode(entity), encoding: .utf8))
        let keys = ["key", "name", "type", "subtype", "country", "countrySource", "region", "reference",
                    "latitude", "longitude", "admin1", "aliases"]
        let positions = keys.compactMap { json.range(of: "\"\($0)\":")?.lowerBound }
        #expect(positions.count == keys.count)
        #expect(positions == positions.sorted(), "\(json)")
        #expect(try JSONDecoder().decode(ResolvedEntity.self, from: Data(json.utf8)) == entity)
    }

    @Test func eventInitializerRecordsItsOwnSentenceAsEvidence() {
        let event = Event(type: .visit, dateStart: nil, place: nil, participants: [], sentence: 3, matchStart: 10,
                          matchEnd: 20, rule: "en/events#visit")
        #expect(event.evidence == [Event.Evidence(sentence: 3, matchStart: 10, matchEnd: 20, rule: "en/events#visit")])
        #expect(event.dateEnd == nil)
    }
}
