extension String {
    /// The string of a run of scalars, encoded straight into UTF-8: what
    /// `String(String.UnicodeScalarView(slice))` gives, without appending scalar by scalar.
    init(scalars: ArraySlice<Unicode.Scalar>) {
        var byteCount = 0
        for scalar in scalars {
            let v = scalar.value
            byteCount += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
        }
        self.init(unsafeUninitializedCapacity: byteCount) { buffer in
            var i = 0
            for scalar in scalars {
                let v = scalar.value
                if v < 0x80 {
                    buffer[i] = UInt8(v); i += 1
                } else if v < 0x800 {
                    buffer[i] = UInt8(0xC0 | v >> 6); buffer[i + 1] = UInt8(0x80 | v & 0x3F); i += 2
                } else if v < 0x10000 {
                    buffer[i] = UInt8(0xE0 | v >> 12); buffer[i + 1] = UInt8(0x80 | v >> 6 & 0x3F)
                    buffer[i + 2] = UInt8(0x80 | v & 0x3F); i += 3
                } else {
                    buffer[i] = UInt8(0xF0 | v >> 18); buffer[i + 1] = UInt8(0x80 | v >> 12 & 0x3F)
                    buffer[i + 2] = UInt8(0x80 | v >> 6 & 0x3F); buffer[i + 3] = UInt8(0x80 | v & 0x3F); i += 4
                }
            }
            return i
        }
    }

    /// The string without the scalars at either end for which `isTrimmed` holds: what Foundation's
    /// `trimmingCharacters(in:)` gives for the set `isTrimmed` describes, without its pass over
    /// the whole string; the string itself when neither end is trimmed, as is usual.
    func trimmingScalars(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, isTrimmed(scalars[start]) { scalars.formIndex(after: &start) }
        while end > start, isTrimmed(scalars[scalars.index(before: end)]) { scalars.formIndex(before: &end) }
        return start == scalars.startIndex && end == scalars.endIndex ? self : String(scalars[start..<end])
    }
}

extension Array where Element == Unicode.Scalar {
    /// The scalars of `text`, decoded from its UTF-8 bytes in one pass. `Array(text.unicodeScalars)`
    /// decodes the text twice through the generic view, once to count and once to copy: 45
    /// instructions a scalar, more than the tokenizer spent on the scalars afterwards.
    init(scalarsOf text: String) {
        var text = text
        self = text.withUTF8 { bytes in
            // A scalar takes at least one byte: the byte count is room enough.
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                var n = 0
                UTF8Scalars.forEach(in: bytes) { value, _ in
                    // A `String` holds valid UTF-8, so every value is a scalar.
                    buffer[n] = Unicode.Scalar(value) ?? "\u{FFFD}"
                    n += 1
                }
                count = n
            }
        }
    }
}

extension StringProtocol {
    /// `count` (of `Character`s), from the byte count when the text is ASCII: counting
    /// characters finds grapheme boundaries, some 250 instructions for a short name.
    var characterCount: Int {
        withASCIIBytes { $0.count } ?? count
    }

    /// What `body` makes of the text's bytes, read in place, when they are all ASCII; nil when
    /// they are not (or not contiguous). Iterating `utf8` instead cost 25 instructions a byte.
    @inline(__always)
    func withASCIIBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) -> T? {
        let result: T?? = utf8.withContiguousStorageIfAvailable { bytes in
            // Eight bytes at a time, then the last few (a byte loop took four instructions a byte).
            var i = UTF8Scalars.skippingASCIIWords(bytes, from: 0, to: bytes.count)
            while i < bytes.count {
                if bytes[i] >= 0x80 { return nil }
                i += 1
            }
            return body(bytes)
        }
        return result ?? nil
    }

    /// `lowercased()`, byte by byte when the text is ASCII, where the two agree: the general
    /// Unicode mapping cost some 500 instructions a word, and the words looked up are nearly all
    /// ASCII.
    func lowercasedByBytes() -> String {
        let ascii: String?? = utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var hasUpper = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte >= 0x41 && byte <= 0x5A { hasUpper = true }
            }
            return hasUpper ? String(asciiLowercasing: bytes) : String(self)
        }
        if let ascii, let lowered = ascii { return lowered }
        return String(self).lowercased()
    }
}

extension String {
    /// ASCII `bytes` with A to Z lower-cased, written in place: no byte array between, and no
    /// allocation at all for up to 15 bytes (a small string). Both `lowercased()` and
    /// `Folding.key(_:)` are this for ASCII text.
    init(asciiLowercasing bytes: UnsafeBufferPointer<UInt8>) {
        self.init(unsafeUninitializedCapacity: bytes.count) { buffer in
            for k in bytes.indices {
                let byte = bytes[k]
                buffer[k] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            }
            return bytes.count
        }
    }

    /// ASCII `bytes` as a string, copied whole. `String(decoding:as:)` validates them as UTF-8
    /// first; an initializer that writes its bytes in place checks only that a small string (up
    /// to 15 bytes, nearly every token) is ASCII, and validates a longer one as before. For the
    /// tokenizer's texts, 32 instructions less a token (2 MB import: 10.5 M of 117 M).
    init(ascii bytes: UnsafeBufferPointer<UInt8>) {
        self.init(unsafeUninitializedCapacity: bytes.count) { buffer in
            guard let from = bytes.baseAddress, let to = buffer.baseAddress else { return 0 }
            to.update(from: from, count: bytes.count)
            return bytes.count
        }
    }

    /// Whether the text's UTF-8 bytes end with `suffix`, compared in place. `hasSuffix` compares
    /// `Character`s from the end: for a substring, a thousand instructions to test "'s".
    /// (On `String` only, with an index loop: a version on any `StringProtocol` cost the
    /// compound-cue test 200 million instructions more in a 2 MB import.)
    func endsWith(utf8 suffix: [UInt8]) -> Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.count >= suffix.count else { return false }
            let offset = bytes.count - suffix.count
            for k in suffix.indices where bytes[offset + k] != suffix[k] { return false }
            return true
        } ?? utf8.reversed().starts(with: suffix.reversed())
    }
}

extension StringProtocol {
    /// `first?.isUppercase == true`, read from the first byte when it is ASCII (a capital A to Z):
    /// `Character.isUppercase` finds the grapheme and looks its properties up, some 300
    /// instructions, and the name rules ask it of every word of every name.
    var startsUppercase: Bool {
        guard let lead = utf8.first else { return false }
        if lead < 0x80 { return lead >= 0x41 && lead <= 0x5A }
        return first?.isUppercase == true
    }

    /// `contains(where: \.isUppercase)` (by `Character`), by bytes when the text is ASCII, by
    /// scalars when it is Latin-1 (German words: 1,400 instructions a word by `Character`).
    var containsUppercase: Bool {
        withASCIIBytes { $0.contains { $0 >= 0x41 && $0 <= 0x5A } } ?? latin1ContainsUppercase
            ?? contains(where: \.isUppercase)
    }

    /// ``containsUppercase`` of a text whose scalars are all Latin-1 (up to U+00FF), nil for any
    /// other. There every scalar is a character of its own ("\r\n" is no capital), and
    /// `Character.isUppercase` holds for A to Z, À to Þ but ×, and the ordinals ª and º (which
    /// the scalar property does not count). ``FastPathTests`` checks every scalar of the block.
    var latin1ContainsUppercase: Bool? {
        var found = false
        for scalar in unicodeScalars {
            let v = scalar.value
            guard v <= 0xFF else { return nil }
            if (v >= 0x41 && v <= 0x5A) || (v >= 0xC0 && v <= 0xDE && v != 0xD7) || v == 0xAA || v == 0xBA { found = true }
        }
        return found
    }

    /// `allSatisfy { !$0.isLowercase }` (by `Character`), by bytes when the text is ASCII.
    var hasNoLowercase: Bool {
        withASCIIBytes { !$0.contains { $0 >= 0x61 && $0 <= 0x7A } } ?? allSatisfy { !$0.isLowercase }
    }
}

/// Up to 15 ASCII bytes in the two words a small `String` is made of, so that a string of them
/// costs no call: `String(unsafeUninitializedCapacity:initializingUTF8With:)` with a copying
/// closure cost the tokenizer about 110 instructions a string (2 MB import: 433,000 strings, 52 M).
///
/// A small string on a 64-bit little-endian platform holds its bytes in order in its two words,
/// and its count and flags in the top byte of the second (0xE0 | count for ASCII). That layout is
/// the standard library's, not a promise to this code: ``isAvailable`` compares it, once, with the
/// strings the library makes of the same bytes at every length, and where they differ (another
/// platform or library) callers make their strings the ordinary way.
struct SmallASCII {
    /// The most bytes a small string holds.
    static let capacity = 15

    private let low: UInt64
    private let high: UInt64
    private let count: Int

    private init(low: UInt64, high: UInt64, count: Int) {
        self.low = low
        self.high = high
        self.count = count
    }

    /// The bytes of `text[range]`: at most ``capacity``, all ASCII. Read as two words where 16
    /// bytes from the range's start are inside `text` (the bytes past the range cleared), else
    /// byte by byte.
    @inline(__always)
    init(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        let n = min(range.count, SmallASCII.capacity)
        count = n
        if let base = text.baseAddress, range.lowerBound >= 0, range.lowerBound + 16 <= text.count {
            let raw = UnsafeRawPointer(base + range.lowerBound)
            low = SmallASCII.firstBytes(raw.loadUnaligned(as: UInt64.self), n)
            high = n > 8 ? SmallASCII.firstBytes(raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self), n - 8) : 0
            return
        }
        var low: UInt64 = 0
        var high: UInt64 = 0
        for k in 0..<n {
            let byte = UInt64(text[range.lowerBound + k])
            if k < 8 { low |= byte &<< UInt64(k &* 8) } else { high |= byte &<< UInt64((k - 8) &* 8) }
        }
        self.low = low
        self.high = high
    }

    /// The first `n` bytes (in memory order) of a word read from memory, the others cleared.
    @inline(__always)
    private static func firstBytes(_ word: UInt64, _ n: Int) -> UInt64 {
        n >= 8 ? word : word & ((1 &<< UInt64(n &* 8)) &- 1)
    }

    /// The same bytes with A to Z lower-cased, eight at a time: every byte is below 0x80, so
    /// adding 0x3F (0x25) to each sets its top bit exactly when it is at least "A" (past "Z"),
    /// with no carry into the next byte; a capital's top bit, moved down two, is its 0x20.
    func lowercased() -> SmallASCII {
        SmallASCII(low: SmallASCII.lowercased(low), high: SmallASCII.lowercased(high), count: count)
    }

    @inline(__always)
    private static func lowercased(_ word: UInt64) -> UInt64 {
        let atLeastA = word &+ 0x3F3F_3F3F_3F3F_3F3F
        let pastZ = word &+ 0x2525_2525_2525_2525
        return word | (atLeastA & ~pastZ & 0x8080_8080_8080_8080) &>> 2
    }

    /// The two words of the small string of these bytes.
    @inline(__always)
    private var words: (UInt64, UInt64) {
        (low, high | (0xE0 | UInt64(truncatingIfNeeded: count)) &<< 56)
    }

    /// The string of these bytes. Only where ``isAvailable``. Moved out of the two words' memory,
    /// not bit-cast: a cast's result is borrowed, and the copy the caller then owns cost a
    /// `swift_bridgeObjectRetain` a string (2 MB import: 420,000 calls, 7 M instructions).
    @inline(__always)
    var string: String {
        var words = words
        return withUnsafeMutableBytes(of: &words) { raw in
            raw.baseAddress.map { $0.bindMemory(to: String.self, capacity: 1).move() } ?? ""
        }
    }

    /// Whether ``string`` gives, word for word, the string the standard library makes of the same
    /// bytes, for every length up to ``capacity``, read either way: checked before any string is
    /// made so.
    static let isAvailable: Bool = {
        #if arch(x86_64) || arch(arm64)
        let sample = Array("Ab9-.&'z Q_~@/Mx0123456789abcdef".utf8)
        return sample.withUnsafeBufferPointer { text in
            for count in 0...capacity {
                // Read as words (16 bytes inside the text) and byte by byte (at its end).
                for start in [0, text.count - count] {
                    let reference = String(decoding: text[start..<(start + count)], as: UTF8.self)
                    let small = SmallASCII(text, start..<(start + count))
                    guard small.words == unsafeBitCast(reference, to: (UInt64, UInt64).self) else { return false }
                    let made = small.string
                    guard made == reference, made.utf8.count == count else { return false }
                }
            }
            return true
        }
        #else
        return false
        #endif
    }()
}
