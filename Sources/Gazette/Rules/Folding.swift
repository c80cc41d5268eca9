import Foundation

/// Case- and accent-insensitive keys for lexicon lookups: "Köln", "KOELN" and "koln" differ, but
/// "Köln", "KÖLN" and "Koln" share the key "koln"; "ß" folds to "ss".
public enum Folding {
    /// Lower-cases, strips combining marks and maps a few letters so that names compare as a reader would.
    public static func key(_ text: some StringProtocol) -> String {
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
        var out = ""
        var pendingSpace = false
        for ch in key(text).unicodeScalars {
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
