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
                        tally.word.append(lower)
                    } else {
                        tally.flush(stopwords)
                        if tally.seen >= 3000 { return }
                    }
                    i += 1
                    continue
                }
                let length = min(lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4, bytes.count - i)
                var value = UInt32(lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07))
                for k in 1..<max(length, 1) { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
                if Unicode.Scalar(value)?.properties.isAlphabetic == true {
                    tally.word.append(contentsOf: bytes[i..<(i + length)])
                    tally.isASCII = false
                } else {
                    tally.flush(stopwords)
                    if tally.seen >= 3000 { return }
                }
                i += length
            }
        }
        tally.flush(stopwords)
        func count(_ language: Language) -> Int {
            stopwords.firstIndex { $0.language == language }.map { tally.counts[$0] } ?? 0
        }
        let best = Language.allCases.max { count($0) < count($1) }
        guard let best, count(best) > count(.en) else { return .en }
        return best
    }

    /// The words read so far and the stop words among them. A struct with a mutating method, not
    /// a local function capturing variables, which Swift checks for exclusive access at run time.
    struct Tally {
        /// Stop words found, by position in `stopwords`.
        var counts: [Int]
        var seen = 0
        /// The word's bytes, ASCII letters already lower-cased: an ASCII word is its own key,
        /// looked up from its bytes without making a `String`.
        var word: [UInt8] = []
        var isASCII = true

        init(languages: Int) {
            counts = [Int](repeating: 0, count: languages)
            word.reserveCapacity(32)
        }

        mutating func flush(_ stopwords: [(language: Language, words: WordSet)]) {
            guard !word.isEmpty else { return }
            // Hashed once for every language's set, and the sets read in place by index (an
            // `enumerated()` loop copied each entry, its word set's arrays retained, per word).
            if isASCII {
                word.withUnsafeBufferPointer { bytes in
                    let hash = WordIndex.hash(bytes: bytes)
                    for n in stopwords.indices where stopwords[n].words.contains(utf8: bytes, hash: hash) { counts[n] += 1 }
                }
            } else {
                let key = Folding.key(String(decoding: word, as: UTF8.self))
                let hash = WordIndex.hash(key)
                for n in stopwords.indices where stopwords[n].words.contains(key, hash: hash) { counts[n] += 1 }
            }
            seen += 1
            word.removeAll(keepingCapacity: true)
            isASCII = true
        }
    }
}
