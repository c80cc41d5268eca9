import Foundation
import Testing
@testable import Gazette

/// ``SmallASCII`` writes small strings word by word: each must be the string the standard library
/// makes of the same bytes, for every ASCII token of the test texts read at every place (as words
/// inside a text, byte by byte at its end), and its lower-cased form the token's key.
@Suite struct SmallASCIITests {
    /// The layout check holds where the tokenizer runs, so its fast path is the one tested.
    @Test func smallStringsAreAvailable() {
        #if arch(x86_64) || arch(arm64)
        #expect(SmallASCII.isAvailable)
        #endif
    }

    @Test func smallStringsEqualLibraryStrings() {
        guard SmallASCII.isAvailable else { return }
        var words: Set<String> = []
        for text in TestSupport.corpusTexts(where: { !$0.hasDirectoryPath }) {
            let sentence = Sentence(position: 0, start: 0, end: text.unicodeScalars.count, text: text)
            for token in Tokenizer.tokens(of: sentence) where token.text.utf8.allSatisfy({ $0 < 0x80 }) {
                words.insert(token.text)
            }
        }
        // Every ASCII byte, capitals and the bytes either side of A to Z included, at every length.
        let allBytes = String(decoding: (1...0x7F).map { UInt8($0) }, as: UTF8.self)
        for length in 1...SmallASCII.capacity {
            for start in stride(from: 0, to: 0x7F - length, by: 3) {
                words.insert(String(allBytes.dropFirst(start).prefix(length)))
            }
        }
        var checked = 0
        for word in words where word.utf8.count <= SmallASCII.capacity {
            let bytes = Array(word.utf8)
            // Alone (read byte by byte) and with 16 bytes after it (read as words, the bytes past
            // it cleared: 0xFF would show as a wrong byte or a non-ASCII string).
            for padded in [bytes, bytes + Array(repeating: 0xFF, count: 16)] {
                padded.withUnsafeBufferPointer { text in
                    let small = SmallASCII(text, 0..<bytes.count)
                    let made = small.string
                    #expect(made == word)
                    #expect(made.utf8.count == bytes.count)
                    #expect(Array(made.utf8) == bytes)
                    #expect(made.hashValue == word.hashValue)
                    #expect(made + "!" == word + "!")
                    let lowered = small.lowercased().string
                    #expect(lowered == String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self))
                    #expect(WordIndex.hash(lowered) == WordIndex.hash(word.lowercased()))
                }
            }
            checked += 1
        }
        #expect(checked > 2_000)
    }
}
