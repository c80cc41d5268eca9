import Foundation
import Testing
@testable import Gazette

/// The byte-level fast paths of the hot loops give what the general Unicode paths give, on the
/// words of every seed and genre article (English and German, typographic quotes and dashes,
/// accented and non-Latin names) and on hand-picked hard cases.
@Suite struct FastPathTests {
    static let texts: [String] = {
        let folders = ["genre"].compactMap { try? TestSupport.fixtureDirectory($0) } + [TestSupport.seedDirectory]
        return folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
                .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
                .compactMap { try? String(contentsOf: $0, encoding: .utf8) }
        }
    }()

    static let hardCases = [
        "Kraków–Łódź", "ÆRØSKØBING", "Straße", "e\u{301}cole", "Ǆemal", "İstanbul", "ﬁrm", "Ω-Werk", "Å\u{30A}",
        "“Quoted” ‘single’ `back`", "Zhōngguó 中国 Shěnyáng", "Ærø´s", "ÞINGVELLIR", "naïve–coöperation",
    ]

    @Test func foldingByTableEqualsFoldingByDecomposition() {
        #expect(Self.texts.count >= 10)
        // Whole lines too: ASCII runs between accents and dashes are folded a run at a time.
        var words = Set(Self.hardCases + ["Müller`s ‘Köln’ GmbH – Zweigwerk ÄÖÜ in SHENYANG (Liaoning)"])
        for text in Self.texts {
            words.formUnion(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
            words.formUnion(text.split(separator: "\n").map(String.init))
        }
        for word in words {
            // "ø" has no canonical decomposition; the table folds it to "o" (Tromsø, Tromso), in any
            // string, whatever other scalars the string has.
            let expected = Folding.decomposedKey(word.replacingOccurrences(of: "ø", with: "o").replacingOccurrences(of: "Ø", with: "O"))
            #expect(Folding.key(word) == expected, "\(word)")
            // A substring's bytes are read in place, inside its base string.
            let framed = "«" + word + "»"
            #expect(Folding.key(framed.dropFirst().dropLast()) == expected, "\(word) as a substring")
        }
        #expect(Folding.key("ÆRØSKØBING") == "æroskobing")
        // Every scalar the table folds outside ASCII and U+00C0…U+00FF, alone and between letters.
        let tabled = Array(0x80...0xBF) + [0x201C, 0x201D, 0x201E, 0x2022, 0x2026, 0x141, 0x142, 0x143, 0x144, 0x15A, 0x15B, 0x179, 0x17A]
        for v in tabled {
            guard let scalar = Unicode.Scalar(UInt32(v)) else { continue }
            for text in [String(scalar), "A" + String(scalar) + "b", String(scalar) + "\u{301}x", "\u{142}" + String(scalar)] {
                #expect(Folding.key(text) == Folding.decomposedKey(text), "U+\(String(v, radix: 16))")
            }
        }
    }

    /// A key written in place by table is the key the byte buffer builds, for every word and line
    /// of the genre that is not all ASCII; a text with a scalar past the table takes the buffer.
    @Test func keyInPlaceEqualsKeyThroughBuffer() {
        var texts = Set(Self.hardCases + ["Müller`s ‘Köln’ GmbH – Zweigwerk ÄÖÜ in SHENYANG (Liaoning)"])
        for text in Self.texts {
            texts.formUnion(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
            texts.formUnion(text.split(separator: "\n").map(String.init))
        }
        var inPlace = 0, buffered = 0
        for word in texts where !word.utf8.allSatisfy({ $0 < 0x80 }) {
            var text = word
            text.withUTF8 { bytes in
                let expected = Folding.bufferedKey(bytes)
                if let key = Folding.tableFoldedKey(bytes) {
                    #expect(key == expected, "\(word)")
                    inPlace += 1
                } else {
                    buffered += 1
                }
            }
        }
        #expect(inPlace >= 100)
        #expect(buffered >= 1)  // "Zhōngguó 中国", "ÞINGVELLIR", "e\u{301}cole"
        // Short keys are small strings, long ones (whole lines) allocated: both equal the buffer's.
        var long = "Straße – „Köln“ • Łódź ‘x’ " + String(repeating: "ÄÖÜ", count: 20)
        long.withUTF8 { #expect(Folding.tableFoldedKey($0) == Folding.bufferedKey($0)) }
    }

    /// `nameKey` tests ASCII letters and digits by range, other scalars by Unicode property.
    @Test func nameKeysEqualNameKeysByProperty() {
        var words = Set(Self.hardCases + ["BMW-Brilliance", "Co., Ltd.", "3M", "Zhōngguó 中国", "Sp. z o.o."])
        for text in Self.texts { words.formUnion(text.split(separator: "\n").map(String.init)) }
        for word in words {
            var expected = ""
            var pendingSpace = false
            for ch in Folding.key(word).unicodeScalars {
                if ch.properties.isAlphabetic || ("0"..."9").contains(ch) {
                    if pendingSpace && !expected.isEmpty { expected.unicodeScalars.append(" ") }
                    pendingSpace = false
                    expected.unicodeScalars.append(ch)
                } else {
                    pendingSpace = true
                }
            }
            #expect(Folding.nameKey(word) == expected, "\(word)")
        }
        // The mention finder takes a token's name key from its folded key.
        for text in Self.texts + Self.hardCases + ["Siemens’ plant", "BASF's", "GERMANY'S"] {
            let sentence = Sentence(position: 0, start: 0, end: text.unicodeScalars.count, text: text)
            for token in Tokenizer.tokens(of: sentence) {
                #expect(Folding.nameKey(folded: token.key) == Folding.nameKey(token.text), "\(token.text)")
            }
        }
    }

    /// `nameKey` of an ASCII text, in one pass over its bytes, is `nameKey(folded:)` of its key.
    @Test func asciiNameKeysEqualNameKeysOfKeys() {
        var words = Set(Self.hardCases + ["BMW-Brilliance", "Co., Ltd.", "3M", "x`y", "`A`", "--", "", "a  b", "AB@[`{"])
        for text in Self.texts {
            words.formUnion(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
            words.formUnion(text.split(separator: "\n").map(String.init))
        }
        words.formUnion((0..<128).map { String(UnicodeScalar(UInt8($0))) + "Ab" })
        for word in words {
            let expected = Folding.nameKey(folded: Folding.key(word))
            #expect(Folding.nameKey(word) == expected, "\(word)")
            let framed = "«" + word + "»"
            #expect(Folding.nameKey(framed.dropFirst().dropLast()) == expected, "\(word) as a substring")
        }
    }

    /// Splitting at ASCII bytes gives the pieces of the `Character` split, with every option.
    @Test func asciiSplitEqualsCharacterSplit() {
        let samples = Self.texts + Self.hardCases + ["", "\n", "a\n\nb\n", "  two  spaces ", "-Sino--German-", "x"]
        for text in samples {
            for (separator, byte) in [("\n", UInt8(0x0A)), (" ", 0x20), ("-", 0x2D)] {
                for maxSplits in [0, 1, 4, 8, Int.max] {
                    for omitting in [true, false] {
                        let expected = text.split(separator: Character(separator), maxSplits: maxSplits,
                                                  omittingEmptySubsequences: omitting)
                        let found = text.splitASCII(separator: byte, maxSplits: maxSplits, omittingEmptySubsequences: omitting)
                        #expect(found == expected, "\(separator) \(maxSplits) \(omitting) in \(text.prefix(40))")
                    }
                }
            }
            let line = text.prefix(300)
            #expect(line.splitASCII { $0 == 0x20 || $0 == 0x28 || $0 == 0x29 } == line.split { $0 == " " || $0 == "(" || $0 == ")" })
            // A substring that starts inside its base: pieces are cut by offsets from its own start.
            let inner = text.dropFirst(3).prefix(200)
            #expect(inner.splitASCII(separator: 0x20, omittingEmptySubsequences: false)
                    == inner.split(separator: " ", omittingEmptySubsequences: false), "\(inner.prefix(40))")
        }
    }

    /// The boilerplate test on a line's bytes, which rules most lines out by their first two
    /// bytes, agrees with the test on the folded line: on every line of the seeds and the genre
    /// corpus, and on every boilerplate key written as a page would (capitals, quotes, dashes).
    @Test func boilerplateByBytesEqualsBoilerplateByKey() {
        let normalizer = TextNormalizer(rules: TestSupport.normalizationRules)
        var lines = Self.texts.flatMap { $0.split(separator: "\n").map(String.init) } + Self.hardCases
        for item in TestSupport.normalizationRules.boilerplate {
            let key = item.key
            lines += [key, key.uppercased(), "» " + key.capitalized + " «", "`" + key + "`", key + " more words", "- " + key,
                      String(key.prefix(1)) + "`" + key.dropFirst(), String(key.prefix(2))]
            // Around the 300-scalar limit, counted over bytes on one side and scalars on the other.
            for filler in ["x", "ü", "中"] {
                for length in [299 - key.unicodeScalars.count, 300 - key.unicodeScalars.count, 301 - key.unicodeScalars.count] where length > 0 {
                    lines.append(key + String(repeating: filler, count: length))
                }
            }
        }
        var dropped = 0
        for line in lines {
            let byKey = normalizer.isBoilerplate(line)
            #expect(normalizer.isBoilerplate(ArraySlice(Array(line.utf8))) == byKey, "\(line)")
            if byKey { dropped += 1 }
        }
        #expect(dropped >= TestSupport.normalizationRules.boilerplate.count)
    }

    /// The ASCII test reads eight bytes at a time: it must find a byte past ASCII at any place of
    /// the eight, in whole lines and words of the texts and in lines made to put one there.
    @Test func asciiTestFindsEveryByteOutsideASCII() {
        var lines = Self.texts.flatMap { $0.split(separator: "\n").map(String.init) } + Self.hardCases + [""]
        for k in 0..<20 {
            for other in ["ü", "中", "’", "\u{80}"] {
                lines.append(String(repeating: "x", count: k) + other + String(repeating: "y", count: 19 - k))
            }
            lines.append(String(repeating: "z", count: k))
        }
        var outside = 0
        for line in lines {
            let ascii = line.utf8.allSatisfy { $0 < 0x80 }
            #expect((line.withASCIIBytes { $0.count } != nil) == ascii, "\(line.prefix(40))")
            #expect((line.dropFirst().withASCIIBytes { $0.count } != nil) == line.dropFirst().utf8.allSatisfy { $0 < 0x80 })
            if !ascii { outside += 1 }
        }
        #expect(outside > 80)
    }

    @Test func asciiTokensEqualGeneralTokens() throws {
        var checked = 0
        for text in Self.texts {
            let sentence = Sentence(position: 0, start: 0, end: text.unicodeScalars.count, text: text)
            let scalars = Array(text.unicodeScalars)
            for token in Tokenizer.tokens(of: sentence) where token.text.utf8.allSatisfy({ $0 < 0x80 }) {
                let general = Tokenizer.makeGeneral(scalars, token.start, token.end, 0)
                #expect(token == general, "\(token.text)")
                checked += 1
            }
        }
        #expect(checked > 5_000)
    }

    /// An ASCII sentence is tokenized from its bytes; the scalar path must give the same tokens.
    @Test func asciiSentencesTokenizeAsScalars() {
        var checked = 0
        let lines = Self.texts.flatMap { $0.split(separator: "\n").map(String.init) }
        // Words around the eight-byte steps of the word scan: joiners, ends and lengths at 7 to 17.
        let steps = ["Panjin's BMW-Brilliance S.p.A. `quoted` 4.0 R&D U.S.",
                     "Abcdefg Abcdefgh Abcdefghi 1234567,8 12345678.9 ABCDEFGH&IJ Wirtschafts- und Handelsdelegation",
                     "abcdefghijklmnop-qrstuvwxyz0123456789 x-y a.b.c.d.e.f.g.h. 2017/2018 ZZZZZZZZZZZZZZZZZ end",
                     "abcdefgh", "abcdefghi", "a", "ab-", "abcdefg-", "abcdefgh--", "12345678...", "R&D's"]
        for text in lines + steps {
            let sentence = Sentence(position: 0, start: 7, end: 7 + text.unicodeScalars.count, text: text)
            let scalars = [Unicode.Scalar](scalarsOf: text)
            let general = Tokenizer.tokens(in: scalars, base: 7)
            #expect(Tokenizer.tokens(of: sentence) == general, "\(text)")
            if text.utf8.allSatisfy({ $0 < 0x80 }) { checked += 1 }
        }
        #expect(checked > 100)
    }

    @Test func textLeftUncomposedIsAlreadyNFC() {
        for text in Self.texts + Self.hardCases where TextNormalizer.isNFCWithoutWork(text) {
            #expect(Array(text.unicodeScalars) == Array(text.precomposedStringWithCanonicalMapping.unicodeScalars))
        }
        // Text that may change is composed: decomposed accents, the quads NFC maps to other spaces.
        #expect(!TextNormalizer.isNFCWithoutWork("e\u{301}cole"))
        #expect(!TextNormalizer.isNFCWithoutWork("a\u{2000}b"))
        #expect(!TextNormalizer.isNFCWithoutWork("\u{212B}ngström"))
    }

    @Test func scalarsEncodeAsStringsDo() {
        for text in Self.hardCases + Self.texts.map({ String($0.prefix(400)) }) {
            let scalars = Array(text.unicodeScalars)
            #expect(String(scalars: scalars[...]) == text)
            #expect(String(scalars: scalars.dropFirst(3)) == String(String.UnicodeScalarView(scalars.dropFirst(3))))
        }
    }

    /// The wire source is the marker found earliest in the head (the one listed first of two at
    /// one place), as a search for each marker over the whole head finds it.
    @Test func sourceIsTheEarliestMarker() {
        let extractor = MetadataExtractor(rules: TestSupport.normalizationRules)
        let made = ["wire /PRNewswire/ and (Xinhua)", "(Xinhua) then /PRNewswire/", "x PRNewswire /PRNewswire/",
                    "Köln — (dpa) (AFP)", "(Reuters", "nothing here", ""]
        var found = 0
        for text in made + Self.texts + Self.hardCases {
            let head = Array(Folding.key(String(text.unicodeScalars.prefix(1200))).utf8)
            var best: (offset: Int, source: String)?
            for (key, source) in extractor.markers where !key.isEmpty && key.count <= head.count {
                let offset = (0...(head.count - key.count)).first { head[$0..<($0 + key.count)].elementsEqual(key) }
                if let offset, best.map({ offset < $0.offset }) ?? true { best = (offset, source) }
            }
            #expect(extractor.source(of: text) == best?.source, "\(text.prefix(80))")
            if best != nil { found += 1 }
        }
        #expect(found >= 6)
        #expect(extractor.source(of: "(Xinhua) then /PRNewswire/") == "Xinhua")
    }

    /// The resolver trims punctuation itself when a word's ends are punctuation, and leaves the
    /// word alone otherwise: the same as Foundation's `trimmingCharacters(in: .punctuationCharacters)`.
    @Test func punctuationTrimEqualsFoundationTrim() {
        var words = Set(Self.hardCases + ["(Shenyang)", "„Dalian“", "—Harbin—", "Panjin's", "¿Qué?", "«Tianjin»", "_x_", "...", ""])
        for text in Self.texts { words.formUnion(text.split(separator: " ").map(String.init)) }
        for word in words {
            #expect(EntityResolver.trimmingPunctuation(word) == word.trimmingCharacters(in: .punctuationCharacters), "\(word)")
        }
    }

    /// `firstEntry(named:where:)` is the first of the sorted `entries(named:)` that matches, for
    /// every capitalised word of the texts and every test the resolver and the finder ask.
    @Test func firstEntryEqualsFirstOfSortedEntries() {
        let reference = TestSupport.makePipeline().rules.reference
        let tests: [(ReferenceEntry) -> Bool] = [
            { $0.subtype == "country" }, { $0.type == .organization }, { $0.type == .place && $0.population >= 500_000 },
            { $0.subtype == "country" || $0.subtype == "region" }, { _ in true },
        ]
        var names = Set(["China", "Georgia", "Paris", "Wladiwostok", "Shenyang", "BASF", "Hunnan", "Liaoning", "Europe"])
        for text in Self.texts {
            names.formUnion(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).filter { $0.first?.isUppercase == true }.map(String.init))
        }
        var found = 0
        for name in names {
            for test in tests {
                let expected = reference.entries(named: name).first(where: test)
                #expect(reference.firstEntry(named: name, where: test) == expected, "\(name)")
                if expected != nil { found += 1 }
            }
        }
        #expect(found > 100)
    }

    /// The adjective tables with their inflections added at load answer, in one lookup, what
    /// stripping the rules' endings in order from every word of the texts answers over the tables as
    /// shipped: the word itself first, then the first ending whose stem is listed.
    @Test func inflectedAdjectivesEqualEndingStripping() throws {
        let rules = TestSupport.ruleSet
        let endings = rules.mentions[.de]?.adjectiveEndings ?? []
        #expect(endings == ["en", "er", "es", "em", "e"])
        let shipped = try ReferenceData(directory: TestSupport.referenceDirectory)
        var regionStems: WordMap<String> = [:]
        for row in try TSVFile.optional(TestSupport.rulesDirectory, .de, "region-adjectives.tsv", minimumColumns: 3).rows {
            regionStems[Folding.key(row[1])] = row[2]
        }
        func stripped(_ key: String, _ lookup: (String) -> String?) -> String? {
            if let value = lookup(key) { return value }
            for ending in endings where key.hasSuffix(ending) {
                if let value = lookup(String(key.dropLast(ending.count))) { return value }
            }
            return nil
        }
        var words = Set(["deutschen", "europäischen", "Europeans", "französische", "Schweizer", "japanischem", "e", "en"])
        for text in Self.texts { words.formUnion(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)) }
        var found = 0
        for word in words {
            let key = Folding.key(word)
            let country = stripped(key, { shipped.countryOfAdjective(key: $0) })
            #expect(rules.reference.countryOfAdjective(key: key) == country, "\(word)")
            #expect(rules.regionAdjectives[.de]?[key] == stripped(key, { regionStems[$0] }), "\(word)")
            if country != nil, shipped.countryOfAdjective(key: key) == nil { found += 1 }
        }
        // Inflected forms the stems alone do not answer were read ("deutschen", "europäischen" …).
        #expect(found > 5)
    }

    /// The metadata reader's folded head is the folded text of the first scalars, at lengths that
    /// end inside and right before multi-byte letters, combining marks and "\r\n".
    @Test func foldedHeadEqualsFoldedScalarPrefix() {
        let texts = Self.hardCases + Self.texts + ["ab\r\ncd", "abc\u{301}d", "PANJIN, China /PRNewswire/ -- x`y", "Ab", ""]
        for text in texts {
            for length in [0, 1, 2, 3, 4, 5, 8, 40, 1200] {
                let expected = Array(Folding.key(String(text.unicodeScalars.prefix(length))).utf8)
                #expect(MetadataExtractor.foldedHead(text, scalars: length) == expected, "\(text.prefix(60)) \(length)")
            }
        }
    }

    /// The HTML sniffing rules texts out by their first character after whitespace, and answers as
    /// the lower-cased 512-character head does.
    @Test func htmlSniffingEqualsTheHeadTest() {
        let pad = String(repeating: " ", count: 600)
        let made = ["<!DOCTYPE html><p>x</p>", "  \n<HTML lang=de>", "<?xml version=\"1.0\"?>\n<html>", "<?xml version=\"1.0\"?><feed>",
                    "\u{A0}<html>", pad + "<html>", "<p>plain</p>", "", "   ", "Panjin <html>"]
        for text in made + Self.texts + Self.hardCases {
            let head = text.prefix(512).drop(while: { $0.isWhitespace }).lowercased()
            let expected = head.hasPrefix("<!doctype html") || head.hasPrefix("<html") || head.hasPrefix("<?xml") && head.contains("<html")
            #expect(DocumentReader.looksLikeHTML(text) == expected, "\(text.prefix(40))")
        }
        #expect(DocumentReader.looksLikeHTML("  \n<HTML lang=de>") && !DocumentReader.looksLikeHTML(pad + "<html>"))
    }

    /// A boilerplate line key (folded, non-alphanumerics trimmed from both ends) equals Foundation's
    /// trim of the folded line, for every line of the texts and lines with punctuation at the ends.
    @Test func lineKeyEqualsFoundationTrim() {
        var lines = Self.hardCases + ["  Share this: ", "» Home | News «", "Copyright © 2023", "...", "", "¿Qué?", "Ende."]
        for text in Self.texts { lines += text.split(separator: "\n").map(String.init) }
        for line in lines {
            let expected = Folding.key(line).trimmingCharacters(in: CharacterSet.alphanumerics.inverted)
            #expect(NormalizationRules.lineKey(line) == expected, "\(line.prefix(60))")
        }
    }

    /// The title reader's count of " | " equals what `components(separatedBy:)` splits at, on every
    /// line of the texts and on runs of bars.
    @Test func barSeparatorsEqualFoundationComponents() {
        var lines = ["Home | News | Contact", " | | ", "a | | b", "|", " |  | ", "x |", "| y", "Heim | Nachrichten — Über | uns", ""]
        for text in Self.texts + Self.hardCases { lines += text.split(separator: "\n").map(String.init) }
        for line in lines {
            #expect(MetadataExtractor.barSeparators(in: Substring(line)) == line.components(separatedBy: " | ").count - 1, "\(line.prefix(60))")
        }
    }

    /// A phrase compared in place (`spells`) agrees with the slice comparison it replaced, for
    /// every phrase of one to three tokens of each line of the texts at every position of that
    /// line, one before it and one past its end, and for phrases that differ in one word.
    @Test func spellingInPlaceEqualsSliceComparison() {
        var compared = 0, spelled = 0
        for text in Self.texts {
            for line in text.split(separator: "\n").prefix(40) {
                let tokens = Tokenizer.tokens(of: Sentence(position: 0, start: 0, end: line.unicodeScalars.count, text: String(line)))
                var phrases: [[String]] = [[], ["zzz"]]
                for start in tokens.indices {
                    for length in 1...3 where start + length <= tokens.count {
                        let phrase = tokens[start..<(start + length)].map(\.key)
                        phrases.append(phrase)
                        phrases.append(phrase.dropLast() + ["zzz"])
                    }
                }
                for phrase in phrases {
                    for at in -1...(tokens.count + 1) {
                        let expected = at >= 0 && at + phrase.count <= tokens.count
                            && zip(phrase, tokens[at..<(at + phrase.count)]).allSatisfy { $0 == $1.key }
                        #expect(tokens.spells(phrase, at: at) == expected, "\(phrase) at \(at) in \(line.prefix(50))")
                        compared += 1
                        if expected { spelled += 1 }
                    }
                }
            }
        }
        #expect(compared > 10_000 && spelled > 1_000)
    }

    /// The shape tests written as `switch`es say what the shape comparisons said.
    @Test func shapeTestsEqualShapeComparisons() {
        for shape in [Token.Shape.capitalized, .upper, .lower, .number, .punctuation] {
            let token = Token(text: "x", key: "x", start: 0, end: 1, shape: shape)
            #expect(token.isCapitalized == (shape == .capitalized || shape == .upper))
            #expect(token.isWord == (shape != .punctuation && shape != .number))
        }
    }

    /// The scalars decoded from a string's bytes are the scalars its `unicodeScalars` view gives.
    @Test func decodedScalarsEqualTheScalarView() {
        for text in Self.texts + Self.hardCases + ["", "a", "\u{1F600} emoji", "\r\n", "ß\u{0}x"] {
            #expect([Unicode.Scalar](scalarsOf: text) == Array(text.unicodeScalars), "\(text.prefix(40))")
        }
    }

    /// Lower-casing by bytes equals `lowercased()`, and the byte suffix test equals `hasSuffix`,
    /// on every word of the texts (ASCII or not) and the hard cases.
    @Test func byteLowercasingAndSuffixesEqualTheGeneralForms() {
        var words = Set(Self.hardCases + ["BMW's", "Liaoning’s", "'s", "s", "", "ÄRZTE", "İstanbul"])
        for text in Self.texts { words.formUnion(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)) }
        let suffixes = ["'s", "’s", "s", "zone", "ung", "é", ""]
        for word in words {
            #expect(word.lowercasedByBytes() == word.lowercased(), "\(word)")
            #expect(word.dropFirst(0).lowercasedByBytes() == word.lowercased(), "\(word) as a substring")
            for suffix in suffixes {
                #expect(word.endsWith(utf8: Array(suffix.utf8)) == word.utf8.reversed().starts(with: suffix.utf8.reversed()),
                        "\(word) ends with \(suffix)")
            }
        }
    }

    /// The benchmark's word count (runs of ASCII letters or digits, or of non-ASCII text) read from
    /// the bytes in place equals the count of such runs split at every other byte.
    @Test func wordCountEqualsRunsOfWordBytes() {
        for text in Self.texts + Self.hardCases + ["", " ", "a", "2017,5 Mio.", "über-all", "end."] {
            let isWordByte: (UInt8) -> Bool = { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 >= 0x80 }
            let expected = text.utf8.split(whereSeparator: { !isWordByte($0) }).count
            #expect(Pipeline.wordCount(text) == expected, "\(text.prefix(40))")
        }
        #expect(Pipeline.wordCount("Panjin's 2 joint-ventures") == 5)
    }

    /// The scalar classes by range answer as the Unicode properties do: every scalar of ASCII,
    /// Latin-1, Latin Extended-A and -B and General Punctuation (the ranges answered without the
    /// property tables), and every scalar of the texts.
    @Test func scalarClassesEqualUnicodeProperties() {
        var scalars = Set((0..<0x300).compactMap { Unicode.Scalar(UInt32($0)) })
        scalars.formUnion((0x2000..<0x2070).compactMap { Unicode.Scalar(UInt32($0)) })
        for text in Self.texts + Self.hardCases { scalars.formUnion(text.unicodeScalars) }
        for c in scalars {
            #expect(ScalarClass.isWhitespace(c) == c.properties.isWhitespace, "\(c.value)")
            #expect(ScalarClass.isAlphabetic(c) == c.properties.isAlphabetic, "\(c.value)")
            #expect(ScalarClass.isUppercase(c) == c.properties.isUppercase, "\(c.value)")
            #expect(ScalarClass.isWordScalar(c) == (c.properties.isAlphabetic || ("0"..."9").contains(c)), "\(c.value)")
            if c.isASCII {
                #expect(ScalarClass.isASCIIAlphanumeric(UInt8(c.value)) == (c.properties.isAlphabetic || ("0"..."9").contains(c)))
            }
        }
    }

    /// The model-number test by bytes says what `Character.isNumber` and `isLetter` say.
    @Test func digitAndLetterByBytesEqualsCharacterTests() {
        var words = Set(Self.hardCases + ["L600", "NeuViz", "128", "Haidou-1", "A4\r\n", "Ⅻ-Werk", "x²", "٣a", ""])
        for text in Self.texts { words.formUnion(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)) }
        for word in words {
            let expected = word.contains { $0.isNumber } && word.contains { $0.isLetter }
            #expect(SentenceScan.hasDigitAndLetter(word) == expected, "\(word)")
        }
    }

    /// The acronym shape by bytes and the NFC pre-test by decoded bytes agree with their
    /// `Character` and scalar-view forms on every word and text.
    @Test func acronymShapeAndNFCPretestEqualTheGeneralForms() {
        var words = Set(Self.hardCases + ["FTZ", "DRC", "A", "AB", "A1", "ÄÖ", "BMW-X", "", "\r\n"])
        for text in Self.texts { words.formUnion(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)) }
        for word in words {
            #expect(EntityResolver.isAcronymShaped(word) == (word.count >= 2 && word.allSatisfy { $0.isUppercase }), "\(word)")
        }
        for text in Self.texts + Self.hardCases + ["\u{2000}", "e\u{301}", "한국"] {
            let expected = text.unicodeScalars.allSatisfy { scalar in
                switch scalar.value {
                case 0..<0x300, 0x1E00...0x1EFF, 0x2002...0x20CF, 0x3400...0x4DBF, 0x4E00...0x9FFF: true
                default: false
                }
            }
            #expect(TextNormalizer.isNFCWithoutWork(text) == expected, "\(text.prefix(30))")
        }
    }

    /// The case tests by bytes (`startsUppercase`, `containsUppercase`, `hasNoLowercase`), the
    /// character count and the single-space test answer as the `Character` forms do, on every
    /// word and line of the genre texts and the hard cases.
    @Test func caseTestsByBytesEqualCharacterProperties() {
        var words = Set(Self.hardCases + [" ", "  ", "a  b", " a", "a ", "a b c", "A\u{301}bc", "a\u{301}BC", "ÖKO", "Öko", "eBay", "iPhone", "WTO-", "", "1A", "ŁÓDŹ"])
        // Every Latin-1 scalar, alone and inside a word.
        for v in 0x80...0xFF {
            guard let scalar = Unicode.Scalar(UInt32(v)) else { continue }
            words.formUnion([String(scalar), "a" + String(scalar) + "b", "Ab" + String(scalar), "\r\n" + String(scalar)])
        }
        for text in Self.texts {
            words.formUnion(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
            words.formUnion(text.split(separator: "\n").map(String.init))
        }
        #expect(words.count > 500)
        for word in words {
            #expect(word.startsUppercase == (word.first?.isUppercase == true), "\(word)")
            #expect(word.characterCount == word.count, "\(word)")
            #expect(EntityResolver.hasSingleSpacesOnly(word) == (word.split(separator: " ").joined(separator: " ") == word), "\(word)")
            #expect(word.containsUppercase == word.contains(where: \.isUppercase), "\(word)")
            #expect(word.hasNoLowercase == word.allSatisfy { !$0.isLowercase }, "\(word)")
            #expect(word.dropFirst().containsUppercase == word.dropFirst().contains(where: \.isUppercase), "\(word)")
        }
    }

    /// An organization's core name by bytes in place is the one made by splitting the name into
    /// words, with legal forms and group words at the end (the reference data's and the hard ones);
    /// the organization found by name key is `firstEntry(named:where:)`'s.
    @Test func coreNameInPlaceEqualsCoreNameBySplitting() throws {
        let pipeline = TestSupport.makePipeline()
        let resolver = try #require(pipeline.resolver as? EntityResolver)
        var names = Set(Self.hardCases + ["Leoni Group", "Leoni  Group", " Leoni Group", "Leoni Group ", "BASF SE", "Bosch GmbH & Co. KG",
                                          "Siemens AG Gruppe", "Group", "AG", "A AG AG", "", " ", "Ölwerk GmbH", "Dalian Wanda Group Co., Ltd."])
        for text in Self.texts {
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ").map(String.init)
                for start in words.indices {
                    for length in 1...3 where start + length <= words.count {
                        names.insert((words[start..<(start + length)] + ["GmbH"]).joined(separator: " "))
                        names.insert(words[start..<(start + length)].joined(separator: " "))
                    }
                }
            }
        }
        #expect(names.count > 500)
        var organizations = 0
        for name in names {
            #expect(resolver.coreName(name) == resolver.coreNameBySplitting(name), "\(name)")
            let expected = resolver.reference.firstEntry(named: name, where: { $0.type == .organization })?.id
            #expect(resolver.firstOrganization(nameKey: Folding.nameKey(name)) == expected, "\(name)")
            if expected != nil { organizations += 1 }
        }
        #expect(organizations > 0)
    }

    /// The country a token names before any dash, from its key without splitting or folding
    /// again, is the one `firstEntry(named:where:)` gives for the token's first piece; on every
    /// token of the texts and a few with dashes.
    @Test func countryNamedByTokenEqualsFirstEntryOfFirstPiece() throws {
        let resolver = try #require(TestSupport.makePipeline().resolver as? EntityResolver)
        var found = 0
        for text in Self.texts + ["US-Konzern, China-Geschäft, -Deutschland, Deutschland-, Frankreich--Werk, Österreich",
                                  "china germany GERMANY Germany's U.S. usa 3M Côte d’Ivoire Türkiye"] {
            let sentence = Sentence(position: 0, start: 0, end: text.unicodeScalars.count, text: text)
            let tokens = Tokenizer.tokens(of: sentence)
            for k in tokens.indices where tokens[k].isWord {
                let token = tokens[k]
                let expected = token.text.splitASCII(separator: 0x2D).first.flatMap { part in
                    resolver.reference.firstEntry(named: part) { $0.subtype == "country" }?.country
                }
                #expect(resolver.countryNamed(by: tokens, at: k) == expected, "\(token.text)")
                if expected != nil { found += 1 }
            }
        }
        #expect(found > 0)
    }

    /// A name's shape by bytes (word count, capital initials folded, their count), the initials
    /// search and the space test answer as the `Substring` and `Character` forms do, on every
    /// line of the genre texts, runs of its words, and the hard cases.
    @Test func nameShapesByBytesEqualCharacterForms() {
        var names = Set(Self.hardCases + ["Pilot Free Trade Zone", "China (Liaoning) Pilot Free Trade Zone", " a  B ", "A\u{301}rhus Port", "a", " a ", "a  ", "  b c  ",
                                          "a \u{301}B", "Ölwerk Ost", "", " ", "Dalian\r\nPort", "e\u{301} F"])
        for text in Self.texts {
            // Each line, and each run of two to four of its words, as names are.
            for line in text.split(separator: "\n") {
                names.insert(String(line))
                let words = line.split(separator: " ", omittingEmptySubsequences: false)
                for start in words.indices {
                    for length in 2...4 where start + length <= words.count {
                        names.insert(words[start..<(start + length)].joined(separator: " "))
                    }
                }
            }
        }
        #expect(names.count > 500)
        for name in names {
            let words = name.splitASCII(separator: 0x20)
            let initials = words.compactMap { $0.first }.filter(\.isUppercase).map { Folding.key(String($0)) }.joined()
            let shape = EntityResolver.NameShape(name)
            #expect(shape.words == words.count, "\(name)")
            #expect(shape.initials == initials, "\(name)")
            #expect(shape.letters == initials.count, "\(name)")
            #expect(EntityResolver.containsSpace(name) == name.contains(" "), "\(name)")
            #expect(EntityResolver.lastWord(of: name) == words.last, "\(name)")
            let outer = EntityResolver.outerWords(of: name)
            #expect(outer?.first == (words.count >= 2 ? words.first : nil), "\(name)")
            #expect(outer?.last == (words.count >= 2 ? words.last : nil), "\(name)")
            #expect(EntityResolver.byteCount(0x2D, in: name) == name.utf8.filter { $0 == 0x2D }.count, "\(name)")
            for acronym in ["pftz", "ftz", "cl", "dp", "o", "ö", "aé"] {
                #expect(shape.contains(acronym) == initials.contains(acronym), "\(name) \(acronym)")
            }
        }
    }
}
