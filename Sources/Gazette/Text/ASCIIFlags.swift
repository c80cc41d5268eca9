/// Classes of eight bytes at once, read as one little-endian word (the first byte in the low
/// byte): bit 7 set in each byte of the class, every other bit clear. With bit 7 of every byte
/// cleared first, `b + (0x80 - c)` has bit 7 set exactly when `b >= c`, and no carry leaves the
/// byte; a byte with bit 7 set (past ASCII) is in no class. The loops over text a byte at a time
/// took five to ten instructions a byte.
enum ASCIIFlags {
    static let high: UInt64 = 0x8080_8080_8080_8080
    static let ones: UInt64 = 0x0101_0101_0101_0101

    /// Bytes from `low` to `last` (both ASCII).
    @inline(__always)
    static func inRange(_ word: UInt64, _ low: UInt8, _ last: UInt8) -> UInt64 {
        let ascii = word & ~high
        let atLeastLow = ascii &+ UInt64(0x80 - low) &* ones
        let pastLast = ascii &+ UInt64(0x80 - (last + 1)) &* ones
        return atLeastLow & ~pastLast & ~word & high
    }

    /// ASCII letters. A letter is "a" to "z" with bit 5 set (no other ASCII byte becomes one:
    /// "@" and "[" become "`" and "{").
    @inline(__always)
    static func letters(_ word: UInt64) -> UInt64 {
        inRange(word | 0x2020_2020_2020_2020, 0x61, 0x7A)
    }

    /// Letters and digits: `ScalarClass.isASCIIAlphanumeric`.
    @inline(__always)
    static func alphanumerics(_ word: UInt64) -> UInt64 {
        letters(word) | inRange(word, 0x30, 0x39)
    }

    /// The bytes equal to `byte`: exact in the lowest one, which is what a search reads
    /// (`trailingZeroBitCount >> 3`); a byte above an equal one may be flagged too, since the
    /// borrow of `x - 1` in a zero byte runs upwards.
    @inline(__always)
    static func equalBytes(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (UInt64(byte) &* ones)
        return (x &- ones) & ~x & high
    }

    /// ASCII letters and digits and bytes past ASCII: ``alphanumerics(_:)`` with bit 7 kept,
    /// the seven low bits shared by the two range tests.
    @inline(__always)
    static func wordBytes(_ word: UInt64) -> UInt64 {
        let ascii = word & ~high
        let folded = ascii | 0x2020_2020_2020_2020
        let letters = (folded &+ UInt64(0x80 - 0x61) &* ones) & ~(folded &+ UInt64(0x80 - 0x7B) &* ones)
        let digits = (ascii &+ UInt64(0x80 - 0x30) &* ones) & ~(ascii &+ UInt64(0x80 - 0x3A) &* ones)
        return (letters | digits | word) & high
    }

    /// The number of bytes flagged in `flags` (bit 7 flags only), summed by a multiply into the
    /// top byte: `nonzeroBitCount` is a dozen instructions without the POPCNT instruction, which
    /// the build does not assume.
    @inline(__always)
    static func count(_ flags: UInt64) -> Int {
        Int(truncatingIfNeeded: ((flags >> 7) &* ones) >> 56)
    }

    /// The benchmark's word count of `bytes`: runs of ASCII letters or digits and bytes past ASCII
    /// (letters of other scripts), counted at their first byte. A byte loop with a table took
    /// five instructions a byte.
    static func wordRuns(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        // Bit 7 set when the byte before the current word was a word byte.
        var previous: UInt64 = 0
        var i = 0
        if let base = bytes.baseAddress {
            while i + 8 <= bytes.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let inWord = wordBytes(word)
                count += ASCIIFlags.count(inWord & ~(inWord << 8 | previous))
                previous = inWord >> 56
                i += 8
            }
        }
        var inWord = previous != 0
        while i < bytes.count {
            let byte = bytes[i]
            let isWord = ScalarClass.isASCIIAlphanumeric(byte) || byte >= 0x80
            if isWord && !inWord { count += 1 }
            inWord = isWord
            i += 1
        }
        return count
    }
}
