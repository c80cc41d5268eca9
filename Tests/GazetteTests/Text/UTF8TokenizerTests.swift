import Foundation
import Testing
@testable import Gazette

/// A sentence with scalars outside ASCII is tokenized with its tokens' texts copied from its
/// UTF-8 bytes (``UTF8SentenceScalars``); the general path over a decoded scalar array must give
/// exactly the same tokens (text, key, key hash, offsets, shape) on every sentence.
@Suite struct UTF8TokenizerTests {
    /// Every file, the JSON Lines articles too: escapes and quotes as they come.
    static let texts = TestSupport.corpusTexts(where: { !$0.hasDirectoryPath })

    static let hardCases = [
        "“Quoted” ‘single’ `back` – dash — em-dash ‐ hyphen ‑ nb-hyphen",
        "Müller’s Köln-Ehrenfeld GmbH & Co. KG’s U.S. S.p.A. 4.0 R&D „Zitat“ Wirtschafts- und Handelsdelegation",
        "e\u{301}cole naïve–coöperation Straße ÆRØSKØBING Ǆemal İstanbul ﬁrm Ω-Werk Å\u{30A}",
        "Emoji 👍🏽 and 🇨🇳 flags, 中国 Shěnyáng 3,5 Mio. € … «Guillemets» Kraków–Łódź ’S ‘s",
        "ÜBER DEN WOLKEN Zhōngguó‐Börse 1.000,5 t‑Shirt x\u{308}-y  a\u{0}b\tc",
        "é", "’s", "a’s", "👍", "Ä. Ö.", "ß-", "-ü", "ü--", "…...",
        // Words around the eight-byte steps of the word scan, with letters past ASCII inside.
        "Größenordnung Straßenbahnhaltestelle abcdefgü abcdefghü ü1234567 ü12345678x Zürich-Oerlikon",
        "ÄÖÜäöü Übermorgen überübermorgen Ab12345678Öz Ab1234567Öz ab–cdefghij abcdefgh“x” 12345678ß",
    ] + (0..<10).map { String(repeating: "a", count: $0) + "ü" + String(repeating: "b", count: 9 - $0) + " é" }

    @Test func utf8SentencesTokenizeAsScalars() {
        let splitter = SentenceSplitter(rules: TestSupport.normalizationRules)
        var sentences: [String] = Self.hardCases
        for text in Self.texts {
            sentences += text.split(separator: "\n").map(String.init)
            for language in Language.allCases {
                sentences += splitter.sentences(in: text, language: language).map(\.text)
            }
        }
        var nonASCII = 0
        for text in sentences {
            let sentence = Sentence(position: 0, start: 11, end: 11 + text.unicodeScalars.count, text: text)
            let general = Tokenizer.tokens(in: [Unicode.Scalar](scalarsOf: text), base: 11)
            let tokens = Tokenizer.tokens(of: sentence)
            #expect(tokens == general, "\(text)")
            // `==` on tokens compares every field; say which differs when one does.
            for (a, b) in zip(tokens, general) where a != b || a.keyHash != b.keyHash || a.shape != b.shape {
                Issue.record("\(a) vs \(b)")
            }
            if !text.utf8.allSatisfy({ $0 < 0x80 }) { nonASCII += 1 }
        }
        #expect(nonASCII > 200)
    }
}
