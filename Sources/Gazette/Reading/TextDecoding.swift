/// The text encodings an input file may be in. UTF-8 is the default and is validated strictly;
/// the others exist for old scraped pages and never fail.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"
    case latin1 = "iso-8859-1"

    /// Decodes bytes, or throws naming the first invalid byte.
    public func decode(_ bytes: [UInt8], path: String) throws(GazetteError) -> String {
        switch self {
        case .utf8:
            if let bad = TextEncoding.firstInvalidUTF8Offset(bytes) {
                throw .invalidEncoding(path: path, encoding: rawValue, byteOffset: bad)
            }
            // A byte-order mark carries no text.
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            return String(decoding: body, as: UTF8.self)
        case .latin1:
            return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        case .windows1252:
            var scalars = String.UnicodeScalarView()
            for byte in bytes {
                if (0x80...0x9F).contains(byte), let s = Unicode.Scalar(TextEncoding.cp1252High[Int(byte - 0x80)]) {
                    scalars.append(s)
                } else {
                    scalars.append(Unicode.Scalar(byte))
                }
            }
            return String(scalars)
        }
    }

    /// True when the bytes look binary: a NUL byte, or many control bytes, in the first 8 KiB.
    public static func looksBinary(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer(looksBinary)
    }

    static func looksBinary(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = min(buffer.count, 8192)
        guard let base = buffer.baseAddress else { return false }
        var controls = 0
        var i = 0
        while i < count {
            // Eight bytes at a time: most words of text have no byte below 0x20 at all (the
            // bit trick marks exactly those bytes), and only a word with one is read by byte.
            if i + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self))
                if belowSpace(word) == 0 { i += 8; continue }
            }
            let end = min(i + 8, count)
            while i < end {
                let byte = buffer[i]
                if byte == 0 { return true }
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C { controls += 1 }
                i += 1
            }
        }
        return count > 0 && controls * 20 > count
    }

    /// The high bit of each byte of `word` below 0x20, and no other bit: setting each byte's high
    /// bit before subtracting 0x20 keeps a borrow from crossing into the next byte.
    @inline(__always)
    static func belowSpace(_ word: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        return ~((word | high) &- 0x2020_2020_2020_2020) & ~word & high
    }

    /// The offset of the first byte that is not part of a well-formed UTF-8 sequence, or nil.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer(firstInvalidUTF8Offset)
    }

    static func firstInvalidUTF8Offset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            i = UTF8Scalars.skippingASCIIWords(bytes, from: i, to: n)
            guard i < n else { break }
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            for k in 1..<length {
                let c = bytes[i + k]
                let (lo, hi) = k == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                if c < lo || c > hi { return i }
            }
            i += length
        }
        return nil
    }

    /// Windows-1252 code points for bytes 0x80...0x9F (undefined bytes map to their Latin-1 C1 control).
    private static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
}
