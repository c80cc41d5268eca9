import Foundation
import Testing
@testable import Gazette

/// Resolution gives each mention the position of its entity (``Mention/entityIndex``): the entity
/// there has the mention's key, in every document of the test texts, and a mention without a key
/// has none. The position is not part of a mention's encoded form.
@Suite struct MentionEntityIndexTests {
    @Test func everyMentionPointsAtTheEntityOfItsKey() throws {
        let pipeline = TestSupport.makePipeline()
        var pointed = 0
        for text in TestSupport.corpusTexts() {
            let doc = try pipeline.extract(TestSupport.source(text))
            for mention in doc.mentions {
                guard let key = mention.entityKey else {
                    #expect(mention.entityIndex == -1)
                    continue
                }
                #expect(doc.entities.indices.contains(mention.entityIndex), "\(mention.text)")
                guard doc.entities.indices.contains(mention.entityIndex) else { continue }
                #expect(doc.entities[mention.entityIndex].key == key, "\(mention.text)")
                pointed += 1
            }
        }
        #expect(pointed > 500)
    }

    @Test func theIndexIsNotEncoded() throws {
        var mention = Mention(sentence: 0, start: 0, end: 5, text: "Panjin", type: .place, rule: "test")
        mention.entityIndex = 3
        let json = try #require(String(data: try JSONEncoder().encode(mention), encoding: .utf8))
        #expect(!json.contains("entityIndex"))
        let decoded = try JSONDecoder().decode(Mention.self, from: Data(json.utf8))
        #expect(decoded.entityIndex == -1 && decoded.text == "Panjin")
    }
}
