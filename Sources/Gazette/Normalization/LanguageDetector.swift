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

    public init(rules: NormalizationRules) {
        stopwords = Language.allCases.compactMap { language in rules.stopwords[language].map { (language, $0) } }
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
                        tally.flush(bytes, end: i, stopwords)
                        if tally.seen >= 3000 { return }
                    }
                    i += 1
                    continue
                }
                let (value, length) = UTF8Scalars.decode(bytes, at: i)
                if Unicode.Scalar(value)?.properties.isAlphabetic == true {
                    tally.otherLetter(at: i)
                } else {
                    tally.flush(bytes, end: i, stopwords)
                    if tally.seen >= 3000 { return }
                }
                i += length
            }
            tally.flush(bytes, end: bytes.count, stopwords)
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

        mutating func flush(_ bytes: UnsafeBufferPointer<UInt8>, end: Int, _ stopwords: [(language: Language, words: WordSet)]) {
            guard start >= 0 else { return }
            let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
            // Hashed once for every language's set, and the sets read in place by index (an
            // `enumerated()` loop copied each entry, its word set's arrays retained, per word).
            if isASCII && !hasUpper {
                for n in stopwords.indices where stopwords[n].words.contains(utf8: word, hash: hash) { counts[n] += 1 }
            } else if isASCII {
                lowered.removeAll(keepingCapacity: true)
                for byte in word { lowered.append(byte | 0x20) }
                lowered.withUnsafeBufferPointer { lowered in
                    for n in stopwords.indices where stopwords[n].words.contains(utf8: lowered, hash: hash) { counts[n] += 1 }
                }
            } else {
                let key = Folding.key(String(decoding: word, as: UTF8.self))
                let hash = WordIndex.hash(key)
                for n in stopwords.indices where stopwords[n].words.contains(key, hash: hash) { counts[n] += 1 }
            }
            seen += 1
            start = -1
            hash = WordIndex.offsetBasis
            hasUpper = false
            isASCII = true
        }
    }
}
