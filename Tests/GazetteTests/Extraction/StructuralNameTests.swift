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
}
