/// Unicode properties of a scalar, answered by range for ASCII, where the answers are fixed, and
/// by the property tables otherwise. A property look-up costs about a hundred instructions, and
/// the sentence splitter asks about most scalars around every period.
enum ScalarClass {
    /// `properties.isWhitespace`: tab to carriage return and the space in ASCII.
    @inline(__always)
    static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        c.isASCII ? c.value == 0x20 || (c.value >= 0x09 && c.value <= 0x0D) : c.properties.isWhitespace
    }

    /// `properties.isAlphabetic`: the Latin letters in ASCII.
    @inline(__always)
    static func isAlphabetic(_ c: Unicode.Scalar) -> Bool {
        c.isASCII ? (c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A : knownAlphabetic(c.value) ?? c.properties.isAlphabetic
    }

    /// `properties.isAlphabetic` of a scalar past ASCII where the answer is fixed and the genre's
    /// text has most of its scalars: Latin-1 and Latin Extended-A and -B (letters but for × and
    /// ÷, and ª µ º below them) and General Punctuation (dashes, quotes: none); nil elsewhere.
    /// German text asked the property tables about every umlaut and quote.
    @inline(__always)
    static func knownAlphabetic(_ v: UInt32) -> Bool? {
        if v <= 0x24F { return v >= 0xC0 ? v != 0xD7 && v != 0xF7 : v == 0xAA || v == 0xB5 || v == 0xBA }
        if v >= 0x2000 && v <= 0x206F { return false }
        return nil
    }

    /// An ASCII letter or digit byte.
    @inline(__always)
    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    /// A scalar that makes words for the tokenizer and the sentence splitter: an ASCII letter or
    /// digit, or any alphabetic scalar (`properties.isAlphabetic`; digits of other scripts are not).
    @inline(__always)
    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        c.isASCII ? isASCIIAlphanumeric(UInt8(c.value)) : knownAlphabetic(c.value) ?? c.properties.isAlphabetic
    }

    /// `properties.isUppercase`: the capitals A to Z in ASCII.
    @inline(__always)
    static func isUppercase(_ c: Unicode.Scalar) -> Bool {
        c.isASCII ? c.value >= 0x41 && c.value <= 0x5A : knownUppercase(c.value) ?? c.properties.isUppercase
    }

    /// `properties.isUppercase` past ASCII where the answer is fixed: Latin-1 (the capitals
    /// À to Þ but ×) and General Punctuation (none); nil elsewhere.
    @inline(__always)
    static func knownUppercase(_ v: UInt32) -> Bool? {
        if v <= 0xFF { return v >= 0xC0 && v <= 0xDE && v != 0xD7 }
        if v >= 0x2000 && v <= 0x206F { return false }
        return nil
    }
}
