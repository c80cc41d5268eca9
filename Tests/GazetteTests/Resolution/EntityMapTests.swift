import Testing
@testable import Gazette

/// ``ResolvedMentions/byKey`` shares the entities array as its map's storage
/// (``WordMap/init(sharing:keyedBy:)``): the map answers as one filled entity by entity with
/// `insertIfAbsent`, for the entities of every test text and for a list that repeats keys.
@Suite struct EntityMapTests {
    static func sameMaps(_ entities: [ResolvedEntity]) -> Bool {
        var plain = WordMap<ResolvedEntity>(minimumCapacity: entities.count)
        for entity in entities { plain.insertIfAbsent(entity.key, entity) }
        let shared = WordMap(sharing: entities) { entities[$0].key }
        return shared.count == plain.count && shared.keys == plain.keys && shared.values == plain.values
            && entities.allSatisfy { shared[$0.key] == plain[$0.key] }
    }

    @Test func sharedMapAnswersAsOneFilledByEntity() throws {
        let pipeline = TestSupport.makePipeline()
        var entities = 0
        for text in TestSupport.corpusTexts() {
            let doc = try pipeline.extract(TestSupport.source(text))
            #expect(Self.sameMaps(doc.entities))
            entities += doc.entities.count
        }
        #expect(entities > 300)
    }

    @Test func repeatedKeysKeepTheFirst() {
        let entities = [
            ResolvedEntity(key: "place:shenyang", name: "Shenyang", type: .place),
            ResolvedEntity(key: "organization:leoni", name: "Leoni", type: .organization),
            ResolvedEntity(key: "place:shenyang", name: "Shenyang City", type: .place),
        ]
        #expect(Self.sameMaps(entities))
        #expect(WordMap(sharing: entities) { entities[$0].key }["place:shenyang"]?.name == "Shenyang")
        #expect(Self.sameMaps([]))
    }
}
