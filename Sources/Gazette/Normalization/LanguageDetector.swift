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
    }

    public func language(of text: String) -> Language {
        var tally = Tally(languages: stopwords.count)
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let lead = bytes[i]
                if lead < 0x80 {
                    // ASCII letters without the Unicode property lookup; the same answer, much cheaper.
                    let lower = lead | 0x20
                    if lower >= 0x61 && lower <= 0x7A {
                        tally.asciiLetter(lower, upper: lower != lead, at: i)
                    } else {
                        tally.flush(bytes, end: i, stopIndex, stopLanguages)
                        if tally.seen >= 3000 { return }
                    }
                    i += 1
                    continue
                }
                let (value, length) = UTF8Scalars.decode(bytes, at: i)
                if Unicode.Scalar(value)?.properties.isAlphabetic == true {
                    tally.otherLetter(at: i)
                } else {
                    tally.flush(bytes, end: i, stopIndex, stopLanguages)
                    if tally.seen >= 3000 { return }
                }
                i += length
            }
            tally.flush(bytes, end: bytes.count, stopIndex, stopLanguages)
        }
        func count(_ language: Language) -> Int {
            stopwords.firstIndex { $0.language == language }.map { tally.counts[$0] } ?? 0
        }
        let best = Language.allCases.max { count($0) < count($1) }
        guard let best, count(best) > count(.en) else { return .en }
        return best
    }

    /// The word being read and the stop words found so far. A struct with mutating methods, not
    /// local functions capturing variables, which Swift checks for exclusive access at run time.
    ///
    /// A word is a range of the text's bytes: an ASCII word is hashed as it is read (lower-cased)
    /// and looked up in place, or from a lower-cased copy when it has capitals; a word with other
    /// letters is folded as a string. (Appending every letter to a buffer and hashing it at the
    /// end cost twice the instructions.)
    struct Tally {
        /// Stop words found, by position in `stopwords`.
        var counts: [Int]
        var seen = 0
        /// Where the current word starts, or -1 between words.
        var start = -1
        var hash = WordIndex.offsetBasis
        var hasUpper = false
        var isASCII = true
        var lowered: [UInt8] = []

        init(languages: Int) {
            counts = [Int](repeating: 0, count: languages)
            lowered.reserveCapacity(32)
        }

        mutating func asciiLetter(_ lower: UInt8, upper: Bool, at i: Int) {
            if start < 0 { start = i }
            hash = WordIndex.step(hash, lower)
            if upper { hasUpper = true }
        }

        mutating func otherLetter(at i: Int) {
            if start < 0 { start = i }
            isASCII = false
        }

        mutating func flush(_ bytes: UnsafeBufferPointer<UInt8>, end: Int, _ stopIndex: WordIndex, _ stopLanguages: [UInt32]) {
            guard start >= 0 else { return }
            let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
            // Hashed once, and looked up once in the table of every language's stop words.
            let number: Int?
            if isASCII && !hasUpper {
                number = stopIndex.number(ofUTF8: word, hash: hash)
            } else if isASCII {
                lowered.removeAll(keepingCapacity: true)
                for byte in word { lowered.append(byte | 0x20) }
                number = lowered.withUnsafeBufferPointer { stopIndex.number(ofUTF8: $0, hash: hash) }
            } else {
                let key = Folding.key(String(decoding: word, as: UTF8.self))
                number = stopIndex.number(of: key, hash: WordIndex.hash(key))
            }
            if let number {
                var bits = stopLanguages[number]
                while bits != 0 {
                    counts[bits.trailingZeroBitCount] += 1
                    bits &= bits - 1
                }
            }
            seen += 1
            start = -1
            hash = WordIndex.offsetBasis
            hasUpper = false
            isASCII = true
        }
    }
}
