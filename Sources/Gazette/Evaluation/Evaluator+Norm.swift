import Foundation

extension Evaluator {
    /// The name key of `score.py`'s `norm`: names that differ only in case, accents or punctuation
    /// get the same key.
    ///
    /// NFKD, combining marks dropped, lower-cased, "ß" made "ss", every run of characters other
    /// than ASCII letters and digits made one space, trimmed, and a leading "the " dropped.
    ///
    /// For example:
    ///
    /// ```swift
    /// Evaluator.norm("The BMW Group")               // "bmw group"
    /// Evaluator.norm("People’s Republic of China")  // "people s republic of china"
    /// Evaluator.norm("Köln")                        // "koln"
    /// ```
    public static func norm(_ text: String?) -> String {
        guard let text else { return "" }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars
        where scalar.properties.canonicalCombiningClass.rawValue == 0 {
            // Python lower-cases after dropping combining marks; a mapping may yield several scalars.
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                let ascii: [Unicode.Scalar]
                if lower == "ß" {
                    ascii = ["s", "s"]
                } else if ("0"..."9").contains(lower) || ("a"..."z").contains(lower) {
                    ascii = [lower]
                } else {
                    pendingSpace = true
                    continue
                }
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(contentsOf: ascii)
            }
        }
        let key = String(out)
        return key.hasPrefix("the ") ? String(key.unicodeScalars.dropFirst(4)) : key
    }
}
