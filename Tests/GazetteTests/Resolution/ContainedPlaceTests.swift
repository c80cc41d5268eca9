import Testing
@testable import Gazette

/// The country of a place named inside a name, read from the name's bytes
/// (``EntityResolver/placeCountry(inWordsOf:)``), is the one the split into words finds
/// (``EntityResolver/placeCountryBySplitting(_:)``): on every line of the test texts and seeds, on
/// name-sized pieces of them, and on names with possessives, punctuation and letters past ASCII.
@Suite struct ContainedPlaceTests {
    static let names: [String] = StructuralNameTests.names + [
        "Panjin Port", "Liaoning Provincial Government", "Northeast China", "Liaoning's Port Authority",
        "Shenyang’s Hunnan District", "Port of Dalian", "China-Germany Industrial Park", "Bay Area Holdings",
        "Łódź Special Economic Zone", "Provinz Liaoning", "Landesregierung Bayern", "Deutsch-Chinesisches Zentrum Berlin",
        "Nordrhein-Westfalen's Büro", "Beijing Co., Ltd.", "Wuhan!", "S's", "'s Hertogenbosch Office", "Ürümqi Airport",
        "Shanghai  Pudong", " Tianjin Binhai ", "China’s", "Germany's Bosch",
    ]

    @Test func bytesFindWhatTheSplitFinds() throws {
        let resolver = try #require(TestSupport.makePipeline().resolver as? EntityResolver)
        var found = 0
        for name in Self.names {
            let split = resolver.placeCountryBySplitting(name)
            #expect(resolver.placeCountry(inWordsOf: name) == split, "\(name)")
            if split != nil { found += 1 }
        }
        // The texts name places inside names: the comparison is not only of nils.
        #expect(found > 100)
    }

    /// A word is a legal form or group word by its bytes lower-cased on the stack
    /// (``EntityResolver/isDropped(_:else:)``) as by its folded key, for every word of the names
    /// above and for capitals, "`", long words and letters past ASCII.
    @Test func droppedWordsByBytesAsByFoldedKey() throws {
        let resolver = try #require(TestSupport.makePipeline().resolver as? EntityResolver)
        let words = Self.names.flatMap { $0.split(separator: " ").map(String.init) } + [
            "GmbH", "GMBH", "gmbh", "AG", "SE", "Ltd.", "Ltd", "LTD", "Co.,", "Group", "GROUP", "Gruppe", "Holding", "Inc.",
            "S.A.", "Sp.", "z", "o.o.", "Co`", "A`G", "Aktiengesellschaftsgruppenverwaltungsgesellschaft", "Société", "Ölwerk", "AB",
        ]
        var dropped = 0
        for word in words {
            let key = Folding.key(word)
            let expected = resolver.reference.legalForms.contains(key) || resolver.groupWords.contains(key)
            var copy = word
            let found = copy.withUTF8 { resolver.isDropped($0, else: Substring(word)) }
            #expect(found == expected, "\(word)")
            if expected { dropped += 1 }
        }
        #expect(dropped > 10)
    }

    /// An entity's aliases are its mentions' texts and names, sorted, each once: made directly
    /// for an entity of one mention, sorted and deduplicated for more, on every test text.
    @Test func aliasesAreTheSortedDistinctForms() throws {
        let pipeline = TestSupport.makePipeline()
        var single = 0, several = 0
        for text in TestSupport.corpusTexts() {
            guard let document = try? pipeline.extract(TestSupport.source(text)) else { continue }
            var forms: [String: [String]] = [:]
            var counts: [String: Int] = [:]
            for mention in document.mentions {
                guard let key = mention.entityKey else { continue }
                forms[key, default: []] += [mention.text, mention.name]
                counts[key, default: 0] += 1
            }
            for entity in document.entities {
                #expect(entity.aliases == Array(Set(forms[entity.key] ?? [])).sorted(), "\(entity.key)")
                if counts[entity.key] == 1 { single += 1 } else { several += 1 }
            }
        }
        #expect(single > 100 && several > 20)
    }

    /// A name's first or last word's key from its bytes (``EntityResolver/outerWordKey(of:last:minimumCount:)``)
    /// is `Folding.key` of that word of ``EntityResolver/outerWords(of:)``, when it has enough
    /// `Character`s: on the names above, their words in capitals, and names with "`", letters
    /// past ASCII, carriage returns and short first words.
    @Test func outerWordKeysByBytesAsBySubstrings() {
        var names = Self.names + ["Mayor Link", "Sören Link", "Dr. Zhang Wei", "BMW Brilliance", "Ab Cd", "Abc De",
                                  "Li`s Group", "Co`s Werk", "A\r\nB Firm", "Tom Ä", "Über Alles", "X Y\u{301}", "One", "  ", ""]
        names += names.map { $0.uppercased() }
        for name in names {
            for last in [true, false] {
                for minimum in [0, 3] {
                    let expected = EntityResolver.outerWords(of: name).flatMap { words -> String? in
                        let word = last ? words.last : words.first
                        return word.characterCount >= minimum ? Folding.key(word) : nil
                    }
                    #expect(EntityResolver.outerWordKey(of: name, last: last, minimumCount: minimum) == expected, "\(name)")
                }
            }
        }
    }

    /// A key of a type and a name written into one string (``EntityResolver/typedKey(_:name:)``)
    /// is the concatenation of the type, ":" and the name's `Folding.nameKey`, for every line of
    /// the texts and name-sized piece of them, and for every type.
    @Test func typedKeyEqualsConcatenation() {
        var checked = 0
        for name in Self.names {
            for type in EntityType.allCases {
                #expect(EntityResolver.typedKey(type.rawValue, name: name) == type.rawValue + ":" + Folding.nameKey(name), "\(name)")
                checked += 1
            }
        }
        #expect(checked > 10_000)
    }

    /// The filter ``EntityResolver/statedOrigins(_:_:)`` asks before its two noun tables holds
    /// every key of both, so it turns away no token either table has: checked on the tables' keys
    /// and on every token of the texts, English and German.
    @Test func nounFilterHoldsEveryNoun() throws {
        let resolver = try #require(TestSupport.makePipeline().resolver as? EntityResolver)
        var nouns = 0
        var ruledOut = 0
        for language in [Language.en, .de] {
            let words = try #require(resolver.originWords[language])
            words.orgContext.forEachKeyHash { #expect(words.nounFilter.mayHold(hash: $0)) }
            words.groupNouns.forEachHash { #expect(words.nounFilter.mayHold(hash: $0)) }
            for text in TestSupport.corpusTexts() {
                let sentence = Sentence(position: 0, start: 0, end: text.unicodeScalars.count, text: text)
                for token in Tokenizer.tokens(of: sentence) {
                    if words.orgContext.contains(token) || words.groupNouns.contains(token) {
                        #expect(words.nounFilter.mayHold(hash: token.keyHash), "\(token.text)")
                        nouns += 1
                    } else if !words.nounFilter.mayHold(hash: token.keyHash) {
                        ruledOut += 1
                    }
                }
            }
        }
        #expect(nouns > 100)
        #expect(ruledOut > 10 * nouns)
    }

    /// The filters asked before a table hold every key of it, so they turn away no word the
    /// table has: the country adjectives (inflected) before ``EntityResolver/statedOrigins(_:_:)``'s
    /// adjective look-ups, the name index's key filter before ``EntityResolver/countryNamed(by:at:)``'s
    /// look-up, the legal-form prefixes before the finder's; on the tables' keys and on every
    /// token of the texts, English and German.
    @Test func lookUpFiltersHoldEveryKey() throws {
        let pipeline = TestSupport.makePipeline()
        let resolver = try #require(pipeline.resolver as? EntityResolver)
        let reference = resolver.reference
        reference.adjectives.forEachKeyHash { #expect(resolver.adjectiveFilter.mayHold(hash: $0)) }
        reference.nameIndex.forEachKeyHash { #expect(resolver.finder.names.mayKnow(hash: $0)) }
        resolver.finder.legalFormPrefixes.forEachHash { #expect(resolver.finder.legalFormPrefixFilter.mayHold(hash: $0)) }
        var adjectives = 0
        var prefixes = 0
        for text in TestSupport.corpusTexts() {
            let sentence = Sentence(position: 0, start: 0, end: text.unicodeScalars.count, text: text)
            for token in Tokenizer.tokens(of: sentence) {
                if reference.countryOfAdjective(key: token.key) != nil {
                    #expect(resolver.adjectiveFilter.mayHold(hash: token.keyHash), "\(token.text)")
                    adjectives += 1
                }
                if resolver.finder.legalFormPrefixes.contains(token) {
                    #expect(resolver.finder.legalFormPrefixFilter.mayHold(hash: token.keyHash), "\(token.text)")
                    prefixes += 1
                }
                if token.keyIsAlphanumeric, reference.nameIndex[token.key] != nil {
                    #expect(resolver.finder.names.mayKnow(hash: token.keyHash), "\(token.text)")
                }
            }
        }
        #expect(adjectives > 30)
        #expect(prefixes > 10)
    }
}
