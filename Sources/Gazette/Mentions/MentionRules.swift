import Foundation

/// The rules of mention finding for one language, loaded from `seeds/rules/<lang>/`:
/// type cues (`entity-cues.tsv`), words around names (`name-words.tsv`), compass words
/// (`directions.tsv`) and the multi-word lexicon (`lexicon.tsv`, shared by all languages).
public struct MentionRules: Sendable {
    /// A word or phrase that types a name.
    ///
    /// A class, not a struct, and immutable: the finder hands cues around at every name word (the
    /// head cue a name ends with, the best cue name so far), and a struct of four strings and an
    /// array was retained and released field by field, its optionals destroyed through generic
    /// value witnesses (22 M instructions on 2 MB); a cue is now one reference. Equal and hashed
    /// by its fields, as the struct was.
    public final class Cue: Sendable, Hashable {
        public enum Position: String, Sendable { case head, headLower = "head-lower", headSuffix = "head-suffix", prefix }
        public let id: String
        /// Folded tokens of the cue ("industrial", "park").
        public let tokens: [String]
        public let position: Position
        public let type: EntityType
        public let subtype: String?
        /// `<lang>/entity-cues.tsv#<id>`.
        public let rule: String

        public init(id: String, tokens: [String], position: Position, type: EntityType, subtype: String?, rule: String) {
            self.id = id
            self.tokens = tokens
            self.position = position
            self.type = type
            self.subtype = subtype
            self.rule = rule
        }

        public static func == (a: Cue, b: Cue) -> Bool {
            a === b || (a.id == b.id && a.tokens == b.tokens && a.position == b.position && a.type == b.type
                && a.subtype == b.subtype && a.rule == b.rule)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(id)
            hasher.combine(tokens)
            hasher.combine(position)
            hasher.combine(type)
            hasher.combine(subtype)
            hasher.combine(rule)
        }
    }

    /// A lexicon name: its type, translations and, for institutions, country.
    public typealias LexiconEntry = (name: String, type: EntityType, subtype: String?, aliases: [String], rule: String, country: String?)

    public var language: Language
    /// Head cues by their last token's key, longest first.
    public var headCues: WordMap<[Cue]> = [:]
    /// Lower-case head cues ("district", "think tank") by their first token's key, longest first.
    public var lowerHeadCues: WordMap<[Cue]> = [:]
    /// Compound endings (German), longest first.
    public var suffixCues: [Cue] = []
    /// Each suffix cue's ending as one string, its length in characters and its UTF-8 bytes, made once.
    public var suffixCueEndings: [(cue: Cue, ending: String, length: Int, utf8: [UInt8])] = [] {
        didSet { suffixCueTails = MentionRules.tailMask(of: suffixCueEndings.map(\.utf8)) }
    }
    /// A bit for each ending's last three bytes (``tailBit(_:_:_:)``), all bits when an ending is
    /// shorter: ``mayEndInSuffixCue(_:)`` rules out most words before the endings are tried one
    /// by one (German has eleven, asked about every capitalised word a name might end with).
    private(set) var suffixCueTails: UInt64 = 0
    /// Prefix cues by key.
    public var prefixCues: WordMap<Cue> = [:]
    public var connectives: WordSet = []
    /// The connectives after which the rest of a name is the complement of what comes before
    /// ("Institute of Metal Research"), not a second name ("and").
    public var complementConnectives: WordSet = []
    /// Stop words, kept case-sensitive ("The" but not "the").
    public var stops: WordSet = []
    public var titles: WordSet = []
    /// The titles a token can be: each title, and each one written with a period without it
    /// ("Mr." is tokenized "Mr" ".").
    public var titleTokens: WordSet = []
    /// Role phrases as folded token sequences, keyed by first token.
    public var roles: WordMap<[[String]]> = [:]
    public var orgContext: WordMap<[[String]]> = [:]
    /// Words before a place that say where an organization comes from ("from", "aus").
    public var origins: WordSet = []
    /// Plural nouns for firms that open an enumeration after a country or region adjective.
    public var groupNouns: WordSet = []
    /// Words between such a noun and its enumeration ("including", "such", "as").
    public var listIntroducers: WordSet = []
    /// Words that join an enumeration's names, besides commas ("and", "und", "sowie").
    public var listJoiners: WordSet = []
    /// Short words after a name that make it a clause's subject ("has", "and", "ist").
    public var functionWords: WordSet = []
    /// May stand between a person's name and a role ("former", "ehemaliger").
    public var former: WordSet = []
    /// Endings an adjective stem takes ("europäisch" + "en"), in the order they are stripped.
    public var adjectiveEndings: [String] = []
    /// Words for a group of companies ("Group", "Konzern"), dropped from a name's end like a
    /// legal form when its core name is looked up ("BMW Group" → BMW).
    public var groupWords: WordSet = []
    /// Endings that make a number an ordinal which may begin a name ("21st Century Maritime Silk
    /// Road"). ``RuleSet`` gives every language all of them: English names are quoted in German text.
    public var ordinalSuffixes: [String] = []
    /// Compass word key → canonical form.
    public var directions: WordMap<String> = [:]
    /// Month names and abbreviations: never names.
    public var months: WordSet = []
    /// Heads of event names ("Conference", "Messe"): the name is an event, not an entity.
    public var eventHeads: WordMap<[[String]]> = [:]
    /// Lexicon entries: name, type, subtype, aliases.
    public var lexicon: [LexiconEntry] = []

    public init(directory: URL, language: Language) throws(GazetteError) {
        self.language = language
        // Names of institutions are often English in German text ("Sino-German Industrial City
        // Alliance"), so every language also reads the English cues, after its own.
        var cueRows = try TSVFile.optional(directory, language, "entity-cues.tsv", minimumColumns: 4).rows.map { (language, $0) }
        if language != .en {
            cueRows += try TSVFile.optional(directory, .en, "entity-cues.tsv", minimumColumns: 4).rows
                .filter { $0[2] == "head" }.map { (Language.en, $0) }
        }
        let cueFile = try TSVFile.optional(directory, language, "entity-cues.tsv", minimumColumns: 4)
        for (cueLanguage, row) in cueRows {
            let lang = cueLanguage.rawValue
            guard let position = Cue.Position(rawValue: row[2]) else {
                throw .badRuleFile(path: cueFile.path, line: row.line, reason: "unknown position '\(row[2])'; use head, head-lower, head-suffix or prefix")
            }
            let tokens = MentionRules.keys(row[1])
            if row[3] == "event" {
                // "3rd Cooperation and Matchmaking Conference": an event's name, consumed and not emitted.
                if let last = tokens.last { eventHeads[last, default: []].append(tokens) }
                continue
            }
            guard let type = EntityType(rawValue: row[3]) else {
                throw .badRuleFile(path: cueFile.path, line: row.line, reason: "unknown entity type '\(row[3])'")
            }
            let cue = Cue(id: row[0], tokens: tokens, position: position, type: type,
                          subtype: row[4].isEmpty ? nil : row[4], rule: "\(lang)/entity-cues.tsv#\(row[0])")
            switch position {
            case .head, .headLower:
                if let last = tokens.last { headCues[last, default: []].append(cue) }
                if position == .headLower, let first = tokens.first { lowerHeadCues[first, default: []].append(cue) }
            case .headSuffix: suffixCues.append(cue)
            case .prefix: if let first = tokens.first { prefixCues[first] = cue }
            }
        }
        for key in headCues.keys { headCues[key]?.sort { $0.tokens.count > $1.tokens.count } }
        for key in lowerHeadCues.keys { lowerHeadCues[key]?.sort { $0.tokens.count > $1.tokens.count } }
        suffixCues.sort { $0.tokens.joined().count > $1.tokens.joined().count }
        suffixCueEndings = suffixCues.map { cue in
            let ending = cue.tokens.joined()
            return (cue, ending, ending.count, Array(ending.utf8))
        }
        // Observers do not run in an initializer.
        suffixCueTails = MentionRules.tailMask(of: suffixCueEndings.map(\.utf8))

        let wordFile = try TSVFile.optional(directory, language, "name-words.tsv", minimumColumns: 3)
        for row in wordFile.rows {
            let keys = MentionRules.keys(row[1])
            switch row[2] {
            case "connective": connectives.insert(Folding.key(row[1]))
            case "complement-connective":
                connectives.insert(Folding.key(row[1]))
                complementConnectives.insert(Folding.key(row[1]))
            case "stop": stops.insert(row[1])
            case "title": titles.insert(Folding.key(row[1]))
            case "role": if let first = keys.first { roles[first, default: []].append(keys) }
            case "org-context": if let first = keys.first { orgContext[first, default: []].append(keys) }
            case "origin": origins.insert(Folding.key(row[1]))
            case "group-noun": groupNouns.insert(Folding.key(row[1]))
            case "list-intro": listIntroducers.insert(Folding.key(row[1]))
            case "list-join": listJoiners.insert(Folding.key(row[1]))
            case "function": functionWords.insert(Folding.key(row[1]))
            case "former": former.insert(Folding.key(row[1]))
            case "adjective-ending": adjectiveEndings.append(Folding.key(row[1]))
            case "group-word": groupWords.insert(Folding.key(row[1]))
            case "ordinal-suffix": ordinalSuffixes.append(Folding.key(row[1]))
            default:
                throw .badRuleFile(path: wordFile.path, line: row.line, reason: "unknown kind '\(row[2])'")
            }
        }
        for key in roles.keys { roles[key]?.sort { $0.count > $1.count } }
        titleTokens = titles.union(titles.filter { $0.hasSuffix(".") }.map { String($0.dropLast()) })
        for row in try TSVFile.optional(directory, language, "directions.tsv", minimumColumns: 3).rows {
            directions[Folding.key(row[1])] = row[2]
        }
        for row in try TSVFile.optional(directory, language, "months.tsv", minimumColumns: 2).rows {
            months.insert(Folding.key(row[0]))
        }
        // The lexicon is language-neutral: names of programmes and institutions, with their translations as aliases.
        let lexiconFile = try TSVFile.optional(directory, .en, "lexicon.tsv", minimumColumns: 3)
        for row in lexiconFile.rows {
            guard let type = EntityType(rawValue: row[2]) else {
                throw .badRuleFile(path: lexiconFile.path, line: row.line, reason: "unknown entity type '\(row[2])'")
            }
            lexicon.append((row[1], type, row[3].isEmpty ? nil : row[3],
                            row[4].split(separator: "|").map(String.init), "en/lexicon.tsv#\(row[0])",
                            row[5].isEmpty ? nil : row[5]))
        }
    }

    /// Folded token keys of a phrase, as the tokenizer would produce them.
    static func keys(_ phrase: String) -> [String] {
        Tokenizer.tokens(of: Sentence(position: 0, start: 0, end: phrase.unicodeScalars.count, text: phrase)).map(\.key)
    }

    /// False when no suffix cue ending can be a suffix of `key`'s bytes: its last three bytes are
    /// no ending's last three (or it has fewer than three, where every ending has more).
    func mayEndInSuffixCue(_ key: String) -> Bool {
        MentionRules.mayEnd(key, tails: suffixCueTails)
    }

    /// ``mayEndInSuffixCue(_:)`` by a copy of ``suffixCueTails``: the finder keeps the mask, since
    /// calling a method of its rules copied the whole rules struct onto the stack at every ask.
    @inline(__always)
    static func mayEnd(_ key: String, tails: UInt64) -> Bool {
        guard tails != 0 else { return false }
        guard tails != ~0 else { return true }
        return key.utf8.withContiguousStorageIfAvailable { bytes in
            let n = bytes.count
            guard n >= 3 else { return false }
            return tails & MentionRules.tailBit(bytes[n - 3], bytes[n - 2], bytes[n - 1]) != 0
        } ?? true
    }

    static func tailMask(of endings: [[UInt8]]) -> UInt64 {
        var mask: UInt64 = 0
        for ending in endings {
            let n = ending.count
            guard n >= 3 else { return ~0 }
            mask |= tailBit(ending[n - 3], ending[n - 2], ending[n - 1])
        }
        return mask
    }

    /// One of 64 bits for three bytes, by a multiplicative hash.
    @inline(__always)
    static func tailBit(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt64 {
        let packed = UInt32(a) << 16 | UInt32(b) << 8 | UInt32(c)
        return 1 << UInt64((packed &* 0x9E37_79B1) >> 26)
    }

    /// The longest role phrase starting at `i`, as its token count, or 0.
    func roleLength(_ tokens: [Token], at i: Int) -> Int {
        roles.longestPhrase(in: tokens, at: i)
    }

    /// The longest organization-context phrase ending right before `i`, as its token count, or 0.
    func orgContextBefore(_ tokens: [Token], _ i: Int) -> Bool {
        for length in 1...2 where i - length >= 0 {
            if orgContext.longestPhrase(in: tokens, at: i - length) == length { return true }
        }
        return false
    }
}

extension WordMap where Value == [[String]] {
    /// A phrase table for ``longestPhrase(in:at:)``: `phrases` keyed by their first word, longest
    /// first. An empty phrase starts nowhere and is left out.
    init(phrasesByFirstWord phrases: [[String]]) {
        self.init()
        for phrase in phrases { if let first = phrase.first { self[first, default: []].append(phrase) } }
        for key in keys { self[key]?.sort { $0.count > $1.count } }
    }

    /// For a table of folded-word phrases keyed by their first word, longest first: the token
    /// count of the first phrase that the tokens from `i` spell, or 0.
    func longestPhrase(in tokens: [Token], at i: Int) -> Int {
        guard i < tokens.count, let candidates = self[tokens[i]] else { return 0 }
        for phrase in candidates where tokens.spells(phrase, at: i) { return phrase.count }
        return 0
    }
}
