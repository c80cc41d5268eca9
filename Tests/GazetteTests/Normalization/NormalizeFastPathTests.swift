import Foundation
import Testing
@testable import Gazette

/// The normalize stage's byte-level fast paths give the plain paths' answers: the language
/// detector's packed stop-word table and word loop, and the reader's eight-bytes-at-a-time
/// binary and UTF-8 tests, on every text of the test fixtures and the seeds.
struct NormalizeFastPathTests {
    /// Every text of `Fixtures/genre`, `Fixtures/articles` and `seeds/documents`.
    static func texts() throws -> [String] {
        var urls = TestSupport.seedDocuments()
        for folder in ["genre", "articles"] {
            let directory = try TestSupport.fixtureDirectory(folder)
            let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            urls += files.filter { !$0.hasDirectoryPath }.sorted { $0.path < $1.path }
        }
        return urls.compactMap { try? String(contentsOf: $0, encoding: .utf8) }
    }

    /// The detector as it was written first: scalar by scalar, every word folded and looked up in
    /// each language's stop words, the first 3,000 words, English on a tie.
    static func plainLanguage(_ detector: LanguageDetector, _ text: String) -> Language {
        var counts = [Int](repeating: 0, count: detector.stopwords.count)
        var seen = 0
        var word = String.UnicodeScalarView()
        func flush() {
            guard !word.isEmpty else { return }
            let key = Folding.key(String(word))
            for (position, entry) in detector.stopwords.enumerated() where entry.words.contains(key) { counts[position] += 1 }
            seen += 1
            word = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            let letter = scalar.isASCII ? (scalar.value | 0x20 >= 0x61 && scalar.value | 0x20 <= 0x7A) : scalar.properties.isAlphabetic
            if letter {
                word.append(scalar)
            } else {
                flush()
                if seen >= 3000 { break }
            }
        }
        if seen < 3000 { flush() }
        func count(_ language: Language) -> Int {
            detector.stopwords.firstIndex { $0.language == language }.map { counts[$0] } ?? 0
        }
        let best = Language.allCases.max { count($0) < count($1) }
        guard let best, count(best) > count(.en) else { return .en }
        return best
    }

    @Test func languageDetectorMatchesThePlainPath() throws {
        let detector = LanguageDetector(rules: TestSupport.normalizationRules)
        var texts = try NormalizeFastPathTests.texts()
        #expect(texts.count > 10)
        // Upper-cased, cut short and run together, so that long words, capitals, ties and
        // words at the 3,000-word limit and at the text's end are all met.
        texts += texts.map { $0.uppercased() }
        texts += texts.flatMap { text in [40, 333, 2000].map { String(text.unicodeScalars.prefix($0)) } }
        texts.append(texts.joined(separator: " "))
        texts += ["", "die", "the", "Die DIE die the", "überdies der die das", "Straße und der",
                  "abcdefghijklmnopqrstuvwxyz the", "THE", "a-the-die"]
        for text in texts {
            #expect(detector.language(of: text) == NormalizeFastPathTests.plainLanguage(detector, text))
        }
    }

    @Test func packedStopWordsFindEveryASCIIStopWord() {
        let detector = LanguageDetector(rules: TestSupport.normalizationRules)
        for (number, word) in detector.stopIndex.words.enumerated() where word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) {
            let bits = detector.stopLanguages[number]
            #expect(detector.language(of: word) == (bits & 1 == 0 && bits != 0 ? detector.stopwords[bits.trailingZeroBitCount].language : .en))
        }
    }

    static func plainLooksBinary(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(8192)
        var controls = 0
        for byte in head {
            if byte == 0 { return true }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C { controls += 1 }
        }
        return head.count > 0 && controls * 20 > head.count
    }

    /// The first offset at which the standard library's own validation fails, found by halving.
    static func plainFirstInvalid(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            guard let end = (1...4).first(where: { i + $0 <= bytes.count && String(validating: bytes[i..<(i + $0)], as: UTF8.self) != nil }) else { return i }
            i += end
        }
        return nil
    }

    @Test func readerByteTestsMatchThePlainPath() throws {
        var samples = try NormalizeFastPathTests.texts().map { Array($0.utf8) }
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1F, 0x20, 0x41, 0x7F, 0x80, 0xBF, 0xC2, 0xC3,
                                 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x9F, 0x90, 0x8F]
        for length in 0..<80 {
            for _ in 0..<40 {
                samples.append((0..<length).map { _ in alphabet.randomElement(using: &generator) ?? 0x41 })
            }
        }
        // Mostly text with a few bytes changed, around the 8 KiB limit and at eight-byte edges.
        for text in samples.prefix(20) where !text.isEmpty {
            for _ in 0..<20 {
                var copy = text
                copy[Int.random(in: 0..<copy.count, using: &generator)] = alphabet.randomElement(using: &generator) ?? 0
                samples.append(copy)
            }
        }
        samples.append([UInt8](repeating: 0x41, count: 8190) + [0x01, 0x01, 0x00])
        samples.append([UInt8](repeating: 0x01, count: 500) + [UInt8](repeating: 0x41, count: 9000))
        for bytes in samples {
            #expect(TextEncoding.looksBinary(bytes) == NormalizeFastPathTests.plainLooksBinary(bytes))
            #expect(TextEncoding.firstInvalidUTF8Offset(bytes) == NormalizeFastPathTests.plainFirstInvalid(bytes))
        }
    }
}
