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
        let tables = tables(language)
        // The text's own bytes, read in place (contiguous now): decoding it into an array of
        // scalars first cost 10 instructions a byte, and mapping sentence ends back to bytes more.
        if let found = text.utf8.withContiguousStorageIfAvailable({ sentences(in: $0, of: text, tables) }) {
            return found
        }
        return Array(text.utf8).withUnsafeBufferPointer { sentences(in: $0, of: text, tables) }
    }

    /// The sentences of `text`, whose UTF-8 bytes are `bytes`, line by line.
    func sentences(in bytes: UnsafeBufferPointer<UInt8>, of text: String, _ tables: LanguageTables) -> [Sentence] {
        var result: [Sentence] = []
        var texts = SentenceTexts(text: text)
        var lineStart = 0
        while lineStart <= bytes.count {
            // `split` finds where its line ends as it reads it: a pass of its own to find each
            // line break cost five instructions a scalar.
            let lineEnd = split(bytes, from: lineStart, tables, &texts, into: &result)
            lineStart = lineEnd + 1
        }
        return result
    }

    /// Splits the line that starts at byte `from` and ends before the next line break (or the end
    /// of `s`) into sentences; returns where it ends. Offsets here are byte offsets, always at the
    /// start of a scalar; a sentence's scalar offsets are counted when it is emitted.
    func split(_ s: UnsafeBufferPointer<UInt8>, from: Int, _ tables: LanguageTables, _ texts: inout SentenceTexts,
               into result: inout [Sentence]) -> Int {
        // Every look-ahead below stops at a line break as it would at the line's end: a break is
        // no terminator, closer, space, capital, digit, opener or bullet.
        let n = s.count
        var start = from
        // A bullet marker is layout, not part of the sentence.
        start = skipSpaces(s, start, n)
        if start < n {
            let (c, length) = SentenceSplitter.scalar(s, at: start)
            if SentenceSplitter.isBullet(c), start + length < n, s[start + length] == 0x20 {
                start = skipSpaces(s, start + length, n)
            }
        }
        var i = start
        while true {
            // Most bytes are none of the line break and the terminators: passed over eight at a time.
            i = SentenceSplitter.nextMark(s, from: i)
            guard i < n else { break }
            let byte = s[i]
            if byte == 0x0A { break }
            var length = 1
            if byte == 0xE2 {
                // "…" is E2 80 A6; any other scalar with this lead byte is passed over.
                guard i + 2 < n, s[i + 1] == 0x80, s[i + 2] == 0xA6 else { i += 1; continue }
                length = 3
            }
            var end = i + length
            while end < n, s[end] == 0x2E || s[end] == 0x21 || s[end] == 0x3F { end += 1 }
            while end < n {
                let (closer, length) = SentenceSplitter.scalar(s, at: end)
                guard SentenceSplitter.isCloser(closer) else { break }
                end += length
            }
            if end < n, s[end] == 0x20, startsSentence(s, skipSpaces(s, end, n), n),
               byte != 0x2E || !isAbbreviation(s, before: i, from: start, tables) {
                emit(s, start, end, &texts, &result)
                start = skipSpaces(s, end, n)
                i = start
                continue
            }
            i = end
        }
        emit(s, start, i, &texts, &result)
        return i
    }

    /// The first offset from `i` of a line break, ".", "!", "?" or the lead byte of "…" (E2), or
    /// `s.count`. Eight bytes are tested at once: a zero byte of `word ^ mark` is a match, and the
    /// lowest byte flagged by the borrow test is always a true one (a false flag only follows a
    /// true one).
    @inline(__always)
    static func nextMark(_ s: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        let n = s.count
        var i = i
        if let base = s.baseAddress {
            while i + 8 <= n {
                let word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let flags = ASCIIFlags.equalBytes(word, 0x0A) | ASCIIFlags.equalBytes(word, 0x2E)
                    | ASCIIFlags.equalBytes(word, 0x21) | ASCIIFlags.equalBytes(word, 0x3F)
                    | ASCIIFlags.equalBytes(word, 0xE2)
                if flags != 0 { return i + flags.trailingZeroBitCount >> 3 }
                i += 8
            }
        }
        while i < n {
            let byte = s[i]
            if byte == 0x0A || byte == 0x2E || byte == 0x21 || byte == 0x3F || byte == 0xE2 { return i }
            i += 1
        }
        return n
    }

    /// The scalar that starts at byte `i` of `s` (valid UTF-8) and its length in bytes.
    @inline(__always)
    static func scalar(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let lead = s[i]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let (value, length) = UTF8Scalars.decode(s, at: i)
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// Where the scalar that ends before byte `i` (above 0) starts.
    @inline(__always)
    static func scalarStart(_ s: UnsafeBufferPointer<UInt8>, before i: Int) -> Int {
        var k = i - 1
        while k > 0, s[k] & 0xC0 == 0x80 { k -= 1 }
        return k
    }

    func startsSentence(_ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ to: Int) -> Bool {
        guard i < to else { return false }
        let (c, _) = SentenceSplitter.scalar(s, at: i)
        return ScalarClass.isUppercase(c) || ("0"..."9").contains(c) || SentenceSplitter.isOpener(c)
            || SentenceSplitter.isBullet(c)
    }

    /// True when the word ending at the period at byte `dot` keeps the sentence going.
    func isAbbreviation(_ s: UnsafeBufferPointer<UInt8>, before dot: Int, from: Int, _ tables: LanguageTables) -> Bool {
        var b = dot
        while b > from {
            let previous = SentenceSplitter.scalarStart(s, before: b)
            let (c, _) = SentenceSplitter.scalar(s, at: previous)
            if ScalarClass.isWhitespace(c) || c == "(" { break }
            b = previous
        }
        let word = UnsafeBufferPointer(rebasing: s[b..<dot])
        if word.isEmpty { return false }
        // A single capital letter is an initial (J. Smith); a digit run may be a German ordinal.
        let (first, firstLength) = SentenceSplitter.scalar(s, at: b)
        if firstLength == word.count, ScalarClass.isUppercase(first) { return true }
        if word.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            return word.count <= tables.ordinalDigits
        }
        // Most sentences end in an ordinary word. An ASCII word folds to as many bytes, and every
        // key tried below holds it whole, so one longer than the longest abbreviation is none:
        // building and folding its strings for the look-ups cost 4,500 instructions a period.
        if word.count > tables.longestAbbreviation, word.allSatisfy({ $0 < 0x80 }) { return false }
        let key = Folding.key(String(decoding: word, as: UTF8.self))
        let abbreviations = tables.abbreviations
        if abbreviations?[key] == false { return true }
        // The first half of a two-part abbreviation: "z." of "z. B.", "u." of "u. a.".
        if dot + 2 < s.count, s[dot + 1] == 0x20 {
            let e = SentenceSplitter.lettersEnd(s, from: dot + 2)
            if e > dot + 2, e < s.count, s[e] == 0x2E {
                let pair = key + "." + Folding.key(String(decoding: UnsafeBufferPointer(rebasing: s[(dot + 2)..<e]), as: UTF8.self))
                if abbreviations?[pair] == false { return true }
            }
        }
        // A `final` abbreviation followed by a legal form continues a company name: "GmbH & Co. KG".
        if abbreviations?[key] == true, dot + 2 < s.count, s[dot + 1] == 0x20 {
            let e = SentenceSplitter.lettersEnd(s, from: dot + 2)
            let next = Folding.key(String(decoding: UnsafeBufferPointer(rebasing: s[(dot + 2)..<e]), as: UTF8.self))
            if tables.continuations?.contains(next) == true {
                return true
            }
        }
        // Two-part abbreviations written with a space: "z. B.", "u. a.".
        if b >= 2, s[b - 1] == 0x20 {
            var a = b - 1
            while a > from {
                let previous = SentenceSplitter.scalarStart(s, before: a)
                if ScalarClass.isWhitespace(SentenceSplitter.scalar(s, at: previous).0) { break }
                a = previous
            }
            // The space dropped before folding (folding never makes a space), not after with
            // Foundation's `replacingOccurrences`, which was most of the sentence splitter's time.
            let pair = Folding.key(String(decoding: s[a..<dot].filter { $0 != 0x20 }, as: UTF8.self))
            if abbreviations?[pair] == false { return true }
        }
        return false
    }

    /// The end of the run of letters (`ScalarClass.isAlphabetic`) from byte `from`.
    static func lettersEnd(_ s: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var e = from
        while e < s.count {
            let (c, length) = SentenceSplitter.scalar(s, at: e)
            guard ScalarClass.isAlphabetic(c) else { break }
            e += length
        }
        return e
    }

    func skipSpaces(_ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ to: Int) -> Int {
        var i = i
        while i < to, s[i] == 0x20 { i += 1 }
        return i
    }

    func emit(_ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ texts: inout SentenceTexts,
              _ result: inout [Sentence]) {
        var end = end
        while end > start, s[end - 1] == 0x20 { end -= 1 }
        guard end > start else { return }
        // A line of punctuation alone is not a sentence.
        guard SentenceSplitter.hasWordScalar(s, start, end) else { return }
        let first = texts.scalarOffset(s, start)
        let last = texts.scalarOffset(s, end)
        result.append(Sentence(position: result.count, start: first, end: last, text: texts.text(start, end)))
    }

    /// Whether bytes `start..<end` of `s` hold a scalar that makes words (`ScalarClass.isWordScalar`).
    static func hasWordScalar(_ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var k = start
        while k < end {
            let (c, length) = SentenceSplitter.scalar(s, at: k)
            if ScalarClass.isWordScalar(c) { return true }
            k += length
        }
        return false
    }
}

/// Sentence texts cut out of the document's own UTF-8 by byte offsets, and the scalar offsets of
/// those bytes. A copy of a piece of a string is known to be valid (encoding a sentence's scalars
/// again made `String` validate every byte). The scalar offset of a byte offset is counted on from
/// the last one asked (sentences come in text order), eight bytes at a time.
struct SentenceTexts {
    let text: String
    private var byte = 0
    private var scalar = 0

    init(text: String) {
        self.text = text
    }

    /// The text of bytes `start..<end` of ``text``, both at the start of a scalar.
    func text(_ start: Int, _ end: Int) -> String {
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: start)
        let to = utf8.index(utf8.startIndex, offsetBy: end)
        return String(text[from..<to])
    }

    /// The number of scalars before byte `offset` of `s`, the bytes of ``text``: the bytes that
    /// are no continuation byte (10xxxxxx).
    mutating func scalarOffset(_ s: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Int {
        if offset < byte { byte = 0; scalar = 0 }
        var k = byte, count = scalar
        if let base = s.baseAddress {
            while k + 8 <= offset {
                let word = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: k, as: UInt64.self)
                // Bit 7 set and bit 6 clear: bit 6 shifted up under bit 7 of the same byte.
                let continuation = word & ~(word << 1) & ASCIIFlags.high
                count += 8 - ASCIIFlags.count(continuation)
                k += 8
            }
        }
        while k < offset {
            if s[k] & 0xC0 != 0x80 { count += 1 }
            k += 1
        }
        byte = k
        scalar = count
        return count
    }
}
