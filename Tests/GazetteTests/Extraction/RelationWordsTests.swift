import Foundation
import Testing
@testable import Gazette

/// `relation-words.tsv`: each language's word sets load, and a set the matcher does not know is
/// an error naming the file and line.
@Suite struct RelationWordsTests {
    @Test func eachLanguageHasItsWords() throws {
        let german = try #require(TestSupport.ruleSet.relations[.de]).words
        #expect(german.listJoiners == ["und", "sowie", "oder", "&"] && german.between == ["zwischen"])
        #expect(german.nameOf.isSuperset(of: ["der", "des", "of"]))
        let english = try #require(TestSupport.ruleSet.relations[.en]).words
        #expect(english.origins == ["from"] && english.former == ["former", "then"])
        #expect(english.clauseWords.contains("respectively") && !english.clauseWords.contains("haben"))
    }

    @Test func unknownSetNamesFileAndLine() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { TestSupport.removeTemporary(directory) }
        let en = directory.appendingPathComponent("en")
        try FileManager.default.createDirectory(at: en, withIntermediateDirectories: true)
        try Data("# set\tword\nlist-join\tand\nconjunction\tor\n".utf8).write(to: en.appendingPathComponent("relation-words.tsv"))
        let error = #expect(throws: GazetteError.self) { _ = try RelationWords(directory: directory, language: .en) }
        guard case .badRuleFile(let path, let line, let reason)? = error else { return }
        #expect(path.hasSuffix("en/relation-words.tsv") && line == 3 && reason.contains("unknown set 'conjunction'"))
    }
}

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
}
