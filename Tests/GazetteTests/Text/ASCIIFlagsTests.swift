import Testing
@testable import Gazette

/// The eight-bytes-at-once classes agree with the byte-at-a-time tests they replace, for every
/// byte value at every position of a word (the other bytes chosen so that carries and borrows
/// between neighbours would show).
@Suite struct ASCIIFlagsTests {
    static func word(_ byte: UInt8, at position: Int, filler: UInt8) -> UInt64 {
        var word: UInt64 = 0
        for k in 0..<8 { word |= UInt64(k == position ? byte : filler) << (8 * k) }
        return word
    }

    static func flagged(_ flags: UInt64, _ position: Int) -> Bool {
        flags >> (8 * position + 7) & 1 == 1
    }

    @Test func lettersAndAlphanumericsByByte() {
        for filler: UInt8 in [0x00, 0x40, 0x5B, 0x7A, 0xFF] {
            for value in 0...255 {
                let byte = UInt8(value)
                let isLetter = (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                let fillerIsLetter = (0x41...0x5A).contains(filler) || (0x61...0x7A).contains(filler)
                for position in 0..<8 {
                    let word = Self.word(byte, at: position, filler: filler)
                    #expect(Self.flagged(ASCIIFlags.letters(word), position) == isLetter, "\(byte) at \(position)")
                    #expect(Self.flagged(ASCIIFlags.alphanumerics(word), position) == ScalarClass.isASCIIAlphanumeric(byte))
                    let other = (position + 1) % 8
                    #expect(Self.flagged(ASCIIFlags.letters(word), other) == fillerIsLetter)
                }
            }
        }
    }

    /// The lowest flag of ``ASCIIFlags/equalBytes(_:_:)`` is the first equal byte (what the
    /// searches read); no flag at all when no byte is equal.
    @Test func equalBytesFindsTheFirst() {
        for target: UInt8 in [0x0A, 0x2E, 0x21, 0x3F, 0xE2] {
            for filler: UInt8 in [0x00, 0x01, target &+ 1, target &- 1, 0xFF] where filler != target {
                #expect(ASCIIFlags.equalBytes(Self.word(filler, at: 0, filler: filler), target) == 0)
                for position in 0..<8 {
                    var word = Self.word(target, at: position, filler: filler)
                    #expect(ASCIIFlags.equalBytes(word, target).trailingZeroBitCount >> 3 == position)
                    // A second equal byte further up does not move the first.
                    if position < 7 { word = word & 0x00FF_FFFF_FFFF_FFFF | UInt64(target) << 56 }
                    #expect(ASCIIFlags.equalBytes(word, target).trailingZeroBitCount >> 3 == position)
                }
            }
        }
    }
}
