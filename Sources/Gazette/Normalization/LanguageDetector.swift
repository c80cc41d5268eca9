/// Detects a document's language from its words, not its file name: the language whose stop
/// words cover most of the first few thousand words wins; English on a tie.
///
/// For example:
///
/// ```swift
/// detector.language(of: "Die Delegation besuchte die Stadt Shenyang.")  // .de
/// ```
public struct LanguageDetector: Sendable {
    let stopwords: [Language: Set<String>]

    public init(rules: NormalizationRules) {
        stopwords = rules.stopwords
    }

    public func language(of text: String) -> Language {
        var counts: [Language: Int] = [:]
        var seen = 0
        var word = String.UnicodeScalarView()
        func flush() {
            guard !word.isEmpty else { return }
            let key = Folding.key(String(word))
            for (language, words) in stopwords where words.contains(key) {
                counts[language, default: 0] += 1
            }
            seen += 1
            word = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            // ASCII letters without the Unicode property lookup; the same answer, much cheaper.
            let isLetter = scalar.isASCII
                ? (scalar.value | 0x20 >= 0x61 && scalar.value | 0x20 <= 0x7A) : scalar.properties.isAlphabetic
            if isLetter {
                word.append(scalar)
            } else {
                flush()
                if seen >= 3000 { break }
            }
        }
        flush()
        let best = Language.allCases.max { (counts[$0] ?? 0) < (counts[$1] ?? 0) }
        guard let best, (counts[best] ?? 0) > (counts[.en] ?? 0) else { return .en }
        return best
    }
}
