import Foundation

/// The relation rules of one language: patterns (`relations.tsv`), blocker word sets
/// (`blockers.tsv`), place anaphora (`anaphora.tsv`), sentence cues (`relation-cues.tsv`) and the
/// words read around slots (`relation-words.tsv`).
public struct RelationRules: Sendable {
    public var patterns: [RelationPattern]
    /// Folded phrases that refer back to a place ("there", "the city", "die Stadt").
    public var anaphora: [[String]] {
        didSet { anaphoraByFirstWord = WordMap(phrasesByFirstWord: anaphora) }
    }
    /// ``anaphora`` by first word, longest first (``WordMap/longestPhrase(in:at:)``): the matcher
    /// tries them only where a token is the first word of one.
    var anaphoraByFirstWord: WordMap<[[String]]> = [:]
    /// Sentence-level cues: a word that makes every listed city a friendship city, and so on.
    public var cues: [(id: String, predicate: RelationPredicate, words: WordSet, precision: Double)] {
        didSet { cueWordBits = RelationRules.wordBits(cues) }
    }
    /// Each cue's words as bits (``RelationProgram/firstWordBit(_:)``): a token whose bit is clear
    /// is none of them, ruled out without a look-up (a cue is looked for at every token).
    var cueWordBits: [UInt64] = []
    /// Role phrases from `name-words.tsv`, keyed by their first word, longest first.
    public var roles: WordMap<[[String]]>
    /// The words read around slots: enumerations, articles, origins, roles, clauses.
    public var words: RelationWords
    /// Anchor word → the patterns it anchors, as the number of a set in ``anchorSets``: a
    /// sentence's tokens pick the patterns worth trying with one lookup each, instead of each
    /// pattern testing the sentence. (A number, not an array of indices: reading an array out of
    /// the table retained and released it, ten times a sentence.)
    var patternsByAnchor: WordMap<Int> = [:]
    /// The pattern sets of ``patternsByAnchor``, ``patternSetWords`` words each: bit `i % 64` of
    /// word `i / 64` for `patterns[i]`.
    var anchorSets: [UInt64] = []
    /// The patterns without an anchor word, tried in every sentence, as a set.
    var unanchoredPatterns: [UInt64] = []
    /// Words in a set of patterns.
    var patternSetWords: Int { (patterns.count + 63) / 64 }
    /// The subtypes the patterns' slots name, numbered (nil when more than 64): the patterns'
    /// programs are made with them.
    var subtypeNumbers: SubtypeNumbers?

    public init(directory: URL, language: Language, roles: WordMap<[[String]]>) throws(GazetteError) {
        self.roles = roles
        words = try RelationWords(directory: directory, language: language)
        var blockerSets: [String: WordSet] = [:]
        for row in try TSVFile.optional(directory, language, "blockers.tsv", minimumColumns: 2).rows {
            blockerSets[row[0], default: []].insert(Folding.key(row[1]))
        }
        let file = try TSVFile.optional(directory, language, "relations.tsv", minimumColumns: 4)
        // Every language's stop words (each file leaves out those of another language: "in" is
        // English and German): they only steer which words anchor a pattern
        // (``RelationPattern/anchors(of:common:)``).
        var commonWords: WordSet = []
        for other in Language.allCases {
            for row in try TSVFile.optional(directory, other, "stopwords.tsv").rows { commonWords.insert(Folding.key(row[0])) }
        }
        patterns = try file.rows.map { row throws(GazetteError) in
            try RelationPattern(row: row, path: file.path, language: language, blockerSets: blockerSets,
                                commonWords: commonWords)
        }
        subtypeNumbers = SubtypeNumbers(patterns.map(\.program))
        if let subtypeNumbers {
            for k in patterns.indices { patterns[k].number(subtypeNumbers) }
        }
        let width = (patterns.count + 63) / 64
        unanchoredPatterns = Array(repeating: 0, count: width)
        for (index, pattern) in patterns.enumerated() {
            guard let anchors = pattern.anchors else {
                unanchoredPatterns[index / 64] |= 1 << UInt64(index % 64)
                continue
            }
            for word in anchors {
                if !patternsByAnchor.contains(word) {
                    patternsByAnchor[word] = anchorSets.count / width
                    anchorSets.append(contentsOf: repeatElement(0, count: width))
                }
                anchorSets[patternsByAnchor[word]! * width + index / 64] |= 1 << UInt64(index % 64)
            }
        }
        anaphora = try TSVFile.optional(directory, language, "anaphora.tsv", minimumColumns: 2).rows.map {
            $0[1].split(separator: " ").map { Folding.key(String($0)) }
        }.sorted { $0.count > $1.count }
        // `didSet` does not run in the type's own initializer.
        anaphoraByFirstWord = WordMap(phrasesByFirstWord: anaphora)
        let cueFile = try TSVFile.optional(directory, language, "relation-cues.tsv", minimumColumns: 4)
        cues = try cueFile.rows.map { row throws(GazetteError) in
            guard let predicate = RelationPredicate(rawValue: row[1]), let precision = Double(row[3]) else {
                throw .badRuleFile(path: cueFile.path, line: row.line, reason: "expected id, predicate, words, precision")
            }
            return (row[0], predicate, WordSet(row[2].split(separator: "|").map { Folding.key(String($0)) }), precision)
        }
        cueWordBits = RelationRules.wordBits(cues)
    }
}

extension RelationRules {
    /// ``cueWordBits`` of `cues`.
    static func wordBits(_ cues: [(id: String, predicate: RelationPredicate, words: WordSet, precision: Double)]) -> [UInt64] {
        cues.map { cue in cue.words.reduce(0) { $0 | RelationProgram.firstWordBit(WordIndex.hash($1)) } }
    }
}

/// Extracts relationships by matching each language's patterns against the mention sequence of
/// every sentence, plus two structural rules: a facility, zone or institute named after a city is
/// located in it, and "X of Y" names are part of Y.
///
/// Precision comes first: a pattern that crosses a blocker word ("plans", "memorandum",
/// "nicht") does not fire, so a planned joint venture never becomes one.
///
/// For example:
///
/// ```swift
/// // "A number of European enterprises including Leoni Group, Clariant and Dynasol have
/// //  established joint ventures there." (after a sentence about Panjin)
/// // → Leoni Group, Clariant, Dynasol has_joint_venture_in Panjin
/// ```
public struct RelationExtractor: RelationExtracting {
    let rules: [Language: RelationRules]

    public init(rules: [Language: RelationRules]) {
        self.rules = rules
    }

    public func facts(in text: AnalyzedText, entities: ResolvedMentions) -> [Fact] {
        guard let rules = rules[text.language] else { return [] }
        let entityByKey = entities.byKey
        let bySentence = entities.bySentence(text.sentences.count)
        var facts: [Fact] = []
        var topic = TopicTracker()
        var main = MainPlace()
        var names = NameTables(entities.entities)
        let namedLengths = RelationExtractor.structuralKeyLengths(entities.entities)
        let matcher = SentenceMatcher(anaphora: rules.anaphoraByFirstWord, entities: entityByKey, roles: rules.roles,
                                      words: rules.words, subtypeNumbers: rules.subtypeNumbers)
        let width = rules.patternSetWords
        var anchored = rules.unanchoredPatterns
        for (position, sentence) in text.sentences.enumerated() {
            let mentions = bySentence[position]
            let tokens = text.tokens[position]
            matcher.load(tokens: tokens, mentions: mentions, topic: topic.main)
            for w in 0..<width { anchored[w] = rules.unanchoredPatterns[w] }
            // The sentence's words as bits (``RelationProgram/firstWordBit(_:)``), for the cues.
            var wordBits: UInt64 = 0
            for k in tokens.indices {
                wordBits |= RelationProgram.firstWordBit(tokens[k].keyHash)
                guard let set = rules.patternsByAnchor[tokens[k]] else { continue }
                for w in 0..<width { anchored[w] |= rules.anchorSets[set * width + w] }
            }
            // The patterns in order. By index, not `enumerated()`: a pattern is copied (its
            // strings and word sets retained) only when the sentence can match it.
            for w in 0..<width {
                var bits = anchored[w]
                while bits != 0 {
                    let index = w * 64 + bits.trailingZeroBitCount
                    bits &= bits - 1
                    if matcher.matches(rules.patterns, index) > 0 {
                        addFacts(rules.patterns[index], matcher.found, matcher.matchKeys, tokens, sentence, entityByKey, to: &facts)
                    }
                }
            }
            // Into `facts`: arrays of their own, appended, cost 120 instructions a sentence each.
            cueFacts(rules, mentions, tokens, sentence, &main, entities.mentions, entityByKey, wordBits: wordBits, into: &facts)
            structuralFacts(mentions, sentence, text.language, rules.words, entityByKey, &names, keyLengths: namedLengths,
                            into: &facts)
            topic.update(with: mentions, entities: entityByKey)
        }
        return deduplicated(jointVenturePartners(facts))
    }

    /// Adds the facts of a pattern's matches in a sentence: each subject with each other object.
    /// `keys`: the matcher's ``SentenceMatcher/matchKeys``, which the matches' slots index.
    func addFacts(_ pattern: RelationPattern, _ matches: [SentenceMatcher.Match], _ keys: [String], _ tokens: [Token],
                  _ sentence: Sentence, _ entities: WordMap<ResolvedEntity>, to facts: inout [Fact]) {
        for match in matches {
            for s in match.subjects {
                for o in match.objects where keys[s] != keys[o] {
                    guard let predicate = pattern.predicate ?? containment(keys[s], keys[o], entities) else { continue }
                    facts.append(Fact(subject: keys[s], predicate: predicate, object: keys[o],
                                      attributes: match.role.map { ["role": $0] } ?? [:],
                                      sentence: sentence.position, matchStart: tokens[match.start].start,
                                      matchEnd: tokens[match.end - 1].end, rule: pattern.rule,
                                      rulePrecision: pattern.precision))
                }
            }
        }
    }

    /// Partners of a joint venture share its place: "X and Y established a joint venture in Z"
    /// gives Y has_joint_venture_in Z as well as X, when one sentence states both facts.
    func jointVenturePartners(_ facts: [Fact]) -> [Fact] {
        var out = facts
        // By index: `for pair in facts` copied every fact (its keys, rule and attributes
        // retained) to ask its predicate.
        for p in facts.indices where facts[p].predicate == .jointVentureWith {
            for q in facts.indices where facts[q].predicate == .hasJointVentureIn && facts[q].sentence == facts[p].sentence
                && (facts[q].subject == facts[p].subject || facts[q].subject == facts[p].object) {
                let partner = facts[q].subject == facts[p].subject ? facts[p].object : facts[p].subject
                var derived = facts[q]
                derived.subject = partner
                derived.rule = facts[p].rule
                derived.rulePrecision = min(facts[p].rulePrecision, facts[q].rulePrecision)
                out.append(derived)
            }
        }
        return out
    }

    /// `part_of` from a place to a larger place, `located_in` towards a region or from anything else.
    /// The entities read in place: `entities[key]` copied each (eight strings and an array
    /// retained and released), 1,500 instructions a call.
    func containment(_ subject: String, _ object: String, _ entities: WordMap<ResolvedEntity>) -> RelationPredicate? {
        guard let (objectType, objectRank, objectIsRegion) = entities.read(object, { ($0.type, SentenceMatcher.rank($0), $0.subtype == "region") }),
              objectType == .place || objectType == .zone,
              let (subjectType, subjectRank) = entities.read(subject, { ($0.type, SentenceMatcher.rank($0)) }) else { return nil }
        if subjectType == .place {
            guard objectType == .place, subjectRank < objectRank else { return nil }
            return objectIsRegion ? .locatedIn : .partOf
        }
        return subjectType == .person || subjectType == .product || subjectType == .program ? nil : .locatedIn
    }

    /// Sentence cues: "Of the 23 international friendship cities, Sapporo and Kawasaki are in Japan"
    /// makes each listed city a friendship city of the place the text is about; "zwischen den
    /// befreundeten Städten Dalian … und Wladiwostok" pairs the two.
    /// `wordBits`: the ``RelationProgram/firstWordBit(_:)`` of every token (all set: unknown). A
    /// cue none of whose words' bits is among them is not looked for: most sentences have no cue
    /// word, and the token loop cost 20 instructions a token.
    /// `main`: the city the document names most, found among `documentMentions` when a cue first needs it.
    func cueFacts(_ rules: RelationRules, _ mentions: [Mention], _ tokens: [Token], _ sentence: Sentence,
                  _ main: inout MainPlace, _ documentMentions: [Mention], _ entities: WordMap<ResolvedEntity>,
                  wordBits: UInt64 = .max, into facts: inout [Fact]) {
        for c in rules.cues.indices {
            // The first token that is a cue word, most ruled out by their bits.
            let bits = c < rules.cueWordBits.count ? rules.cueWordBits[c] : .max
            guard bits & wordBits != 0 else { continue }
            var found: Int?
            for k in tokens.indices where bits & RelationProgram.firstWordBit(tokens[k].keyHash) != 0 {
                if rules.cues[c].words.contains(tokens[k]) {
                    found = k
                    break
                }
            }
            guard let at = found else { continue }
            let cue = rules.cues[c]
            // The cities named (each once, in order) and those after the cue, positions in
            // `mentions`: one pass, each mention's entity looked up once and read in place.
            var unique: [String] = []
            var after: [Int] = []
            for k in mentions.indices {
                guard let key = mentions[k].entityKey, entities.read(key, { $0.subtype == "city" }) == true else { continue }
                if !unique.contains(key) { unique.append(key) }
                if mentions[k].firstToken > at { after.append(k) }
            }
            if after.count == 2, tokens.indices.contains(where: { rules.words.between.contains(tokens[$0]) }),
               let a = mentions[after[0]].entityKey, let b = mentions[after[1]].entityKey, a != b {
                facts.append(Fact(subject: a, predicate: cue.predicate, object: b, sentence: sentence.position,
                                  matchStart: tokens[at].start, matchEnd: tokens[mentions[after[1]].lastToken - 1].end,
                                  rule: "relation-cues.tsv#\(cue.id)", rulePrecision: cue.precision))
                continue
            }
            guard let topic = main.key(documentMentions, entities) else { continue }
            for city in unique where city != topic {
                facts.append(Fact(subject: topic, predicate: cue.predicate, object: city, sentence: sentence.position,
                                  matchStart: tokens[at].start, matchEnd: tokens[at].end,
                                  rule: "relation-cues.tsv#\(cue.id)", rulePrecision: cue.precision))
            }
        }
    }

    /// ``TopicTracker/lengthBits(_:)`` of the keys of `entities` that are organizations, zones or
    /// facilities, the only ones whose names ``structuralFacts`` reads: a mention whose key's bit
    /// is clear is ruled out without looking its entity up (35,000 look-ups on 2 MB, about 200
    /// instructions each).
    static func structuralKeyLengths(_ entities: [ResolvedEntity]) -> UInt64 {
        var bits: UInt64 = 0
        // By index, the type compared in place: `for entity in entities` copied each.
        for k in entities.indices {
            switch entities[k].type {
            case .organization, .zone, .facility: bits |= TopicTracker.lengthBit(entities[k].key)
            case .person, .place, .program, .product: continue
            }
        }
        return bits
    }

    /// Facts a name states by its shape: "Panjin Port" is located in Panjin, "China Railway Express
    /// (Shenyang) Hub" in Shenyang; "Publicity Office of Panjin Municipal Government" is part of
    /// the government it names.
    func structuralFacts(_ mentions: [Mention], _ sentence: Sentence, _ language: Language, _ nameWords: RelationWords,
                         _ entities: WordMap<ResolvedEntity>, _ names: inout NameTables, keyLengths: UInt64 = .max,
                         into facts: inout [Fact]) {
        let lang = language.rawValue
        for k in mentions.indices {
            // The subtype compared in place: reading it out retained and released it per mention.
            guard let key = mentions[k].entityKey, keyLengths & TopicTracker.lengthBit(key) != 0,
                  let (type, teaches) = entities.read(key, { ($0.type, $0.subtype == "education" || $0.subtype == "research") }),
                  type != .place, type != .person else { continue }
            // A facility, zone, school or institute named after a city is in it; companies and governments
            // are not said to be ("Beijing Automotive", "Panjin Municipal Government").
            let namedAfterPlace = type == .facility || type == .zone || (type == .organization && teaches)
            // Most names are neither, and most organizations' hold no "of": those are not split into words.
            let ofOrganization = type == .organization && RelationExtractor.mayNameParent(mentions[k].name, nameWords.nameOf)
            guard namedAfterPlace || ofOrganization else { continue }
            let start = mentions[k].start, end = mentions[k].end
            if namedAfterPlace, let placeKey = RelationExtractor.placeNamed(in: mentions[k].name, other: key, entities, &names) {
                facts.append(Fact(subject: key, predicate: .locatedIn, object: placeKey, sentence: sentence.position,
                                  matchStart: start, matchEnd: end, rule: "\(lang)/structure#named-after-city",
                                  rulePrecision: 0.9))
            }
            // "Publicity Office of Panjin Municipal Government" is part of the government it names.
            guard ofOrganization else { continue }
            let words = RelationExtractor.nameWords(mentions[k].name)
            if let of = words.firstIndex(where: { nameWords.nameOf.contains($0) }), of > 0 {
                let tail = words[(of + 1)...].drop { nameWords.nameArticles.contains($0) }.joined(separator: " ")
                if let parent = names.organization(named: Folding.nameKey(tail)), parent != key {
                    facts.append(Fact(subject: key, predicate: .partOf, object: parent, sentence: sentence.position,
                                      matchStart: start, matchEnd: end, rule: "\(lang)/structure#of-organization",
                                      rulePrecision: 0.85))
                }
            }
        }
    }

    /// The key of the city or district, not the entity `other`, that the first capitalized word of
    /// `name` (split as ``nameWords(_:)`` splits it) naming one names (``NameTables/place(named:)``
    /// of the word's ``Folding/nameKey(_:)``). An ASCII name is read in place, each word's key written
    /// on the stack (``NameTables/place(namedASCII:)``): the words and keys as strings cost about
    /// 2,000 instructions a name. `inPlace: false` takes the general path (for the tests).
    static func placeNamed(in name: String, other: String, _ entities: WordMap<ResolvedEntity>, _ names: inout NameTables,
                           inPlace: Bool = true) -> String? {
        func takes(_ placeKey: String) -> Bool {
            placeKey != other && entities.read(placeKey, { $0.subtype == "city" || $0.subtype == "district" }) == true
        }
        if inPlace, let found = name.utf8.withContiguousStorageIfAvailable({ bytes -> String?? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return .none }
            var start = 0
            for k in 0...bytes.count where k == bytes.count || isNameWordSeparator(bytes[k]) {
                defer { start = k + 1 }
                // `startsUppercase` of an ASCII word.
                guard k > start, bytes[start] >= 0x41, bytes[start] <= 0x5A,
                      let placeKey = names.place(namedASCII: UnsafeBufferPointer(rebasing: bytes[start..<k])), takes(placeKey)
                else { continue }
                return .some(placeKey)
            }
            return .some(nil)
        }), let found {
            return found
        }
        for word in nameWords(name) where word.startsUppercase {
            if let placeKey = names.place(named: Folding.nameKey(word)), takes(placeKey) { return placeKey }
        }
        return nil
    }

    /// `name` split into words at ``isNameWordSeparator(_:)`` bytes, empty pieces left out, as
    /// `splitASCII(whereSeparator:).map(String.init)` splits it. Cut from the bytes in place: the
    /// general split made a `Substring` per word by stepping string indices, then a `String` of
    /// it (about 2,600 instructions a name). The cuts fall next to ASCII bytes, scalar boundaries of
    /// valid UTF-8, so each piece decodes to the same string.
    static func nameWords(_ name: String) -> [String] {
        name.utf8.withContiguousStorageIfAvailable { bytes -> [String] in
            var words: [String] = []
            words.reserveCapacity(8)
            var start = 0
            for k in 0...bytes.count where k == bytes.count || isNameWordSeparator(bytes[k]) {
                if k > start { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<k]), as: UTF8.self)) }
                start = k + 1
            }
            return words
        } ?? name.splitASCII(whereSeparator: isNameWordSeparator).map(String.init)
    }

    /// The bytes a name is split into words at for the structural rules: space and brackets.
    static func isNameWordSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x28 || byte == 0x29
    }

    /// Whether the first of `name`'s words (split as ``structuralFacts`` splits them) that `nameOf`
    /// holds may come after another word, read over the name's bytes without making the words:
    /// false when no word is in `nameOf` or the first word is. True when the bytes are not
    /// contiguous (the rule then splits the name to find out).
    static func mayNameParent(_ name: String, _ nameOf: WordSet) -> Bool {
        name.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var index = 0, start = 0
            for k in 0...bytes.count where k == bytes.count || isNameWordSeparator(bytes[k]) {
                if k > start {
                    if nameOf.contains(utf8: UnsafeBufferPointer(rebasing: bytes[start..<k])) { return index > 0 }
                    index += 1
                }
                start = k + 1
            }
            return false
        } ?? true
    }

    /// One fact per (subject, predicate, object, attributes, sentence): the first rule wins. A
    /// symmetric predicate's two entities in either order are one identity.
    ///
    /// The facts are found in a table of their positions, probed by numbers only (the sentence and
    /// the keys' lengths) and compared in place; a document without a repeat
    /// gets its array back. A `Set` of identities made of each fact's fields (both keys and the
    /// attributes retained, SipHash, a copy kept per fact) cost 1,360 instructions a fact.
    func deduplicated(_ facts: [Fact]) -> [Fact] {
        guard facts.count > 1 else { return facts }
        var size = 8
        while size < 2 * facts.count { size <<= 1 }
        var table = [Int32](repeating: -1, count: size)
        var repeats: [Bool] = []
        for k in facts.indices {
            var slot = RelationExtractor.identityHash(facts, k) & (size - 1)
            while table[slot] >= 0 {
                if RelationExtractor.sameIdentity(facts, Int(table[slot]), k) { break }
                slot = (slot + 1) & (size - 1)
            }
            if table[slot] < 0 {
                table[slot] = Int32(k)
            } else {
                if repeats.isEmpty { repeats = [Bool](repeating: false, count: facts.count) }
                repeats[k] = true
            }
        }
        guard !repeats.isEmpty else { return facts }
        var out: [Fact] = []
        out.reserveCapacity(facts.count)
        // By index: `filter` copied every fact into its closure.
        for k in facts.indices where !repeats[k] { out.append(facts[k]) }
        return out
    }

    /// A hash of the identity of `facts[k]` (``deduplicated(_:)``) from its sentence and its keys'
    /// lengths: equal identities hash alike, a symmetric predicate's keys in either order too. The
    /// fact's fields are read in place (a fact passed by value was copied, its strings retained).
    static func identityHash(_ facts: [Fact], _ k: Int) -> Int {
        let (a, b) = (facts[k].subject.utf8.count, facts[k].object.utf8.count)
        let lengths = facts[k].predicate.isSymmetric ? min(a, b) << 16 | max(a, b) : a << 16 | b
        var h = UInt64(truncatingIfNeeded: facts[k].sentence) &* 0x9E37_79B9_7F4A_7C15
        h ^= UInt64(truncatingIfNeeded: lengths)
        h = (h ^ h >> 29) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: h >> 32)
    }

    /// Whether `facts[i]` and `facts[k]` have one identity (``deduplicated(_:)``): a symmetric
    /// predicate's keys as a pair in either order (the pair sorted, as the identity was made, is
    /// equal exactly then). Read in place, as ``identityHash(_:_:)``.
    static func sameIdentity(_ facts: [Fact], _ i: Int, _ k: Int) -> Bool {
        guard facts[i].sentence == facts[k].sentence, facts[i].predicate == facts[k].predicate else { return false }
        let samePair = facts[i].subject == facts[k].subject && facts[i].object == facts[k].object
            || facts[i].predicate.isSymmetric && facts[i].subject == facts[k].object && facts[i].object == facts[k].subject
        return samePair && facts[i].attributes == facts[k].attributes
    }
}

/// The city a document names most (``TopicTracker/mainPlace(_:_:)``), whom its friendship cities
/// befriend, found when a sentence cue first asks: on 2 MB 403 documents of 901 have a cue, and
/// finding it for every document (the document's cities numbered, its mentions looked up) cost
/// 8 M instructions.
struct MainPlace {
    private var found: String??

    /// The main city of a document whose mentions are `mentions` and whose entities are `entities`
    /// (the same at every call).
    mutating func key(_ mentions: [Mention], _ entities: WordMap<ResolvedEntity>) -> String? {
        if let found { return found }
        let key = TopicTracker.mainPlace(mentions, entities)
        found = .some(key)
        return key
    }
}

/// The place a text is talking about, for "there", "the city", "die Stadt": the city named most so
/// far, and nothing before the first one.
struct TopicTracker {
    /// The city named most so far (the first of equals): what "there" and "the city" refer to.
    var main: String?
    /// The document's cities (places of subtype city), numbered by their position among the
    /// entities: made from the entities at the first ``update(with:entities:)``, so that a mention
    /// is found once, by its entity's position, instead of once to ask whether it names a city and
    /// three more times to count it.
    private var cities = Cities(numbers: [], keys: [])
    /// ``lengthBits(_:)`` of the cities' keys.
    private var cityLengths: UInt64 = 0
    private var citiesMade = false
    /// Mentions so far, by city number.
    private var tally: [Int] = []
    /// `tally` of ``main``.
    private var mainCount = 0

    /// Some of a document's entities, numbered: `numbers` holds, for each entity's position in
    /// the map of entities, its number or -1; `keys` the numbered entities' keys by number.
    struct Cities {
        var numbers: [Int]
        var keys: [String]

        /// The number of the entity `mention` names, if it is one of these: found by the
        /// mention's ``Mention/entityIndex``, checked against its key, without hashing the key
        /// (the key is looked up when the position does not hold it). A hash per mention and a
        /// map of the cities made per document cost 13 M instructions on 2 MB in both stages.
        @inline(__always)
        func number(of mention: Mention, in entities: WordMap<ResolvedEntity>, lengths: UInt64) -> Int? {
            guard let key = mention.entityKey, lengths & TopicTracker.lengthBit(key) != 0,
                  let position = entities.position(of: key, hint: mention.entityIndex),
                  numbers.indices.contains(position), numbers[position] >= 0 else { return nil }
            return numbers[position]
        }
    }

    /// The city a document names most (the first of equals): whom its friendship cities befriend.
    static func mainPlace(_ mentions: [Mention], _ entities: WordMap<ResolvedEntity>) -> String? {
        // Entities of subtype city (of any type), numbered, each city's count and first mention:
        // one look-up per mention.
        let cities = numbered(entities) { $0.subtype == "city" }
        let lengths = lengthBits(cities.keys)
        var tally = [Int](filled: 0, count: cities.keys.count)
        var first = [Int](filled: .max, count: cities.keys.count)
        for k in mentions.indices {
            guard let n = cities.number(of: mentions[k], in: entities, lengths: lengths) else { continue }
            if tally[n] == 0 { first[n] = k }
            tally[n] += 1
        }
        var best = -1
        for n in tally.indices where tally[n] > 0 {
            if best < 0 || tally[n] > tally[best] || tally[n] == tally[best] && first[n] < first[best] { best = n }
        }
        return best < 0 ? nil : cities.keys[best]
    }

    /// A bit per UTF-8 length (modulo 64) of `keys`: a key whose bit is clear is none of them,
    /// ruled out without hashing it. Every document names a city, but on 2 MB seven mentions in
    /// ten have a key of another length than any city's, and a mention's key was hashed three
    /// times here (its length is stored in the string).
    static func lengthBits(_ keys: [String]) -> UInt64 {
        keys.reduce(0) { $0 | lengthBit($1) }
    }

    /// The bit of ``lengthBits(_:)`` that `key` sets.
    @inline(__always)
    static func lengthBit(_ key: String) -> UInt64 {
        1 << UInt64(key.utf8.count & 63)
    }

    /// The entities `isCity` holds for, numbered in the map's order. By index: iterating the map
    /// copied every entity.
    private static func numbered(_ entities: WordMap<ResolvedEntity>, _ isCity: (ResolvedEntity) -> Bool) -> Cities {
        let keys = entities.keys, values = entities.values
        var cities = Cities(numbers: [Int](filled: -1, count: values.count), keys: [])
        for k in values.indices where isCity(values[k]) {
            cities.numbers[k] = cities.keys.count
            cities.keys.append(keys[k])
        }
        return cities
    }

    /// Counts the cities `mentions` name. `entities` are the same at every call (the document's).
    mutating func update(with mentions: [Mention], entities: WordMap<ResolvedEntity>) {
        if !citiesMade {
            // `if case`, not `type == .place`: with the comparison the optimizer copied the entity anyway.
            cities = TopicTracker.numbered(entities) { entity in
                if case .place = entity.type { return entity.subtype == "city" }
                return false
            }
            cityLengths = TopicTracker.lengthBits(cities.keys)
            tally = [Int](filled: 0, count: cities.keys.count)
            citiesMade = true
        }
        // Mentions read in place: copying one to read two fields cost more than the rule.
        for k in mentions.indices {
            guard let n = cities.number(of: mentions[k], in: entities, lengths: cityLengths) else { continue }
            tally[n] += 1
            // The first of equals stays: a city passes the main one only with more mentions.
            if main == nil || tally[n] > mainCount {
                main = cities.keys[n]
                mainCount = tally[n]
            }
        }
    }
}

/// A document's entities by folded name (``Folding/nameKey(_:)``), for the structural rules:
/// places by name and alias (the first place of a name), for places named inside other names
/// ("Panjin Port"); organizations by name (the last of a name), for "X of Y". Each table is made
/// when a rule first asks it, and a quarter of the documents never do: made for every document,
/// with a `Dictionary`, they folded every place's aliases (about 2,200 instructions a name with
/// the hashing).
///
/// The tables are a ``WordIndex`` of the folded names and the keys by their numbers: one hash
/// and probe per name to add it or find it there (a ``WordMap`` asked `contains`, then stored,
/// hashing twice). An alias equal to its entity's name is not folded again: its key is there.
struct NameTables {
    private let entities: [ResolvedEntity]
    private var places: (names: WordIndex, keys: [String])?
    private var organizations: (names: WordIndex, keys: [String])?

    init(_ entities: [ResolvedEntity]) {
        self.entities = entities
    }

    /// The key of the first place with this folded name or alias.
    mutating func place(named key: String) -> String? {
        makePlaces()
        guard let places, let number = places.names.number(of: key) else { return nil }
        return places.keys[number]
    }

    /// ``place(named:)`` of the ``Folding/nameKey(_:)`` of the ASCII word `word`, the key written
    /// on the stack as ``Folding/collapsedASCIIKey(_:)`` writes it and found by its bytes.
    mutating func place(namedASCII word: UnsafeBufferPointer<UInt8>) -> String? {
        makePlaces()
        guard let places else { return nil }
        let number = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(word.count, 1)) { buffer -> Int? in
            let count = Folding.writeCollapsedASCIIKey(word, into: buffer)
            let key = UnsafeBufferPointer(rebasing: buffer[..<count])
            return places.names.number(ofUTF8: key, hash: WordIndex.hash(bytes: key))
        }
        return number.map { places.keys[$0] }
    }

    /// Makes the place table on first use, sized for every place name and alias (grown from
    /// empty, its table and arrays were copied as they grew).
    private mutating func makePlaces() {
        if places == nil {
            var count = 0
            for k in entities.indices where entities[k].type == .place { count += 1 + entities[k].aliases.count }
            var names = WordIndex(minimumCapacity: count)
            var keys: [String] = []
            keys.reserveCapacity(count)
            // By index: `for e in entities` copied every entity (eight strings, an array).
            for k in entities.indices where entities[k].type == .place {
                if names.insert(Folding.nameKey(entities[k].name)).inserted { keys.append(entities[k].key) }
                for alias in entities[k].aliases where alias != entities[k].name {
                    if names.insert(Folding.nameKey(alias)).inserted { keys.append(entities[k].key) }
                }
            }
            places = (names, keys)
        }
    }

    /// The key of the last organization with this folded name.
    mutating func organization(named key: String) -> String? {
        if organizations == nil {
            var count = 0
            for k in entities.indices where entities[k].type == .organization { count += 1 }
            var names = WordIndex(minimumCapacity: count)
            var keys: [String] = []
            keys.reserveCapacity(count)
            for k in entities.indices where entities[k].type == .organization {
                let (number, inserted) = names.insert(Folding.nameKey(entities[k].name))
                if inserted { keys.append(entities[k].key) } else { keys[number] = entities[k].key }
            }
            organizations = (names, keys)
        }
        guard let organizations, let number = organizations.names.number(of: key) else { return nil }
        return organizations.keys[number]
    }
}
