import Testing
@testable import Gazette

/// A sentence is matched only against the patterns one of whose anchor words it has
/// (``RelationPattern/anchors(of:common:)``): the facts are those of trying every pattern in every
/// sentence, on the test texts and seeds of both languages.
@Suite struct RelationAnchorTests {
    /// The repository's relation rules with every pattern tried in every sentence.
    static func unanchored(_ rules: [Language: RelationRules]) -> [Language: RelationRules] {
        rules.mapValues { rules in
            var all = rules
            all.patternsByAnchor = [:]
            all.anchorSets = []
            all.unanchoredPatterns = Array(repeating: 0, count: rules.patternSetWords)
            for index in rules.patterns.indices { all.unanchoredPatterns[index / 64] |= 1 << UInt64(index % 64) }
            return all
        }
    }

    @Test func anchoredFactsAreThoseOfEveryPattern() throws {
        let anchored = TestSupport.makePipeline()
        var plain = TestSupport.makePipeline()
        plain.relationExtractor = RelationExtractor(rules: Self.unanchored(TestSupport.ruleSet.relations))
        var facts = 0
        for text in TestSupport.corpusTexts() {
            let source = TestSupport.source(text)
            let fast = try anchored.extract(source).facts, slow = try plain.extract(source).facts
            #expect(fast.map(String.init(describing:)) == slow.map(String.init(describing:)), "\(text.prefix(80))")
            facts += fast.count
        }
        #expect(facts > 100)
    }

    /// Anchored on a word of the element that stop words and punctuation do not make common.
    @Test func anchorsAvoidCommonWords() throws {
        let rules = try #require(TestSupport.ruleSet.relations[.en])
        func anchors(_ id: String) throws -> Set<String> {
            let pattern = try #require(rules.patterns.first { $0.id == id })
            return Set(try #require(pattern.anchors))
        }
        #expect(try anchors("talks-with").isDisjoint(with: ["in", "with", "held"]))
        #expect(try anchors("talks-with").contains("talks"))
        #expect(try anchors("capital-of") == ["capital"])
        #expect(try anchors("memorandum").contains("mou"))
        #expect(try anchors("place-in") == ["in"])
        let german = try #require(TestSupport.ruleSet.relations[.de])
        // "in" is a stop word of English only, and still common in German text.
        #expect(german.patterns.first { $0.id == "based-in" }?.anchors?.contains("in") == false)
    }
}
