import Foundation
import Testing
@testable import Gazette

/// The mention finder's shortcuts give what the plain forms give, on the words and word runs of
/// every seed and genre article (English and German news: firms, cities, provinces, compounds)
/// and on hand-picked hard cases: the in-place best candidate of a name key against ranking every
/// candidate (and the key filter that skips it), the byte split and search of hyphenated words
/// against the `Character` forms, and the suffix-cue pre-test against trying every ending.
@Suite struct MentionShortcutTests {
    static let texts = TestSupport.corpusTexts()

    static let hardWords = [
        "Sino-German", "Saudi-Arabien", "China-Europe", "German-invested", "Baden-Württemberg", "-Werk", "Reform-",
        "a--b", "Ω-Werk", "e\u{301}-\u{301}x", "Kraków–Łódź", "Innovationsdemonstrationszone", "Informationsbüro",
        "Stadtrat", "Amt", "Rates", "Industriepark", "Park", "Hafen", "Ü",
    ]

    /// The project's mention finder over a name index of the reference data and `lexicon`.
    static func finder(lexicon: [MentionRules.LexiconEntry]) -> MentionFinder {
        let rules = TestSupport.ruleSet
        let names = NameIndex(reference: rules.reference, lexicon: lexicon)
        return MentionFinder(rules: rules.mentions, names: names, reference: rules.reference,
                             regionAdjectives: rules.regionAdjectives)
    }

    /// Every whitespace-separated word of the texts, with the hard cases.
    static let words: [String] = {
        var words = Set(hardWords)
        for text in texts { words.formUnion(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)) }
        return words.sorted()
    }()

    /// A token whose key the tokenizer marks alphanumeric is its own name key and has no hyphen,
    /// and the mark is the key's bytes' (the finder takes such a key as the name key without
    /// folding it, and skips its hyphen search).
    @Test func alphanumericKeysAreTheirOwnNameKeys() {
        var marked = 0
        for text in Self.texts + [Self.hardWords.joined(separator: " ")] {
            let sentence = Sentence(position: 0, start: 0, end: text.unicodeScalars.count, text: text)
            for token in Tokenizer.tokens(of: sentence) {
                let alphanumeric = !token.key.isEmpty
                    && token.key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
                #expect(token.keyIsAlphanumeric == alphanumeric, "\(token.text)")
                if token.keyIsAlphanumeric {
                    #expect(Folding.nameKey(folded: token.key) == token.key, "\(token.text)")
                    // The origin-adjective test skips the hyphen search for such a token.
                    #expect(!SentenceScan.containsHyphen(token.text), "\(token.text)")
                    marked += 1
                }
            }
        }
        #expect(marked > 3_000)
    }

    /// The legal-form shape test by bytes answers as the `Character` test, on every run of one to
    /// four tokens of the texts and the hard cases.
    @Test func legalFormShapeByBytesEqualsCharacterTest() throws {
        let rules = TestSupport.ruleSet
        let finder = Self.finder(lexicon: rules.mentions[.en]?.lexicon ?? [])
        let english = try #require(rules.mentions[.en])
        var checked = 0
        for text in Self.texts + [Self.hardWords.joined(separator: " "), "AG ag Ag S.A. Co., Ltd. GmbH & Co. KG SE Ⅻ ÖA"] {
            let sentence = Sentence(position: 0, start: 0, end: text.unicodeScalars.count, text: text)
            let tokens = Tokenizer.tokens(of: sentence)
            let scan = SentenceScan(finder: finder, rules: english, language: .en)
            scan.run(tokens: tokens, sentence: 0)
            for from in tokens.indices {
                for to in (from + 1)...min(from + 4, tokens.count) {
                    #expect(scan.isLegalFormShape(from, to) == scan.generalIsLegalFormShape(from, to),
                            "\(tokens[from..<to].map(\.text))")
                    checked += 1
                }
            }
        }
        #expect(checked > 10_000)
    }

    @Test func hyphenPartsEqualCharacterSplit() {
        #expect(Self.words.count > 1_000)
        for word in Self.words {
            #expect(SentenceScan.hyphenParts(word) == word.split(separator: "-"), "\(word)")
            #expect(SentenceScan.containsHyphen(word) == word.contains("-"), "\(word)")
        }
    }

    @Test func digitAndLetterTestEqualsCharacterTest() {
        // Each Latin-1 scalar as a character, then every word.
        for v in 0x80...0xFF {
            guard let scalar = Unicode.Scalar(UInt32(v)) else { continue }
            #expect(Character(scalar).isNumber == (scalar.properties.numericType != nil), "U+\(String(v, radix: 16))")
            #expect(Character(scalar).isLetter == scalar.properties.isAlphabetic, "U+\(String(v, radix: 16))")
            for word in ["A" + String(scalar) + "1", String(scalar) + "x", "7" + String(scalar)] {
                #expect(SentenceScan.hasDigitAndLetter(word) == (word.contains { $0.isNumber } && word.contains { $0.isLetter }), "\(word)")
            }
        }
        for word in Self.words + ["Haidou-1", "L600", "Straße4", "Ü2", "½Ü", "e\u{301}1", "²a", "x\r\n1"] {
            #expect(SentenceScan.hasDigitAndLetter(word) == (word.contains { $0.isNumber } && word.contains { $0.isLetter }), "\(word)")
        }
    }

    /// The name index counts words and collects prefixes over each key's bytes: the same as
    /// splitting every key and cutting it at every space.
    @Test func nameIndexWordsEqualSplitting() {
        let rules = TestSupport.ruleSet
        let lexicon = rules.mentions[.en]?.lexicon ?? []
        let names = NameIndex(reference: rules.reference, lexicon: lexicon)
        var keys = rules.reference.nameIndex.keys
        for entry in lexicon { keys += [Folding.nameKey(entry.name)] + entry.aliases.map { Folding.nameKey($0) } }
        var plain = WordSet()
        var maximum = 1
        for key in keys where !key.isEmpty {
            maximum = max(maximum, key.splitASCII(separator: 0x20).count)
            var index = key.utf8.startIndex
            while let space = key.utf8[index...].firstIndex(of: 0x20) {
                plain.insert(String(key[..<space]))
                index = key.utf8.index(after: space)
            }
        }
        #expect(plain.count > 1_000)
        #expect(names.maximumTokens == min(maximum, 8))
        #expect(names.prefixes == plain)
    }

    /// A span's text copied into one string equals the tokens' texts joined with their spaces.
    @Test func spanTextEqualsAppendedTokens() {
        var spans = 0
        for text in Self.texts + Self.hardWords.map({ "Die \($0) (Shenyang) Co., Ltd. „Werk“ – \($0)" }) {
            for line in text.split(separator: "\n") {
                let line = String(line)
                let tokens = Tokenizer.tokens(of: Sentence(position: 0, start: 0, end: line.unicodeScalars.count, text: line))
                for from in tokens.indices {
                    for to in (from + 1)...min(from + 6, tokens.count) {
                        var plain = tokens[from].text
                        for k in (from + 1)..<to {
                            if tokens[k].start > tokens[k - 1].end { plain += " " }
                            plain += tokens[k].text
                        }
                        #expect(SentenceScan.spanText(tokens, from, to) == plain, "\(plain)")
                        spans += 1
                    }
                }
            }
        }
        #expect(spans > 10_000)
    }

    @Test func suffixCuePreTestKeepsEveryEnding() throws {
        for (language, rules) in TestSupport.ruleSet.mentions {
            #expect(!rules.suffixCueEndings.isEmpty || language != .de)
            var ruledOut = 0
            for word in Self.words {
                let key = Folding.key(word)
                let ends = rules.suffixCueEndings.contains { key.endsWith(utf8: $0.utf8) }
                if ends { #expect(rules.mayEndInSuffixCue(key), "\(language) \(word)") }
                if !rules.mayEndInSuffixCue(key) { ruledOut += 1 }
            }
            // The pre-test is worth asking only if it rules out most words.
            if !rules.suffixCueEndings.isEmpty { #expect(ruledOut * 2 > Self.words.count, "\(language)") }
        }
    }

    /// The best meaning of a name key as ``NameIndex/candidates(_:)`` and
    /// ``NameIndex/rank(type:subtype:reference:viaAlias:population:districts:)`` define it.
    static func plainBest(_ names: NameIndex, _ key: String, districts: Bool) -> (any: Bool, best: NameIndex.Candidate?) {
        let candidates = names.candidates(key)
        var top: (rank: Double, population: Int)?
        var best: NameIndex.Candidate?
        for c in candidates {
            let r = NameIndex.rank(type: c.type, subtype: c.subtype, reference: c.reference, viaAlias: c.viaAlias,
                                   population: c.population, districts: districts)
            guard r > 0 else { continue }
            if let t = top, (t.rank, t.population) >= (r, c.population) { continue }
            top = (r, c.population)
            best = c
        }
        return (!candidates.isEmpty, best)
    }

    @Test func bestCandidateEqualsRankingEveryCandidate() {
        let rules = TestSupport.ruleSet
        let names = NameIndex(reference: rules.reference, lexicon: rules.mentions[.en]?.lexicon ?? [])
        // Keys of one to three words of the texts, and a spread of every name key reference data has.
        var keys = Set<String>()
        for text in Self.texts {
            let parts = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { Folding.nameKey($0) }
            for k in parts.indices {
                for length in 1...3 where k + length <= parts.count {
                    keys.insert(parts[k..<(k + length)].joined(separator: " "))
                }
            }
        }
        let reference = rules.reference.nameIndex.keys
        for k in stride(from: 0, to: reference.count, by: 37) { keys.insert(reference[k]) }
        keys.formUnion(["liaoning", "tianjin", "incheon", "hunnan", "shenyang", "basf", "russland", "mailand", "jilin"])
        var found = 0
        var filtered = 0
        for key in keys where !key.isEmpty {
            // The key filter never rules out a key the tables know.
            if !names.mayKnow(hash: WordIndex.hash(key)) {
                filtered += 1
                #expect(Self.plainBest(names, key, districts: true).any == false, "\(key)")
                #expect(!names.beginsLongerName(key), "\(key)")
            }
            for districts in [false, true] {
                let fast = names.best(key, hash: WordIndex.hash(key), districts: districts)
                let plain = Self.plainBest(names, key, districts: districts)
                #expect(fast.any == plain.any, "\(key)")
                #expect(fast.best == plain.best, "\(key) districts: \(districts)")
                if fast.best != nil { found += 1 }
            }
        }
        #expect(found > 1_000)
        #expect(filtered > 1_000)
    }

    /// The legal form found with its key's hash continued token by token ends where the keys
    /// joined and looked up whole at every step end it, from every token that begins one, in
    /// English and German texts and on hand-picked forms.
    @Test func legalFormEndEqualsPlainLegalFormEnd() throws {
        let rules = TestSupport.ruleSet
        let finder = Self.finder(lexicon: rules.mentions[.en]?.lexicon ?? [])
        var starts = 0
        var found = 0
        var multiToken = 0
        let forms = "Huaxin Co., Ltd. Haitai GmbH & Co. KG Starhai S.A. Müller AG Acme Inc. Foo Pte. Ltd. Bar S.p.A. Baz Co Ltd"
        for text in Self.texts + [forms] {
            let sentence = Sentence(position: 0, start: 0, end: text.unicodeScalars.count, text: text)
            let tokens = Tokenizer.tokens(of: sentence)
            for language in [Language.en, .de] {
                let scan = SentenceScan(finder: finder, rules: try #require(rules.mentions[language]), language: language)
                scan.run(tokens: tokens, sentence: 0)
                for j in tokens.indices where scan.tables.legalFormPrefixes.contains(tokens[j]) {
                    let fast = scan.legalFormEnd(from: j)
                    #expect(fast == scan.plainLegalFormEnd(from: j), "\(tokens[j...].prefix(4).map(\.text))")
                    starts += 1
                    if let fast {
                        found += 1
                        if fast > j + 1 { multiToken += 1 }
                    }
                }
            }
        }
        #expect(starts > 1_000)
        #expect(found > 50)
        #expect(multiToken > 10)
    }

    /// The look-up that continues a key's hash word by word and makes the key's string only
    /// where the filter knows it finds what the plain look-up finds (every key made and hashed
    /// whole), from every token of the texts, read as English and as German (genitives), with
    /// districts and without; and the hash continued and the last character dropped by bytes
    /// equal the plain forms on every word.
    @Test func lookupEqualsPlainLookup() throws {
        let rules = TestSupport.ruleSet
        let finder = Self.finder(lexicon: (rules.mentions[.en]?.lexicon ?? []) + (rules.mentions[.de]?.lexicon ?? []))
        var found = 0
        var multiWord = 0
        var genitives = 0
        for text in Self.texts + [Self.hardWords.joined(separator: " "), "Liaonings Russlands Chinas Bosnia and Herzegovina's Hafen"] {
            let sentence = Sentence(position: 0, start: 0, end: text.unicodeScalars.count, text: text)
            let tokens = Tokenizer.tokens(of: sentence)
            for language in [Language.en, .de] {
                let scan = SentenceScan(finder: finder, rules: try #require(rules.mentions[language]), language: language)
                scan.run(tokens: tokens, sentence: 0)
                for i in tokens.indices {
                    for districts in [false, true] {
                        let fast = scan.lookup(i, maximum: finder.names.maximumTokens, districts: districts)
                        let plain = scan.plainLookup(i, maximum: finder.names.maximumTokens, districts: districts)
                        #expect(fast?.end == plain?.end, "\(tokens[i].text)")
                        #expect(fast?.key == plain?.key, "\(tokens[i].text)")
                        #expect(fast?.candidate == plain?.candidate, "\(tokens[i].text)")
                        if let fast {
                            found += 1
                            if fast.end > i + 1 { multiWord += 1 }
                            if fast.key.utf8.count < scan.nameKeys(from: i, through: fast.end - 1).utf8.count { genitives += 1 }
                        }
                    }
                }
            }
        }
        #expect(found > 2_000)
        #expect(multiWord > 200)
        #expect(genitives > 10)
        for word in Self.words {
            let key = Folding.nameKey(word)
            #expect(SentenceScan.continuedHash(WordIndex.hash("bosnia"), " " + key) == WordIndex.hash("bosnia " + key), "\(word)")
            #expect(SentenceScan.droppingLastCharacter(word) == String(word.dropLast()), "\(word)")
        }
        for text in ["s", "ss", "\u{0600}s", "\u{0600}", "abcs", "Ä"] {
            #expect(SentenceScan.droppingLastCharacter(text) == String(text.dropLast()), "\(text)")
        }
    }

    /// The rule-word filter never rules out a key of its table (every key the table holds, and
    /// every token of the texts the table knows), and rules out most other tokens; and the
    /// compound ending found by bytes in place (``SentenceScan/suffixCueEnding(of:)``) is the one
    /// the plain loop over the endings finds, for every token of the texts, English and German.
    @Test func ruleWordFilterAndSuffixCueEndingEqualPlainForms() throws {
        let rules = TestSupport.ruleSet
        let finder = Self.finder(lexicon: rules.mentions[.en]?.lexicon ?? [])
        var held = 0
        var ruledOut = 0
        var endings = 0
        for language in [Language.en, .de] {
            let table = try #require(finder.ruleWords[language])
            let filter = try #require(finder.ruleWordFilters[language])
            table.forEachKeyHash { #expect(filter.mayHold(hash: $0)) }
            let languageRules = try #require(rules.mentions[language])
            for text in Self.texts + [Self.hardWords.joined(separator: " ")] {
                let sentence = Sentence(position: 0, start: 0, end: text.unicodeScalars.count, text: text)
                let tokens = Tokenizer.tokens(of: sentence)
                let scan = SentenceScan(finder: finder, rules: languageRules, language: language)
                scan.run(tokens: tokens, sentence: 0)
                for k in tokens.indices {
                    if table[tokens[k]] != nil {
                        #expect(filter.mayHold(hash: tokens[k].keyHash), "\(tokens[k].text)")
                        held += 1
                    } else if !filter.mayHold(hash: tokens[k].keyHash) {
                        ruledOut += 1
                    }
                    let key = tokens[k].key
                    let plain = languageRules.suffixCueEndings.indices.first { e in
                        key.endsWith(utf8: languageRules.suffixCueEndings[e].utf8)
                            && key.count > languageRules.suffixCueEndings[e].length + 2
                            && key.hasSuffix(languageRules.suffixCueEndings[e].ending)
                    }
                    #expect(scan.suffixCueEnding(of: k) == plain, "\(tokens[k].text)")
                    if plain != nil { endings += 1 }
                }
            }
        }
        #expect(held > 3_000)
        #expect(ruledOut > held)
        #expect(endings > 10)
    }
}

extension SentenceScan {
    /// ``lookup(_:maximum:districts:)`` with every key made as a string and hashed whole, as it
    /// was before: the reference ``MentionShortcutTests`` compares it with.
    func plainLookup(_ i: Int, maximum: Int, districts: Bool = false) -> Lookup? {
        guard i < tokens.count, tokens[i].isCapitalized else { return nil }
        var key = ""
        var best: Lookup?
        var j = i
        while j < tokens.count, j - i < maximum {
            let possessive = isPossessive(j)
            if j > i && !tokens[j].isCapitalized && !isConnective(j) && tokens[j].shape != .number && !possessive { break }
            let part = possessive ? "s" : nameKey(j)
            if part.isEmpty { break }
            key = key.isEmpty ? part : key + " " + part
            let hash = WordIndex.hash(key)
            let known = tables.names.mayKnow(hash: hash)
            let found = known ? tables.names.best(key, hash: hash, districts: districts) : (any: false, best: nil)
            if let first = found.best {
                best = Lookup(end: j + 1, candidate: first, key: key)
            } else if !found.any, language == .de, key.hasSuffix("s"), key.count > 4 {
                let stem = String(key.dropLast())
                if let first = tables.names.best(stem, hash: WordIndex.hash(stem), districts: districts).best {
                    best = Lookup(end: j + 1, candidate: first, key: stem)
                }
            }
            j += 1
            if !known || !tables.names.beginsLongerName(key, hash: hash) { break }
        }
        return best
    }

    /// ``legalFormEnd(from:)`` with the keys joined and looked up whole at every step, as it was
    /// before: the reference ``MentionShortcutTests`` compares it with.
    func plainLegalFormEnd(from j: Int) -> Int? {
        var joined = ""
        var k = j
        var best: Int?
        while k < tokens.count, k - j < 8 {
            joined += tokens[k].key
            guard tables.legalFormPrefixes.contains(joined) else { break }
            if tables.legalForms.contains(joined), isLegalFormShape(j, k + 1) { best = k + 1 }
            k += 1
        }
        return best
    }
}
