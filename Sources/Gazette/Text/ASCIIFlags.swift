/// Classes of eight ASCII bytes at once, read as one little-endian word (the first byte in the
/// low byte): bit 7 set in each byte of the class, every other bit clear. For a byte `b` below
/// 0x80, `b + (0x80 - c)` has bit 7 set exactly when `b >= c`, and no carry leaves the byte.
/// The tokenizer's loop over a word's letters took about ten instructions a byte.
enum ASCIIFlags {
    static let high: UInt64 = 0x8080_8080_8080_8080
    static let ones: UInt64 = 0x0101_0101_0101_0101

    /// Bytes from `low` to `high` (both ASCII).
    @inline(__always)
    static func inRange(_ word: UInt64, _ low: UInt8, _ high: UInt8) -> UInt64 {
        let atLeastLow = word &+ UInt64(0x80 - low) &* ones
        let pastHigh = word &+ UInt64(0x80 - (high + 1)) &* ones
        return atLeastLow & ~pastHigh & ~word & ASCIIFlags.high
    }

    /// "A" to "Z".
    @inline(__always)
    static func uppercase(_ word: UInt64) -> UInt64 { inRange(word, 0x41, 0x5A) }

    /// "a" to "z".
    @inline(__always)
    static func lowercase(_ word: UInt64) -> UInt64 { inRange(word, 0x61, 0x7A) }

    /// "0" to "9".
    @inline(__always)
    static func digits(_ word: UInt64) -> UInt64 { inRange(word, 0x30, 0x39) }

    /// Letters and digits: `ScalarClass.isASCIIAlphanumeric`.
    @inline(__always)
    static func alphanumerics(_ word: UInt64) -> UInt64 { uppercase(word) | lowercase(word) | digits(word) }
}
