/// Splits normalized text into sentences with exact offsets.
///
/// Every line break ends a sentence (after normalization a line is a paragraph, heading or
/// bullet). Inside a line, `.`, `!`, `?` and `…` end one when a space and a capital, digit or
/// opening quote follow, unless the word before is an abbreviation of the language ("Nov.",
/// "Mr.", "z. B."), an initial, or a German ordinal ("vom 11. bis 13. Oktober").
///
/// For example:
///
/// ```swift
/// splitter.sentences(in: "Mr. Link visited Panjin. It is a port.", language: .en).map(\.text)
/// // ["Mr. Link visited Panjin.", "It is a port."]
/// ```
public struct SentenceSplitter: Sendable {
    let abbreviations: [Language: [String: Bool]]
    /// The longest abbreviation key of each language, in bytes: an ASCII word longer than that
    /// is no abbreviation, alone or in a pair (see ``isAbbreviation(_:before:from:_:)``).
    let longestAbbreviation: [Language: Int]
    let ordinalDigits: [Language: Int]
    /// Words that continue a company name after a `final` abbreviation ("GmbH & Co. KG").
    let continuations: [Language: WordSet]

    public init(rules: NormalizationRules) {
        abbreviations = rules.abbreviations
        longestAbbreviation = rules.abbreviations.mapValues { table in table.keys.map(\.utf8.count).max() ?? 0 }
        ordinalDigits = rules.ordinalPeriodDigits
        continuations = rules.nameContinuations
    }

    static let bullets: Set<Unicode.Scalar> = ["•", "·", "▪", "◦", "‣", "*", "-", "–", "—", "●", "■", "○"]
    static let closers: Set<Unicode.Scalar> = ["\"", "'", "”", "’", "»", "«", ")", "]"]
    static let openers: Set<Unicode.Scalar> = ["\"", "'", "“", "‘", "„", "«", "»", "(", "["]

    public func sentences(in text: String, language: Language) -> [Sentence] {
        var text = text
        text.makeContiguousUTF8()
        let s = [Unicode.Scalar](scalarsOf: text)
        var result: [Sentence] = []
        var texts = SentenceTexts(text: text, scalarCount: s.count)
        var lineStart = 0
        while lineStart <= s.count {
            var lineEnd = lineStart
            while lineEnd < s.count, s[lineEnd] != "\n" { lineEnd += 1 }
            split(s, lineStart, lineEnd, language, &texts, into: &result)
            lineStart = lineEnd + 1
        }
        return result
    }

    func split(_ s: [Unicode.Scalar], _ from: Int, _ to: Int, _ language: Language, _ texts: inout SentenceTexts,
               into result: inout [Sentence]) {
        var start = from
        // A bullet marker is layout, not part of the sentence.
        start = skipSpaces(s, start, to)
        if start < to, SentenceSplitter.bullets.contains(s[start]), start + 1 < to, s[start + 1] == " " {
            start = skipSpaces(s, start + 1, to)
        }
        var i = start
        while i < to {
            let c = s[i]
            if c == "." || c == "!" || c == "?" || c == "…" {
                var end = i + 1
                while end < to, s[end] == "." || s[end] == "!" || s[end] == "?" { end += 1 }
                while end < to, SentenceSplitter.closers.contains(s[end]) { end += 1 }
                if end < to, s[end] == " ", startsSentence(s, skipSpaces(s, end, to), to),
                   c != "." || !isAbbreviation(s, before: i, from: start, language) {
                    emit(s, start, end, &texts, &result)
                    start = skipSpaces(s, end, to)
                    i = start
                    continue
                }
                i = end
                continue
            }
            i += 1
        }
        emit(s, start, to, &texts, &result)
    }

    func startsSentence(_ s: [Unicode.Scalar], _ i: Int, _ to: Int) -> Bool {
        guard i < to else { return false }
        let c = s[i]
        return ScalarClass.isUppercase(c) || ("0"..."9").contains(c) || SentenceSplitter.openers.contains(c)
            || SentenceSplitter.bullets.contains(c)
    }

    /// True when the word ending at the period at `dot` keeps the sentence going.
    func isAbbreviation(_ s: [Unicode.Scalar], before dot: Int, from: Int, _ language: Language) -> Bool {
        var b = dot
        while b > from, !ScalarClass.isWhitespace(s[b - 1]), s[b - 1] != "(" { b -= 1 }
        let word = s[b..<dot]
        if word.isEmpty { return false }
        // A single capital letter is an initial (J. Smith); a digit run may be a German ordinal.
        if word.count == 1, let only = word.first, ScalarClass.isUppercase(only) { return true }
        if word.allSatisfy({ ("0"..."9").contains($0) }) {
            return word.count <= (ordinalDigits[language] ?? 0)
        }
        // Most sentences end in an ordinary word. An ASCII word folds to as many bytes, and every
        // key tried below holds it whole, so one longer than the longest abbreviation is none:
        // building and folding its strings for the look-ups cost 4,500 instructions a period.
        if word.count > longestAbbreviation[language] ?? 0, word.allSatisfy(\.isASCII) { return false }
        let key = Folding.key(String(scalars: word))
        // The language's tables once: each dictionary look-up hashed the language.
        let abbreviations = abbreviations[language]
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
            if continuations[language]?.contains(Folding.key(String(scalars: s[(dot + 2)..<e]))) == true {
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

    func emit(_ s: [Unicode.Scalar], _ start: Int, _ end: Int, _ texts: inout SentenceTexts, _ result: inout [Sentence]) {
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
struct SentenceTexts {
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
        while scalar < offset {
            let v = s[scalar].value
            byte += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
            scalar += 1
        }
        return byte
    }
}
