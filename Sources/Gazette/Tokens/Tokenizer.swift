/// Splits a sentence into ``Token``s in one pass over its Unicode scalars.
///
/// Words keep inner hyphens, periods between letters or digits, and `&` between capitals
/// ("BMW-Brilliance", "S.p.A.", "4.0", "R&D"); a possessive `'s` is its own token so that
/// "Panjin's" yields "Panjin". Offsets are document offsets (the sentence's start added).
///
/// For example:
///
/// ```swift
/// Tokenizer.tokens(of: Sentence(position: 0, start: 0, end: 22, text: "Panjin's BMW-Brilliance"))
/// // Panjin, 's, BMW-Brilliance
/// ```
public enum Tokenizer {
    public static func tokens(of sentence: Sentence) -> [Token] {
        // Most sentences of the genre are ASCII: their bytes are read in place, one byte a
        // scalar. Decoding them into a scalar array first, and building each token's strings
        // scalar by scalar, cost about a thousand instructions a token.
        if let tokens = sentence.text.withASCIIBytes({ tokens(in: ASCIIScalars(bytes: $0), base: sentence.start) }) {
            return tokens
        }
        // Any other sentence is decoded once, its scalars for the rules and their byte offsets
        // for the tokens' texts, which are copied whole from the bytes (ASCII tokens keyed from
        // them in place, as above) rather than encoded again scalar by scalar.
        var text = sentence.text
        return text.withUTF8 { bytes in
            UTF8SentenceScalars.withDecoded(bytes) { tokens(in: $0, base: sentence.start) }
        }
    }

    /// The tokens of `s`, a sentence's scalars, whose first scalar is at document offset `base`.
    static func tokens<S: TokenScalars>(in s: S, base: Int) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(s.count / 5)
        var i = 0
        let n = s.count
        while i < n {
            let c = s[i]
            if c == " " { i += 1; continue }
            if ScalarClass.isWordScalar(c) {
                var j = i + 1
                while j < n {
                    j = s.wordScalarsEnd(from: j)
                    guard j < n else { break }
                    let d = s[j]
                    // Inner joiners: hyphen, period and slash between alphanumerics; '&' between capitals.
                    if j + 1 < n, ScalarClass.isWordScalar(s[j + 1]) {
                        if d == "-" || d == "‐" || d == "‑" { j += 1; continue }
                        if d == "." && (ScalarClass.isUppercase(s[j + 1]) || ("0"..."9").contains(s[j + 1])) && j - i <= 3 {
                            j += 1; continue
                        }
                        if d == "." && ("0"..."9").contains(s[j - 1]) && ("0"..."9").contains(s[j + 1]) { j += 1; continue }
                        if d == "," && ("0"..."9").contains(s[j - 1]) && ("0"..."9").contains(s[j + 1]) { j += 1; continue }
                        if d == "&" && ScalarClass.isUppercase(s[j - 1]) && ScalarClass.isUppercase(s[j + 1]) && j - i <= 2 {
                            j += 1; continue
                        }
                    }
                    // A German truncation hyphen stays on its word: "Wirtschafts- und Handelsdelegation".
                    if (d == "-") && (j + 1 == n || s[j + 1] == " ") && j > i && ScalarClass.isAlphabetic(s[j - 1]) {
                        j += 1
                    }
                    break
                }
                // Abbreviation periods such as "S.p.A." or "U.S." end the word.
                if j < n, s[j] == ".", j - i <= 6, hasPeriodAndNoDigit(s, i, j) {
                    j += 1
                }
                tokens.append(s.token(i, j, base))
                i = j
                continue
            }
            // Possessive 's / ’s after a word.
            if (c == "'" || c == "’"), i + 1 < n, s[i + 1] == "s" || s[i + 1] == "S",
               i + 2 == n || !ScalarClass.isWordScalar(s[i + 2]), let last = tokens.last, last.end - base == i {
                tokens.append(Token(text: s.text(i, i + 2), key: "'s", start: base + i, end: base + i + 2, shape: .punctuation))
                i += 2
                continue
            }
            // Runs of the same punctuation ("--", "...") are one token.
            var j = i + 1
            while j < n, s[j] == c, c == "-" || c == "." { j += 1 }
            tokens.append(s.token(i, j, base))
            i = j
        }
        return tokens
    }

    /// Whether `s[i..<j]` holds a period and no digit: "S.p.A" and "U.S" do, "4.0" does not.
    @inline(__always)
    static func hasPeriodAndNoDigit<S: TokenScalars>(_ s: S, _ i: Int, _ j: Int) -> Bool {
        var period = false
        for k in i..<j {
            let c = s[k]
            if ("0"..."9").contains(c) { return false }
            if c == "." { period = true }
        }
        return period
    }

    /// Any token, through the Unicode properties of its scalars.
    static func makeGeneral(_ s: [Unicode.Scalar], _ i: Int, _ j: Int, _ base: Int) -> Token {
        let text = String(scalars: s[i..<j])
        return s.withUnsafeBufferPointer { makeGeneral($0, i, j, base, text: text) }
    }

    /// ``makeGeneral(_:_:_:_:)`` with the token's `text` (the string of `s[i..<j]`) already made.
    static func makeGeneral(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ i: Int, _ j: Int, _ base: Int, text: String) -> Token {
        let slice = s[i..<j]
        let shape: Token.Shape
        let first = slice[slice.startIndex]
        if ("0"..."9").contains(first) {
            shape = .number
        } else if ScalarClass.isAlphabetic(first) {
            if ScalarClass.isUppercase(first) {
                shape = hasTwoLettersAllUppercase(slice) ? .upper : .capitalized
            } else {
                shape = .lower
            }
        } else {
            shape = .punctuation
        }
        return Token(text: text, key: Folding.key(text), start: base + i, end: base + j, shape: shape)
    }

    /// Whether `scalars` hold two letters or more and every one is a capital, counted in one
    /// pass: filtering the letters into an array first allocated (and grew) an array per
    /// capitalized word outside ASCII.
    static func hasTwoLettersAllUppercase(_ scalars: Slice<UnsafeBufferPointer<Unicode.Scalar>>) -> Bool {
        var letters = 0
        for c in scalars where ScalarClass.isAlphabetic(c) {
            guard ScalarClass.isUppercase(c) else { return false }
            letters += 1
        }
        return letters >= 2
    }

    /// The token of ASCII `bytes` at document offset `start`: text, folded key (and its hash,
    /// made in the pass that counts the letters) and shape straight from the bytes, the same
    /// values the Unicode path gives. Nil when a byte is "`", which folds to "'": only
    /// ``Folding`` knows that.
    static func asciiToken(_ bytes: UnsafeBufferPointer<UInt8>, start: Int) -> Token? {
        asciiToken(in: bytes, 0..<bytes.count, start: start, smallStrings: SmallASCII.isAvailable)
    }

    /// ``asciiToken(_:start:)`` of `text[range]`, all ASCII. A token of up to 15 bytes (nearly
    /// every one) has its text and key written straight into small strings (``SmallASCII``), its
    /// bytes read from `text` a word at a time: making each string through the standard library's
    /// initializer and a copying closure cost about 110 instructions, two strings for a
    /// capitalized word (2 MB import: 433,000 strings, 52 M instructions). `smallStrings` is
    /// ``SmallASCII/isAvailable``, read once per sentence by the caller (a lazy global's check at
    /// every token cost 2.3 M). Inlined into the tokenizer's two callers: called, the token came
    /// back through an optional in memory and was copied again into the sentence's array.
    @inline(__always)
    static func asciiToken(in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, start: Int, smallStrings: Bool) -> Token? {
        let bytes = UnsafeBufferPointer(rebasing: text[range])
        var upperLetters = 0
        var lowerLetters = 0
        var others = 0
        var hash = WordIndex.offsetBasis
        for b in bytes {
            if b >= 0x41 && b <= 0x5A {
                upperLetters += 1
                hash = WordIndex.step(hash, b | 0x20)
            } else {
                if b >= 0x61 && b <= 0x7A {
                    lowerLetters += 1
                } else if b == 0x60 {
                    return nil
                } else if b < 0x30 || b > 0x39 {
                    others += 1
                }
                hash = WordIndex.step(hash, b)
            }
        }
        let tokenText: String
        let key: String
        if bytes.count <= SmallASCII.capacity && smallStrings {
            // The key made again, not copied from the text: a copy is a retain call, a string is
            // two words written (242,000 tokens, 5 M instructions).
            let small = SmallASCII(text, range)
            tokenText = small.string
            key = upperLetters == 0 ? small.string : small.lowercased().string
        } else {
            tokenText = String(ascii: bytes)
            key = upperLetters == 0 ? tokenText : String(asciiLowercasing: bytes)
        }
        return Token(text: tokenText, key: key, keyHash: hash, keyIsAlphanumeric: others == 0 && !bytes.isEmpty,
                     start: start, end: start + bytes.count,
                     shape: asciiShape(first: bytes[0], upperLetters: upperLetters, lowerLetters: lowerLetters))
    }

    /// The shape of an ASCII token from its first byte and its letter counts: what
    /// ``makeGeneral(_:_:_:_:)`` finds through the scalars' properties.
    @inline(__always)
    static func asciiShape(first: UInt8, upperLetters: Int, lowerLetters: Int) -> Token.Shape {
        if first >= 0x30 && first <= 0x39 { return .number }
        if first >= 0x41 && first <= 0x5A { return upperLetters >= 2 && lowerLetters == 0 ? .upper : .capitalized }
        if first >= 0x61 && first <= 0x7A { return .lower }
        return .punctuation
    }
}

/// A sentence's scalars as ``Tokenizer/tokens(in:base:)`` reads them, and the token it makes of a
/// span of them.
protocol TokenScalars {
    var count: Int { get }
    subscript(position: Int) -> Unicode.Scalar { get }
    /// The token spanning `i..<j`, at document offset `base` + `i`.
    func token(_ i: Int, _ j: Int, _ base: Int) -> Token
    /// The text of `i..<j`.
    func text(_ i: Int, _ j: Int) -> String
    /// The first position from `j` whose scalar is no `ScalarClass.isWordScalar`, or `count`.
    func wordScalarsEnd(from j: Int) -> Int
}

extension TokenScalars {
    func wordScalarsEnd(from j: Int) -> Int {
        var j = j
        while j < count, ScalarClass.isWordScalar(self[j]) { j += 1 }
        return j
    }
}

/// An ASCII sentence's bytes, each a scalar.
struct ASCIIScalars: TokenScalars {
    let bytes: UnsafeBufferPointer<UInt8>
    /// ``SmallASCII/isAvailable``.
    let smallStrings = SmallASCII.isAvailable

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var count: Int { bytes.count }

    @inline(__always)
    subscript(position: Int) -> Unicode.Scalar {
        Unicode.Scalar(bytes[position])
    }

    func text(_ i: Int, _ j: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<j]), as: UTF8.self)
    }

    /// Letters and digits passed over eight bytes at a time (a word's bytes one by one took
    /// about ten instructions each).
    @inline(__always)
    func wordScalarsEnd(from j: Int) -> Int {
        var j = j
        if let base = bytes.baseAddress {
            while j + 8 <= bytes.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: j, as: UInt64.self))
                let others = ~ASCIIFlags.alphanumerics(word) & ASCIIFlags.high
                if others != 0 { return j + others.trailingZeroBitCount >> 3 }
                j += 8
            }
        }
        while j < bytes.count, ScalarClass.isASCIIAlphanumeric(bytes[j]) { j += 1 }
        return j
    }

    /// The token ``Tokenizer/asciiToken(_:start:)`` makes of the bytes in place, or the general
    /// way for one with a "`".
    @inline(__always)
    func token(_ i: Int, _ j: Int, _ base: Int) -> Token {
        Tokenizer.asciiToken(in: bytes, i..<j, start: base + i, smallStrings: smallStrings) ?? generalToken(i, j, base)
    }

    private func generalToken(_ i: Int, _ j: Int, _ base: Int) -> Token {
        Tokenizer.makeGeneral((i..<j).map { Unicode.Scalar(bytes[$0]) }, 0, j - i, base + i)
    }
}

/// A sentence with scalars outside ASCII: its scalars, decoded from its UTF-8 `bytes` in one pass,
/// and where each starts in the bytes, so that a token's text is its bytes copied whole (one
/// validating copy, not a count and an encoding scalar by scalar) and an ASCII token among them
/// is made from its bytes in place by ``Tokenizer/asciiToken(_:start:)``. Offsets stay in scalars.
struct UTF8SentenceScalars: TokenScalars {
    let bytes: UnsafeBufferPointer<UInt8>
    let scalars: UnsafeBufferPointer<Unicode.Scalar>
    /// The byte offset of each scalar, and the byte count last: `count + 1` entries. 32 bits, so
    /// that both buffers of a sentence of up to 256 bytes fit the 1 KiB that
    /// `withUnsafeTemporaryAllocation` keeps on the stack (past it, it allocates on the heap).
    let offsets: UnsafeBufferPointer<Int32>
    /// ``SmallASCII/isAvailable``.
    let smallStrings = SmallASCII.isAvailable

    /// Calls `body` with the scalars of `bytes`, decoded in one loop into two buffers on the
    /// stack. (As two arrays, each sentence outside ASCII cost two allocations through the
    /// standard library's unspecialized `Array(unsafeUninitializedCapacity:)`, which looks the
    /// array's metadata up at every call: 9,308 calls and 9 M instructions on 2 MB.)
    static func withDecoded<R>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UTF8SentenceScalars) -> R) -> R {
        // A scalar takes at least one byte: the byte count is room enough for either buffer.
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: bytes.count + 1) { offsetBuffer in
            withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: bytes.count) { scalarBuffer in
                var n = 0
                var i = 0
                while i < bytes.count {
                    offsetBuffer[n] = Int32(truncatingIfNeeded: i)
                    let lead = bytes[i]
                    if lead < 0x80 {
                        scalarBuffer[n] = Unicode.Scalar(lead)
                        i += 1
                    } else {
                        let (value, length) = UTF8Scalars.decode(bytes, at: i)
                        // The bytes are a `String`'s, valid UTF-8: every value is a scalar.
                        scalarBuffer[n] = Unicode.Scalar(value) ?? "\u{FFFD}"
                        i += length
                    }
                    n += 1
                }
                offsetBuffer[n] = Int32(truncatingIfNeeded: i)
                return body(UTF8SentenceScalars(bytes: bytes,
                                                scalars: UnsafeBufferPointer(rebasing: scalarBuffer[..<n]),
                                                offsets: UnsafeBufferPointer(rebasing: offsetBuffer[...n])))
            }
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, scalars: UnsafeBufferPointer<Unicode.Scalar>,
                 offsets: UnsafeBufferPointer<Int32>) {
        self.bytes = bytes
        self.scalars = scalars
        self.offsets = offsets
    }

    var count: Int { scalars.count }

    @inline(__always)
    subscript(position: Int) -> Unicode.Scalar {
        scalars[position]
    }

    /// ASCII letters and digits passed over eight bytes at a time, as in ``ASCIIScalars``: over
    /// ASCII bytes a byte is a scalar, so eight such bytes from a scalar's offset are the next
    /// eight scalars. Scalars past ASCII are tested one by one. (The protocol's scalar loop
    /// cost about a hundred instructions a word, 11 M on 2 MB.)
    @inline(__always)
    func wordScalarsEnd(from j: Int) -> Int {
        var j = j
        while j < scalars.count {
            let b = Int(offsets[j])
            if let base = bytes.baseAddress, b + 8 <= bytes.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: b, as: UInt64.self))
                let others = ~ASCIIFlags.alphanumerics(word) & ASCIIFlags.high
                if others == 0 { j += 8; continue }
                j += others.trailingZeroBitCount >> 3
            }
            guard j < scalars.count, ScalarClass.isWordScalar(scalars[j]) else { return j }
            j += 1
        }
        return j
    }

    @inline(__always)
    private func span(_ i: Int, _ j: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[Int(offsets[i])..<Int(offsets[j])])
    }

    func text(_ i: Int, _ j: Int) -> String {
        String(decoding: span(i, j), as: UTF8.self)
    }

    /// An ASCII token (as many bytes as scalars) from its bytes in place; any other through the
    /// scalars' properties, with its text copied from its bytes.
    @inline(__always)
    func token(_ i: Int, _ j: Int, _ base: Int) -> Token {
        let byteRange = Int(offsets[i])..<Int(offsets[j])
        if byteRange.count == j - i,
           let token = Tokenizer.asciiToken(in: bytes, byteRange, start: base + i, smallStrings: smallStrings) {
            return token
        }
        return Tokenizer.makeGeneral(scalars, i, j, base, text: String(decoding: span(i, j), as: UTF8.self))
    }
}
