/// Detects a document's language from its words, not its file name: the language whose stop
/// words cover most of the first few thousand words wins; English on a tie.
///
/// For example:
///
/// ```swift
/// detector.language(of: "Die Delegation besuchte die Stadt Shenyang.")  // .de
/// ```
public struct LanguageDetector: Sendable {
    /// Each language's stop words, in `Language.allCases` order.
    let stopwords: [(language: Language, words: WordSet)]
    /// Every language's stop words in one table, and for each word (by its number there) a bit
    /// per position in ``stopwords`` that lists it: one probe a word instead of one per language.
    let stopIndex: WordIndex
    let stopLanguages: [UInt32]
    /// The ASCII stop words again, packed for a probe without a string comparison.
    let packed: PackedStopWords

    public init(rules: NormalizationRules) {
        stopwords = Language.allCases.compactMap { language in rules.stopwords[language].map { (language, $0) } }
        var index = WordIndex()
        var languages: [UInt32] = []
        for (position, entry) in stopwords.enumerated() where position < 32 {
            for word in entry.words {
                let number = index.insert(word).number
                if number == languages.count { languages.append(0) }
                languages[number] |= 1 << UInt32(position)
            }
        }
        stopIndex = index
        stopLanguages = languages
        packed = PackedStopWords(index: index, languages: languages)
    }

    public func language(of text: String) -> Language {
        var counts = [Int](filled: 0, count: stopwords.count)
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            packed.keys.withUnsafeBufferPointer { keys in
                packed.languages.withUnsafeBufferPointer { packedLanguages in
                    counts.withUnsafeMutableBufferPointer { counts in
                        let n = bytes.count
                        let lengths = packed.lengths
                        var seen = 0
                        var i = 0
                        // Word by word: the bytes between words are skipped in a loop of their own,
                        // and a word's letters are read in one (a flush asked at every byte was
                        // most of the detector's cost).
                        while i < n {
                            let lead = bytes[i]
                            if lead < 0x80 {
                                let lower = lead | 0x20
                                guard lower >= 0x61 && lower <= 0x7A else { i += 1; continue }
                            } else {
                                let (value, length) = UTF8Scalars.decode(bytes, at: i)
                                guard LanguageDetector.isLetter(value) else { i += length; continue }
                            }
                            let start = i
                            var isASCII = true
                            while true {
                                // ASCII letters eight at a time: the lowest byte that is not one ends
                                // the run, found by its flag (most words end in their first eight
                                // bytes; a loop a byte cost about 10 instructions a letter).
                                if i + 8 <= n {
                                    let chunk = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self)
                                    let others = ~ASCIIFlags.letters(UInt64(littleEndian: chunk)) & ASCIIFlags.high
                                    if others == 0 { i += 8; continue }
                                    i += others.trailingZeroBitCount >> 3
                                } else {
                                    while i < n, (bytes[i] | 0x20) >= 0x61 && (bytes[i] | 0x20) <= 0x7A { i += 1 }
                                }
                                // A scalar past ASCII may go on with the word.
                                guard i < n, bytes[i] >= 0x80 else { break }
                                let (value, length) = UTF8Scalars.decode(bytes, at: i)
                                guard LanguageDetector.isLetter(value) else { break }
                                isASCII = false
                                i += length
                            }
                            var bits: UInt32 = 0
                            let length = i - start
                            if isASCII && length <= PackedStopWords.maxLength {
                                // A word of a length no stop word has (most long words) is none:
                                // not looked up.
                                if lengths >> UInt32(length) & 1 != 0 {
                                    // ASCII letters lower-case by setting bit 5 of every byte.
                                    let low = PackedStopWords.load(base, n, start, min(length, 8))
                                    let high = length > 8 ? PackedStopWords.load(base, n, start + 8, length - 8) : 0
                                    bits = PackedStopWords.languages(of: low, high, keys: keys, languages: packedLanguages, mask: packed.mask)
                                }
                            } else {
                                let word = UnsafeBufferPointer(rebasing: bytes[start..<i])
                                let number: Int?
                                if isASCII {
                                    let lowered = word.map { $0 | 0x20 }
                                    number = lowered.withUnsafeBufferPointer { stopIndex.number(ofUTF8: $0, hash: WordIndex.hash(bytes: $0)) }
                                } else if let (low, high, keyLength) = LanguageDetector.latinKey(word) {
                                    // Folded to ASCII of at most 16 bytes: the packed table has
                                    // every such stop word.
                                    number = nil
                                    if lengths >> UInt32(keyLength) & 1 != 0 {
                                        bits = PackedStopWords.languages(of: low, high, keys: keys, languages: packedLanguages, mask: packed.mask)
                                    }
                                } else {
                                    let key = Folding.key(String(decoding: word, as: UTF8.self))
                                    number = stopIndex.number(of: key, hash: WordIndex.hash(key))
                                }
                                if let number { bits = stopLanguages[number] }
                            }
                            while bits != 0 {
                                counts[bits.trailingZeroBitCount] += 1
                                bits &= bits - 1
                            }
                            seen += 1
                            if seen >= 3000 { return }
                        }
                    }
                }
            }
        }
        func count(_ language: Language) -> Int {
            stopwords.firstIndex { $0.language == language }.map { counts[$0] } ?? 0
        }
        let best = Language.allCases.max { count($0) < count($1) }
        guard let best, count(best) > count(.en) else { return .en }
        return best
    }

    /// `Folding.key` of a word (its UTF-8 bytes: letters only) whose letters past ASCII are
    /// Latin-1 letters that fold to ASCII ("für", "über", "Straße"), packed as
    /// ``PackedStopWords`` packs a word, with its length; nil for any other letter or a key
    /// longer than 16 bytes. Making a string of each such word and folding it cost about 1,600
    /// instructions a word (10 million on 2 MB, mostly German words).
    static func latinKey(_ word: UnsafeBufferPointer<UInt8>) -> (low: UInt64, high: UInt64, length: Int)? {
        var low: UInt64 = 0, high: UInt64 = 0, length = 0
        var i = 0
        while i < word.count {
            let byte = word[i]
            var folded = byte | 0x20   // an ASCII letter, lower-cased
            var twice = false
            if byte >= 0x80 {
                // U+00C0 to U+00FF are C3 80 to C3 BF.
                guard byte == 0xC3, i + 1 < word.count else { return nil }
                let value = 0xC0 + Int(word[i + 1] & 0x3F)
                if value == 0xDF {
                    folded = 0x73   // "ß" folds to "ss"
                    twice = true
                } else {
                    guard value != 0xD7, value != 0xF7, let base = Folding.latinBase[value - 0xC0] else { return nil }
                    folded = UInt8(truncatingIfNeeded: base.value)
                }
                i += 2
            } else {
                i += 1
            }
            for _ in 0..<(twice ? 2 : 1) {
                guard length < PackedStopWords.maxLength else { return nil }
                if length < 8 { low |= UInt64(folded) << (8 * UInt64(length)) } else { high |= UInt64(folded) << (8 * UInt64(length - 8)) }
                length += 1
            }
        }
        return (low, high, length)
    }

    /// `properties.isAlphabetic` of a scalar past ASCII, without the property tables for Latin
    /// letters and punctuation (``ScalarClass/knownAlphabetic(_:)``): 330 instructions a scalar.
    @inline(__always)
    static func isLetter(_ value: UInt32) -> Bool {
        ScalarClass.knownAlphabetic(value) ?? (Unicode.Scalar(value)?.properties.isAlphabetic == true)
    }

    /// The stop words of ``stopIndex`` that are ASCII and at most 16 bytes long, each as its bytes
    /// packed into two 64-bit integers (little-endian, zero-padded; no such word has a 0 byte, so
    /// the packing is one-to-one), in an open-addressed table with its bits of ``stopLanguages``.
    /// An ASCII word is found by comparing two integers instead of a stored string's bytes.
    struct PackedStopWords: Sendable {
        static let maxLength = 16
        /// Two integers a slot; (0, 0) is an empty slot (a word has at least one byte).
        var keys: [UInt64]
        var languages: [UInt32]
        var mask: Int
        /// Bit `k` set when a packed word has `k` bytes: a word of another length is no stop word.
        var lengths: UInt32 = 0

        init(index: WordIndex, languages stopLanguages: [UInt32]) {
            var entries: [(low: UInt64, high: UInt64, bits: UInt32)] = []
            for (number, word) in index.words.enumerated() {
                let bytes = Array(word.utf8)
                guard !bytes.isEmpty, bytes.count <= PackedStopWords.maxLength, bytes.allSatisfy({ $0 != 0 && $0 < 0x80 }) else { continue }
                var low: UInt64 = 0
                var high: UInt64 = 0
                for (k, byte) in bytes.enumerated() {
                    if k < 8 { low |= UInt64(byte) << (8 * UInt64(k)) } else { high |= UInt64(byte) << (8 * UInt64(k - 8)) }
                }
                entries.append((low, high, stopLanguages[number]))
                lengths |= 1 << UInt32(bytes.count)
            }
            var size = 16
            while size < entries.count * 2 { size *= 2 }
            keys = [UInt64](repeating: 0, count: 2 * size)
            languages = [UInt32](repeating: 0, count: size)
            mask = size - 1
            for entry in entries {
                var slot = PackedStopWords.hash(entry.low, entry.high) & mask
                while keys[2 * slot] != 0 { slot = (slot + 1) & mask }
                keys[2 * slot] = entry.low
                keys[2 * slot + 1] = entry.high
                languages[slot] = entry.bits
            }
        }

        @inline(__always)
        static func hash(_ low: UInt64, _ high: UInt64) -> Int {
            let mixed = (low ^ (high &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
            return Int(truncatingIfNeeded: mixed >> 32)
        }

        /// `count` (0 to 8) ASCII letters from `offset`, lower-cased and packed as in the table.
        @inline(__always)
        static func load(_ base: UnsafePointer<UInt8>, _ total: Int, _ offset: Int, _ count: Int) -> UInt64 {
            var value: UInt64 = 0
            if offset + 8 <= total {
                value = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                if count < 8 { value &= (1 << (8 * UInt64(count))) &- 1 }
            } else {
                for k in 0..<count { value |= UInt64(base[offset + k]) << (8 * UInt64(k)) }
            }
            let lower: UInt64 = 0x2020_2020_2020_2020
            return value | (count < 8 ? lower & ((1 << (8 * UInt64(count))) &- 1) : lower)
        }

        /// The language bits of the word packed as `low`, `high`, or 0.
        @inline(__always)
        static func languages(of low: UInt64, _ high: UInt64, keys: UnsafeBufferPointer<UInt64>,
                              languages: UnsafeBufferPointer<UInt32>, mask: Int) -> UInt32 {
            var slot = hash(low, high) & mask
            while true {
                let key = keys[2 * slot]
                if key == 0 { return 0 }
                if key == low && keys[2 * slot + 1] == high { return languages[slot] }
                slot = (slot + 1) & mask
            }
        }
    }
}
