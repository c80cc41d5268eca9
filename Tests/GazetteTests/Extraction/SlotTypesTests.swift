import Testing
@testable import Gazette

/// A slot's type test, compiled to a bit per type and subtypes by type, accepts exactly the
/// mentions its `types` and `type.subtype` names describe, for every slot of the shipped patterns.
@Suite struct SlotTypesTests {
    @Test func acceptsWhatItsNamesDescribe() throws {
        #expect(EntityType.allCases.enumerated().allSatisfy { $0.offset == $0.element.ordinal })
        let subtypes: [String?] = [nil, "city", "country", "province", "region", "district", "company", "port", "mayor", "zone"]
        var slots = 0
        for rules in TestSupport.ruleSet.relations.values {
            for pattern in rules.patterns {
                for case .slot(_, let types, _) in pattern.elements {
                    slots += 1
                    for type in EntityType.allCases {
                        for subtype in subtypes {
                            let mention = Mention(sentence: 0, start: 0, end: 1, text: "X", type: type, subtype: subtype, rule: "test")
                            let described = types.types.contains(type)
                                || subtype.map { types.subtypes.contains("\(type.rawValue).\($0)") } == true
                            #expect(types.accepts(mention) == described, "\(pattern.id) \(type) \(subtype ?? "-")")
                        }
                    }
                }
            }
        }
        #expect(slots > 50)
    }

    /// The matcher's form of each slot's test (a bit per type, subtypes behind one reference, or
    /// as bits of the language's subtype numbers) answers as the slot's types do, for every slot
    /// of the shipped patterns.
    @Test func matcherAcceptsWhatTheTypesAccept() throws {
        let subtypes: [String?] = [nil, "city", "country", "province", "region", "district", "company", "research", "port", "zone"]
        var mentions: [Mention] = []
        for type in EntityType.allCases {
            for subtype in subtypes {
                mentions.append(Mention(sentence: 0, start: 0, end: 1, text: "X", type: type, subtype: subtype, rule: "test",
                                        entityKey: "x"))
            }
        }
        var slots = 0, numbered = 0
        for rules in TestSupport.ruleSet.relations.values {
            // By the subtypes' names (a matcher without the language's numbers), and by their bits.
            let byName = SentenceMatcher(anaphora: [:], entities: [:])
            byName.load(tokens: [], mentions: mentions, topic: nil)
            let byBit = SentenceMatcher(anaphora: [:], entities: [:], subtypeNumbers: rules.subtypeNumbers)
            byBit.load(tokens: [], mentions: mentions, topic: nil)
            for pattern in rules.patterns {
                let program = pattern.program
                if program.subtypeNumbers != nil, program.subtypeNumbers === rules.subtypeNumbers { numbered += 1 }
                for slot in program.slotTypes.indices {
                    slots += 1
                    for k in mentions.indices {
                        for matcher in [byName, byBit] {
                            #expect(matcher.accepts(program, slot, k) == program.slotTypes[slot].accepts(mentions[k]),
                                    "\(pattern.id) \(mentions[k].type) \(mentions[k].subtype ?? "-")")
                        }
                    }
                }
            }
        }
        #expect(slots > 50)
        #expect(numbered > 50)
    }
}
