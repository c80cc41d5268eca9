import Foundation

/// Links a document's mentions to entities, with keys derived from content so that the same
/// thing gets the same key in every document and any import order.
///
/// - A reference match keys on its reference id (`geonames:2034937`, `iso:DE`, `org:BASF`).
/// - Other names key on type and folded name, legal forms and "Group" removed
///   (`organization:leoni`), so "BMW-Brilliance" and "BMW Brilliance" meet.
/// - Within a document, an acronym defined in brackets ("Panjin Vocational and Technical
///   College (PJVTC)"), a short form ("Leoni" after "Leoni Group") and a surname ("Mayor Link"
///   after "Sören Link") join the entity they stand for.
///
/// Country and region come from the text (an adjective, "European enterprises including …"),
/// else from reference data, else from a legal-form rule ("GmbH" → Germany); `country_source`
/// says which.
public struct EntityResolver: EntityResolving {
    let reference: ReferenceData
    let rules: [Language: MentionRules]
    let finder: MentionFinder
    /// Lexicon rule id → ISO code, for institutions of the lexicon.
    let lexiconCountries: WordMap<String>

    public init(reference: ReferenceData, rules: [Language: MentionRules], finder: MentionFinder) {
        self.reference = reference
        self.rules = rules
        self.finder = finder
        lexiconCountries = finder.names.lexiconCountries
        originWords = rules.mapValues(OriginWords.init)
        groupWords = rules.values.reduce(into: WordSet()) { $0.formUnion($1.groupWords) }
        var dropped = WordSet(reference.legalForms.keys)
        dropped.formUnion(groupWords)
        droppedWords = dropped
        var adjectives = RuleWordFilter()
        reference.adjectives.forEachKeyHash { adjectives.insert(hash: $0) }
        adjectiveFilter = adjectives
    }

    public func resolve(_ mentions: consuming [Mention], in text: AnalyzedText) -> ResolvedMentions {
        // Changed in place: the array is handed over, so no copy is made at the first change.
        let lang = text.language
        statedOrigins(&mentions, text)
        // 1. Keys from content; an organization known by its core name ("BMW Group" → BMW) takes the reference.
        // A mention with a reference keys on it. Otherwise the key (and an organization's
        // reference) depends only on the name and type: made once per name, for the type it
        // first came with: per mention, the name was folded twice, an organization's core name
        // looked up and a key concatenated, through a closure that boxed the name cache (about
        // half the 58 million instructions this and the in-place core names saved on 2 MB).
        // Sized for every mention's name at once: grown from empty, its table was rebuilt and
        // its arrays reallocated several times a document.
        var derived = WordMap<DerivedKey>(minimumCapacity: mentions.count)
        for k in mentions.indices {
            if let reference = mentions[k].reference {
                mentions[k].entityKey = reference
                continue
            }
            let type = mentions[k].type
            let known = derived[mentions[k].name]
            if let known, known.type == type {
                if let found = known.reference { mentions[k].reference = found }
                mentions[k].entityKey = known.key
                continue
            }
            let made = derivedKey(name: mentions[k].name, type: type)
            if let found = made.reference { mentions[k].reference = found }
            mentions[k].entityKey = made.key
            if known == nil { derived.insertIfAbsent(mentions[k].name, made) }
        }
        // 2. Acronyms defined in brackets right after a name.
        // The document's tables are `WordMap`s: a `Dictionary` ran a seeded hash per look-up, 1.4 %
        // of the extraction's instructions here alone.
        var aliasKeys: WordMap<String> = [:]   // folded surface → key
        // The loops below read mentions in place, by index: `for m in mentions`, `map` and
        // `filter` copied each mention (eight strings retained and released) once per loop.
        for k in mentions.indices {
            let tokens = text.tokens[mentions[k].sentence]
            let after = mentions[k].lastToken
            if after + 2 < tokens.count, tokens[after].text == "(", tokens[after + 2].text == ")",
               tokens[after + 1].shape == .upper, mentions[k].type != .person, let key = mentions[k].entityKey {
                aliasKeys[tokens[after + 1].key] = key
            }
        }
        // An undefined acronym made of a name's initials ("FTZ" after "… Pilot Free Trade Zone").
        // A `WordSet`, in first-seen order: each acronym's search is on its own, so the order of
        // a `Set` (and its seeded hash of every acronym) bought nothing.
        var acronyms = WordSet()
        for k in mentions.indices where EntityResolver.isAcronymShaped(mentions[k].text) {
            acronyms.insert(Folding.key(mentions[k].text))
        }
        let undefined = acronyms.filter { aliasKeys[$0] == nil }
        // Word counts and initials of each name, made only when an acronym is left to explain; a
        // person's are never read (below), so none are made.
        let nameShapes: [NameShape] = undefined.isEmpty ? [] : mentions.indices.map { k in
            mentions[k].type == .person ? NameShape(words: 0, initials: "", letters: 0) : NameShape(mentions[k].name)
        }
        for acronym in undefined {
            // Counted once per acronym, not once per mention tried (`String.count` finds grapheme
            // breaks: 14 million instructions on 2 MB).
            let length = acronym.characterCount
            for k in mentions.indices where mentions[k].type != .person && nameShapes[k].words >= length {
                if nameShapes[k].letters >= length, nameShapes[k].contains(acronym), let key = mentions[k].entityKey {
                    aliasKeys[acronym] = key
                    break
                }
            }
        }
        // 3. Short forms and surnames take the key of the fuller name seen in the document.
        // Sized for every mention and filled by `insertIfAbsent` (one hash a word, where a
        // look-up then an insertion hashed a new word twice, in tables grown from empty).
        var firstWordKeys = WordMap<String>(minimumCapacity: mentions.count)
        var surnameKeys = WordMap<String>(minimumCapacity: mentions.count)
        for k in mentions.indices {
            guard let key = mentions[k].entityKey else { continue }
            let type = mentions[k].type
            // The first name to have a word keeps it; each word folded once for the test and the entry.
            // Only the outer words of a name of two or more, found in place and only for the types
            // that use them: splitting every mention's name into an array cost an allocation each.
            if type == .person, let word = EntityResolver.outerWordKey(of: mentions[k].name, last: true, minimumCount: 0) {
                surnameKeys.insertIfAbsent(word, key)
            }
            if type == .organization || type == .facility || type == .zone, mentions[k].reference == nil,
               let word = EntityResolver.outerWordKey(of: mentions[k].name, last: false, minimumCount: 3) {
                firstWordKeys.insertIfAbsent(word, key)
            }
        }
        for k in mentions.indices {
            let name = mentions[k].name, text = mentions[k].text, type = mentions[k].type
            // The capitals test before the fold and look-up: it turns away nearly every mention (a
            // name has lower-case letters), and folding each text cost 20 million instructions on 2 MB.
            if !aliasKeys.isEmpty, text.hasNoLowercase, let key = aliasKeys[Folding.key(text)] {
                // A defined acronym means what the text defined, whatever a lookup said ("DRC").
                mentions[k].entityKey = key
                if let defining = mentions.firstIndex(where: { $0.entityKey == key && $0.name != name }) {
                    mentions[k].type = mentions[defining].type
                    mentions[k].subtype = mentions[defining].subtype
                    mentions[k].reference = mentions[defining].reference
                }
            } else if type == .person, !EntityResolver.containsSpace(name), let key = surnameKeys[Folding.key(name)] {
                mentions[k].entityKey = key
            } else if type == .organization || type == .facility || type == .zone, mentions[k].reference == nil,
                      !firstWordKeys.isEmpty, case let short = shortForm(name), !EntityResolver.containsSpace(short),
                      let key = firstWordKeys[Folding.key(short)], key != mentions[k].entityKey {
                // The space test before the fold and look-up, and no cache of short forms: a
                // name's short form was asked again only one time in seven, and the cache's
                // insertions cost three times what it saved.
                mentions[k].entityKey = key
            }
        }
        // 4. One entity per key, in order of first mention. Each entity's mentions are read in
        // place, by index, in one array ordered by entity: a `[Mention]` per key copied every
        // mention (eight strings retained and released) into it.
        // A key's group is its number in a `WordIndex`, which numbers keys in the order they
        // first come: one hash per mention (a map's look-up, then its insertion for a new key,
        // hashed a new key twice), in a table sized for every mention at once.
        var groupNumbers = WordIndex(minimumCapacity: mentions.count)
        var groupKeys: [String] = []
        var groupOfMention = [Int](repeating: -1, count: mentions.count)
        for k in mentions.indices {
            guard let key = mentions[k].entityKey else { continue }
            let (group, inserted) = groupNumbers.insert(key)
            groupOfMention[k] = group
            if inserted { groupKeys.append(key) }
        }
        // A group is its entity's position in the list made below. Through the buffer: set
        // by index in the loop above, each write checked the array's uniqueness (1.5 M on 2 MB).
        mentions.withUnsafeMutableBufferPointer { buffer in
            for k in buffer.indices { buffer[k].entityIndex = groupOfMention[k] }
        }
        var starts = [Int](repeating: 0, count: groupKeys.count + 1)
        for group in groupOfMention where group >= 0 { starts[group + 1] += 1 }
        for group in groupKeys.indices { starts[group + 1] += starts[group] }
        var members = [Int](repeating: 0, count: starts[groupKeys.count])
        var next = starts
        for k in mentions.indices where groupOfMention[k] >= 0 {
            members[next[groupOfMention[k]]] = k
            next[groupOfMention[k]] += 1
        }
        // By `map`, each entity made in its place: appending copied it in and destroyed the original.
        let entities = groupKeys.indices.map { group in
            entity(key: groupKeys[group], members: members[starts[group]..<starts[group + 1]], of: mentions, language: lang)
        }
        return ResolvedMentions(mentions: mentions, entities: entities)
    }

    /// The content-derived key of a mention without a reference, named `name`, of `type`; for an
    /// organization known by its core name, that entry's id, which is then its reference too.
    struct DerivedKey {
        var type: EntityType
        var reference: String?
        var key: String
    }

    func derivedKey(name: String, type: EntityType) -> DerivedKey {
        guard type == .organization else {
            return DerivedKey(type: type, reference: nil, key: EntityResolver.typedKey(type.rawValue, name: name))
        }
        // The core name's name key made once, for the look-up and the key.
        let coreKey = Folding.nameKey(coreName(name))
        if let id = firstOrganization(nameKey: coreKey) {
            return DerivedKey(type: type, reference: id, key: id)
        }
        return DerivedKey(type: type, reference: nil, key: "organization:" + coreKey)
    }

    /// `prefix + ":" + Folding.nameKey(name)`, for an ASCII name written into one string made at
    /// its size: the name key made as a string of its own and then concatenated cost an
    /// allocation and an append per name.
    static func typedKey(_ prefix: String, name: String) -> String {
        let made: String?? = name.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var prefix = prefix
            return prefix.withUTF8 { head in
                String(unsafeUninitializedCapacity: head.count + 1 + bytes.count) { buffer in
                    _ = buffer.initialize(from: head)
                    buffer[head.count] = UInt8(ascii: ":")
                    let start = head.count + 1
                    return start + Folding.writeCollapsedASCIIKey(bytes, into: UnsafeMutableBufferPointer(rebasing: buffer[start...]))
                }
            }
        }
        if let made, let key = made { return key }
        return prefix + ":" + Folding.nameKey(name)
    }

    /// `reference.firstEntry(named:where:)`'s choice for a name whose `Folding.nameKey` is
    /// `nameKey`, as an index into `reference.entries`: the most populous entry that `matches`
    /// (given its index), the first of equals. Entries are read in place: `firstEntry` handed the
    /// predicate a copy of each candidate, and the name was folded again for every look-up.
    func firstEntryIndex(nameKey: String, where matches: (Int) -> Bool) -> Int? {
        guard let indices = reference.nameIndex[nameKey] else { return nil }
        return firstEntryIndex(in: indices, where: matches)
    }

    /// ``firstEntryIndex(nameKey:where:)``'s choice among the entries `indices` (a name key's
    /// list in `reference.nameIndex`).
    func firstEntryIndex(in indices: [Int], where matches: (Int) -> Bool) -> Int? {
        var best: Int?
        for index in indices where matches(index) {
            if let b = best, reference.entries[b].population >= reference.entries[index].population { continue }
            best = index
        }
        return best
    }

    /// The id of the organization `reference.firstEntry(named:where:)` finds, given the name's
    /// `Folding.nameKey`.
    func firstOrganization(nameKey: String) -> String? {
        firstEntryIndex(nameKey: nameKey) { reference.entries[$0].type == .organization }.map { reference.entries[$0].id }
    }

    /// The distinctive part of a short name: "Huajin-Aramco-Projekt" → "Huajin-Aramco", "Leoni" → "Leoni".
    func shortForm(_ name: String) -> String {
        // Three pieces need two dashes: a name with fewer is its core name, without the split.
        if EntityResolver.byteCount(0x2D, in: name) >= 2 {
            let parts = name.splitASCII(separator: 0x2D)
            if parts.count >= 3, let last = parts.last, last.startsUppercase,
               case let lastKey = Folding.key(last),
               rules.values.contains(where: { $0.suffixCueEndings.contains { lastKey.hasSuffix($0.ending) } }) {
                return parts.dropLast().joined(separator: "-")
            }
        }
        return coreName(name)
    }

    /// How many of the text's UTF-8 bytes are `byte`.
    static func byteCount(_ byte: UInt8, in text: String) -> Int {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var n = 0
            for b in bytes where b == byte { n += 1 }
            return n
        } ?? text.utf8.reduce(0) { $1 == byte ? $0 + 1 : $0 }
    }

    /// An organization's name without legal form or "Group": "Leoni Group" → "Leoni".
    ///
    /// For a name with single spaces only, as nearly all are, words are dropped from the end in
    /// place, and what is left is a prefix of the name, which joining the kept words would give:
    /// splitting every name into an array of words cost 3,600 instructions a name.
    func coreName(_ name: String) -> String {
        let inPlace: String?? = name.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard EntityResolver.hasSingleSpacesOnly(bytes) else { return nil }
            var words = 1
            for byte in bytes where byte == 0x20 { words += 1 }
            var end = bytes.count
            let base = name.utf8.startIndex
            while words > 1 {
                var start = end
                while bytes[start - 1] != 0x20 { start -= 1 }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                guard isDropped(word, else: name[name.utf8.index(base, offsetBy: start)..<name.utf8.index(base, offsetBy: end)])
                else { break }
                end = start - 1
                words -= 1
            }
            return end == bytes.count ? name : String(name[..<name.utf8.index(base, offsetBy: end)])
        }
        if let inPlace, let core = inPlace { return core }
        return coreNameBySplitting(name)
    }

    /// Whether the word whose UTF-8 bytes are `word` (the text `text`) is a legal form or a group
    /// word, which ``coreName(_:)`` drops from a name's end. An ASCII word without "`" (whose
    /// ``Folding/key(_:)`` is its bytes lower-cased) of up to 32 bytes is lower-cased on the stack
    /// and looked up by its bytes: a `Substring` and its folded `String` per word cost about 700
    /// instructions, and every organization's name is asked twice (its key and its short form).
    func isDropped(_ word: UnsafeBufferPointer<UInt8>, else text: @autoclosure () -> Substring) -> Bool {
        if word.count <= 32, word.allSatisfy({ $0 < 0x80 && $0 != 0x60 }) {
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
                for k in word.indices {
                    let byte = word[k]
                    buffer[k] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                }
                return droppedWords.contains(utf8: UnsafeBufferPointer(rebasing: buffer[..<word.count]))
            }
        }
        let key = Folding.key(text())
        return reference.legalForms.contains(key) || groupWords.contains(key)
    }

    /// ``coreName(_:)`` through the name's words: for a name with a space at an end or two in a row.
    func coreNameBySplitting(_ name: String) -> String {
        var words = name.splitASCII(separator: 0x20)
        while words.count > 1, let last = words.last {
            let key = Folding.key(last)
            guard reference.legalForms.contains(key) || groupWords.contains(key) else { break }
            words.removeLast()
        }
        return words.joined(separator: " ")
    }

    /// No space at either end and no two in a row: splitting at spaces and joining with one
    /// gives the text back.
    static func hasSingleSpacesOnly(_ text: String) -> Bool {
        // The bytes in place: iterating the `UTF8View` cost 25 instructions a byte.
        text.utf8.withContiguousStorageIfAvailable { hasSingleSpacesOnly($0) } ?? hasSingleSpacesOnly(Array(text.utf8))
    }

    static func hasSingleSpacesOnly(_ bytes: some Collection<UInt8>) -> Bool {
        var previousSpace = true
        for byte in bytes {
            let space = byte == 0x20
            if space && previousSpace { return false }
            previousSpace = space
        }
        return !previousSpace || bytes.isEmpty
    }

    /// `text.contains(" ")` without Foundation's `range(of:)` (3,900 instructions a call): a space
    /// byte followed by an ASCII byte, or ending the text, is a space `Character`; no space byte,
    /// no space. Only a space before a combining mark takes the general test.
    static func containsSpace(_ text: String) -> Bool {
        let answer: Bool?? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var unsure = false
            for k in bytes.indices where bytes[k] == 0x20 {
                if k + 1 == bytes.count || bytes[k + 1] < 0x80 { return true }
                unsure = true
            }
            return unsure ? nil : false
        }
        if let answer, let known = answer { return known }
        return text.contains(" ")
    }

    /// A name's word count (its pieces between spaces) and initials: the first letters of its
    /// words that are capitals, folded ("Pilot Free Trade Zone" → 4, "pftz"), with the
    /// initials' `Character` count.
    struct NameShape {
        var words: Int
        var letters: Int
        /// The initials as made from `Character`s, or nil when they are read from `name`'s bytes
        /// on demand: most names are never tried against an acronym, and making every name's
        /// initials cost 5 million instructions on 2 MB.
        private var madeInitials: String?
        private var name = ""

        init(words: Int, initials: String, letters: Int) {
            self.words = words
            self.madeInitials = initials
            self.letters = letters
        }

        /// By bytes when every word starts with an ASCII byte followed by an ASCII byte (or its
        /// end), so that the byte is the word's first `Character`: there only A to Z are capitals,
        /// folded to a to z. Splitting into `Substring`s and testing and folding `Character`s
        /// cost 65 million instructions on 2 MB. Otherwise as `Character`s.
        init(_ name: String) {
            let fast: (words: Int, capitals: Int)?? = name.utf8.withContiguousStorageIfAvailable { bytes in
                var words = 0, capitals = 0
                for k in bytes.indices where bytes[k] != 0x20 && (k == 0 || bytes[k - 1] == 0x20) {
                    let byte = bytes[k]
                    guard byte < 0x80, k + 1 == bytes.count || bytes[k + 1] < 0x80 else { return nil }
                    words += 1
                    if byte >= 0x41 && byte <= 0x5A { capitals += 1 }
                }
                return (words, capitals)
            }
            if let fast, let counts = fast {
                words = counts.words
                letters = counts.capitals
                self.name = name
                return
            }
            let pieces = name.splitASCII(separator: 0x20)
            words = pieces.count
            let initials = pieces.compactMap { $0.first }.filter(\.isUppercase).map { Folding.key(String($0)) }.joined()
            madeInitials = initials
            letters = initials.count
        }

        /// The capital first letters of the words, folded ("pftz").
        var initials: String {
            if let madeInitials { return madeInitials }
            guard letters > 0 else { return "" }
            return name.utf8.withContiguousStorageIfAvailable { bytes in
                String(unsafeUninitializedCapacity: letters) { out in
                    var n = 0
                    for k in bytes.indices where bytes[k] >= 0x41 && bytes[k] <= 0x5A && (k == 0 || bytes[k - 1] == 0x20) {
                        out[n] = bytes[k] | 0x20
                        n += 1
                    }
                    return n
                }
            } ?? ""
        }

        /// `initials.contains(acronym)`, by bytes when both are ASCII (a byte is a `Character`
        /// there), without Foundation's `range(of:)`.
        func contains(_ acronym: String) -> Bool {
            let initials = initials
            let answer: Bool?? = initials.utf8.withContiguousStorageIfAvailable { text in
                acronym.utf8.withContiguousStorageIfAvailable { part -> Bool? in
                    guard !part.isEmpty, text.allSatisfy({ $0 < 0x80 }), part.allSatisfy({ $0 < 0x80 }) else { return nil }
                    guard part.count <= text.count else { return false }
                    for start in 0...(text.count - part.count) {
                        var k = 0
                        while k < part.count, text[start + k] == part[k] { k += 1 }
                        if k == part.count { return true }
                    }
                    return false
                } ?? nil
            }
            if let answer, let known = answer { return known }
            return initials.contains(acronym)
        }
    }

    /// The word tables ``statedOrigins(_:_:)`` reads, per language, in a class: `rules[language]`
    /// copied the whole ``MentionRules`` (every table retained and released) once a document.
    final class OriginWords: Sendable {
        let origins: WordSet
        let orgContext: WordMap<[[String]]>
        let groupNouns: WordSet
        let listIntroducers: WordSet
        let listJoiners: WordSet
        /// The hashes of the keys of ``orgContext`` and ``groupNouns``: ``statedOrigins(_:_:)``
        /// asks both about every token of a sentence with an organization, and most are neither.
        let nounFilter: RuleWordFilter

        init(_ rules: MentionRules) {
            origins = rules.origins
            orgContext = rules.orgContext
            groupNouns = rules.groupNouns
            listIntroducers = rules.listIntroducers
            listJoiners = rules.listJoiners
            var filter = RuleWordFilter()
            rules.orgContext.forEachKeyHash { filter.insert(hash: $0) }
            rules.groupNouns.forEachHash { filter.insert(hash: $0) }
            nounFilter = filter
        }
    }

    let originWords: [Language: OriginWords]

    /// Words for a group of companies, dropped from a name's end like a legal form: every
    /// language's (`group-word` in `name-words.tsv`), as names cross languages ("BASF Gruppe").
    let groupWords: WordSet
    /// The folded legal forms and ``groupWords`` in one set, for ``isDropped(_:else:)``'s look-up by bytes.
    let droppedWords: WordSet
    /// The hashes of the keys of `reference.adjectives` (inflected when the rules were loaded):
    /// ``statedOrigins(_:_:)`` asks about up to three words before each organization, most no
    /// adjective, and `countryOfAdjective(key:)` hashed each key again.
    let adjectiveFilter: RuleWordFilter

    /// `word.trimmingCharacters(in: .punctuationCharacters)` (Unicode categories P*) without
    /// Foundation's scan when neither end is punctuation, which is nearly always.
    ///
    /// A word that starts and ends with an ASCII letter or digit (category L or N) is itself,
    /// read from two bytes: the scalar properties looked up at both ends cost a thousand
    /// instructions a word.
    static func trimmingPunctuation(_ word: String) -> String {
        if let first = word.utf8.first, let last = word.utf8.last,
           EntityResolver.isASCIIAlphanumeric(first), EntityResolver.isASCIIAlphanumeric(last) {
            return word
        }
        return word.trimmingScalars { scalar in
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                 .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
            default: return false
            }
        }
    }

    @inline(__always)
    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }

    /// The entity of the mentions at `members` (indices into `mentions`, in mention order).
    ///
    /// Its fields are found as locals and the entity is made once, at the end: filled in as a
    /// `var` of the struct, it was copied whole twice per entity and the copies destroyed (its
    /// value witnesses, 16 million instructions on 2 MB).
    func entity(key: String, members: ArraySlice<Int>, of mentions: [Mention], language: Language) -> ResolvedEntity {
        // The canonical name: the reference name, else the longest name used (the fullest form);
        // the first of equals, as `max(by:)` gives. Read in place: `max` copied the mentions.
        var b = members[members.startIndex]
        var bestScore = (mentions[b].reference != nil ? 1 : 0, mentions[b].name.characterCount)
        // By position: `members.dropFirst()` ran unspecialized and copied the slice.
        for position in (members.startIndex + 1)..<members.endIndex {
            let k = members[position]
            let score = (mentions[k].reference != nil ? 1 : 0, mentions[k].name.characterCount)
            if bestScore < score { b = k; bestScore = score }
        }
        // The reference entry found once, for the name and the place data below, and read in
        // place by its index: `reference.entry(id:)` copied it.
        let bestReference = mentions[b].reference
        let bestEntry = bestReference.flatMap { reference.idIndex[$0] }
        let name = bestEntry.map { reference.entries[$0].name } ?? mentions[b].name
        let type = mentions[b].type
        // Every surface form is kept, the name too: another document may pick another canonical name.
        // Sorted, then equal neighbours dropped: the same list as a `Set`'s sorted, without
        // hashing every form (a seeded hash per string was most of this step). Texts then names,
        // in one array made to size, as the concatenation of the two mapped arrays was; equal
        // neighbours dropped in place, each compared with the last one kept.
        var forms: [String]
        if members.count == 1 {
            // One mention, as most entities have: its text and name, sorted and deduplicated by
            // one comparison each, in an array made at its size (reserving room and appending
            // cost a second allocation's worth of instructions).
            let text = mentions[b].text, name = mentions[b].name
            forms = text == name ? [text] : name < text ? [name, text] : [text, name]
        } else {
            forms = []
            forms.reserveCapacity(2 * members.count)
            for k in members { forms.append(mentions[k].text) }
            for k in members { forms.append(mentions[k].name) }
            forms.sort()
            var kept = 1
            for r in forms.indices.dropFirst() where forms[r] != forms[kept - 1] {
                if r != kept { forms[kept] = forms[r] }
                kept += 1
            }
            // One at a time: `removeLast(_:)` ran unspecialized, 230 instructions a call.
            while forms.count > kept { forms.removeLast() }
        }
        // The first of the mentions' values, by plain loops: lazy `compactMap` sequences cost 12
        // million instructions on 2 MB.
        var subtype = mentions[b].subtype
        if subtype == nil {
            for k in members { if let found = mentions[k].subtype { subtype = found; break } }
        }
        var country: String?, countrySource: CountrySource?, region: String?
        var entityReference: String?, latitude: Double?, longitude: Double?, admin1: String?
        if let ref = bestReference, let iso = lexiconCountries[ref], let found = reference.country(iso) {
            country = found.name
            countrySource = .reference
            region = found.region
        }
        if let ref = bestReference, let index = bestEntry {
            let entries = reference.entries
            entityReference = ref
            latitude = entries[index].latitude
            longitude = entries[index].longitude
            admin1 = entries[index].admin1
            if entries[index].subtype == "region" {
                region = reference.continent(ofRegion: entries[index].name)
            } else if let found = reference.country(entries[index].country) {
                if entries[index].subtype != "country" {
                    country = found.name
                    countrySource = .reference
                }
                region = found.region
            }
        }
        // Stated in the text: an adjective or an enumeration after "German companies such as".
        var statedCountry: String?
        for k in members { if let iso = mentions[k].statedCountry { statedCountry = iso; break } }
        if let iso = statedCountry, let found = reference.country(iso) {
            country = found.name
            countrySource = .text
            region = found.region
        } else if region == nil {
            for k in members { if let stated = mentions[k].statedRegion { region = stated; break } }
        }
        if country == nil, type == .organization, let iso = legalFormCountry(name), let found = reference.country(iso) {
            country = found.name
            countrySource = .rule
            region = found.region
        }
        // A name that contains a known place is in that place's country: "Panjin Port", "Liaoning
        // Provincial Government", "Northeast China".
        if country == nil, type != .person, type != .product, type != .program, subtype != "country",
           let iso = containedPlaceCountry(members, of: mentions, language), let found = reference.country(iso) {
            country = found.name
            countrySource = .text
            if region == nil { region = found.region }
        }
        return ResolvedEntity(key: key, name: name, type: type, subtype: subtype, country: country,
                              countrySource: countrySource, region: region, reference: entityReference,
                              latitude: latitude, longitude: longitude, admin1: admin1, aliases: forms)
    }

    /// The country a legal form at the end of a name signals, when it signals one.
    func legalFormCountry(_ name: String) -> String? {
        guard let last = EntityResolver.lastWord(of: name) else { return nil }
        let code = reference.legalForms[Folding.key(last)]
        return code?.isEmpty == false ? code : nil
    }

    /// The first and last of `name`'s words (its pieces between spaces, as
    /// `splitASCII(separator: 0x20)` gives them) when it has two or more; nil otherwise.
    static func outerWords(of name: String) -> (first: Substring, last: Substring)? {
        let found = name.utf8.withContiguousStorageIfAvailable(outerWordBounds)
        guard let found else {
            let words = name.splitASCII(separator: 0x20)
            guard words.count >= 2, let first = words.first, let last = words.last else { return nil }
            return (first, last)
        }
        guard let (first, last) = found else { return nil }
        let base = name.utf8.startIndex
        func at(_ offset: Int) -> String.Index { name.utf8.index(base, offsetBy: offset) }
        return (name[at(first.lowerBound)..<at(first.upperBound)], name[at(last.lowerBound)..<at(last.upperBound)])
    }

    /// The byte ranges of the first and last of the space-separated words of `bytes`, when it
    /// has two or more; nil otherwise.
    static func outerWordBounds(_ bytes: UnsafeBufferPointer<UInt8>) -> (first: Range<Int>, last: Range<Int>)? {
        var start = 0
        while start < bytes.count, bytes[start] == 0x20 { start += 1 }
        var firstEnd = start
        while firstEnd < bytes.count, bytes[firstEnd] != 0x20 { firstEnd += 1 }
        var end = bytes.count
        while end > firstEnd, bytes[end - 1] == 0x20 { end -= 1 }
        // Nothing after the first word: one word, or none.
        guard end > firstEnd else { return nil }
        // A space at `firstEnd` stops this before it.
        var lastStart = end
        while bytes[lastStart - 1] != 0x20 { lastStart -= 1 }
        return (start..<firstEnd, lastStart..<end)
    }

    /// `Folding.key` of the last (or first) of ``outerWords(of:)``, when the name has two words
    /// or more and that word has at least `minimumCount` `Character`s; nil otherwise. An ASCII
    /// word without "`" or a carriage return (a byte is a `Character` there, and its key is its
    /// bytes lower-cased) is read from the name's bytes: its `Substring`, counted and folded,
    /// cost about 1,000 instructions a mention.
    static func outerWordKey(of name: String, last: Bool, minimumCount: Int) -> String? {
        // nil inside: not decided here (a word past ASCII); `.some(nil)`: no key.
        let found: String??? = name.utf8.withContiguousStorageIfAvailable { bytes -> String?? in
            // One word, or none.
            guard let words = outerWordBounds(bytes) else { return .some(nil) }
            let word = UnsafeBufferPointer(rebasing: bytes[last ? words.last : words.first])
            guard word.allSatisfy({ $0 < 0x80 && $0 != 0x60 && $0 != 0x0D }) else { return nil }
            guard word.count >= minimumCount else { return .some(nil) }
            return .some(String(asciiLowercasing: word))
        }
        if let found, let decided = found { return decided }
        guard let words = outerWords(of: name) else { return nil }
        let word = last ? words.last : words.first
        return word.characterCount >= minimumCount ? Folding.key(word) : nil
    }

    /// `name.splitASCII(separator: 0x20).last`, found from the end without splitting the name.
    static func lastWord(of name: String) -> Substring? {
        let found: Range<Int>?? = name.utf8.withContiguousStorageIfAvailable { bytes in
            var end = bytes.count
            while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
            guard end > 0 else { return nil }
            var start = end
            while start > 0, bytes[start - 1] != 0x20 { start -= 1 }
            return start..<end
        }
        guard let found else { return name.splitASCII(separator: 0x20).last }
        guard let range = found else { return nil }
        let base = name.utf8.startIndex
        return name[name.utf8.index(base, offsetBy: range.lowerBound)..<name.utf8.index(base, offsetBy: range.upperBound)]
    }

    /// The possessive endings a word of a name may carry ("Liaoning's"), as bytes.
    static let possessive = Array("'s".utf8), typographicPossessive = Array("’s".utf8)

    /// Two or more characters, all capitals ("FTZ", "DRC"). By bytes for ASCII text, where a byte
    /// is a character and only A to Z are capitals: counting and testing `Character`s was most of
    /// the acronym step.
    static func isAcronymShaped(_ text: String) -> Bool {
        // Nearly every mention is turned away by its first two bytes, without the scan for ASCII:
        // an ASCII first byte other than A to Z starts a `Character` that is not a capital (a
        // lower-case letter, a digit or a sign, whatever marks follow), and a to z as the second
        // byte (after an ASCII first, so a `Character` of its own) starts a `Character` that is not
        // one either. Fewer than two bytes are fewer than two `Character`s.
        let rejected: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.count >= 2 else { return true }
            if bytes[0] < 0x80, !(bytes[0] >= 0x41 && bytes[0] <= 0x5A) { return true }
            return bytes[1] >= 0x61 && bytes[1] <= 0x7A
        }
        if rejected == true { return false }
        return text.withASCIIBytes { $0.count >= 2 && $0.allSatisfy { $0 >= 0x41 && $0 <= 0x5A } }
            ?? (text.count >= 2 && text.allSatisfy { $0.isUppercase })
    }

    /// The country of a place named inside a multi-word name.
    func containedPlaceCountry(_ members: ArraySlice<Int>, of mentions: [Mention], _ language: Language) -> String? {
        // A name found nothing the first time it was read; most mentions repeat a name. A
        // `WordSet`: a `Set` ran a seeded hash of every name.
        var seen = WordSet()
        for k in members {
            // One mention's name needs no set (whose first insertion allocates its tables).
            if members.count > 1, !seen.insert(mentions[k].name) { continue }
            if let iso = placeCountry(inWordsOf: mentions[k].name) { return iso }
        }
        return nil
    }

    /// The country of the first place a word of `name` names, when the name has two words or
    /// more (pieces between spaces): ``placeCountryBySplitting(_:)``, read from the name's bytes
    /// in place. Splitting every name into `Substring`s and making a `String` of each capitalized
    /// word cost about 5,700 instructions a name (40 million on 2 MB).
    func placeCountry(inWordsOf name: String) -> String? {
        let found: String?? = name.utf8.withContiguousStorageIfAvailable { bytes in
            var words = 0
            for k in bytes.indices where bytes[k] != 0x20 && (k == 0 || bytes[k - 1] == 0x20) { words += 1 }
            guard words >= 2 else { return nil }
            var start = 0
            while start < bytes.count {
                if bytes[start] == 0x20 {
                    start += 1
                    continue
                }
                var end = start
                while end < bytes.count, bytes[end] != 0x20 { end += 1 }
                if let iso = placeCountry(ofWord: start..<end, of: name, bytes) { return iso }
                start = end
            }
            return nil
        }
        if let found { return found }
        return placeCountryBySplitting(name)
    }

    /// The country of the place the word at `range` of `name`'s bytes names, as
    /// ``placeCountryBySplitting(_:)`` finds it for that word. An ASCII word's name key is made
    /// from its bytes: trimming punctuation from its ends changes no ASCII name key, whose
    /// separators at the ends are dropped anyway.
    func placeCountry(ofWord range: Range<Int>, of name: String, _ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let lead = bytes[range.lowerBound]
        let base = name.utf8.startIndex
        func word() -> Substring {
            name[name.utf8.index(base, offsetBy: range.lowerBound)..<name.utf8.index(base, offsetBy: range.upperBound)]
        }
        if lead < 0x80 {
            guard lead >= 0x41 && lead <= 0x5A else { return nil }
        } else if !word().startsUppercase {
            return nil
        }
        // Without a possessive ending ("Liaoning's"): two `Character`s, of two or four bytes.
        var bareEnd = range.upperBound
        if EntityResolver.endsWith(EntityResolver.possessive, bytes, range) {
            bareEnd -= EntityResolver.possessive.count
        } else if EntityResolver.endsWith(EntityResolver.typographicPossessive, bytes, range) {
            bareEnd -= EntityResolver.typographicPossessive.count
        }
        let bare = UnsafeBufferPointer(rebasing: bytes[range.lowerBound..<bareEnd])
        let nameKey = bare.allSatisfy { $0 < 0x80 }
            ? Folding.collapsedASCIIKey(bare)
            : Folding.nameKey(EntityResolver.trimmingPunctuation(String(decoding: bare, as: UTF8.self)))
        return placeCountry(nameKey: nameKey, word: word)
    }

    /// Whether `bytes[range]` ends with `suffix`.
    static func endsWith(_ suffix: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.count >= suffix.count else { return false }
        let offset = range.upperBound - suffix.count
        for k in suffix.indices where bytes[offset + k] != suffix[k] { return false }
        return true
    }

    /// ``placeCountry(inWordsOf:)`` through the name's words as `Substring`s and `String`s: for
    /// a name whose bytes are not contiguous, and the tests' reference.
    func placeCountryBySplitting(_ name: String) -> String? {
        let words = name.splitASCII(separator: 0x20)
        guard words.count >= 2 else { return nil }
        for word in words where word.startsUppercase {
            let text = String(word)
            let bare = text.endsWith(utf8: EntityResolver.possessive) || text.endsWith(utf8: EntityResolver.typographicPossessive)
                ? String(text.dropLast(2)) : text
            if let iso = placeCountry(nameKey: Folding.nameKey(EntityResolver.trimmingPunctuation(bare)), word: { word }) { return iso }
        }
        return nil
    }

    /// The country of the place a capitalized word of a name names, given the name key of the
    /// word without its possessive ending and the word itself (made only when asked).
    func placeCountry(nameKey: String, word: () -> Substring) -> String? {
        // "China" is also a word ("china"), a country all the same; "Bay" is only a word.
        // Asked only of a word that names a place other than a country: most words name
        // none, and the test cost a thousand instructions a word. The entries are read in
        // place, by ``firstEntryIndex(nameKey:where:)`` and by index (a copy of each cost 350
        // instructions).
        var common: Bool?
        let entries = reference.entries
        let best = firstEntryIndex(nameKey: nameKey) { index in
            guard entries[index].type == .place,
                  entries[index].subtype == "country" || entries[index].population >= 500_000 || entries[index].subtype == "province"
            else { return false }
            if entries[index].subtype == "country" { return true }
            let isCommon = common ?? reference.isCommonWord(word(), .en)
            common = isCommon
            return !isCommon
        }
        // A place without a country names none: the next word is tried, as before.
        return best.flatMap { entries[$0].country }
    }

    /// The country that the word (before any dash) names: "US" in "US-Konzern". A word without a
    /// dash is its own first piece, and its name key is made from the token's key (the text
    /// folded) without splitting or folding it again.
    ///
    /// The token is read in place, at `position` of `tokens` (a copy of it cost 70 instructions),
    /// and a key of ASCII letters and digits, which is its own name key, is looked up by the hash
    /// the token carries instead of hashing it again.
    func countryNamed(by tokens: [Token], at position: Int) -> String? {
        // A key the tokenizer marks as letters and digits only is such a key, and its text has no
        // dash (a dash folds to itself): its flag answers both scans of its bytes below.
        if tokens[position].keyIsAlphanumeric {
            // A key the name index's filter does not know names nothing (the filter holds every
            // reference name's key hash).
            guard finder.names.mayKnow(hash: tokens[position].keyHash) else { return nil }
            return reference.nameIndex.read(tokens[position].key, hash: tokens[position].keyHash) { indices in
                firstEntryIndex(in: indices) { reference.entries[$0].subtype == "country" }.flatMap { reference.entries[$0].country }
            } ?? nil
        }
        let nameKey: String
        if EntityResolver.byteCount(0x2D, in: tokens[position].text) == 0 {
            if EntityResolver.isASCIIAlphanumericKey(tokens[position].key) {
                return reference.nameIndex.read(tokens[position].key, hash: tokens[position].keyHash) { indices in
                    firstEntryIndex(in: indices) { reference.entries[$0].subtype == "country" }.flatMap { reference.entries[$0].country }
                } ?? nil
            }
            nameKey = Folding.nameKey(folded: tokens[position].key)
        } else {
            guard let part = tokens[position].text.splitASCII(separator: 0x2D).first else { return nil }
            nameKey = Folding.nameKey(part)
        }
        return firstEntryIndex(nameKey: nameKey) { reference.entries[$0].subtype == "country" }.flatMap { reference.entries[$0].country }
    }

    /// Whether a folded key has only ASCII lower-case letters and digits: then
    /// `Folding.nameKey(folded:)` is the key itself.
    static func isASCIIAlphanumericKey(_ key: String) -> Bool {
        key.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }
        } ?? false
    }

    /// Whether a token's text is ",", ";" or ".", where an apposition after a name ends.
    static func isClauseSign(_ text: String) -> Bool {
        text == "," || text == ";" || text == "."
    }

    /// The country a place mention is or lies in, from reference data.
    func countryCode(of m: Mention) -> String? {
        guard m.type == .place, let ref = m.reference, let entry = reference.entry(id: ref) else { return nil }
        return entry.country
    }

    /// Marks organizations that a sentence places in a country or region: "European enterprises
    /// including Leoni Group, Clariant and Dynasol", "deutsche Firmen wie Bosch und Siemens".
    func statedOrigins(_ mentions: inout [Mention], _ text: AnalyzedText) {
        guard let rules = originWords[text.language] else { return }
        // The language's region adjectives found once: `finder.region(ofAdjective:_:)` looked the
        // language up in a dictionary (a seeded hash) at every noun of a group.
        let regionAdjectives = finder.regionAdjectives[text.language]
        // The mentions of each sentence, in mention order, in one array by counting: an array per
        // sentence, and two token tables made for each, cost an allocation apiece (25 million
        // instructions on 2 MB). By index: `enumerated()` copied every mention to read its sentence.
        let sentenceCount = text.tokens.count
        var starts = [Int](repeating: 0, count: sentenceCount + 1)
        // Only an organization is given a country here: a sentence without one is passed by.
        var hasOrganization = [Bool](repeating: false, count: sentenceCount)
        var anyOrganization = false
        for k in mentions.indices where (0..<sentenceCount).contains(mentions[k].sentence) {
            starts[mentions[k].sentence + 1] += 1
            if mentions[k].type == .organization {
                hasOrganization[mentions[k].sentence] = true
                anyOrganization = true
            }
        }
        // A document without an organization has nothing to mark: its tables are not made.
        guard anyOrganization else { return }
        for s in 0..<sentenceCount { starts[s + 1] += starts[s] }
        var members = [Int](repeating: 0, count: starts[sentenceCount])
        var next = starts
        for k in mentions.indices where (0..<sentenceCount).contains(mentions[k].sentence) {
            members[next[mentions[k].sentence]] = k
            next[mentions[k].sentence] += 1
        }
        // The first mention starting, and the first ending, at each token: arrays, not
        // dictionaries, for the few look-ups of each sentence; one pair for the document, grown
        // to the longest sentence and cleared after each.
        // Made once, for the longest such sentence: grown sentence by sentence, they were made
        // again two or three times a document.
        var longest = 0
        for position in 0..<sentenceCount where hasOrganization[position] { longest = max(longest, text.tokens[position].count) }
        var starting = [Int](repeating: -1, count: longest + 1), ending = [Int](repeating: -1, count: longest + 1)
        for position in 0..<sentenceCount where hasOrganization[position] {
            let indices = members[starts[position]..<starts[position + 1]]
            let tokens = text.tokens[position]
            let limit = tokens.count + 1
            for k in indices {
                let first = mentions[k].firstToken, last = mentions[k].lastToken
                if first >= 0, first < limit, starting[first] < 0 { starting[first] = k }
                if last >= 0, last < limit, ending[last] < 0 { ending[last] = k }
            }
            defer {
                for k in indices {
                    let first = mentions[k].firstToken, last = mentions[k].lastToken
                    if first >= 0, first < limit { starting[first] = -1 }
                    if last >= 0, last < limit { ending[last] = -1 }
                }
            }
            func at(_ token: Int) -> Int? { token >= 0 && token < limit && starting[token] >= 0 ? starting[token] : nil }
            // Sorted when an enumeration is found, which few sentences have.
            var byStart: [Int]?
            for k in indices where mentions[k].type == .organization && mentions[k].statedCountry == nil {
                let firstToken = mentions[k].firstToken, lastToken = mentions[k].lastToken
                // "Austria's Plansee", "Spain's Gestamp".
                if firstToken >= 2, tokens[firstToken - 1].key == "'s", ending[firstToken - 1] >= 0,
                   let iso = countryCode(of: mentions[ending[firstToken - 1]]) {
                    mentions[k].statedCountry = iso
                    continue
                }
                // "Swedish toolmaker Sandvik", "das japanische Unternehmen Nidec", "der US-Konzern Honeywell".
                var b = firstToken - 1
                var words = 0
                while b >= 0, words < 3, at(b) == nil, tokens[b].isWord {
                    let adjective = adjectiveFilter.mayHold(hash: tokens[b].keyHash) ? reference.countryOfAdjective(key: tokens[b].key) : nil
                    if let iso = adjective ?? countryNamed(by: tokens, at: b) {
                        mentions[k].statedCountry = iso
                        break
                    }
                    b -= 1
                    words += 1
                }
                if mentions[k].statedCountry != nil { continue }
                // "Wrobex Sp. z o.o. from Poland", "Brunnhuber Messtechnik GmbH aus Graz", "a provider from Shenyang".
                var f = lastToken
                if f < tokens.count, tokens[f].text == "," {
                    // Across an apposition: "Neusoft Medical Systems, a … provider from Shenyang".
                    var g = f + 1
                    // The three signs compared one by one: an array literal here was made and
                    // destroyed at every token tried (450 instructions each).
                    while g < tokens.count, g - f < 14, at(g) == nil,
                          !EntityResolver.isClauseSign(tokens[g].text),
                          !rules.origins.contains(tokens[g]) { g += 1 }
                    f = g
                }
                if f + 1 < tokens.count, rules.origins.contains(tokens[f]), let place = at(f + 1),
                   let iso = countryCode(of: mentions[place]) {
                    mentions[k].statedCountry = iso
                }
            }
            for a in 0..<max(0, tokens.count - 1) {
                // The noun first: it rules out almost every token without a lookup of the adjective.
                guard rules.nounFilter.mayHold(hash: tokens[a + 1].keyHash),
                      rules.orgContext.contains(tokens[a + 1]) || rules.groupNouns.contains(tokens[a + 1])
                else { continue }
                let country = adjectiveFilter.mayHold(hash: tokens[a].keyHash) ? reference.countryOfAdjective(key: tokens[a].key) : nil
                let region = regionAdjectives?[tokens[a]]
                guard country != nil || region != nil else { continue }
                // The enumeration that follows: names separated only by commas and "and".
                var expected = a + 2
                while expected < tokens.count,
                      tokens[expected].key == "," || rules.listIntroducers.contains(tokens[expected]) {
                    expected += 1
                }
                let order = byStart ?? indices.sorted { mentions[$0].firstToken < mentions[$1].firstToken }
                byStart = order
                for k in order where mentions[k].firstToken >= a + 2 {
                    guard mentions[k].firstToken == expected, mentions[k].type == .organization else { break }
                    if mentions[k].statedCountry == nil { mentions[k].statedCountry = country }
                    if country == nil { mentions[k].statedRegion = region }
                    expected = mentions[k].lastToken
                    while expected < tokens.count,
                          tokens[expected].key == "," || rules.listJoiners.contains(tokens[expected]) { expected += 1 }
                }
            }
        }
    }
}
