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
}

