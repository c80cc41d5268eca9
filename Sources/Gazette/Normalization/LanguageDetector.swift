/// Detects a document's language from its words, not its file name: the language whose stop
/// words cover most of the first few thousand words wins; English on a tie.
///
/// For example:
///
/// ```swift
/// detector.language(of: "Die Delegation besuchte die Stadt Shenyang.")  // .de
/// ```
public struct LanguageDetector: Sendable {
    let stopwords: [Language: WordSet]

    public init(rules: NormalizationRules) {
        stopwords = rules.stopwords
    }

    public func language(of text: String) -> Language {
        var counts: [Language: Int] = [:]
        var seen = 0
        // The word's bytes, ASCII letters already lower-cased: an ASCII word is its own key.
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var isASCII = true
        func flush() {
            guard !word.isEmpty else { return }
            let bytes = String(decoding: word, as: UTF8.self)
            let key = isASCII ? bytes : Folding.key(bytes)
            for (language, words) in stopwords where words.contains(key) {
                counts[language, default: 0] += 1
            }
            seen += 1
            word.removeAll(keepingCapacity: true)
            isASCII = true
        }
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let lead = bytes[i]
                if lead < 0x80 {
                    // ASCII letters without the Unicode property lookup; the same answer, much cheaper.
                    let lower = lead | 0x20
                    if lower >= 0x61 && lower <= 0x7A {
                        word.append(lower)
                    } else {
                        flush()
                        if seen >= 3000 { return }
                    }
                    i += 1
                    continue
                }
                let length = min(lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4, bytes.count - i)
                var value = UInt32(lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07))
                for k in 1..<max(length, 1) { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
                if Unicode.Scalar(value)?.properties.isAlphabetic == true {
                    word.append(contentsOf: bytes[i..<(i + length)])
                    isASCII = false
                } else {
                    flush()
                    if seen >= 3000 { return }
                }
                i += length
            }
        }
        flush()
        let best = Language.allCases.max { (counts[$0] ?? 0) < (counts[$1] ?? 0) }
        guard let best, (counts[best] ?? 0) > (counts[.en] ?? 0) else { return .en }
        return best
    }
}
