/// Every name the finder can recognise by lookup: reference data (places, organizations) and
/// the lexicon, keyed by the `Folding.nameKey` of the name's tokens joined by spaces.
public struct NameIndex: Sendable {
    /// A thing a looked-up name can mean.
    public struct Candidate: Sendable, Hashable {
        public var name: String
        public var type: EntityType
        public var subtype: String?
        /// Reference id, or the lexicon rule for lexicon names.
        public var reference: String?
        public var population: Int
        /// Matched through an alias rather than the name itself.
        public var viaAlias: Bool
        public var rule: String
        /// ISO code of the country, for lexicon institutions.
        public var country: String? = nil
    }

    let reference: ReferenceData
    var lexicon: WordMap<[Candidate]> = [:]
    /// Lexicon rule → country, for resolution.
    public private(set) var lexiconCountries: WordMap<String> = [:]
    /// The most tokens a name has.
    public private(set) var maximumTokens = 1
    /// Every proper prefix, in whole tokens, of a name key ("bosnia", "bosnia and" of "bosnia and
    /// herzegovina"): a lookup stops extending a key that begins no longer name.
    var prefixes: WordSet = []
    /// "reference/<source>" for each source of reference data, made once: an interpolated string
    /// per candidate was most of the cost of a look-up, and the finder looks up most capitals.
    private var ruleBySource: WordMap<String> = [:]

    public init(reference: ReferenceData, lexicon: [MentionRules.LexiconEntry]) {
        self.reference = reference
        // Entries come file by file, so a source differs from the one before only where a file
        // starts: one comparison per entry, read in place (a hash and a copy of each entry cost
        // 19 M instructions at every start).
        var previous: String?
        for k in reference.entries.indices where reference.entries[k].source != previous {
            let source = reference.entries[k].source
            if ruleBySource[source] == nil { ruleBySource[source] = "reference/\(source)" }
            previous = source
        }
        for key in reference.nameIndex.keys {
            maximumTokens = max(maximumTokens, key.splitASCII(separator: 0x20).count)
            addPrefixes(of: key)
        }
        for entry in lexicon {
            let main = Folding.nameKey(entry.name)
            if let country = entry.country { lexiconCountries["lexicon:\(entry.rule)"] = country }
            for (alias, isAlias) in [(main, false)] + entry.aliases.map({ (Folding.nameKey($0), true) }) where !alias.isEmpty {
                self.lexicon[alias, default: []].append(Candidate(
                    name: entry.name, type: entry.type, subtype: entry.subtype, reference: "lexicon:\(entry.rule)",
                    population: 0, viaAlias: isAlias && alias != main, rule: entry.rule, country: entry.country))
                maximumTokens = max(maximumTokens, alias.splitASCII(separator: 0x20).count)
                addPrefixes(of: alias)
            }
        }
        maximumTokens = min(maximumTokens, 8)
    }

    private mutating func addPrefixes(of key: String) {
        var index = key.utf8.startIndex
        while let space = key.utf8[index...].firstIndex(of: 0x20) {
            prefixes.insert(String(key[..<space]))
            index = key.utf8.index(after: space)
        }
    }

    /// True when some name key is longer than `key` and starts with its tokens.
    public func beginsLongerName(_ key: String) -> Bool {
        prefixes.contains(key)
    }

    /// What a name key can mean: lexicon entries first, then reference entries by population.
    public func candidates(_ key: String) -> [Candidate] {
        var out = lexicon[key] ?? []
        for index in reference.nameIndex[key] ?? [] {
            let entry = reference.entries[index]
            out.append(Candidate(name: entry.name, type: entry.type, subtype: entry.subtype, reference: entry.id,
                                 population: entry.population, viaAlias: reference.isAlias(key, index),
                                 rule: ruleBySource[entry.source] ?? "reference/\(entry.source)"))
        }
        return out
    }
}
