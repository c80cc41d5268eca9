import Foundation

/// Normalizes raw document text: Unicode NFC, one kind of space and line break, web boilerplate
/// lines removed, paragraphs separated by one blank line.
///
/// For example:
///
/// ```swift
/// normalizer.normalize("Skip links\r\n\r\nPanjin\u{00A0}Port  opened.\n")  // "Panjin Port opened."
/// ```
public struct TextNormalizer: Sendable {
    let rules: NormalizationRules
    /// The first two bytes of the boilerplate keys that begin with two ASCII bytes, as
    /// `first << 7 | second`, to rule a line out before folding it; nil when a key is shorter
    /// (then the first byte alone decides).
    let boilerplateHeads: [Bool]?
    /// The ASCII first bytes of the boilerplate keys, bit `b` of the pair for byte `b` (the
    /// pre-test asks only for ASCII bytes; a `Set<UInt8>` probe was a hash per line).
    let boilerplateFirstBytes: (low: UInt64, high: UInt64)
    /// Each boilerplate key's first eight bytes (fewer for a shorter key), packed little-endian,
    /// and how many: a line whose key cannot start with any of them is no boilerplate. Nil when a
    /// key is empty or has other bytes than ASCII there.
    let boilerplateWindows: [(bytes: UInt64, count: Int)]?

    public init(rules: NormalizationRules) {
        self.rules = rules
        var firstBytes: (low: UInt64, high: UInt64) = (0, 0)
        for first in rules.boilerplate.compactMap({ $0.key.utf8.first }) where first < 0x80 {
            if first < 64 { firstBytes.low |= 1 << UInt64(first) } else { firstBytes.high |= 1 << UInt64(first - 64) }
        }
        boilerplateFirstBytes = firstBytes
        var heads = [Bool](repeating: false, count: 1 << 14)
        var usable = true
        for item in rules.boilerplate {
            let bytes = Array(item.key.utf8.prefix(2))
            guard bytes.count == 2 else { usable = false; break }
            if bytes[0] < 0x80 && bytes[1] < 0x80 { heads[Int(bytes[0]) << 7 | Int(bytes[1])] = true }
        }
        boilerplateHeads = usable ? heads : nil
        let windows = rules.boilerplate.map { item -> (bytes: UInt64, count: Int)? in
            let bytes = Array(item.key.utf8.prefix(8))
            guard !bytes.isEmpty, bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return (bytes.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }, bytes.count)
        }
        boilerplateWindows = windows.contains { $0 == nil } ? nil : windows.compactMap { $0 }
    }

    /// The normalized text; empty when nothing but boilerplate and whitespace was there.
    ///
    /// One pass over the UTF-8 bytes: lines go into one byte buffer (their ranges kept aside),
    /// then the kept lines are joined. Scalars are decoded only to classify them; kept ones are
    /// copied as they came.
    public func normalize(_ raw: String) -> String {
        // Text that is certainly NFC already need not be composed (a copy through Foundation).
        var nfc = TextNormalizer.isNFCWithoutWork(raw) ? raw : raw.precomposedStringWithCanonicalMapping
        let normalized = nfc.withUTF8 { bytes -> Normalized in
            var buffer: [UInt8] = []
            buffer.reserveCapacity(bytes.count)
            var lines: [Range<Int>] = []
            var lineStart = 0
            var pendingSpace = false
            var previousWasCR = false
            // Line ends are written out where they happen: a local function capturing these
            // variables made Swift check exclusive access to them at run time, once per byte.
            var i = 0
            while i < bytes.count {
                // A run of printable ASCII is copied whole: byte by byte, the appends were most of
                // this loop. The run takes in a single space between printable bytes, which the
                // general path below would write as the same one space: one append a stretch of
                // prose instead of one a word.
                if bytes[i] > 0x20 && bytes[i] < 0x7F {
                    if pendingSpace { buffer.append(0x20); pendingSpace = false }
                    let end = TextNormalizer.printableRunEnd(bytes, from: i + 1)
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<end]))
                    previousWasCR = false
                    i = end
                    continue
                }
                let (value, length) = bytes[i] < 0x80 ? (UInt32(bytes[i]), 1) : UTF8Scalars.decode(bytes, at: i)
                defer { i += length }
                switch value {
                case 0x0A:
                    if !previousWasCR {
                        lines.append(lineStart..<buffer.count)
                        lineStart = buffer.count
                        pendingSpace = false
                    }
                    previousWasCR = false
                    continue
                case 0x0D, 0x2028, 0x2029, 0x0B, 0x0C, 0x85:
                    lines.append(lineStart..<buffer.count)
                    lineStart = buffer.count
                    pendingSpace = false
                    previousWasCR = value == 0x0D
                    continue
                case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                    if buffer.count > lineStart { pendingSpace = true }
                case 0x00AD, 0x200B...0x200D, 0x2060, 0xFEFF:
                    break  // soft hyphen and zero-width characters carry no text
                case 0x00...0x1F, 0x7F...0x9F:
                    break  // other control characters
                default:
                    if pendingSpace { buffer.append(0x20); pendingSpace = false }
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]))
                }
                previousWasCR = false
            }
            lines.append(lineStart..<buffer.count)

            var out: [UInt8] = []
            out.reserveCapacity(buffer.count + lines.count)
            var blank = false
            for line in lines {
                if line.isEmpty || isBoilerplate(buffer[line]) {
                    // A removed boilerplate line counts as a paragraph break, never as glue.
                    blank = blank || !out.isEmpty
                    continue
                }
                if !out.isEmpty { out.append(0x0A) }
                if blank { out.append(0x0A) }
                blank = false
                out.append(contentsOf: buffer[line])
            }
            // Most texts come out as they went in, or as the start of it (the last line break
            // dropped): then the result is cut from the text itself, whose bytes are known to be
            // UTF-8. `String(decoding:as:)` validated every byte again, 14 million instructions
            // on 2 MB; the comparison costs about one instruction in ten of that.
            if TextNormalizer.isPrefix(out, of: bytes) { return .prefix(out.count) }
            return .text(String(decoding: out, as: UTF8.self))
        }
        switch normalized {
        case .text(let text):
            return text
        case .prefix(let count):
            // The whole text is the text itself; a prefix ends where a kept scalar ends, as `out`
            // is whole scalars. Cut by the UTF-8 view, which does not round to a `Character`.
            let utf8 = nfc.utf8
            return String(Substring(utf8[utf8.startIndex..<utf8.index(utf8.startIndex, offsetBy: count)]))
        }
    }

    /// Where the run of printable ASCII that goes on at `start` (just past a printable byte) ends:
    /// it takes in a single space between printable bytes, which the general path would write as
    /// the same one space.
    static func printableRunEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var end = start
        while end < bytes.count {
            // Eight bytes at once: the steps below take every byte up to the first that is neither
            // printable nor a space before a printable byte (a space last in the eight is counted
            // as one: the step reads the byte after it). A byte at a time, this loop took seven
            // instructions a byte of the whole text.
            if end + 8 <= bytes.count, let base = bytes.baseAddress {
                let word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: end, as: UInt64.self))
                let printable = ASCIIFlags.inRange(word, 0x21, 0x7E)
                let spaces = ASCIIFlags.inRange(word, 0x20, 0x20)
                let stops = ~(printable | spaces) & ASCIIFlags.high | spaces & ~(printable >> 8)
                if stops == 0 {
                    end += 8
                    continue
                }
                // The byte before the first stop is printable (a space before it would stop too).
                end += stops.trailingZeroBitCount >> 3
            }
            let byte = bytes[end]
            if byte > 0x20 && byte < 0x7F {
                end += 1
            } else if byte == 0x20, end + 1 < bytes.count, bytes[end + 1] > 0x20 && bytes[end + 1] < 0x7F {
                end += 2
            } else {
                break
            }
        }
        return end
    }

    /// What ``normalize(_:)`` made: a new text, or the first bytes of the composed input unchanged.
    private enum Normalized {
        case text(String)
        case prefix(Int)
    }

    /// Whether `out` is the first `out.count` bytes of `bytes`.
    static func isPrefix(_ out: [UInt8], of bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard out.count <= bytes.count else { return false }
        return out.withUnsafeBufferPointer { kept in
            guard let from = kept.baseAddress, let base = bytes.baseAddress else { return kept.isEmpty }
            return memcmp(from, base, kept.count) == 0
        }
    }

    /// ``isBoilerplate(_:)`` on a line's bytes, ruling most lines out before making a string.
    func isBoilerplate(_ line: ArraySlice<UInt8>) -> Bool {
        // Most lines can be ruled out by their first two bytes without folding them: a line whose
        // first letter or digit is ASCII has a key that starts with it, lower-cased, and an ASCII
        // byte after it comes next in the key (folded as `Folding.key` folds it), unless the key
        // ends there, which no boilerplate key of two or more bytes can match.
        // A quote, dash, bullet or "©" before it is passed over as ASCII punctuation is (lines that
        // open with "•", "„" or "©" were a third of those folded into keys for nothing).
        var i = line.startIndex
        while i < line.endIndex {
            let byte = line[i]
            if byte >= 0x80 {
                guard let length = TextNormalizer.leadingMarkLength(line, at: i) else { break }
                i += length
                continue
            }
            if ScalarClass.isASCIIAlphanumeric(byte) {
                let first = TextNormalizer.foldedASCII(byte)
                let firstBits = first < 64 ? boilerplateFirstBytes.low >> UInt64(first) : boilerplateFirstBytes.high >> UInt64(first - 64)
                guard firstBits & 1 != 0 else { return false }
                if let heads = boilerplateHeads, i + 1 < line.endIndex, line[i + 1] < 0x80 {
                    guard heads[Int(first) << 7 | Int(TextNormalizer.foldedASCII(line[i + 1]))] else { return false }
                }
                if let windows = boilerplateWindows, !mayStartKey(line, at: i, windows) { return false }
                break
            }
            i += 1
        }
        // At most 300 scalars, counted over the bytes (a scalar's first byte is no continuation
        // byte): most lines that get here are paragraphs, and counting a string's scalars cost
        // more than the rest of the test.
        var scalars = 0
        for byte in line where byte & 0xC0 != 0x80 {
            scalars += 1
            if scalars > 300 { return false }
        }
        return matchesBoilerplate(String(decoding: line, as: UTF8.self))
    }

    /// The UTF-8 length of the scalar at `i` when it is one that `NormalizationRules.lineKey`
    /// trims from a line's start as it trims ASCII punctuation: U+2010 to U+2027 (dashes, quotes,
    /// daggers, bullets, leaders; `Folding.key` folds each to itself, a hyphen-minus or an
    /// apostrophe, never to a letter or digit), "©", "«" and "»". Nil for any other scalar.
    static func leadingMarkLength(_ line: ArraySlice<UInt8>, at i: Int) -> Int? {
        let lead = line[i]
        if lead == 0xC2, i + 1 < line.endIndex {
            let next = line[i + 1]
            return next == 0xA9 || next == 0xAB || next == 0xBB ? 2 : nil
        }
        // U+2010 to U+2027 are E2 80 90 to E2 80 A7.
        if lead == 0xE2, i + 2 < line.endIndex, line[i + 1] == 0x80, line[i + 2] >= 0x90 && line[i + 2] <= 0xA7 {
            return 3
        }
        return nil
    }

    /// Whether the key of `line`, whose first letter or digit is the ASCII byte at `start` with
    /// only ASCII or ``leadingMarkLength(_:at:)`` marks before it, can equal or start with a boilerplate key, by its first eight bytes:
    /// where the line's next bytes are ASCII they are the key's, folded (the key may end sooner,
    /// trimmed, but then it is shorter than the boilerplate key and cannot match it either). A key
    /// longer than the ASCII bytes at hand is not ruled out. Two thirds of the lines that passed
    /// the first two bytes were folded into strings for nothing.
    func mayStartKey(_ line: ArraySlice<UInt8>, at start: Int, _ windows: [(bytes: UInt64, count: Int)]) -> Bool {
        var window: UInt64 = 0
        var available = 0
        while available < 8, start + available < line.endIndex, line[start + available] < 0x80 {
            window |= UInt64(TextNormalizer.foldedASCII(line[start + available])) << (8 * UInt64(available))
            available += 1
        }
        for item in windows {
            if item.count > available { return true }
            let mask: UInt64 = item.count == 8 ? ~0 : (1 << (8 * UInt64(item.count))) - 1
            if window & mask == item.bytes { return true }
        }
        return false
    }

    /// An ASCII byte as `Folding.key` folds it: letters lower-cased, the backtick an apostrophe.
    static func foldedASCII(_ byte: UInt8) -> UInt8 {
        if byte >= 0x41 && byte <= 0x5A { return byte | 0x20 }
        return byte == 0x60 ? 0x27 : byte
    }

    func isBoilerplate(_ line: String) -> Bool {
        guard line.unicodeScalars.count <= 300 else { return false }
        return matchesBoilerplate(line)
    }

    /// ``isBoilerplate(_:)`` for a line known to be short enough.
    private func matchesBoilerplate(_ line: String) -> Bool {
        let key = NormalizationRules.lineKey(line)
        guard !key.isEmpty else { return false }
        for item in rules.boilerplate where item.prefix ? key.hasPrefix(item.key) : key == item.key {
            return true
        }
        return false
    }

    /// True when `text` is certainly in NFC already: every scalar is ASCII, Latin-1, Latin
    /// Extended (below the combining marks at U+0300), Latin Extended Additional, general
    /// punctuation and currency signs (but the two quads that NFC maps to other spaces), or
    /// CJK ideographs. Composing such text would only copy it through Foundation.
    static func isNFCWithoutWork(_ text: String) -> Bool {
        // Decoded from the bytes in place: the generic scalar view cost 25 instructions a scalar.
        // Eight ASCII bytes are passed over at once: ASCII is below U+0300, and most of a text is ASCII.
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                i = UTF8Scalars.skippingASCIIWords(bytes, from: i, to: bytes.count)
                guard i < bytes.count else { break }
                if bytes[i] < 0x80 { i += 1; continue }
                let (value, length) = UTF8Scalars.decode(bytes, at: i)
                switch value {
                case 0..<0x300, 0x1E00...0x1EFF, 0x2002...0x20CF, 0x3400...0x4DBF, 0x4E00...0x9FFF: break
                default: return false
                }
                i += length
            }
            return true
        }
    }
}
