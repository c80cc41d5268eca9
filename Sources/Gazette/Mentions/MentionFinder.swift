/// Finds entity mentions in each sentence, in one left-to-right pass over its tokens.
///
/// At each capitalised token it tries, and keeps the longest of:
/// - a **cue name**: capitalised words ending in a type cue ("Panjin Vocational and Technical
///   College", "Shenfu Reform- und Innovationsdemonstrationszone"), joined over connectives;
/// - a **looked-up name** from reference data or the lexicon ("Saudi Aramco", "Wladiwostok");
/// - else an **unknown name**: a run of capitalised words, typed by shape and context (a title
///   before it makes a person, "Xuefeng CONG" is a person, "AHK" an organization, "NeuViz 128"
///   a product), and dropped when it is an ordinary word.
///
/// For example:
///
/// ```swift
/// finder.mentions(in: analyzed)
/// // "Mr. Sören Link, mayor of Duisburg" → Sören Link: person, Duisburg: place (city)
/// ```
public struct MentionFinder: MentionFinding {
    let rules: [Language: MentionRules]
    let names: NameIndex
    let reference: ReferenceData
    /// Adjective key → region, per language.
    let regionAdjectives: [Language: WordMap<String>]
    /// Legal forms, folded with spaces removed ("co.,ltd.", "spzo.o.", "gmbh&co.kg").
    let legalForms: WordSet
    /// Every prefix of a legal form (the forms included): joining tokens stops where none continues.
    let legalFormPrefixes: WordSet
    /// The hashes of ``legalFormPrefixes``: a legal form may start after any word of a name, and
    /// most words start none.
    let legalFormPrefixFilter: RuleWordFilter
    /// Per language, the ``RuleWord`` tables each folded key is in: the scan asks the month,
    /// title, compass, prefix-cue, role, connective and cue tables about nearly every token, and
    /// one look-up per token here answers most of those asks with a bit test (each ask was a
    /// hash-table probe).
    let ruleWords: [Language: WordMap<UInt16>]
    /// A ``RuleWordFilter`` of each table of ``ruleWords``.
    let ruleWordFilters: [Language: RuleWordFilter]
    /// The names of the finder's own rules, per language.
    let shapeRules: [Language: ShapeRuleNames]
    /// What a scan of a text in each language reads (``ScanTables``), made once here.
    private(set) var scanTables: [Language: ScanTables] = [:]

    public init(rules: [Language: MentionRules], names: NameIndex, reference: ReferenceData,
                regionAdjectives: [Language: WordMap<String>]) {
        self.rules = rules
        self.names = names
        self.reference = reference
        self.regionAdjectives = regionAdjectives
        // Only forms that look like legal forms: "GmbH", "plc", "Co., Ltd.", "Sp. z o.o.", never an
        // ordinary word the ELF list also holds ("company", "cooperation").
        legalForms = WordSet(reference.legalForms.keys.filter { form in
            let letters = form.filter(\.isLetter)
            guard letters.count >= 2 else { return false }
            if form.contains(".") || form.contains("&") { return true }
            return letters.count <= 5 && !form.contains(" ") && !reference.isCommonWord(form, .en) && !reference.isCommonWord(form, .de)
        }.map { $0.replacingOccurrences(of: " ", with: "") })
        legalFormPrefixes = WordSet(legalForms.flatMap { form in (1...form.count).map { String(form.prefix($0)) } })
        var prefixFilter = RuleWordFilter()
        legalFormPrefixes.forEachHash { prefixFilter.insert(hash: $0) }
        legalFormPrefixFilter = prefixFilter
        var ruleWords: [Language: WordMap<UInt16>] = [:]
        for (language, rules) in rules {
            ruleWords[language] = MentionFinder.ruleWords(rules, reference: reference, regionAdjectives: regionAdjectives)
        }
        self.ruleWords = ruleWords
        ruleWordFilters = ruleWords.mapValues(RuleWordFilter.init)
        var shapeRules: [Language: ShapeRuleNames] = [:]
        for language in Language.allCases { shapeRules[language] = ShapeRuleNames(language) }
        self.shapeRules = shapeRules
        var scanTables: [Language: ScanTables] = [:]
        for language in Language.allCases {
            guard let chosen = rules[language] ?? rules[.en] else { continue }
            scanTables[language] = ScanTables(finder: self, rules: chosen, language: language)
        }
        self.scanTables = scanTables
    }

    /// The ``RuleWord`` bits of every key that some table of `rules` (or an adjective table) holds.
    static func ruleWords(_ rules: MentionRules, reference: ReferenceData,
                          regionAdjectives: [Language: WordMap<String>]) -> WordMap<UInt16> {
        var flags = WordMap<UInt16>()
        func mark(_ keys: some Sequence<String>, _ flag: UInt16) {
            for key in keys { flags[key] = (flags[key] ?? 0) | flag }
        }
        mark(rules.months, RuleWord.month)
        mark(rules.titleTokens, RuleWord.title)
        mark(rules.directions.keys, RuleWord.direction)
        mark(rules.prefixCues.keys, RuleWord.prefixCue)
        mark(rules.roles.keys, RuleWord.roleStart)
        mark(rules.connectives, RuleWord.connective)
        mark(rules.eventHeads.keys, RuleWord.eventHead)
        mark(rules.headCues.keys, RuleWord.headCue)
        mark(rules.lowerHeadCues.keys, RuleWord.lowerHeadCue)
        mark(reference.adjectives.keys, RuleWord.adjective)
        for adjectives in regionAdjectives.values { mark(adjectives.keys, RuleWord.adjective) }
        mark(rules.stops.map { Folding.key($0) }, RuleWord.stopKey)
        return flags
    }

    public func mentions(in text: AnalyzedText) -> [Mention] {
        guard let tables = scanTables[text.language] else { return [] }
        let scan = SentenceScan(tables: tables, language: text.language)
        // About one mention in ten tokens (2 MB: 33,000 in 340,000): room made once, where growing
        // the array as mentions came copied it four or five times a document (5 M instructions).
        var tokenCount = 0
        var longest = 0
        for tokens in text.tokens {
            tokenCount += tokens.count
            longest = max(longest, tokens.count)
        }
        scan.reserveMentions(tokenCount / 8 + 4)
        scan.reserveTokenSlots(longest)
        for (position, tokens) in text.tokens.enumerated() {
            scan.run(tokens: tokens, sentence: position)
        }
        return scan.mentions
    }

    /// The region a word states ("European", "europäischen"), if any.
    func region(ofAdjective token: Token, _ language: Language) -> String? {
        regionAdjectives[language]?[token]
    }
}

/// The names of the rules the finder applies by shape, not by a rule file's row, for one
/// language ("en/shapes#acronym"), made once: interpolated at each mention, every name (longer
/// than a small string) was a string allocated, grown and freed (9.5 M instructions on 2 MB).
final class ShapeRuleNames: Sendable {
    let title, direction, upperSurname, nameRoleApposition, legalForm: String
    let placePrefixedCompany, firmPrefixedCompany, modelNumber, acronym, capitalizedName: String

    init(_ language: Language) {
        let lang = language.rawValue
        title = "\(lang)/name-words.tsv#title"
        direction = "\(lang)/directions.tsv"
        upperSurname = "\(lang)/shapes#upper-surname"
        nameRoleApposition = "\(lang)/shapes#name-role-apposition"
        legalForm = "\(lang)/shapes#legal-form"
        placePrefixedCompany = "\(lang)/shapes#place-prefixed-company"
        firmPrefixedCompany = "\(lang)/shapes#firm-prefixed-company"
        modelNumber = "\(lang)/shapes#model-number"
        acronym = "\(lang)/shapes#acronym"
        capitalizedName = "\(lang)/shapes#capitalized-name"
    }
}

/// A bit for the ``WordIndex/hash(_:)`` of every key of a ``MentionFinder/ruleWords`` table, at
/// the hash's low 16 bits (8 KB): a token whose bit is clear is in no rule table, and the scan
/// gives it no bits without a probe of the table (every token of every sentence is asked; most
/// are in none).
struct RuleWordFilter: Sendable {
    static let bits = 16
    private var words = [UInt64](repeating: 0, count: 1 << (RuleWordFilter.bits - 6))

    init(_ table: WordMap<UInt16>) {
        table.forEachKeyHash { insert(hash: $0) }
    }

    /// An empty filter, for ``insert(hash:)``.
    init() {}

    /// Sets the bit of a key's hash.
    mutating func insert(hash: UInt32) {
        let bit = Int(hash) & (1 << RuleWordFilter.bits - 1)
        words[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// False when no key of the table has this hash.
    @inline(__always)
    func mayHold(hash: UInt32) -> Bool {
        let bit = Int(hash) & (1 << RuleWordFilter.bits - 1)
        return words[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }
}

/// The bits of ``MentionFinder/ruleWords``: which rule tables hold a key.
enum RuleWord {
    static let month: UInt16 = 1
    /// In `titleTokens`.
    static let title: UInt16 = 2
    static let direction: UInt16 = 4
    static let prefixCue: UInt16 = 8
    /// The first word of a role phrase.
    static let roleStart: UInt16 = 16
    static let connective: UInt16 = 32
    /// The last word of an event's name ("Conference").
    static let eventHead: UInt16 = 64
    /// The last word of a head cue.
    static let headCue: UInt16 = 128
    /// The first word of a lower-case head cue.
    static let lowerHeadCue: UInt16 = 256
    /// A country adjective, or a region adjective of any language: a test for it can stop here.
    static let adjective: UInt16 = 512
    /// The key of a stop word: a token is one only if its key is (stops are matched by text,
    /// case-sensitive, and a token's key is `Folding.key` of its text).
    static let stopKey: UInt16 = 1024
    /// Set per sentence, never in the table: the token's text is a stop word.
    static let stopWord: UInt16 = 2048
}

/// What a ``SentenceScan`` reads of its finder and rules for one text language: the rules (the
/// language's, else English), the finder's name index, reference data and legal forms, and the
/// language's tables, made once with the finder. A class: a scan holds one reference where it
/// held a copy of the finder and of the rules, every table of both (about 250 references)
/// retained at each document's scan and released at its end, and looked the language up in six
/// dictionaries (the mention finder: 281.3 → 269.4 M instructions on 2 MB).
///
/// The scan asks reference data and the name index through the methods below, not through
/// `tables.reference` and `tables.names`: a call of a generic method (`some StringProtocol`) on a
/// struct stored in a class that the scan reaches through its own field copied the whole struct
/// (ReferenceData: 27 M instructions on 2 MB), and so did asking an optional set through `?.`;
/// inside this class's methods they are read in place.
final class ScanTables: Sendable {
    let rules: MentionRules
    let names: NameIndex
    let reference: ReferenceData
    /// The finder's legal forms, their prefixes and the prefixes' filter.
    let legalForms: WordSet
    let legalFormPrefixes: WordSet
    let legalFormPrefixFilter: RuleWordFilter
    /// The finder's ``MentionFinder/ruleWords`` for these rules, and its filter.
    let ruleWords: WordMap<UInt16>
    let ruleWordFilter: RuleWordFilter
    /// The language's region adjectives and function words, found once: a dictionary keyed by
    /// the language hashed it (SipHash) at every ask.
    let regionAdjectives: WordMap<String>?
    let functionWords: WordSet?
    /// The rules' ``MentionRules/suffixCueTails``.
    let suffixCueTails: UInt64
    /// The names of the shape rules in the text's language.
    let ruleNames: ShapeRuleNames

    init(finder: MentionFinder, rules: MentionRules, language: Language) {
        self.rules = rules
        names = finder.names
        reference = finder.reference
        legalForms = finder.legalForms
        legalFormPrefixes = finder.legalFormPrefixes
        legalFormPrefixFilter = finder.legalFormPrefixFilter
        regionAdjectives = finder.regionAdjectives[language]
        // The tables of the rules `mentions(in:)` chose, the language's else English (made here
        // for rules the finder was not made with).
        let tables = finder.rules[language] != nil ? language : .en
        let ruleWords = finder.ruleWords[tables]
            ?? MentionFinder.ruleWords(rules, reference: finder.reference, regionAdjectives: finder.regionAdjectives)
        self.ruleWords = ruleWords
        ruleWordFilter = finder.ruleWords[tables] != nil ? finder.ruleWordFilters[tables] ?? RuleWordFilter(ruleWords)
            : RuleWordFilter(ruleWords)
        functionWords = finder.reference.functionWords[language]
        suffixCueTails = rules.suffixCueTails
        ruleNames = finder.shapeRules[language] ?? ShapeRuleNames(language)
    }

    /// `reference.isCommonWord(_:_:)`.
    func isCommonWord(_ word: some StringProtocol, _ language: Language) -> Bool {
        reference.isCommonWord(word, language)
    }

    /// `reference.countryOfAdjective(_:)`.
    func countryOfAdjective(_ word: some StringProtocol) -> String? {
        reference.countryOfAdjective(word)
    }

    /// `reference.countryOfAdjective(key:)`.
    func countryOfAdjective(key: String) -> String? {
        reference.countryOfAdjective(key: key)
    }

    /// `reference.firstEntry(named:where:)`.
    func firstEntry(named name: some StringProtocol, where matches: (ReferenceEntry) -> Bool) -> ReferenceEntry? {
        reference.firstEntry(named: name, where: matches)
    }

    /// `names.candidates(_:)`.
    func candidates(_ key: String) -> [NameIndex.Candidate] {
        names.candidates(key)
    }

    /// Whether the token is a country adjective or one of the language's region adjectives.
    func isAdjective(_ token: Token) -> Bool {
        reference.adjectives.contains(token) || regionAdjectives?.contains(token) == true
    }

    /// Whether the token is one of the language's function words (an optional set asked from
    /// the scan was copied, its tables retained, at every ask).
    func isFunctionWord(_ token: Token) -> Bool {
        functionWords?.contains(token) == true
    }
}

/// The scan of a document's sentences, one at a time, made and dropped inside one
/// ``MentionFinder/mentions(in:)`` call.
///
/// A class, not a struct: its methods' closures (`contains(where:)`, `allSatisfy`) capture
/// `self`, and for a struct the optimizer copies it into each closure's context, retaining and
/// then releasing every field of the finder and its rules (a profile counted 2.2 million such
/// copies for 15,000 sentences); a class is one reference. One scan serves every sentence of a
/// document: making it copies the finder and its rules, dozens of retained arrays, and made per
/// sentence those copies were a percent of an import's cycles.
///
/// Its per-sentence fields are `@exclusivity(unchecked)`: a class's `var`s are checked for
/// overlapping access at run time, on every read, and the name rules read `tokens` and
/// `ruleWord` several times per token (2.5 % of the extraction's instructions). The scan is
/// confined to one call on one thread and its methods never hand out `inout` access to a field,
/// so no access can overlap.
final class SentenceScan {
    /// The finder's and the rules' tables for the text's language.
    let tables: ScanTables
    let language: Language
    @exclusivity(unchecked) private(set) var tokens: [Token] = []
    @exclusivity(unchecked) private(set) var sentence = 0
    /// Each token's `Folding.nameKey`, made when a look-up first reads it: most tokens are
    /// never looked up, and making every token's cost a twentieth of the finder's instructions.
    /// A slot holds the key of this sentence's token when its `nameKeyRun` is `runs`: the slots
    /// are kept from sentence to sentence, since emptying them (releasing each string) and
    /// filling them with nil cost two thirds of what the laziness saved.
    @exclusivity(unchecked) private var nameKeys: [String] = []
    @exclusivity(unchecked) private var nameKeyRun: [Int] = []
    /// How many sentences this scan has run.
    @exclusivity(unchecked) private var runs = 0
    /// ``isCommon(_:)`` of each token, as `runs << 1 | answer` for the run that asked it: the name
    /// rules ask it of one token up to three times (a lone German word: the first and last word
    /// tests, then the single-word test), and a German compound's test is a look-up per cut.
    @exclusivity(unchecked) private var commonRun: [Int] = []
    /// Each token's ``RuleWord`` bits, from one look-up per token, with ``RuleWord/stopWord`` set
    /// where the token's text is one of the language's stop words (`rules.stops`, asked once per
    /// token here: the name rules asked it two or three times a token, each time hashing the text).
    /// Slots past the sentence's tokens are left from longer sentences and never read.
    @exclusivity(unchecked) private(set) var ruleWord: [UInt16] = []
    /// Index of the first word of the sentence (after bullets, quotes and brackets).
    @exclusivity(unchecked) private(set) var firstWord = 0
    /// The mentions of every sentence run so far, in order: appended here, not copied out per
    /// sentence (a copy of each mention's eight strings).
    @exclusivity(unchecked) private(set) var mentions: [Mention] = []
    /// The hashes of the words the name rules compare keys with (``hasKey(_:_:hash:)``).
    let andHash = WordIndex.hash("and"), undHash = WordIndex.hash("und"), theHash = WordIndex.hash("the")

    init(tables: ScanTables, language: Language) {
        self.tables = tables
        self.language = language
    }

    /// A scan with tables made for `rules` (the tests' scans; ``MentionFinder/mentions(in:)``
    /// uses the finder's).
    convenience init(finder: MentionFinder, rules: MentionRules, language: Language) {
        self.init(tables: ScanTables(finder: finder, rules: rules, language: language), language: language)
    }

    /// Room for `count` mentions.
    func reserveMentions(_ count: Int) {
        mentions.reserveCapacity(count)
    }

    /// Room in the per-token slots for a sentence of `count` tokens, the document's longest: grown
    /// from empty sentence by sentence, the four arrays were reallocated and copied about ten
    /// times a document (extraction −7.6 M instructions on 2 MB).
    func reserveTokenSlots(_ count: Int) {
        nameKeys.reserveCapacity(count)
        nameKeyRun.reserveCapacity(count)
        commonRun.reserveCapacity(count)
        ruleWord.reserveCapacity(count)
    }

    /// Token `j`'s `Folding.nameKey`, "" for punctuation. A token's key is `Folding.key` of its
    /// text (the tokenizer's fast paths are tested equal), so it is not folded again; a key of
    /// letters and digits only (most) is its own name key.
    func nameKey(_ j: Int) -> String {
        if tokens[j].keyIsAlphanumeric { return tokens[j].key }
        if nameKeyRun[j] == runs { return nameKeys[j] }
        let key = tokens[j].shape == .punctuation ? "" : Folding.nameKey(folded: tokens[j].key)
        nameKeys[j] = key
        nameKeyRun[j] = runs
        return key
    }

    /// Finds the mentions of one sentence, after those of the sentences before.
    func run(tokens: [Token], sentence: Int) {
        self.tokens = tokens
        self.sentence = sentence
        runs += 1
        while nameKeys.count < tokens.count {
            nameKeys.append("")
            nameKeyRun.append(0)
            commonRun.append(0)
        }
        // Grown to the longest sentence, never emptied: every slot of this sentence's tokens is
        // written below (emptying and refilling it with zeros cost 3 M instructions on 2 MB).
        if ruleWord.count < tokens.count { ruleWord.append(contentsOf: repeatElement(0, count: tokens.count - ruleWord.count)) }
        // Written through the buffer: an append per token (two, with a separate stop-word array)
        // checked the array's uniqueness and capacity each time.
        let filter = tables.ruleWordFilter
        ruleWord.withUnsafeMutableBufferPointer { words in
            // By index: `tokens.map { … }` copied every token (its two strings retained) into the closure.
            for k in tokens.indices {
                guard filter.mayHold(hash: tokens[k].keyHash) else {
                    words[k] = 0
                    continue
                }
                var word = tables.ruleWords[tokens[k]] ?? 0
                // The key's bit first: hashing every token's text cost 22 M instructions. A text
                // that is its own key (most stop words: "the", "und") has the key's hash.
                if word & RuleWord.stopKey != 0 {
                    let text = tokens[k].text
                    let hash = text == tokens[k].key ? tokens[k].keyHash : WordIndex.hash(text)
                    if tables.rules.stops.contains(text, hash: hash) { word |= RuleWord.stopWord }
                }
                words[k] = word
            }
        }
        firstWord = tokens.firstIndex { $0.shape != .punctuation } ?? 0
        var i = 0
        while i < tokens.count {
            i = max(i + 1, step(at: i))
        }
    }

    /// Looks for a mention starting at `i`; returns where to continue.
    func step(at i: Int) -> Int {
        // "Mr. Liu Zhicheng", "Herr Link", "Director Shao", "Mayor Link". Only a title or the first
        // word of a role introduces a person: the bits rule out nearly every token before the call
        // (10 M instructions on 2 MB).
        if ruleWord[i] & (RuleWord.title | RuleWord.roleStart) != 0, let introducer = personIntroducer(i) {
            // "Mr." is tokenized "Mr" ".": the name starts after the period.
            let nameStart = i + introducer < tokens.count && isMark(i + introducer, ".") ? i + introducer + 1 : i + introducer
            var j = nameStart
            while j < tokens.count, j - nameStart < 3, tokens[j].isCapitalized, !isStopWord(j) { j += 1 }
            if j > nameStart {
                // The title or role belongs to the mention's surface ("Mayor Link" is an alias), not its name.
                emit(nameStart, j, type: .person, subtype: nil, rule: tables.ruleNames.title,
                     name: personName(nameStart, j), mentionStart: i)
                return j
            }
        }
        // "Northeast China", "northeastern China".
        if ruleWord[i] & RuleWord.direction != 0, let canonical = tables.rules.directions[tokens[i]], i + 1 < tokens.count,
           let place = lookup(i + 1, maximum: 1), place.candidate.subtype == "country" || place.candidate.subtype == "region" {
            emit(i, i + 2, type: .place, subtype: "region", rule: tables.ruleNames.direction,
                 name: "\(canonical) \(place.candidate.name)")
            return i + 2
        }
        // "Provinz Liaoning", "die Stadt Shenyang", "Lake Baikal".
        if ruleWord[i] & RuleWord.prefixCue != 0, let cue = tables.rules.prefixCues[tokens[i]], tokens[i].isCapitalized,
           i + 1 < tokens.count, tokens[i + 1].isCapitalized {
            if var found = lookup(i + 1, maximum: tables.names.maximumTokens), found.candidate.type == .place {
                // "Provinz Jilin" is the province, though a larger city has the name.
                if found.candidate.subtype != cue.subtype, let typed = typedCandidate(found, cue.subtype) { found.candidate = typed }
                emitLookup(found, from: i + 1, mentionStart: i)
                return found.end
            }
            if cue.type == .place, !isCommon(i + 1) {
                emit(i + 1, i + 2, type: .place, subtype: cue.subtype, rule: cue.rule, mentionStart: i)
                return i + 2
            }
        }
        guard canStartName(i) else { return i + 1 }
        if let end = chinesePersonName(at: i) {
            emit(i, end, type: .person, subtype: nil, rule: tables.ruleNames.upperSurname, name: personName(i, end))
            return end
        }
        if let end = appositionPerson(at: i) {
            emit(i, end, type: .person, subtype: nil, rule: tables.ruleNames.nameRoleApposition, name: personName(i, end))
            return end
        }
        if let end = legalFormName(from: i) {
            emit(i, end, type: .organization, subtype: "company", rule: tables.ruleNames.legalForm)
            return end
        }
        if let end = eventName(from: i) { return end }

        let cueName = cueNameSpan(from: i)
        let looked = lookup(i, maximum: tables.names.maximumTokens)
        if let cueName, cueName.end > (looked?.end ?? i) {
            emitCueName(cueName, from: i)
            return cueName.end
        }
        // Adjectives ("German", "Sino-German", "German-invested") state an origin; they are not names.
        if isOriginAdjective(i), (looked?.end ?? i + 1) <= i + 1 { return i + 1 }
        if let looked, acceptLookup(looked, at: i) {
            // "Qingdao Huaxin Valve", "Tianjin Haitai Rubber": a place, then a name, is a company.
            if looked.candidate.type == .place, looked.candidate.subtype != "country", let end = placePrefixedCompany(after: looked.end) {
                emit(i, end, type: .organization, subtype: "company", rule: tables.ruleNames.placePrefixedCompany)
                return end
            }
            // "BMW Brilliance", "Volkswagen Anhui": a known firm's name continued is another firm.
            if looked.candidate.type == .organization, looked.end == i + 1,
               let end = placePrefixedCompany(after: looked.end, allowOrdinaryWord: true) {
                emit(i, end, type: .organization, subtype: "company", rule: tables.ruleNames.firmPrefixedCompany)
                return end
            }
            emitLookup(looked, from: i, mentionStart: i)
            return looked.end
        }
        return unknownName(at: i)
    }

    // MARK: - Shapes and words

    // The token tests read `tokens[i]` in place: a `let t = tokens[i]` copied the token (its two
    // strings retained and released) at every call, and they run for nearly every token.

    /// Whether token `i` is the punctuation mark `mark`: the shape first. A token's shape is
    /// punctuation exactly when its first character is no letter or digit, so the shape rules out
    /// nearly every word before a string comparison (a call each, 10 M instructions on 2 MB in
    /// the name loops).
    @inline(__always)
    func isMark(_ i: Int, _ mark: String) -> Bool {
        tokens[i].shape == .punctuation && tokens[i].text == mark
    }

    /// ``isMark(_:_:)`` by the token's folded key ("'s" for "’s" too): a key that is no letter
    /// or digit is folded from a text that is none either.
    @inline(__always)
    func isMarkKey(_ i: Int, _ mark: String) -> Bool {
        tokens[i].shape == .punctuation && tokens[i].key == mark
    }

    /// Whether token `i`'s key is `key`, whose ``WordIndex/hash(_:)`` is `hash`: the hash the
    /// token carries rules out nearly every other word before a string comparison (a call into
    /// the standard library for two unequal strings: 155,000 in the name loops on 2 MB).
    @inline(__always)
    func hasKey(_ i: Int, _ key: String, hash: UInt32) -> Bool {
        tokens[i].keyHash == hash && tokens[i].key == key
    }

    /// Whether token `i`'s text is a stop word.
    @inline(__always)
    func isStopWord(_ i: Int) -> Bool {
        ruleWord[i] & RuleWord.stopWord != 0
    }

    @inline(__always)
    func canStartName(_ i: Int) -> Bool {
        if isStopWord(i) || ruleWord[i] & RuleWord.month != 0 { return false }
        if tokens[i].isCapitalized { return true }
        // "21st Century Maritime Silk Road".
        // The next token first: the suffix test builds an array, and most numbers are followed by
        // no capital.
        return tokens[i].shape == .number && i + 1 < tokens.count && tokens[i + 1].isCapitalized
            && tables.rules.ordinalSuffixes.contains(where: { tokens[i].key.hasSuffix($0) })
    }

    /// The length of a title or capitalised role before a person's name ("Mr", "Director",
    /// "Vice Mayor", "Provincial Councillor"), or nil.
    func personIntroducer(_ i: Int) -> Int? {
        if ruleWord[i] & RuleWord.title != 0 { return 1 }
        guard tokens[i].shape == .capitalized else { return nil }
        let length = roleLength(at: i)
        guard length > 0, i + length < tokens.count,
              tokens[i..<(i + length)].allSatisfy({ $0.shape == .capitalized }) else { return nil }
        // The name after a role is one or two capitalised words that are not a place or organization.
        let next = i + length
        guard tokens[next].isCapitalized, !isStopWord(next),
              lookup(next, maximum: 3).map({ $0.candidate.type == .person || $0.candidate.subtype == "city" && $0.end == next + 1 && $0.candidate.population < 1_000_000 }) ?? true
        else { return nil }
        return length
    }

    /// `rules.roleLength(tokens, at: i)`, 0 at once where no role starts with token `i`'s word.
    func roleLength(at i: Int) -> Int {
        guard i < tokens.count, ruleWord[i] & RuleWord.roleStart != 0 else { return 0 }
        return tables.rules.roleLength(tokens, at: i)
    }

    /// A word the language uses as an ordinary word: at a sentence start in English, or a German noun.
    func isCommon(_ i: Int) -> Bool {
        let known = commonRun[i]
        if known >> 1 == runs { return known & 1 == 1 }
        let common = tables.isCommonWord(tokens[i].text, language)
        commonRun[i] = runs << 1 | (common ? 1 : 0)
        return common
    }

    /// Whether token `i` is an ordinary word of `other`: ``isCommon(_:)`` when that is the
    /// text's language.
    func isCommon(_ i: Int, _ other: Language) -> Bool {
        other == language ? isCommon(i) : tables.isCommonWord(tokens[i].text, other)
    }

    /// True at a sentence start or right after an opening quote, where any word is capitalised.
    /// A `switch`, not `[…].contains`: the array literal was built, seven strings, at every call.
    /// The first byte rules out nearly every word before the string comparisons (a thousand
    /// instructions for the seven): none of the marks has another form to be equal to.
    func startsClause(_ i: Int) -> Bool {
        guard i != firstWord else { return true }
        // Every mark is punctuation (no letter or digit first): the shape rules out most words
        // before their first byte is read.
        guard i > 0, tokens[i - 1].shape == .punctuation else { return false }
        switch tokens[i - 1].text.utf8.first {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "("), 0xE2, 0xC2: break
        default: return false
        }
        switch tokens[i - 1].text {
        case "\"", "“", "'", "‘", "„", "«", "(": return true
        default: return false
        }
    }

    /// "German", "europäischen", "Sino-German", "German-invested": words that state an origin.
    ///
    /// The first tests read the token in place, by its key's hash, and the hyphen test reads the
    /// text's bytes in place: a copy of the token, a hash of its key and the generic `contains`
    /// over a `UTF8View` were most of this test's cost, asked at nearly every name start.
    func isOriginAdjective(_ i: Int) -> Bool {
        if ruleWord[i] & RuleWord.adjective != 0,
           tables.isAdjective(tokens[i]) { return true }
        // A key of letters and digits only is folded from a text without a hyphen (a hyphen folds
        // to itself): the flag rules out most words before their bytes are searched.
        if tokens[i].keyIsAlphanumeric { return false }
        let hyphen = UInt8(ascii: "-")
        guard tokens[i].text.utf8.withContiguousStorageIfAvailable({ $0.contains(hyphen) })
                ?? tokens[i].text.utf8.contains(hyphen) else { return false }
        let t = tokens[i]
        // "Saudi-Arabien" is a country, though "Saudi" is also an adjective.
        if tables.candidates(nameKey(i)).contains(where: { $0.type == .place }) { return false }
        let parts = SentenceScan.hyphenParts(t.text)
        if parts.contains(where: { $0 == "Sino" || tables.countryOfAdjective($0) != nil }) { return true }
        // "China-Europe freight trains": two places joined are a route, not a name.
        return parts.count >= 2 && parts.allSatisfy { part in
            tables.firstEntry(named: part) { $0.subtype == "country" || $0.subtype == "region" } != nil
        }
    }

    /// `text.split(separator: "-")`, by bytes when the text is ASCII: there every byte is a
    /// character, so the pieces are the same, and the `Character` split cost 6,000 instructions a
    /// word (12 M on 2 MB). Other text keeps the `Character` split, where a hyphen followed by a
    /// combining mark is no separator.
    static func hyphenParts(_ text: String) -> [Substring] {
        text.withASCIIBytes { _ in text.splitASCII(separator: UInt8(ascii: "-")) } ?? text.split(separator: "-")
    }

    /// `text.contains("-")`, by bytes when the text is ASCII: Foundation's substring search cost
    /// 3,900 instructions a call (11 M on 2 MB in ``chinesePersonName(at:)``). Other text keeps
    /// the general search.
    static func containsHyphen(_ text: String) -> Bool {
        text.withASCIIBytes { $0.contains(UInt8(ascii: "-")) } ?? text.contains("-")
    }

    /// "Anna Berg, CEO of Volvo Cars": two or three capitalised words followed by a role.
    func appositionPerson(at i: Int) -> Int? {
        var j = i
        while j < tokens.count, j - i < 3, tokens[j].shape == .capitalized, !isStopWord(j) { j += 1 }
        guard j - i >= 2, j + 1 < tokens.count, isMark(j, ","),
              roleLength(at: j + 1) > 0 || (tables.rules.former.contains(tokens[j + 1])
                  && roleLength(at: j + 2) > 0) else { return nil }
        // Not a known place or organization ("Saudi Arabia, president …" is rare but "Shenyang, capital" is not a person).
        if let found = lookup(i, maximum: j - i), found.end == j, found.candidate.type != .person { return nil }
        if startsClause(i) && isCommon(i) { return nil }
        return j
    }

    /// A name ending in a legal form: "Wisła Cargo Sp. z o.o.", "Suzhou Jinhe Metal Products Co., Ltd.".
    func legalFormName(from i: Int) -> Int? {
        var j = i
        while j < tokens.count, continuesName(j) || (j > i && isMark(j, "&") && j + 1 < tokens.count && tokens[j + 1].isCapitalized)
                || (j > i && isMark(j, "(") && closingParenthesis(j) != nil) {
            // "Volkswagen (Anhui) Automotive Co., Ltd.": a bracketed place inside the name.
            if isMark(j, "("), let close = closingParenthesis(j) { j = close }
            j += 1
            // The legal form may start right after any word of the name. Most words start none:
            // the token's own hash says so before a joined key is built and hashed.
            guard j < tokens.count, tables.legalFormPrefixFilter.mayHold(hash: tokens[j].keyHash),
                  tables.legalFormPrefixes.contains(tokens[j]) else { continue }
            if let best = legalFormEnd(from: j), j > i, !(startsClause(i) && j == i + 1 && isCommon(i)) { return best }
        }
        return nil
    }

    /// The end of the longest legal form from token `j`, whose key begins one: at most eight
    /// tokens, their keys joined without spaces ("co" "." "ltd" "."). The joined key's hash is
    /// continued token by token (FNV-1a reads the bytes in order) and the key appended only
    /// where the prefix filter knows the hash: the next word of a name mostly continues no legal
    /// form, and joining and hashing every one cost 4 M instructions on 2 MB (legalFormName 15.5 → 11.3 M).
    /// `MentionShortcutTests` compares it with the keys joined at every step.
    func legalFormEnd(from j: Int) -> Int? {
        var best: Int?
        var hash = tokens[j].keyHash
        var joined = tokens[j].key
        var k = j
        while true {
            if tables.legalForms.contains(joined, hash: hash), isLegalFormShape(j, k + 1) { best = k + 1 }
            k += 1
            guard k < tokens.count, k - j < 8 else { break }
            hash = SentenceScan.continuedHash(hash, tokens[k].key)
            guard tables.legalFormPrefixFilter.mayHold(hash: hash) else { break }
            joined += tokens[k].key
            guard tables.legalFormPrefixes.contains(joined, hash: hash) else { break }
        }
        return best
    }

    /// Short legal forms ("AG", "SE", "AB") must be written in capitals; longer ones may be any case.
    /// By bytes when the texts are ASCII, where a character is a byte, `uppercased()` changes only
    /// a to z and a letter is A to Z or a to z: joining the texts and the `Character` tests cost
    /// 4,000 instructions a call.
    func isLegalFormShape(_ from: Int, _ to: Int) -> Bool {
        var length = 0
        var period = false
        var lower = false
        for k in from..<to {
            let ascii: Void? = tokens[k].text.withASCIIBytes { bytes in
                length += bytes.count
                for byte in bytes {
                    if byte == UInt8(ascii: ".") { period = true } else if byte >= 0x61 && byte <= 0x7A { lower = true }
                }
            }
            if ascii == nil { return generalIsLegalFormShape(from, to) }
        }
        if length <= 3 && !period { return !lower && length >= 2 }
        guard let first = tokens[from].text.utf8.first else { return false }
        return (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A
    }

    /// ``isLegalFormShape(_:_:)`` by `Character`s, for any text.
    func generalIsLegalFormShape(_ from: Int, _ to: Int) -> Bool {
        let text = tokens[from..<to].map(\.text).joined()
        if text.count <= 3 && !text.contains(".") { return text == text.uppercased() && text.count >= 2 }
        return tokens[from].text.first?.isLetter == true
    }

    /// The end of a company name that starts with a place: capitalised words after it that are
    /// not themselves a known name, a cue or an ordinary word alone.
    func placePrefixedCompany(after end: Int, allowOrdinaryWord: Bool = false) -> Int? {
        var j = end
        while j < tokens.count, tokens[j].isCapitalized, continuesName(j), lookup(j, maximum: 1) == nil,
              roleLength(at: j) == 0 {
            j += 1
        }
        guard j > end else { return nil }
        // One ordinary word after a place is not a company ("Shenyang Daily" has its cue); after a firm
        // it is ("BMW Brilliance", "Siemens Mobility").
        if j == end + 1 && !allowOrdinaryWord && isCommon(end, .en) { return nil }
        if (end..<j).allSatisfy({ isCommon($0) }) && language == .de { return nil }
        return j
    }

    /// "Xuefeng CONG", "LI Zhe", "SONG Yue": a given name and a surname in capitals.
    func chinesePersonName(at i: Int) -> Int? {
        guard i + 1 < tokens.count else { return nil }
        // Shapes first, read in place: most pairs fail here, before a token is copied.
        let shapes = (tokens[i].shape, tokens[i + 1].shape)
        guard shapes == (.capitalized, .upper) || shapes == (.upper, .capitalized) else { return nil }
        let a = tokens[i], b = tokens[i + 1]
        let upper = a.shape == .upper ? a : b
        guard (2...6).contains(upper.text.characterCount), (2...10).contains(a.text.characterCount),
              (2...10).contains(b.text.characterCount), !SentenceScan.containsHyphen(a.text),
              !SentenceScan.containsHyphen(b.text), i + 2 >= tokens.count || !tokens[i + 2].isCapitalized
        else { return nil }
        // Not a noun with an acronym ("Autobauer JAC"): short given names ("Lei", "Yue") may be English words.
        let given = a.shape == .capitalized ? a : b
        if tables.isCommonWord(given.text, .de) || (given.text.characterCount >= 5 && tables.isCommonWord(given.text, .en)) {
            return nil
        }
        // Not a place or organization followed by an acronym ("Panjin DRC").
        if let found = lookup(i, maximum: 1), found.candidate.population >= 100_000 || found.candidate.type == .organization
            || found.candidate.subtype == "country" || found.candidate.subtype == "province" { return nil }
        return i + 2
    }

    /// The end of an event's name at `i` ("3rd Cooperation and Matchmaking Conference"), consumed so
    /// that its words do not become entities.
    func eventName(from i: Int) -> Int? {
        var j = i
        var end: Int?
        while j < tokens.count, j - i < 10 {
            if continuesName(j) || j == i {
                j += 1
            } else if isMark(j, "("), let close = closingParenthesis(j) {
                // "China (Changchun) International Automobile Expo".
                j = close + 1
                continue
            } else if (hasKey(j, "and", hash: andHash) || hasKey(j, "und", hash: undHash) || isMarkKey(j, "&")), j + 1 < tokens.count,
                      tokens[j + 1].isCapitalized {
                j += 1
                continue
            } else {
                break
            }
            if ruleWord[j - 1] & RuleWord.eventHead != 0, let heads = tables.rules.eventHeads[tokens[j - 1]], heads.contains(where: { head in
                j - head.count >= i && tokens.spells(head, at: j - head.count)
            }), tokens[j - 1].isCapitalized {
                end = j
            }
        }
        return end
    }

    func isConnective(_ i: Int) -> Bool {
        ruleWord[i] & RuleWord.connective != 0
    }

    /// A token that can continue a name: a capitalised word, a number after a word ("NeuViz 128"),
    /// or a German truncated word ("Reform-"). Inlined: the name loops ask it of every word.
    @inline(__always)
    func continuesName(_ i: Int) -> Bool {
        if isStopWord(i) && tokens[i].shape != .upper { return false }
        if ruleWord[i] & RuleWord.month != 0 { return false }
        return tokens[i].isCapitalized || (tokens[i].shape == .number && i > 0 && tokens[i - 1].isWord)
    }

    // MARK: - Looked-up names

    struct Lookup {
        var end: Int
        var candidate: NameIndex.Candidate
        /// The name key the candidate was found under, for ``typedCandidate(_:_:)`` to read the
        /// others: a look-up keeps one candidate, not all (most are never read).
        var key: String
    }

    /// The longest name from `i` that reference data or the lexicon knows, also in a German
    /// genitive ("Liaonings", "Russlands"). Each key is hashed once, for every table it is asked of.
    ///
    /// A key's hash is continued word by word (FNV-1a reads the bytes in order), and its string
    /// is made only where the key filter knows the hash (or a German genitive is tried): most
    /// keys of two words and more are in no table, and making each as a concatenated string
    /// cost 21,000 appends on 2 MB. `MentionShortcutTests` compares it with the same search
    /// with every key made.
    func lookup(_ i: Int, maximum: Int, districts: Bool = false) -> Lookup? {
        guard i < tokens.count, tokens[i].isCapitalized else { return nil }
        var best: Lookup?
        var hash = WordIndex.offsetBasis
        var j = i
        while j < tokens.count, j - i < maximum {
            // The tokenizer makes "'s" a punctuation token: the shape rules out a string comparison.
            let possessive = isPossessive(j)
            // Inside a name only capitals and connectives ("Bosnia and Herzegovina"): asked before
            // the token's name key is made.
            if j > i && !tokens[j].isCapitalized && !isConnective(j) && tokens[j].shape != .number && !possessive { break }
            let part = possessive ? "s" : nameKey(j)
            if part.isEmpty { break }
            if j == i {
                // A one-word key that is the token's own key has the hash the token carries.
                hash = tokens[i].keyIsAlphanumeric || part == tokens[i].key ? tokens[i].keyHash : WordIndex.hash(part)
            } else {
                hash = SentenceScan.continuedHash(WordIndex.step(hash, 0x20), part)
            }
            // A key the filter does not know is in none of the tables: no probe of them.
            let known = tables.names.mayKnow(hash: hash)
            let genitive = language == .de && SentenceScan.lastByte(of: part) == UInt8(ascii: "s")
            guard known || genitive else { break }
            let key = j == i ? part : nameKeys(from: i, through: j)
            let found = known ? tables.names.best(key, hash: hash, districts: districts) : (any: false, best: nil)
            if let first = found.best {
                best = Lookup(end: j + 1, candidate: first, key: key)
            } else if !found.any, genitive, key.hasSuffix("s"), key.count > 4 {
                // The last byte rules out most keys before the stem is made and `count` (a character count).
                let stem = SentenceScan.droppingLastCharacter(key)
                if let first = tables.names.best(stem, hash: WordIndex.hash(stem), districts: districts).best {
                    best = Lookup(end: j + 1, candidate: first, key: stem)
                }
            }
            j += 1
            if !known || !tables.names.beginsLongerName(key, hash: hash) { break }
        }
        return best
    }

    /// Whether token `j` is the possessive "'s", by its shape first.
    @inline(__always)
    func isPossessive(_ j: Int) -> Bool {
        tokens[j].shape == .punctuation && tokens[j].key == "'s"
    }

    /// The name keys of tokens `i...j` joined by spaces ("s" for a possessive), as ``lookup(_:maximum:districts:)``
    /// builds a key, written into one string made at its size.
    func nameKeys(from i: Int, through j: Int) -> String {
        var capacity = 0
        for k in i...j { capacity += (isPossessive(k) ? 1 : nameKey(k).utf8.count) + 1 }
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            var count = 0
            for k in i...j {
                if k > i {
                    buffer[count] = 0x20
                    count += 1
                }
                let part = isPossessive(k) ? "s" : nameKey(k)
                count += UnsafeMutableBufferPointer(rebasing: buffer[count...]).initialize(from: part.utf8).1
            }
            return count
        }
    }

    /// `hash` (a ``WordIndex/hash(_:)`` of some bytes) continued over `text`'s UTF-8 bytes: the
    /// hash of the bytes followed by `text`'s.
    static func continuedHash(_ hash: UInt32, _ text: String) -> UInt32 {
        let inPlace = text.utf8.withContiguousStorageIfAvailable { bytes in
            var hash = hash
            for byte in bytes { hash = WordIndex.step(hash, byte) }
            return hash
        }
        if let inPlace { return inPlace }
        var continued = hash
        for byte in text.utf8 { continued = WordIndex.step(continued, byte) }
        return continued
    }

    /// `String(text.dropLast())` for a text whose last byte is ASCII: when the byte before it is
    /// ASCII too (or there is none), the last character is the last byte (only a non-ASCII
    /// "prepend" scalar joins the character after it), and the bytes before it are the rest;
    /// otherwise by `Character`s. Dropping a `Character` through `Substring` cost 1,000
    /// instructions a German genitive.
    static func droppingLastCharacter(_ text: String) -> String {
        let cut: String?? = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard let last = bytes.last, last < 0x80, bytes.count < 2 || bytes[bytes.count - 2] < 0x80 else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<(bytes.count - 1)]), as: UTF8.self)
        }
        if let cut, let made = cut { return made }
        return String(text.dropLast())
    }

    /// The last UTF-8 byte of `text`, read in place: `utf8.last` went through the generic
    /// collection's index arithmetic, 76 instructions a key.
    static func lastByte(of text: String) -> UInt8? {
        text.utf8.withContiguousStorageIfAvailable { $0.last } ?? text.utf8.last
    }

    /// The most populous place of a lookup with the subtype a cue names ("Provinz Jilin": the province).
    func typedCandidate(_ found: Lookup, _ subtype: String?) -> NameIndex.Candidate? {
        tables.candidates(found.key).filter { $0.type == .place && $0.subtype == subtype && !($0.viaAlias && $0.subtype == "city") }
            .max { $0.population < $1.population }
    }

    /// Reference names that are also ordinary words need more evidence.
    func acceptLookup(_ found: Lookup, at i: Int) -> Bool {
        let c = found.candidate
        let single = found.end == i + 1
        // A function word is never a name, whatever a list says ("Über" is not Uber).
        if single, tables.isFunctionWord(tokens[i]) { return false }
        // German dictionaries list place names too, so only English words tell a place from a word.
        if single && tokens[i].shape == .capitalized && language == .en && isCommon(i) {
            // "Mobile", "Bay", "Oriental": a place that is also a word must be a large city not opening a sentence.
            if c.subtype == "city" && (c.population < 1_000_000 || startsClause(i)) { return false }
            if c.subtype == "province" || c.subtype == "district" { return false }
            if c.type == .organization && tokens[i].text != c.name { return false }
        }
        // German word lists hold city names too, so a German word that is a city must be a real town ("Ende" is not).
        if single && language == .de && c.subtype == "city" && c.population < 100_000
            && (isCommon(i) || isCommon(i, .en) && startsClause(i)) { return false }
        // Alias-only city matches ("Dairen", "Vladik") need a large city.
        if c.subtype == "city" && c.viaAlias && c.population < 100_000 { return false }
        if c.subtype == "city" && tokens[i].text.characterCount < 3 { return false }
        return true
    }

    func emitLookup(_ found: Lookup, from i: Int, mentionStart: Int) {
        emit(i, found.end, type: found.candidate.type, subtype: found.candidate.subtype, rule: found.candidate.rule,
             name: found.candidate.name, reference: found.candidate.reference, mentionStart: mentionStart)
    }

    // MARK: - Cue names

    struct CueName {
        var end: Int
        var cue: MentionRules.Cue
        /// Where the typed name starts (after a stripped country adjective).
        var start: Int
        /// The token before ``start`` is an adjective that states the name's country ("German
        /// Starhai International"). A flag, not the country: with a string field, the optional
        /// cue name every name start makes and drops was destroyed through its type's value
        /// witness (78,000 calls, 8 M instructions on 2 MB).
        var statesCountry = false
    }

    /// The longest name from `i` that ends in a head cue, or continues one over "of".
    func cueNameSpan(from i: Int) -> CueName? {
        var j = i
        var best: CueName?
        var headCue: MentionRules.Cue?      // the cue before the first "of": it types "X of Y"
        var lastCueEnd = -1
        var nameTokens = 0
        var crossedAnd = false
        while j < tokens.count {
            if continuesName(j) || (j == i && canStartName(j)) {
                if tokens[j].isWord { nameTokens += 1 }
                j += 1
            } else if isMarkKey(j, "'s"), j > i, j + 1 < tokens.count, tokens[j + 1].isCapitalized, tokens[j - 1].isCapitalized,
                      headCue != nil || lastCueEnd < 0, lookup(j - 1, maximum: 1) == nil {
                // "People's Government" inside a name.
                j += 1
                continue
            } else if isMark(j, "("), j > i, let close = closingParenthesis(j), close + 1 < tokens.count,
                      tokens[close + 1].isCapitalized {
                // "China-Germany (Shenyang) Equipment Manufacturing Industrial Park".
                j = close + 1
                continue
            } else if isConnective(j), j > i, j + 1 < tokens.count {
                let joinsOf = tables.rules.complementConnectives.contains(tokens[j])
                var next = j + 1
                if hasKey(next, "the", hash: theHash), next + 1 < tokens.count { next += 1 }
                guard tokens[next].isCapitalized || (tokens[next].shape == .number && next + 1 < tokens.count && tokens[next + 1].isCapitalized) else { break }
                // "Hub for China-Europe freight trains": a route or origin adjective is no part of a name.
                if isOriginAdjective(next) { break }
                // German "… der Provinz": the complement must name something, not be an ordinary noun.
                if language == .de, joinsOf, isCommon(next), headCueEnding(at: next + 1, from: next) == nil,
                   !(tables.rules.prefixCues.contains(tokens[next]) && next + 1 < tokens.count && lookup(next + 1, maximum: 3) != nil) { break }
                if !joinsOf { crossedAnd = true }
                if joinsOf {
                    // "Institute of Metal Research": only after an organization, zone or facility cue.
                    guard lastCueEnd == j, let cue = best?.cue, cue.type != .place, cue.type != .program else {
                        if headCue != nil { j = next; continue }
                        break
                    }
                    if headCue == nil { headCue = cue }
                } else if lastCueEnd == j {
                    // "Zhongnan Group and Zhongnan Hightech": a finished name does not join the next.
                    break
                }
                j = next
                continue
            } else if let cue = lowerHeadCue(at: j), j > i {
                j += cue.tokens.count
                best = CueName(end: j, cue: headCue ?? cue, start: i)
                lastCueEnd = j
                break
            } else {
                break
            }
            if let cue = headCueEnding(at: j, from: i), !(crossedAnd && cue.type == .place && headCue == nil) {
                best = CueName(end: j, cue: headCue ?? cue, start: i)
                lastCueEnd = j
            } else if headCue != nil {
                // After "of", the complement runs to the end of the capitalised words.
                best = CueName(end: j, cue: headCue!, start: i)
            }
        }
        guard var found = best else { return nil }
        // A name needs a word that is not the cue: "Group" alone is not a name.
        let cueLength = found.cue.position == .head ? found.cue.tokens.count : 0
        if nameTokens <= cueLength && headCue == nil { return nil }
        // A sentence-initial ordinary word does not start a name: "Government data show".
        if startsClause(i), found.end - i <= cueLength + 1, tokens[i].shape == .capitalized, isCommon(i),
           lookup(i, maximum: 1) == nil, found.cue.position != .headSuffix {
            return nil
        }
        // A German compound cue ("Kooperationsprojekt") names something only with a name in it.
        if language == .de, !(i..<found.end).contains(where: { tokens[$0].isCapitalized && !isCommon($0) }) {
            return nil
        }
        // "German Starhai International": the adjective states the country; it is not part of the
        // name, unless the rest is a bare cue ("Chinese Academy of Sciences").
        // The adjective bit rules out most words before a look-up, by the token's key (its text
        // folded, as `countryOfAdjective(_:)` would fold it).
        if tokens[i].shape == .capitalized, found.end - i > cueLength + 1, ruleWord[i] & RuleWord.adjective != 0,
           tables.countryOfAdjective(key: tokens[i].key) != nil,
           !(i + 1 < tokens.count && tables.rules.headCues.contains(tokens[i + 1])) {
            found.start = i + 1
            found.statesCountry = true
        }
        return found
    }

    func closingParenthesis(_ open: Int) -> Int? {
        var k = open + 1
        while k < tokens.count, k - open <= 4 {
            if isMark(k, ")") { return k > open + 1 ? k : nil }
            if !tokens[k].isCapitalized { return nil }
            k += 1
        }
        return nil
    }

    /// The head cue that the name ending before `end` ends with.
    ///
    /// Asked at every word of a name. The word's cues are read only where its bit says it ends
    /// one (`?? []` retained and released the empty array at every word), and the compound
    /// endings are compared in place, by index (each ending, a tuple of a cue, a string and an
    /// array, was copied, its three references retained and released, at every word tried).
    func headCueEnding(at end: Int, from start: Int) -> MentionRules.Cue? {
        let last = end - 1
        if ruleWord[last] & RuleWord.headCue != 0, let cues = tables.rules.headCues[tokens[last]] {
            for cue in cues where cue.position == .head && end - cue.tokens.count >= start {
                let first = end - cue.tokens.count
                if tokens.spells(cue.tokens, at: first) && first < end && tokens[first].isCapitalized { return cue }
            }
        }
        // German compounds: "Innovationsdemonstrationszone", "Informationsbüro". Key and ending are
        // both folded keys, so an ending the key has is also a suffix of its bytes: the bytes rule
        // out the other endings before `hasSuffix` and a character count confirm one.
        if tokens[last].shape == .capitalized, MentionRules.mayEnd(tokens[last].key, tails: tables.suffixCueTails),
           let k = suffixCueEnding(of: last) {
            return tables.rules.suffixCueEndings[k].cue
        }
        return nil
    }

    /// The position in `rules.suffixCueEndings` of the first compound ending token `last`'s key
    /// ends with, by more than two characters: its bytes compared with each ending's in place.
    func suffixCueEnding(of last: Int) -> Int? {
        let endings = tables.rules.suffixCueEndings
        let key = tokens[last].key
        let inPlace: Int?? = key.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            for k in endings.indices {
                let endsWith = endings[k].utf8.withUnsafeBufferPointer { suffix -> Bool in
                    guard bytes.count >= suffix.count else { return false }
                    let offset = bytes.count - suffix.count
                    for b in suffix.indices where bytes[offset + b] != suffix[b] { return false }
                    return true
                }
                if endsWith && key.count > endings[k].length + 2 && key.hasSuffix(endings[k].ending) { return k }
            }
            return nil
        }
        if let inPlace { return inPlace }
        return endings.indices.first { k in
            key.endsWith(utf8: endings[k].utf8) && key.count > endings[k].length + 2 && key.hasSuffix(endings[k].ending)
        }
    }

    /// A lower-case head cue at `j` ("district", "think tank").
    func lowerHeadCue(at j: Int) -> MentionRules.Cue? {
        guard tokens[j].shape == .lower, ruleWord[j] & RuleWord.lowerHeadCue != 0, let cues = tables.rules.lowerHeadCues[tokens[j]] else { return nil }
        for cue in cues where tokens.spells(cue.tokens, at: j) { return cue }
        return nil
    }

    func emitCueName(_ found: CueName, from i: Int) {
        // A head-lower place cue keeps the core as the name: "Liaoning province" → Liaoning.
        var name: String? = nil
        var reference: String? = nil
        var type = found.cue.type
        var subtype = found.cue.subtype
        let cueLength = found.cue.position == .headSuffix ? 0 : found.cue.tokens.count
        if found.cue.type == .place, found.end - cueLength > found.start,
           let core = lookup(found.start, maximum: found.end - cueLength - found.start, districts: found.cue.subtype == "district"),
           core.end == found.end - cueLength {
            // "Jilin province" is the province, though a larger city has the name.
            let typed = core.candidate.subtype == found.cue.subtype ? core.candidate : typedCandidate(core, found.cue.subtype)
            if let candidate = typed ?? (found.cue.subtype == "city" ? core.candidate : nil) {
                name = candidate.name
                reference = candidate.reference
                type = candidate.type
                subtype = candidate.subtype
            }
        }
        let statedCountry = found.statesCountry ? tables.countryOfAdjective(key: tokens[found.start - 1].key) : nil
        emit(found.start, found.end, type: type, subtype: subtype, rule: found.cue.rule, name: name, reference: reference,
             statedCountry: statedCountry)
    }

    // MARK: - Unknown names

    /// Whether `text` has a character that is a number and one that is a letter (`Character`'s
    /// `isNumber` and `isLetter`). By bytes for ASCII text, where every byte is a character but
    /// "\r\n" (neither): walking `Character`s cost 110 million instructions in a 2 MB import.
    /// By scalars for Latin-1 text (German words): 9 M instructions on 2 MB.
    static func hasDigitAndLetter(_ text: String) -> Bool {
        text.withASCIIBytes { bytes in
            bytes.contains { $0 >= 0x30 && $0 <= 0x39 } && bytes.contains { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
        } ?? latin1HasDigitAndLetter(text) ?? (text.contains { $0.isNumber } && text.contains { $0.isLetter })
    }

    /// ``hasDigitAndLetter(_:)`` of text whose scalars are all Latin-1 (up to U+00FF), nil for
    /// other text. There every scalar is a character of its own (no scalar of the block extends
    /// a grapheme; "\r\n" is neither a number nor a letter, nor is either of its scalars), and a
    /// character's `isNumber` and `isLetter` are its scalar's numeric type and alphabetic
    /// property (``MentionShortcutTests`` checks every scalar of the block).
    static func latin1HasDigitAndLetter(_ text: String) -> Bool? {
        var number = false
        var letter = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if v >= 0x30 && v <= 0x39 { number = true } else if (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A { letter = true }
            } else if v <= 0xFF {
                if scalar.properties.numericType != nil { number = true }
                if scalar.properties.isAlphabetic { letter = true }
            } else {
                return nil
            }
        }
        return number && letter
    }

    func unknownName(at i: Int) -> Int {
        var j = i
        while j < tokens.count, continuesName(j) || j == i {
            if j > i, lookup(j, maximum: tables.names.maximumTokens) != nil, tokens[j].shape != .upper { break }
            j += 1
        }
        let length = j - i
        // Role words ("Vorsitzenden", "President") are not names.
        if length == 1, roleLength(at: i) == 1 { return j }
        // "Sören Link, mayor of Duisburg": a name followed by a role.
        if (2...3).contains(length), j + 1 < tokens.count, isMark(j, ","),
           roleLength(at: j + 1) > 0 || (tokens[j + 1].key == "former" && roleLength(at: j + 2) > 0) {
            emit(i, j, type: .person, subtype: nil, rule: tables.ruleNames.nameRoleApposition, name: personName(i, j))
            return j
        }
        // Products: "NeuViz 128", "Haidou-1", "L600 Astroinno": a coined word with a model number.
        let modelToken = (i..<j).contains { k in
            tokens[k].shape != .number && SentenceScan.hasDigitAndLetter(tokens[k].text)
        }
        if tokens[j - 1].shape == .number && length >= 2 || modelToken && (length >= 2 || SentenceScan.containsHyphen(tokens[i].text)) {
            let year = Int(tokens[j - 1].text).map { (1900...2100).contains($0) } ?? false
            if !year && !tables.isCommonWord(SentenceScan.hyphenParts(tokens[i].text).first ?? "", .en) {
                emit(i, j, type: .product, subtype: nil, rule: tables.ruleNames.modelNumber)
                return j
            }
            return j
        }
        // Ordinary words are not names: a sentence-initial English word, a German noun.
        var first = i
        while first < j, tokens[first].shape == .capitalized, isCommon(first) && (startsClause(first) || language == .de) {
            first += 1
        }
        if language == .de {
            var last = j
            while last > first, tokens[last - 1].shape == .capitalized, isCommon(last - 1) { last -= 1 }
            j = max(first, last)
        }
        guard first < j else { return max(j, i + 1) }
        if language == .de, j - first == 1, tokens[first].shape == .capitalized,
           !tokens[first].text.dropFirst().containsUppercase, !tables.rules.orgContextBefore(tokens, first) {
            // Every German noun is capitalised and no word list has them all: a lone unknown
            // capitalised word is a name only after a word such as "Unternehmen" or "Firma".
            return max(j, i + 1)
        }
        if j - first == 1, tokens[first].shape == .capitalized {
            // A single capitalised word mid-sentence: a name unless it is an ordinary word.
            if startsClause(first) || isCommon(first) || tokens[first].text.count < 3 { return max(j, i + 1) }
            if isCommon(first, .en) { return max(j, i + 1) }
        }
        // Words that are all ordinary ("Fourth Industrial Revolution") make a title or concept, not a name.
        if j - first >= 2, (first..<j).allSatisfy({ tokens[$0].shape == .capitalized && isCommon($0, .en) }) {
            return max(j, i + 1)
        }
        let acronym = j - first == 1 && tokens[first].shape == .upper
        // An acronym used as a modifier ("CT system", "AI technology") is not a name.
        if acronym, j < tokens.count, tokens[j].shape == .lower, isCommon(j, .en),
           !isFunctionWord(j) {
            return j
        }
        emit(first, j, type: .organization, subtype: acronym ? nil : "company",
             rule: acronym ? tables.ruleNames.acronym : tables.ruleNames.capitalizedName)
        return j
    }

    /// Short words that follow a name as the subject of a clause ("PJVTC has …", "AHK and GIZ").
    func isFunctionWord(_ j: Int) -> Bool {
        tables.rules.functionWords.contains(tokens[j])
    }

    /// "Xuefeng CONG" → "Xuefeng Cong"; titles are already outside the span.
    func personName(_ i: Int, _ j: Int) -> String {
        tokens[i..<j].map { t in
            t.shape == .upper ? t.text.prefix(1) + t.text.dropFirst().lowercased() : t.text
        }.joined(separator: " ")
    }

    // MARK: - Output

    func emit(_ i: Int, _ j: Int, type: EntityType, subtype: String?, rule: String, name: String? = nil,
                       reference: String? = nil, statedCountry: String? = nil, mentionStart: Int? = nil) {
        guard j > i, j <= tokens.count else { return }
        let from = mentionStart ?? i
        let surface = spanText(from, j)
        // Without a title or role before it, the core is the surface: made once, not twice.
        let core = name ?? (from == i ? surface : spanText(i, j))
        mentions.append(Mention(sentence: sentence, start: tokens[from].start, end: tokens[j - 1].end, text: surface,
                                type: type, subtype: subtype, rule: rule, name: core, reference: reference,
                                firstToken: from, lastToken: j))
        // Set in place: a `var` mention given its country and then appended was copied (eight
        // strings retained) and destroyed at every emit.
        if statedCountry != nil { mentions[mentions.count - 1].statedCountry = statedCountry }
    }

    /// The text of tokens `from..<to`, with a space where the text had one between two tokens.
    func spanText(_ from: Int, _ to: Int) -> String {
        SentenceScan.spanText(tokens, from, to)
    }

    /// ``spanText(_:_:)`` of `tokens`: their bytes copied once into a string made with room for
    /// every token and a space after each. Appending token by token (a `+=` for each token and
    /// each space, into a reserved string) cost some 250 instructions an append, 30 M on 2 MB.
    static func spanText(_ tokens: [Token], _ from: Int, _ to: Int) -> String {
        guard to - from > 1 else { return tokens[from].text }
        var capacity = 0
        for k in from..<to { capacity += tokens[k].text.utf8.count + 1 }
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            var count = 0
            for k in from..<to {
                if k > from && tokens[k].start > tokens[k - 1].end {
                    buffer[count] = 0x20
                    count += 1
                }
                count += UnsafeMutableBufferPointer(rebasing: buffer[count...]).initialize(from: tokens[k].text.utf8).1
            }
            return count
        }
    }
}
