import Foundation
import Testing
@testable import Gazette

/// The normalize stage's byte-level fast paths give the plain paths' answers: the language
/// detector's packed stop-word table and word loop, the metadata reader's byte scans (head date,
/// ASCII wire markers, title bounds, dateline offset), the NFC pre-test's ASCII skip, the
/// boilerplate test's eight-byte pre-test, and the reader's eight-bytes-at-a-time binary and
/// UTF-8 tests, on every text of the test fixtures and the seeds.
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
        // Words ending at every offset of an eight-byte chunk, next to every ASCII byte that is
        // not a letter and to letters past ASCII (the word loop reads eight bytes at a time).
        let separators = (0x20..<0x7F).compactMap(Unicode.Scalar.init).filter { !$0.properties.isAlphabetic }.map(String.init)
        for length in 1...17 {
            let word = String(repeating: "d", count: length - 1) + "e"
            texts += separators.map { "die\($0)\(word)\($0)der" }
            texts += ["\(word)ü der", "\(word)über die", "ÜBER\(word) die", "\(word)", "daß\(word)ß für"]
        }
        // Stop words with letters past ASCII, in every case, and letters that do not fold to ASCII.
        texts += ["für über während daß", "FÜR ÜBER WÄHREND DASS", "Für Über Während", "für the and",
                  "Æbler Ðorđe Þór Łódź ÿ Ÿ für", "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöøùúûüý"]
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

    /// Heads made to meet the metadata reader's byte paths: ISO dates among bars, "T" and
    /// non-ASCII words, wire markers in capitals and after accents, short and long first lines.
    static let heads = [
        "Home | News\n\n2023-06-15T18:02:41 | Posted\nBody.", "x\n\n\n\n\n\n2019-11-04", "a\nb\nc\nd\ne\n2019-11-04",
        "Datum: 2023-13-01 2023-02-29 2024-02-29", "1989-01-01 2101-01-01 2000-01-01", "2023-+6-+5 und 2023-06-05",
        "é2023-06-1 2023-06-1é 2023–06–15 2023-06-15", "PANJIN, China /PRNEWSWIRE/ -- x`y", "Über (Xinhua) -- ",
        "BEIJING, March 3 (XINHUA) -- Text", "A NEWS REPORT FROM CHINA DAILY says", "(Reuters)", "(AP", "",
        "Ein kurzer Titel mit Umlauten: Größe\nText", "Short title here\nbody", "Title | with | bars\nSecond line of text\nx",
        String(repeating: "word ", count: 60) + "\nnext", "e\u{301}" + String(repeating: "a", count: 249) + "\nx",
        "date 2019-11-04\n SHANGHAI, Nov. 4, 2019 /PRNewswire/ -- On October 31, …",
        "Titel\n\nPANJIN, China, Nov. 17, 2017 /PRNewswire/ -- Panjin, a coastal city",
        "\n", "\n\n", "a\n", "\nab\n\ncdefghijklmnop\n\n\nqrstuvwxyz0123456789\n", "12345678\n12345678\n1234567\n",
        "  BERLIN,  2. Mai 2023  --  Text", "date 2021-03-04  PARIS, 3 mars —", " date 2021-03-04 x y z -- BONN, Mai 2021 -- a",
        // Date words found by their first hyphen: at the line's ends, beside each separator, inside
        // longer words, after other hyphens and at every offset of the eight-byte steps.
        "2021-05-06", "T2021-05-06T", "|2021-05-06|x", "x-2021-05-06 -2021-05-06 2021-05-06- 12021-05-06 2021-05-066 2021-05-07",
        "a-b-c-d 2021--05-06 2021-5-006 20-1-05-06 2021-05-06", "Tx2021-05-06 x2021-05-06", "é-2021-05-06 2021-05-06é-",
        "Posted 2022-01-31T08:00 | 2022-02-01", "\n\nx\n\n2021-05-06\n", "----------2021-05-06----------\n2020-01-02",
    ] + (0..<17).map { String(repeating: "y", count: $0) + " 2021-05-" + String(format: "%02d", $0 + 1) + " z-z" }

    static func plainHeadDate(_ text: String) -> PartialDate? {
        for line in text.splitASCII(separator: 0x0A, maxSplits: 5).prefix(5) {
            for word in line.splitASCII(whereSeparator: { $0 == 0x20 || $0 == 0x7C || $0 == 0x54 }) where word.count == 10 {
                if let date = PartialDate(iso: String(word)), (1990...2100).contains(date.year) { return date }
            }
        }
        return nil
    }

    static func plainSource(_ extractor: MetadataExtractor, _ text: String) -> String? {
        let head = MetadataExtractor.foldedHead(text, scalars: 1200)
        for offset in head.indices {
            for marker in extractor.markers where offset + marker.key.count <= head.count && !marker.key.isEmpty {
                if head[offset..<(offset + marker.key.count)].elementsEqual(marker.key) { return marker.source }
            }
        }
        return nil
    }

    static func plainTitle(_ extractor: MetadataExtractor, _ text: String) -> String? {
        let lines = text.splitASCII(separator: 0x0A, maxSplits: 4).prefix(4)
        guard lines.count >= 2, let first = lines.first(where: { $0.components(separatedBy: " | ").count - 1 < 2 }),
              first != lines.last else { return nil }
        let length = first.prefix(251).count
        guard length <= 250, length >= 8, let last = first.last, !".:;,".contains(last) else { return nil }
        if extractor.dateline(in: first) != nil { return nil }
        if first.splitASCII(separator: 0x20).count < 3 { return nil }
        return String(first)
    }

    static func plainDateline(_ extractor: MetadataExtractor, _ text: String) -> MetadataExtractor.Dateline? {
        var offset = 0
        for line in text.splitASCII(separator: 0x0A, maxSplits: 8, omittingEmptySubsequences: false).prefix(8) {
            if var found = extractor.dateline(in: line) {
                if let dash = MetadataExtractor.firstDash(in: line) { found.bodyStart = offset + dash + 1 }
                return found
            }
            offset += line.unicodeScalars.count + 1
        }
        return nil
    }

    static func plainIsNFC(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy {
            switch $0.value {
            case 0..<0x300, 0x1E00...0x1EFF, 0x2002...0x20CF, 0x3400...0x4DBF, 0x4E00...0x9FFF: true
            default: false
            }
        }
    }

    @Test func metadataByteReadersMatchThePlainPaths() throws {
        let extractor = MetadataExtractor(rules: TestSupport.normalizationRules)
        let normalizer = TextNormalizer(rules: TestSupport.normalizationRules)
        var texts = try NormalizeFastPathTests.texts()
        texts += texts.map { normalizer.normalize($0) }
        texts += texts.map { $0.uppercased() } + NormalizeFastPathTests.heads
        texts += NormalizeFastPathTests.heads.map { "\u{FEFF}" + $0 } + NormalizeFastPathTests.heads.map { "Ö " + $0 }
        var dated = 0, sourced = 0, titled = 0
        for text in texts {
            let date = extractor.headDate(of: text)
            #expect(date == NormalizeFastPathTests.plainHeadDate(text), "\(text.prefix(60))")
            let source = extractor.source(of: text)
            #expect(source == NormalizeFastPathTests.plainSource(extractor, text), "\(text.prefix(60))")
            let title = extractor.title(of: text)
            #expect(title == NormalizeFastPathTests.plainTitle(extractor, text), "\(text.prefix(60))")
            #expect(extractor.dateline(of: text) == NormalizeFastPathTests.plainDateline(extractor, text), "\(text.prefix(60))")
            #expect(TextNormalizer.isNFCWithoutWork(text) == NormalizeFastPathTests.plainIsNFC(text), "\(text.prefix(60))")
            for count in [1, 4, 5, 8] {
                for omitting in [true, false] {
                    #expect(MetadataExtractor.headLines(text, count, omittingEmpty: omitting)
                        == Array(text.splitASCII(separator: 0x0A, maxSplits: count, omittingEmptySubsequences: omitting).prefix(count)))
                }
            }
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(8) + [text[...]] {
                for count in [0, 1, 2, 16] {
                    #expect(MetadataExtractor.firstWords(of: line, count) == line.splitASCII(separator: 0x20, maxSplits: count).prefix(count).map(String.init))
                }
            }
            for line in text.split(separator: "\n").prefix(6) {
                for limit in [0, 1, 8, 250, 251] {
                    #expect(MetadataExtractor.characterCount(of: line, upTo: limit) == line.prefix(limit).count)
                }
                #expect(MetadataExtractor.scalarCount(line) == line.unicodeScalars.count)
                for limit in [0, 1, 3, 100] {
                    #expect(MetadataExtractor.wordCount(of: line, upTo: limit) == min(line.splitASCII(separator: 0x20).count, limit))
                }
                for word in line.split(separator: " ").prefix(16).map(String.init) + ["", "Ü", "ÜBER-", "Über", "123,", "—", "X\u{301}"] {
                    let letters = word.unicodeScalars.filter(ScalarClass.isAlphabetic)
                    #expect(MetadataExtractor.hasOnlyCapitalLetters(word) == (!letters.isEmpty && letters.allSatisfy(ScalarClass.isUppercase)), "\(word)")
                }
            }
            if date != nil { dated += 1 }
            if source != nil { sourced += 1 }
            if title != nil { titled += 1 }
        }
        // The texts do reach the answers, not only nil.
        #expect(dated > 3 && sourced > 3 && titled > 3)
    }

    /// The boilerplate test with its eight-byte pre-test answers as the plain string test, on
    /// every line of the texts, on the rule keys themselves and on near misses of them.
    @Test func boilerplatePreTestMatchesThePlainPath() throws {
        let rules = TestSupport.normalizationRules
        let normalizer = TextNormalizer(rules: rules)
        #expect(normalizer.boilerplateWindows != nil)
        var lines: [String] = []
        for text in try NormalizeFastPathTests.texts() { lines += text.split(separator: "\n").map(String.init) }
        for item in rules.boilerplate {
            let key = item.key
            lines += [key, key.uppercased(), " * " + key + " »", key + "!!", String(key.dropLast()), key + " und mehr",
                      String(key.prefix(7)), String(key.prefix(8)) + "x", "`" + key, key.replacingOccurrences(of: " ", with: "  ")]
            // The marks the pre-test passes over before the first letter, and near misses of them.
            lines += ["• " + key, "„" + key + "“", "© " + key, "«" + key + "»", "— " + key, "‘’" + key, "…" + key, "‧‐‑" + key,
                      "•\u{301}" + key, "•Ü" + key, "• x" + key, "• " + String(key.dropFirst()), "–" + key.uppercased(),
                      "¶" + key, "‰" + key, "†" + key + " und mehr", "ª" + key, "²" + key]
        }
        for mark in ["•", "„", "“", "©", "«", "»", "—", "–", "…", "‧", "‐"] {
            lines += [mark, mark + " ", mark + " Share", mark + " Teilen", mark + " Drucken", mark + "Print", mark + "\u{301}Print"]
        }
        lines += ["", " ", "...", "Skip", "Skip links", "SKIP LINKS.", "© 2023 Alle Rechte vorbehalten", "Über uns", "Zurück nach oben ↑"]
        var removed = 0
        for line in lines {
            let bytes = Array(line.utf8)
            let fast = normalizer.isBoilerplate(bytes[...])
            #expect(fast == normalizer.isBoilerplate(line), "\(line.prefix(60))")
            if fast { removed += 1 }
        }
        #expect(removed > rules.boilerplate.count)
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

    /// The end of a printable run a byte at a time, as the normalizer found it before it took
    /// eight bytes at once.
    static func plainPrintableRunEnd(_ bytes: [UInt8], from start: Int) -> Int {
        let isPrintable: (UInt8) -> Bool = { $0 > 0x20 && $0 < 0x7F }
        var end = start
        while end < bytes.count {
            if isPrintable(bytes[end]) {
                end += 1
            } else if bytes[end] == 0x20, end + 1 < bytes.count, isPrintable(bytes[end + 1]) {
                end += 2
            } else {
                break
            }
        }
        return end
    }

    /// The normalizer's printable runs, eight bytes at a time, end where the byte steps end them:
    /// from printable bytes of every text, and of lines with double spaces, tabs, control
    /// and non-ASCII bytes at each place of an eight-byte step.
    @Test func printableRunsEndAsByteSteps() throws {
        var texts = try NormalizeFastPathTests.texts()
        for breaker in ["  ", " \n", "\t", "\u{7F}", "ü", " ü", "\u{0}", " "] {
            for k in 0..<17 {
                texts.append(String(repeating: "ab c", count: 2) + String(repeating: "x", count: k) + breaker + "Panjin Port y")
            }
        }
        var checked = 0
        for text in texts {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                // Where a run starts, and at every 11th byte (in the middle of runs, at each place
                // of the eight-byte steps).
                for i in bytes.indices where bytes[i] > 0x20 && bytes[i] < 0x7F
                    && (i == 0 || !(bytes[i - 1] > 0x20 && bytes[i - 1] < 0x7F) || i % 11 == 0) {
                    #expect(TextNormalizer.printableRunEnd(buffer, from: i + 1) == NormalizeFastPathTests.plainPrintableRunEnd(bytes, from: i + 1),
                            "\(text.prefix(40)) at \(i)")
                    checked += 1
                }
            }
        }
        #expect(checked > 5_000)
    }
}
