import Foundation

/// Case- and accent-insensitive keys for lexicon lookups: "Köln", "KOELN" and "koln" differ, but
/// "Köln", "KÖLN" and "Koln" share the key "koln"; "ß" folds to "ss".
public enum Folding {
    /// Lower-cases, strips combining marks and maps a few letters so that names compare as a reader would.
    public static func key(_ text: some StringProtocol) -> String {
        // Most tokens are ASCII: lower-case their bytes without Unicode decomposition.
        var ascii = true
        var hasUpper = false
        for byte in text.utf8 {
            if byte >= 0x80 { ascii = false; break }
            if byte >= 0x41 && byte <= 0x5A { hasUpper = true }
            if byte == 0x60 { ascii = false; break }  // "`" folds to "'"
        }
        if ascii {
            guard hasUpper else { return String(text) }
            return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        var out = String.UnicodeScalarView()
        for scalar in String(text).decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            switch scalar {
            case "ß": out.append("s"); out.append("s")
            case "’", "‘", "`", "´": out.append("'")
            case "‐", "‑", "‒", "–", "—": out.append("-")
            default:
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { out.append(lower) }
            }
        }
        return String(out)
    }

    /// A key for matching names: `key(_:)` with every run of non-alphanumerics made one space,
    /// so "BMW-Brilliance" and "BMW Brilliance" meet.
    public static func nameKey(_ text: some StringProtocol) -> String {
        // ASCII letters and digits only: the key itself.
        let folded = key(text)
        if folded.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }) { return folded }
        var out = ""
        var pendingSpace = false
        for ch in folded.unicodeScalars {
            if ch.properties.isAlphabetic || ("0"..."9").contains(ch) {
                if pendingSpace && !out.isEmpty { out.unicodeScalars.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(ch)
            } else {
                pendingSpace = true
            }
        }
        return out
    }
}
