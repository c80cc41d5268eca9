import Foundation
import Testing
@testable import Gazette

/// The sentence splitter reads the text's UTF-8 bytes in place and counts scalar offsets only for
/// the sentences it emits. ``ScalarSentenceSplitter`` is the splitter as it was before, over a
/// decoded array of scalars: both must give the same sentences (text and scalar offsets) on every
/// text of the genre, in both languages, and on hard cases around the terminators.
@Suite struct ByteSplitterTests {
    static let hardCases = [
        "Mr. Link visited Panjin. It is a port… Really… “Yes.” ‘No.’ «Oui.» (Ja.) [Nein.] Done.\nNext line. z. B. Ä. Ö. Über. ÄB. Co. KG",
        "• Bullet one. ▪ not a bullet\n– Dash item… Ende.\n* star\n· dot item. 11. Oktober. Am 3. März 2023 — „Zitat.“ Danach.",
        "Zhōngguó Shěnyáng. Kraków–Łódź! 中国. 👍🏽 Emoji? 🇨🇳 Flag. e\u{301}cole. Naïve. Straße. ÆRØ. …... ?! !? Ende…",
        "   leading spaces. trailing spaces.   \n\n\n  \n…\n.\n“\n• \n•x. Y.", "é", "…", ".", "", "A. B. C.", "u. a. Deutschland. z. B. Österreich.",
        "Prof. Dr. Müller. GmbH & Co. KG hat. Nr. 5. Ltd. The. Mio. Euro. ca. 5. bzw. Äpfel.",
    ]

    @Test func bytesSplitAsScalars() {
        let splitter = SentenceSplitter(rules: TestSupport.normalizationRules)
        let normalizer = TextNormalizer(rules: TestSupport.normalizationRules)
        let reference = ScalarSentenceSplitter(splitter: splitter)
        let texts = TestSupport.corpusTexts(where: { !$0.hasDirectoryPath })
        var sentences = 0
        var nonASCII = 0
        for text in Self.hardCases + texts + texts.map(normalizer.normalize) {
            for language in Language.allCases {
                let found = splitter.sentences(in: text, language: language)
                let expected = reference.sentences(in: text, language: language)
                #expect(found == expected, "\(language): \(text.prefix(80))")
                sentences += found.count
            }
            if !text.utf8.allSatisfy({ $0 < 0x80 }) { nonASCII += 1 }
        }
        #expect(sentences > 1000)
        #expect(nonASCII > 30)
    }
}

/// The sentence splitter of session 13, over `[Unicode.Scalar]`: the plain path the byte splitter
/// is compared with.
struct ScalarSentenceSplitter {
    let splitter: SentenceSplitter
    typealias LanguageTables = SentenceSplitter.LanguageTables

    public func sentences(in text: String, language: Language) -> [Sentence] {
        var text = text
        text.makeContiguousUTF8()
        let s = [Unicode.Scalar](scalarsOf: text)
        var result: [Sentence] = []
        var texts = ScalarSentenceTexts(text: text, scalarCount: s.count)
        let tables = splitter.tables(language)
        var lineStart = 0
        while lineStart <= s.count {
            // `split` finds where its line ends as it reads it: a pass of its own to find each
            // line break cost five instructions a scalar.
            let lineEnd = split(s, from: lineStart, tables, &texts, into: &result)
            lineStart = lineEnd + 1
        }
        return result
    }

    /// Splits the line that starts at `from` and ends before the next line break (or the end of
    /// `s`) into sentences; returns where it ends.
    func split(_ s: [Unicode.Scalar], from: Int, _ tables: LanguageTables, _ texts: inout ScalarSentenceTexts,
               into result: inout [Sentence]) -> Int {
        // Every look-ahead below stops at a line break as it would at the line's end: a break is
        // no terminator, closer, space, capital, digit, opener or bullet.
        let n = s.count
        var start = from
        // A bullet marker is layout, not part of the sentence.
        start = skipSpaces(s, start, n)
        if start < n, SentenceSplitter.isBullet(s[start]), start + 1 < n, s[start + 1] == " " {
            start = skipSpaces(s, start + 1, n)
        }
        var i = start
        while i < n {
            let c = s[i]
            if c == "\n" { break }
            if c == "." || c == "!" || c == "?" || c == "…" {
                var end = i + 1
                while end < n, s[end] == "." || s[end] == "!" || s[end] == "?" { end += 1 }
                while end < n, SentenceSplitter.isCloser(s[end]) { end += 1 }
                if end < n, s[end] == " ", startsSentence(s, skipSpaces(s, end, n), n),
                   c != "." || !isAbbreviation(s, before: i, from: start, tables) {
                    emit(s, start, end, &texts, &result)
                    start = skipSpaces(s, end, n)
                    i = start
                    continue
                }
                i = end
                continue
            }
            i += 1
        }
        emit(s, start, i, &texts, &result)
        return i
    }

    func startsSentence(_ s: [Unicode.Scalar], _ i: Int, _ to: Int) -> Bool {
        guard i < to else { return false }
        let c = s[i]
        return ScalarClass.isUppercase(c) || ("0"..."9").contains(c) || SentenceSplitter.isOpener(c)
            || SentenceSplitter.isBullet(c)
    }

    /// True when the word ending at the period at `dot` keeps the sentence going.
    func isAbbreviation(_ s: [Unicode.Scalar], before dot: Int, from: Int, _ tables: LanguageTables) -> Bool {
        var b = dot
        while b > from, !ScalarClass.isWhitespace(s[b - 1]), s[b - 1] != "(" { b -= 1 }
        let word = s[b..<dot]
        if word.isEmpty { return false }
        // A single capital letter is an initial (J. Smith); a digit run may be a German ordinal.
        if word.count == 1, let only = word.first, ScalarClass.isUppercase(only) { return true }
        if word.allSatisfy({ ("0"..."9").contains($0) }) {
            return word.count <= tables.ordinalDigits
        }
        // Most sentences end in an ordinary word. An ASCII word folds to as many bytes, and every
        // key tried below holds it whole, so one longer than the longest abbreviation is none:
        // building and folding its strings for the look-ups cost 4,500 instructions a period.
        if word.count > tables.longestAbbreviation, word.allSatisfy(\.isASCII) { return false }
        let key = Folding.key(String(scalars: word))
        let abbreviations = tables.abbreviations
        if abbreviations?[key] == false { return true }
        // The first half of a two-part abbreviation: "z." of "z. B.", "u." of "u. a.".
        if dot + 2 < s.count, s[dot + 1] == " " {
            var e = dot + 2
            while e < s.count, ScalarClass.isAlphabetic(s[e]) { e += 1 }
            if e > dot + 2, e < s.count, s[e] == "." {
                let pair = key + "." + Folding.key(String(scalars: s[(dot + 2)..<e]))
                if abbreviations?[pair] == false { return true }
            }
        }
        // A `final` abbreviation followed by a legal form continues a company name: "GmbH & Co. KG".
        if abbreviations?[key] == true, dot + 2 < s.count, s[dot + 1] == " " {
            var e = dot + 2
            while e < s.count, ScalarClass.isAlphabetic(s[e]) { e += 1 }
            if tables.continuations?.contains(Folding.key(String(scalars: s[(dot + 2)..<e]))) == true {
                return true
            }
        }
        // Two-part abbreviations written with a space: "z. B.", "u. a.".
        if b >= 2, s[b - 1] == " " {
            var a = b - 1
            while a > from, !ScalarClass.isWhitespace(s[a - 1]) { a -= 1 }
            // The space dropped before folding (folding never makes a space), not after with
            // Foundation's `replacingOccurrences`, which was most of the sentence splitter's time.
            let pair = Folding.key(String(scalars: ArraySlice(s[a..<dot].filter { $0 != " " })))
            if abbreviations?[pair] == false { return true }
        }
        return false
    }

    func skipSpaces(_ s: [Unicode.Scalar], _ i: Int, _ to: Int) -> Int {
        var i = i
        while i < to, s[i] == " " { i += 1 }
        return i
    }

    func emit(_ s: [Unicode.Scalar], _ start: Int, _ end: Int, _ texts: inout ScalarSentenceTexts, _ result: inout [Sentence]) {
        var end = end
        while end > start, s[end - 1] == " " { end -= 1 }
        guard end > start else { return }
        // A line of punctuation alone is not a sentence.
        guard s[start..<end].contains(where: ScalarClass.isWordScalar) else { return }
        result.append(Sentence(position: result.count, start: start, end: end, text: texts.text(s, start, end)))
    }
}


/// Sentence texts cut out of the document's own UTF-8 by scalar offsets. Encoding a sentence's
/// scalars again made `String` validate every byte it was given (a third of the splitter's
/// instructions); a copy of a piece of a string is known to be valid. The byte offset of a
/// scalar offset is the offset itself in ASCII text, else counted on from the last one asked
/// (sentences come in text order).
struct ScalarSentenceTexts {
    let text: String
    let ascii: Bool
    private var scalar = 0
    private var byte = 0

    init(text: String, scalarCount: Int) {
        self.text = text
        ascii = text.utf8.count == scalarCount
    }

    /// The text of scalars `start..<end` of `s`, the scalars of ``text``.
    mutating func text(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: byteOffset(s, start))
        let to = utf8.index(utf8.startIndex, offsetBy: byteOffset(s, end))
        return String(text[from..<to])
    }

    private mutating func byteOffset(_ s: [Unicode.Scalar], _ offset: Int) -> Int {
        if ascii { return offset }
        if offset < scalar { scalar = 0; byte = 0 }
        // Four scalars at a time while all four are ASCII, as nearly all are in a text with a
        // curly quote or an umlaut here and there: one test instead of four length steps.
        var k = scalar, bytes = byte
        s.withUnsafeBufferPointer { s in
            let end = min(offset, s.count)
            while k < end {
                if k + 4 <= end, s[k].value | s[k + 1].value | s[k + 2].value | s[k + 3].value < 0x80 {
                    k += 4
                    bytes += 4
                    continue
                }
                let v = s[k].value
                bytes += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
                k += 1
            }
        }
        scalar = k
        byte = bytes
        return byte
    }
}
