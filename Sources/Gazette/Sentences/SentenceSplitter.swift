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

    /// Bullet markers, closing marks after a sentence's end and opening marks before a sentence:
    /// tested by `switch` (a `Set`'s hashed look-up cost some 220 instructions, asked at every
    /// line start).
    static func isBullet(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "•", "·", "▪", "◦", "‣", "*", "-", "–", "—", "●", "■", "○": true
        default: false
        }
    }

    static func isCloser(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\"", "'", "”", "’", "»", "«", ")", "]": true
        default: false
        }
    }

    static func isOpener(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\"", "'", "“", "‘", "„", "«", "»", "(", "[": true
        default: false
        }
    }

    /// One language's tables, looked up once per text: each look-up in the dictionaries by
    /// language hashed the language.
    struct LanguageTables {
        let abbreviations: [String: Bool]?
        let longestAbbreviation: Int
        let ordinalDigits: Int
        let continuations: WordSet?
    }

    func tables(_ language: Language) -> LanguageTables {
        LanguageTables(abbreviations: abbreviations[language],
                       longestAbbreviation: longestAbbreviation[language] ?? 0,
                       ordinalDigits: ordinalDigits[language] ?? 0, continuations: continuations[language])
    }

    public func sentences(in text: String, language: Language) -> [Sentence] {
        var text = text
        text.makeContiguousUTF8()
        let s = [Unicode.Scalar](scalarsOf: text)
        var result: [Sentence] = []
        var texts = SentenceTexts(text: text, scalarCount: s.count)
        let tables = tables(language)
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
    func split(_ s: [Unicode.Scalar], from: Int, _ tables: LanguageTables, _ texts: inout SentenceTexts,
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
