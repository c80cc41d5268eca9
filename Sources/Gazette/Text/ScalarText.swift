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
            for byte in bytes where byte >= 0x80 { return nil }
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

    /// `contains(where: \.isUppercase)` (by `Character`), by bytes when the text is ASCII.
    var containsUppercase: Bool {
        withASCIIBytes { $0.contains { $0 >= 0x41 && $0 <= 0x5A } } ?? contains(where: \.isUppercase)
    }

    /// `allSatisfy { !$0.isLowercase }` (by `Character`), by bytes when the text is ASCII.
    var hasNoLowercase: Bool {
        withASCIIBytes { !$0.contains { $0 >= 0x61 && $0 <= 0x7A } } ?? allSatisfy { !$0.isLowercase }
    }
}
