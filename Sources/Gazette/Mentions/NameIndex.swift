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
    /// A bit for the ``WordIndex/hash(_:)`` of every key of the lexicon, of the reference names
    /// and of ``prefixes``, at the hash's low ``keyFilterBits`` bits (256 KB): a key whose bit is
    /// clear names nothing and begins no longer name, and ``mayKnow(hash:)`` says so without a
    /// probe of the three tables (140,000 names, larger than the caches). Made from the hashes
    /// the tables keep, after they are filled; nothing adds keys to them afterwards.
    private var keyFilter: [UInt64] = []
    static let keyFilterBits = 21
    /// "reference/<source>" for each source of reference data, made once: an interpolated string
    /// per candidate was most of the cost of a look-up, and the finder looks up most capitals.
    private var ruleBySource: WordMap<String> = [:]
    /// The rule of each run of entries from one source in `reference.entries`, in order; an
    /// entry's ``EntryFacts/run`` is the position of its run's rule here.
    private var ruleRuns: [String] = []
    /// What ``best(_:hash:districts:)`` ranks an entry by, per entry of `reference.entries`, with
    /// the position of its rule in ``ruleRuns``: plain data, read without touching the entry's
    /// strings (comparing each entry's subtype and id, with their retains, was a third of a
    /// look-up's cost) and 16 bytes an entry instead of a whole entry's cache lines.
    private var entryFacts: [EntryFacts] = []

    /// An entry's ``Kind``, population and rule run.
    struct EntryFacts {
        var population: Int
        var kind: Kind
        var run: UInt32
    }

    /// What ``rank(type:subtype:reference:viaAlias:population:districts:)`` reads of a meaning's
    /// type, subtype and reference, in the order it tests them.
    enum Kind: UInt8 {
        case district, lexicon, country, region, province, city, organization, other
    }

    public init(reference: ReferenceData, lexicon: [MentionRules.LexiconEntry]) {
        self.reference = reference
        // Entries come file by file, so a source differs from the one before only where a file
        // starts: one comparison per entry, read in place (a hash and a copy of each entry cost
        // 19 M instructions at every start).
        var previous: String?
        entryFacts.reserveCapacity(reference.entries.count)
        for k in reference.entries.indices {
            if reference.entries[k].source != previous {
                let source = reference.entries[k].source
                if ruleBySource[source] == nil { ruleBySource[source] = "reference/\(source)" }
                ruleRuns.append(ruleBySource[source] ?? "reference/\(source)")
                previous = source
            }
            entryFacts.append(EntryFacts(
                population: reference.entries[k].population,
                kind: NameIndex.kind(type: reference.entries[k].type, subtype: reference.entries[k].subtype,
                                     reference: reference.entries[k].id),
                run: UInt32(ruleRuns.count - 1)))
        }
        for key in reference.nameIndex.keys { addWords(of: key) }
        for entry in lexicon {
            let main = Folding.nameKey(entry.name)
            if let country = entry.country { lexiconCountries["lexicon:\(entry.rule)"] = country }
            for (alias, isAlias) in [(main, false)] + entry.aliases.map({ (Folding.nameKey($0), true) }) where !alias.isEmpty {
                self.lexicon[alias, default: []].append(Candidate(
                    name: entry.name, type: entry.type, subtype: entry.subtype, reference: "lexicon:\(entry.rule)",
                    population: 0, viaAlias: isAlias && alias != main, rule: entry.rule, country: entry.country))
                addWords(of: alias)
            }
        }
        maximumTokens = min(maximumTokens, 8)
        var filter = [UInt64](repeating: 0, count: 1 << (NameIndex.keyFilterBits - 6))
        let mark = { (hash: UInt32) in
            let bit = Int(hash) & (1 << NameIndex.keyFilterBits - 1)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.lexicon.forEachKeyHash(mark)
        reference.nameIndex.forEachKeyHash(mark)
        prefixes.forEachHash(mark)
        keyFilter = filter
    }

    /// False when no key with this ``WordIndex/hash(_:)`` names anything or begins a longer name:
    /// then ``best(_:hash:districts:)`` finds nothing and ``beginsLongerName(_:hash:)`` is false.
    @inline(__always)
    func mayKnow(hash: UInt32) -> Bool {
        let bit = Int(hash) & (1 << NameIndex.keyFilterBits - 1)
        return keyFilter[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// Counts `key`'s words into ``maximumTokens`` and adds its prefixes to ``prefixes``, in one
    /// pass over its bytes in place: splitting each of the 140,000 keys into substrings only to
    /// count them, and finding spaces through slices of its `UTF8View`, cost 260 M instructions
    /// at every start (a space is ASCII, so the bytes before one are a whole string).
    private mutating func addWords(of key: String) {
        let words: Int? = key.utf8.withContiguousStorageIfAvailable { bytes in
            var words = 0
            var inWord = false
            for offset in bytes.indices {
                if bytes[offset] == 0x20 {
                    prefixes.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[..<offset]), as: UTF8.self))
                    inWord = false
                } else if !inWord {
                    words += 1
                    inWord = true
                }
            }
            return words
        }
        if let words {
            maximumTokens = max(maximumTokens, words)
            return
        }
        maximumTokens = max(maximumTokens, key.splitASCII(separator: 0x20).count)
        addPrefixes(of: key)
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

    /// ``beginsLongerName(_:)`` with the key's ``WordIndex/hash(_:)`` already made.
    func beginsLongerName(_ key: String, hash: UInt32) -> Bool {
        prefixes.contains(key, hash: hash)
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

    /// How the finder ranks a meaning of a name: lexicon, then countries, regions and provinces,
    /// then organizations known by their exact name, then the most populous city; 0 for none.
    /// Districts are taken only where a cue says "district" ("Hunnan district"): their names are
    /// short and many, so a bare lookup would find them everywhere.
    static func rank(type: EntityType, subtype: String?, reference: String?, viaAlias: Bool, population: Int,
                     districts: Bool) -> Double {
        rank(kind(type: type, subtype: subtype, reference: reference), viaAlias: viaAlias, population: population,
             districts: districts)
    }

    /// The ``Kind`` of a meaning: the first test of ``rank(_:viaAlias:population:districts:)`` it meets.
    static func kind(type: EntityType, subtype: String?, reference: String?) -> Kind {
        if subtype == "district" { return .district }
        // The first byte rules out most references before `hasPrefix`.
        if let reference, reference.utf8.first == UInt8(ascii: "l"), reference.hasPrefix("lexicon:") { return .lexicon }
        switch subtype {
        case "country": return .country
        case "region": return .region
        case "province": return .province
        case "city": return .city
        default: return type == .organization ? .organization : .other
        }
    }

    @inline(__always)
    static func rank(_ kind: Kind, viaAlias: Bool, population: Int, districts: Bool) -> Double {
        switch kind {
        case .district: return districts ? 7 : 0
        case .lexicon: return 6
        case .country: return 5
        case .region: return 4
        case .province: return viaAlias ? 2 : 3
        // A large city named like its province is the city the news means ("Incheon", "Tianjin").
        case .city: return viaAlias ? 1 : (population >= 500_000 ? 3.5 : 3)
        case .organization: return viaAlias ? 2 : 3
        case .other: return 0
        }
    }

    /// Whether ``rank(_:viaAlias:population:districts:)`` reads `viaAlias` for this kind.
    @inline(__always)
    static func ranksByAlias(_ kind: Kind) -> Bool {
        kind == .province || kind == .city || kind == .organization
    }

    /// What ``candidates(_:)`` gives for `key`, whose ``WordIndex/hash(_:)`` is `hash`, read in
    /// place: whether there is any candidate, and the one ``rank(type:subtype:reference:viaAlias:population:districts:)``
    /// puts first (highest rank above 0, then largest population, the first of equals), the only
    /// one built. Building every candidate (five strings each, a copy of each reference entry and
    /// two more hashes of the key per entry) to keep one was most of a look-up's cost.
    func best(_ key: String, hash: UInt32, districts: Bool) -> (any: Bool, best: Candidate?) {
        var any = false
        var top: (rank: Double, population: Int)?
        var lexiconBest: Int?
        var entryBest: (index: Int, viaAlias: Bool)?
        lexicon.read(key, hash: hash) { list in
            for k in list.indices {
                any = true
                let r = NameIndex.rank(type: list[k].type, subtype: list[k].subtype, reference: list[k].reference,
                                       viaAlias: list[k].viaAlias, population: list[k].population, districts: districts)
                guard r > 0 else { continue }
                if let t = top, (t.rank, t.population) >= (r, list[k].population) { continue }
                top = (r, list[k].population)
                lexiconBest = k
            }
        }
        reference.nameIndex.read(key, hash: hash) { indices in
            guard !indices.isEmpty else { return }
            any = true
            // The alias list only for a kind that ranks by it, and looked up once.
            var aliases: [Int]?
            for index in indices {
                let facts = entryFacts[index]
                var viaAlias = false
                if NameIndex.ranksByAlias(facts.kind) {
                    if aliases == nil { aliases = reference.aliasOnly.read(key, hash: hash) { $0 } ?? [] }
                    viaAlias = aliases?.contains(index) ?? false
                }
                let r = NameIndex.rank(facts.kind, viaAlias: viaAlias, population: facts.population, districts: districts)
                guard r > 0 else { continue }
                if let t = top, (t.rank, t.population) >= (r, facts.population) { continue }
                top = (r, facts.population)
                entryBest = (index, viaAlias)
                lexiconBest = nil
            }
        }
        if let k = lexiconBest { return (any, lexicon.read(key, hash: hash) { $0[k] }) }
        guard let (index, rankedAlias) = entryBest else { return (any, nil) }
        // A kind that does not rank by alias still tells whether it was matched through one.
        let viaAlias = NameIndex.ranksByAlias(entryFacts[index].kind) ? rankedAlias : reference.isAlias(key, index, hash: hash)
        // Field by field, read in place: `let entry = entries[index]` copied the whole entry.
        return (any, Candidate(name: reference.entries[index].name, type: reference.entries[index].type,
                               subtype: reference.entries[index].subtype, reference: reference.entries[index].id,
                               population: reference.entries[index].population, viaAlias: viaAlias,
                               rule: ruleRuns[Int(entryFacts[index].run)]))
    }
}
