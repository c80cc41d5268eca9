import Foundation

/// Case- and accent-insensitive keys for lexicon lookups: "Köln", "KOELN" and "koln" differ, but
/// "Köln", "KÖLN" and "Koln" share the key "koln"; "ß" folds to "ss", "ø" to "o".
public enum Folding {
    /// Lower-cases, strips combining marks and maps a few letters so that names compare as a reader would.
    public static func key(_ text: some StringProtocol) -> String {
        // The bytes in place when the string has them contiguous (native strings and their
        // substrings do): iterating a `UTF8View` cost several times the folding itself, and a
        // substring's ten times (a profile counted 1,000 instructions to fold a word).
        if let key = text.utf8.withContiguousStorageIfAvailable({ key(utf8: $0, of: text) }) { return key }
        var copy = String(text)
        copy.makeContiguousUTF8()
        let native = copy
        // A native string's bytes are contiguous; the general rule stands behind it regardless.
        return native.utf8.withContiguousStorageIfAvailable { key(utf8: $0, of: native) } ?? decomposedKey(native)
    }

    /// The key of `text`, whose UTF-8 bytes are `bytes`.
    private static func key(utf8 bytes: UnsafeBufferPointer<UInt8>, of text: some StringProtocol) -> String {
        // Most tokens are ASCII: lower-case their bytes without Unicode decomposition.
        var ascii = true
        var hasUpper = false
        for byte in bytes {
            if byte >= 0x80 || byte == 0x60 { ascii = false; break }  // "`" folds to "'"
            if byte >= 0x41 && byte <= 0x5A { hasUpper = true }
        }
        if ascii {
            return hasUpper ? String(asciiLowercasing: bytes) : String(text)
        }
        // Otherwise by table for ASCII, Latin-1 and typographic quotes and dashes (German and English
        // news), straight into the key's storage; only a text with other scalars takes the buffer
        // below, which sends their runs through Foundation's decomposition.
        return tableFoldedKey(bytes) ?? bufferedKey(bytes)
    }

    /// The key of non-ASCII `bytes` when every scalar folds by table, written in place into the
    /// string's storage; nil when one needs decomposition. The folded bytes of a scalar are never
    /// more than its own, so the key fits in `bytes.count`, and a key of up to 15 bytes (most
    /// words) is a small string: no allocation at all. Folding into a byte array and decoding it
    /// as a string cost about 1,275 instructions a word (9 M on the 2 MB import, German words and
    /// lines with a dash or a quote).
    static func tableFoldedKey(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var complete = true
        let key = String(unsafeUninitializedCapacity: bytes.count) { buffer in
            var count = 0
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte < 0x80 {
                    buffer[count] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte == 0x60 ? 0x27 : byte
                    count += 1
                    i += 1
                    continue
                }
                let (value, length) = UTF8Scalars.decode(bytes, at: i)
                guard let (packed, folded) = foldedByTable(value), folded <= length else {
                    complete = false
                    return 0
                }
                for k in 0..<folded { buffer[count + k] = UInt8(truncatingIfNeeded: packed >> (8 * k)) }
                count += folded
                i += length
            }
            return count
        }
        return complete ? key : nil
    }

    /// The key of non-ASCII `bytes` through a byte buffer: scalars folded by table, runs of other
    /// scalars through Foundation's decomposition. Folding is per scalar after decomposition, so
    /// folding runs apart gives the same key as folding it whole. Runs of ASCII are copied whole
    /// and lower-cased in place: a text with one dash or accent (a document's head, a German word)
    /// is still mostly ASCII, and folding it a scalar at a time cost 58 instructions a byte.
    static func bufferedKey(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var folded = FoldedBytes(capacity: bytes.count)
        var i = 0
        while i < bytes.count {
            var end = i
            while end < bytes.count, bytes[end] < 0x80 { end += 1 }
            if end > i {
                folded.appendASCII(UnsafeBufferPointer(rebasing: bytes[i..<end]))
                i = end
                continue
            }
            let (value, length) = UTF8Scalars.decode(bytes, at: i)
            folded.fold(value)
            i += length
        }
        folded.flushSlow()
        return String(decoding: folded.out, as: UTF8.self)
    }

    /// The folded UTF-8 bytes of scalar `v` by table, packed first byte lowest, and how many; nil
    /// when `v` goes through decomposition. Never more bytes than `v`'s own UTF-8.
    @inline(__always)
    static func foldedByTable(_ v: UInt32) -> (packed: UInt32, count: Int)? {
        switch v {
        case 0x41...0x5A: return (v | 0x20, 1)
        case 0x60: return (0x27, 1)
        case 0x00...0x7F: return (v, 1)
        case 0xDF: return (0x7373, 2)
        case 0x2018, 0x2019, 0xB4: return (0x27, 1)
        case 0x2010...0x2014: return (0x2D, 1)
        case 0xC0...0xFF where v != 0xD7 && v != 0xF7 && latinBase[Int(v - 0xC0)] != nil:
            return (latinBase[Int(v - 0xC0)]?.value ?? 0x3F, 1)
        // Scalars of the check corpus that went through Foundation's decomposition, one run at a
        // time (about 5,000 instructions a run): Latin-1 signs and spaces, „ “ ” • …, which fold
        // to themselves, and the Polish letters (ł keeps its stroke; ź ń ś lose their accent).
        case 0x80...0xBF, 0x201C...0x201E, 0x2022, 0x2026, 0x142: return utf8(v)
        case 0x141: return utf8(0x142)
        case 0x179, 0x17A: return (0x7A, 1)
        case 0x143, 0x144: return (0x6E, 1)
        case 0x15A, 0x15B: return (0x73, 1)
        default: return nil
        }
    }

    /// The UTF-8 bytes of `v` (at least U+0080, below U+10000), packed first byte lowest.
    @inline(__always)
    private static func utf8(_ v: UInt32) -> (packed: UInt32, count: Int) {
        if v < 0x800 { return ((0xC0 | v >> 6) | (0x80 | v & 0x3F) << 8, 2) }
        return ((0xE0 | v >> 12) | (0x80 | (v >> 6) & 0x3F) << 8 | (0x80 | v & 0x3F) << 16, 3)
    }

    /// A key being built: bytes folded by table, and the run of other scalars waiting for
    /// decomposition. A struct with mutating methods, not a local function capturing variables,
    /// which Swift checks for exclusive access at run time on every scalar.
    struct FoldedBytes {
        var out: [UInt8] = []
        var slow = String.UnicodeScalarView()
        /// Whether `slow` has scalars: a flag, because `String.UnicodeScalarView.isEmpty`, asked
        /// before every byte, cost as much as folding the byte.
        var hasSlow = false

        init(capacity: Int) {
            out.reserveCapacity(capacity)
        }

        /// Appends one scalar (its value), folded by table or left waiting for decomposition.
        mutating func fold(_ v: UInt32) {
            guard let (packed, count) = Folding.foldedByTable(v) else {
                if let scalar = Unicode.Scalar(v) { slow.append(scalar); hasSlow = true }
                return
            }
            flushSlow()
            for k in 0..<count { out.append(UInt8(truncatingIfNeeded: packed >> (8 * k))) }
        }

        /// Appends ASCII bytes folded (capitals lower-cased, "`" as "'"), after the waiting scalars.
        mutating func appendASCII(_ run: UnsafeBufferPointer<UInt8>) {
            flushSlow()
            let start = out.count
            out.append(contentsOf: run)
            out.withUnsafeMutableBufferPointer { buffer in
                for k in start..<buffer.count {
                    let byte = buffer[k]
                    if byte >= 0x41 && byte <= 0x5A {
                        buffer[k] = byte | 0x20
                    } else if byte == 0x60 {
                        buffer[k] = 0x27
                    }
                }
            }
        }

        mutating func flushSlow() {
            guard hasSlow else { return }
            out.append(contentsOf: Folding.decomposedKey(String(slow)).utf8)
            slow = String.UnicodeScalarView()
            hasSlow = false
        }
    }

    /// The general rule, through canonical decomposition: marks dropped, lower-case mapping, "ß" as
    /// "ss", typographic quotes and dashes as ASCII ones.
    static func decomposedKey(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
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

    /// Base letters of U+00C0…U+00FF, lower case; nil (the slow path) where there is none (Æ, Ð, Þ, ×, ÷).
    static let latinBase: [Unicode.Scalar?] = ("aaaaaa_ceeeeiiii_nooooo_ouuuuy__" + "aaaaaa_ceeeeiiii_nooooo_ouuuuy_y")
        .unicodeScalars.map { $0 == "_" ? nil : $0 }

    /// A key for matching names: `key(_:)` with every run of non-alphanumerics made one space,
    /// so "BMW-Brilliance" and "BMW Brilliance" meet.
    public static func nameKey(_ text: some StringProtocol) -> String {
        // ASCII (most names and aliases) in one pass over the bytes in place: folding first built
        // the lower-cased key as a string of its own, only to read it again here (a profile counted
        // 1,000 instructions an ASCII name, 16,000 place names and aliases in a 2 MB corpus).
        if let key = text.utf8.withContiguousStorageIfAvailable({ asciiNameKey($0, of: text) }), let key { return key }
        return nameKey(folded: key(text))
    }

    /// ``nameKey(_:)`` of ASCII bytes `bytes` (those of `text`), or nil when a byte is not ASCII.
    /// The same rule as ``key(_:)`` then ``nameKey(folded:)``: capitals lower-cased, every run of
    /// other bytes than letters and digits one space (inside the key only; "`", folded to "'",
    /// is such a byte either way).
    static func asciiNameKey(_ bytes: UnsafeBufferPointer<UInt8>, of text: some StringProtocol) -> String? {
        var plain = true
        for byte in bytes where !((byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)) {
            if byte >= 0x80 { return nil }
            plain = false
        }
        // Lower-case letters and digits only: the text is its own key.
        if plain { return String(text) }
        return collapsedASCIIKey(bytes)
    }

    /// ASCII `bytes` as a name key, written in place: letters lower-cased, digits kept, and each
    /// run of other bytes one space between words (none at the ends).
    static func collapsedASCIIKey(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { writeCollapsedASCIIKey(bytes, into: $0) }
    }

    /// ``collapsedASCIIKey(_:)``'s bytes written into `buffer` (at least `bytes.count` long);
    /// returns how many.
    @inline(__always)
    static func writeCollapsedASCIIKey(_ bytes: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var count = 0
        var pendingSpace = false
        for byte in bytes {
            let lower = byte | 0x20
            if (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                if pendingSpace && count > 0 { buffer[count] = 0x20; count += 1 }
                pendingSpace = false
                // A capital's lower case; a digit's bit 0x20 is set already.
                buffer[count] = lower
                count += 1
            } else {
                pendingSpace = true
            }
        }
        return count
    }

    /// ``nameKey(_:)`` of a text whose ``key(_:)`` is `folded` (a token's `key`): the folding
    /// is not done twice.
    public static func nameKey(folded: String) -> String {
        // One look at the bytes, in place: ASCII letters and digits only (the key itself), or ASCII.
        let (alphanumeric, ascii) = folded.utf8.withContiguousStorageIfAvailable { bytes -> (Bool, Bool) in
            var alphanumeric = true
            for byte in bytes where !((byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)) {
                alphanumeric = false
                if byte >= 0x80 { return (false, false) }
            }
            return (alphanumeric, true)
        } ?? (false, folded.utf8.allSatisfy { $0 < 0x80 })
        if alphanumeric { return folded }
        // ASCII with separators ("bmw-brilliance", "co., ltd."): the same rule over bytes, written
        // in place, instead of a string grown one scalar at a time.
        if ascii {
            var folded = folded
            // A folded key has no capitals, so lower-casing writes its bytes as they are.
            return folded.withUTF8(collapsedASCIIKey)
        }
        var out = ""
        var pendingSpace = false
        for ch in folded.unicodeScalars {
            // ASCII by range: Unicode property look-ups were a twelfth of the mention stage.
            let isAlphanumeric = ch.isASCII
                ? (ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z") || (ch >= "0" && ch <= "9")
                : ch.properties.isAlphabetic
            if isAlphanumeric {
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
