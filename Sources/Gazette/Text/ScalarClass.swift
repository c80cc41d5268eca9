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
        c.isASCII ? (c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A : c.properties.isAlphabetic
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
        c.isASCII ? isASCIIAlphanumeric(UInt8(c.value)) : c.properties.isAlphabetic
    }

    /// `properties.isUppercase`: the capitals A to Z in ASCII.
    @inline(__always)
    static func isUppercase(_ c: Unicode.Scalar) -> Bool {
        c.isASCII ? c.value >= 0x41 && c.value <= 0x5A : c.properties.isUppercase
    }
}
