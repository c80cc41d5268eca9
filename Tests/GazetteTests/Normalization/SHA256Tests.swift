import Testing
@testable import Gazette

/// The document fingerprint is standard SHA-256: FIPS 180-4's examples, and digests made by
/// Python's `hashlib` for messages whose padding ends a block exactly, spills into a second
/// block, spans many blocks, and holds multi-byte UTF-8.
@Suite struct SHA256Tests {
    @Test func digestsEqualTheStandardOnes() {
        #expect(SHA256.hex("".utf8) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc".utf8) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(String(repeating: "x", count: 55).utf8) == "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072")
        #expect(SHA256.hex(String(repeating: "x", count: 64).utf8) == "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c")
        #expect(SHA256.hex(String(repeating: "a", count: 1000).utf8) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        #expect(SHA256.hex("Shenyang – Brilliance Auto, „Joint Venture“ 2019".utf8)
                == "d3f3b37fde870f6842f234be8a29c58d409fcdbb104cd2495a1066b38f461a4f")
    }

    /// The CPU's SHA rounds and the Swift rounds agree on messages of every length around the
    /// block and padding boundaries, and on long ones (skipped where the CPU has no SHA extensions).
    @Test(.enabled(if: SHA256.hardware, "this CPU has no SHA extensions"))
    func hardwareRoundsEqualTheSwiftRounds() {
        var generator = SystemRandomNumberGenerator()
        for length in Array(0...200) + [1000, 4095, 4096, 65_537] {
            let message = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(SHA256.hex(message, hardware: true) == SHA256.hex(message, hardware: false), "length \(length)")
        }
        #expect(SHA256.hex("abc".utf8, hardware: false) == SHA256.hex("abc".utf8, hardware: true))
    }
}
