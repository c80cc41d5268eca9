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
        if let latin = latinKey(text) { return latin }
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

    /// The key of Latin-1 text with typographic quotes and dashes, by table: the common case of
    /// German and English news, without Foundation's decomposition. Nil for anything else.
    static func latinKey(_ text: some StringProtocol) -> String? {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x41...0x5A: out.append(Unicode.Scalar(v | 0x20)!)
            case 0x00...0x7F: out.append(v == 0x60 ? "'" : scalar)
            case 0xDF: out.append("s"); out.append("s")
            case 0x2018, 0x2019, 0xB4: out.append("'")
            case 0x2010...0x2014: out.append("-")
            case 0xC0...0xFF:
                guard v != 0xD7, v != 0xF7, let base = latinBase[Int(v - 0xC0)] else { return nil }
                out.append(base)
            default: return nil
            }
        }
        return String(out)
    }

    /// Base letters of U+00C0…U+00FF, lower case; nil (the slow path) where there is none (Æ, Ð, Þ, ×, ÷).
    static let latinBase: [Unicode.Scalar?] = ("aaaaaa_ceeeeiiii_nooooo_ouuuuy__" + "aaaaaa_ceeeeiiii_nooooo_ouuuuy_y")
        .unicodeScalars.map { $0 == "_" ? nil : $0 }

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
