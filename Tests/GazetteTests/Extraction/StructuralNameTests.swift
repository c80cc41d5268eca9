import Foundation
import Testing
@testable import Gazette

/// The structural rules' byte split of a name (``RelationExtractor/nameWords(_:)``) gives the
/// words the plain split gives (`splitASCII(whereSeparator:).map(String.init)`), on every line of
/// the test texts and seeds, on pieces of them, and on names with brackets and letters past ASCII.
@Suite struct StructuralNameTests {
    static let names: [String] = {
        let texts = TestSupport.corpusTexts()
        let lines = texts.flatMap { $0.split(separator: "\n").map(String.init) }
        // Name-sized pieces: runs of up to six words of each line, brackets kept.
        let pieces = lines.flatMap { line -> [String] in
            let words = line.split(separator: " ", omittingEmptySubsequences: false)
            return stride(from: 0, to: words.count, by: 3).map { words[$0..<min(words.count, $0 + 6)].joined(separator: " ") }
        }
        return lines + pieces + [
            "", " ", "()", "  (( ))  ", "China Railway Express (Shenyang) Hub", "Publicity Office of Panjin Municipal Government",
            "Łódź Special Economic Zone", "Zhōngguó (Běijīng)  Port", "(Wien)", "Graz ", " Linz", "A(B)C D",
        ]
    }()

    @Test func nameWordsSplitAsThePlainSplit() {
        var checked = 0
        for name in Self.names {
            let plain = name.splitASCII(whereSeparator: RelationExtractor.isNameWordSeparator).map(String.init)
            #expect(RelationExtractor.nameWords(name) == plain, "\(name)")
            checked += 1
        }
        #expect(checked > 1_000)
    }

    /// The place named inside a name, read in place from an ASCII name's bytes
    /// (``RelationExtractor/placeNamed(in:other:_:_:inPlace:)``), is the one the split words and
    /// their folded keys find: for every mention of the test texts and seeds, and for every name
    /// piece above, against each document's places.
    @Test func placeNamedInPlaceAsTheSplitWords() throws {
        let pipeline = TestSupport.makePipeline()
        var compared = 0, found = 0
        for text in TestSupport.corpusTexts() {
            let source = TestSupport.source(text)
            let doc = try pipeline.extract(source)
            let entities = ResolvedMentions(mentions: doc.mentions, entities: doc.entities).byKey
            var fast = NameTables(doc.entities), plain = NameTables(doc.entities)
            let names = doc.mentions.map(\.name) + doc.entities.map(\.name) + Self.names.prefix(400)
            for name in names {
                for other in ["", doc.entities.first?.key ?? ""] {
                    let a = RelationExtractor.placeNamed(in: name, other: other, entities, &fast)
                    let b = RelationExtractor.placeNamed(in: name, other: other, entities, &plain, inPlace: false)
                    #expect(a == b, "\(name)")
                    compared += 1
                    if a != nil { found += 1 }
                }
            }
        }
        #expect(compared > 1_000 && found > 10)
    }

    /// The structural facts of each sentence are the same with the mentions ruled out by their
    /// keys' lengths (``RelationExtractor/structuralKeyLengths(_:)``) as with every mention looked
    /// up, on the test texts and seeds.
    @Test func keyLengthsRuleOutNoStructuralFact() throws {
        let pipeline = TestSupport.makePipeline()
        let extractor = RelationExtractor(rules: [:])
        var facts = 0
        for text in TestSupport.corpusTexts() {
            let doc = try pipeline.extract(TestSupport.source(text))
            let language = doc.metadata.language
            let words = try #require(TestSupport.ruleSet.relations[language]).words
            let resolved = ResolvedMentions(mentions: doc.mentions, entities: doc.entities)
            let entities = resolved.byKey, bySentence = resolved.bySentence(doc.sentences.count)
            let lengths = RelationExtractor.structuralKeyLengths(doc.entities)
            var fastNames = NameTables(doc.entities), plainNames = NameTables(doc.entities)
            for sentence in doc.sentences {
                var fast: [Fact] = [], plain: [Fact] = []
                extractor.structuralFacts(bySentence[sentence.position], sentence, language, words, entities, &fastNames,
                                          keyLengths: lengths, into: &fast)
                extractor.structuralFacts(bySentence[sentence.position], sentence, language, words, entities, &plainNames,
                                          into: &plain)
                #expect(fast == plain, "\(sentence.text)")
                facts += plain.count
            }
        }
        #expect(facts > 10)
    }
}
