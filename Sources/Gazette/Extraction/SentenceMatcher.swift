/// Matches ``RelationPattern``s against the sentences of one document, one sentence at a time:
/// its tokens and the mentions found in it.
///
/// A backtracking matcher over token positions; gaps are non-greedy, so the nearest reading wins.
/// Matches of one pattern do not overlap.
///
/// A class, like ``SentenceScan``: its closures capture one reference instead of a copy of every
/// field. One matcher serves every sentence of a document (``load(tokens:mentions:topic:)``):
/// made per sentence, it copied the relation words and released its rules again (about 1,900
/// instructions a sentence), and its per-sentence arrays were allocated anew. The per-sentence
/// fields are `@exclusivity(unchecked)`, as the scan's are: the matcher is confined to one
/// ``RelationExtractor/facts(in:entities:)`` call on one thread, and the only `inout` access to
/// a field it hands out is ``scratch`` to its own search.
final class SentenceMatcher {
    /// A match: its slots' entity keys (of mentions, or of the topic an anaphor points to) as
    /// ranges of ``matchKeys``, which holds them until the next sentence is loaded. (Arrays of keys
    /// per match were made, and destroyed with the match, at 650 instructions a match.)
    struct Match {
        var subjects: Range<Int> = 0..<0
        var objects: Range<Int> = 0..<0
        var role: String?
        var start = 0
        var end = 0
    }

    /// One match attempt's state, changed in place as the search goes deeper and put back as it
    /// backtracks; a ``Match`` is made from it only when the attempt succeeds. (The search used
    /// to carry a `Match`, copied with its two arrays at every slot, and a slot made an array of
    /// readings, each with an array of keys, at every try: 380,000 releases on 2 MB.)
    struct Search {
        /// The names of the slots filled so far, as positions in ``SentenceMatcher/mentions``
        /// (-1: the topic). A slot's reading is a range of them: its first name, then the items
        /// of an enumeration.
        var names: [Int32] = []
        /// For each enumerated item after a slot's first name: where the item ends, and where its
        /// origin ("from Poland") ends.
        var itemEnds: [Int32] = []
        var subjects = 0..<0
        var objects = 0..<0
        /// The role phrase's tokens.
        var role: Range<Int>?

        /// Empty, keeping the arrays' capacity.
        mutating func reset() {
            names.removeEach()
            itemEnds.removeEach()
            subjects = 0..<0
            objects = 0..<0
            role = nil
        }
    }

    /// Place anaphora by first word (``RelationRules/anaphoraByFirstWord``).
    let anaphora: WordMap<[[String]]>
    /// ``Token/keyHash`` of "'s", ";" and ":", compared before the keys or texts.
    let possessiveHash = WordIndex.hash("'s"), semicolonHash = WordIndex.hash(";"), colonHash = WordIndex.hash(":")
    /// The hashes of the anaphora's first words (``Token/keyHash``): a few, compared before the
    /// table is looked up, so that most tokens are ruled out without a probe.
    let anaphorFirstWords: [UInt32]
    let entities: WordMap<ResolvedEntity>
    let roles: WordMap<[[String]]>
    /// The words read around slots (`relation-words.tsv`).
    let wordSets: RelationWords

    @exclusivity(unchecked) private(set) var tokens: [Token] = []
    @exclusivity(unchecked) private(set) var topic: String?
    /// The sentence's mentions, read in place: ``MentionIndex`` gives positions in this array, so
    /// a slot test reads the fields it needs instead of copying a mention (eight strings retained).
    @exclusivity(unchecked) private(set) var mentions: [Mention] = []
    /// Mentions by the index of their first token.
    @exclusivity(unchecked) private(set) var mentionAt = MentionIndex()
    /// Where a mention with an entity starts (``mentionAt``), in token order: the only places a
    /// pattern that begins with a slot can match, unless the slot takes the topic.
    @exclusivity(unchecked) private(set) var entityStarts: [Int32] = []
    /// For each of ``entityStarts``, a bit per type a slot taking it must take (``EntityType/ordinal``):
    /// the mention's, and an organization's when the mention is a place naming the organization
    /// right after it (``canFill(_:_:at:)``). A slot taking none of them is not asked there.
    @exclusivity(unchecked) private(set) var entityStartTypes: [UInt16] = []
    /// A bit per type (``EntityType/ordinal``) of the sentence's mentions with an entity: every
    /// slot a pattern has must take one of them (or the topic), else the pattern cannot match.
    @exclusivity(unchecked) private(set) var mentionTypes: UInt16 = 0
    @exclusivity(unchecked) private(set) var firstWord = 0
    /// The length of the place anaphor at each token, found when first asked (-1: not asked
    /// yet). Made for every token of a sentence with a topic, it was 290,000 look-ups on 2 MB,
    /// most never read. Longer than the sentence when a longer one came before.
    @exclusivity(unchecked) private var anaphorLengths: [Int8] = []
    /// For each mention, the ``WordIndex/hash(_:)`` of its subtype with bit 32 set, or 1 << 33
    /// for none, made when a slot first asks (0: not yet); with bit 40 set and the subtype's number
    /// in ``subtypeNumbers`` from bit 34 on when it has one. Longer than the mentions when more
    /// came before.
    @exclusivity(unchecked) private var subtypeHashes: [UInt64] = []
    /// The language's slot subtypes, numbered: a program made with the same numbers tests a
    /// mention's subtype by its bit (``accepts(_:_:_:)``).
    let subtypeNumbers: SubtypeNumbers?
    /// The state of the match attempt under way, kept between attempts for its arrays' capacity.
    @exclusivity(unchecked) private var scratch = Search()
    /// The entity keys of the sentence's matches (``Match/subjects``, ``Match/objects``).
    @exclusivity(unchecked) private(set) var matchKeys: [String] = []
    /// The matches of the last ``matches(_:_:)``.
    @exclusivity(unchecked) private(set) var found: [Match] = []

    init(anaphora: WordMap<[[String]]>, entities: WordMap<ResolvedEntity>, roles: WordMap<[[String]]> = [:],
         words: RelationWords = RelationWords(), subtypeNumbers: SubtypeNumbers? = nil) {
        self.subtypeNumbers = subtypeNumbers
        self.anaphora = anaphora
        anaphorFirstWords = anaphora.keys.map(WordIndex.hash)
        self.entities = entities
        self.roles = roles
        self.wordSets = words
    }

    /// Makes the matcher match in one sentence, replacing the one before.
    func load(tokens: [Token], mentions: [Mention], topic: String?) {
        self.tokens = tokens
        self.mentions = mentions
        self.topic = topic
        mentionAt.load(mentions, count: tokens.count)
        mentionTypes = 0
        // The starts from the mentions, which come in token order (sorted when they do not).
        entityStarts.removeEach()
        entityStartTypes.removeEach()
        var ordered = true
        for k in mentions.indices where mentions[k].entityKey != nil {
            mentionTypes |= 1 << mentions[k].type.ordinal
            let first = mentions[k].firstToken
            guard mentionAt[first] == k else { continue }
            if let last = entityStarts.last, last >= first { ordered = false }
            entityStarts.append(Int32(first))
            var types: UInt16 = 1 << mentions[k].type.ordinal
            if case .place = mentions[k].type, let next = mentionAt[mentions[k].lastToken], case .organization = mentions[next].type {
                types |= 1 << EntityType.organization.ordinal
            }
            entityStartTypes.append(types)
        }
        if !ordered {
            let order = entityStarts.indices.sorted { entityStarts[$0] < entityStarts[$1] }
            entityStarts = order.map { entityStarts[$0] }
            entityStartTypes = order.map { entityStartTypes[$0] }
        }
        // Index loops: the closures of `firstIndex(where:)` and `map` took each token by value,
        // a copy of both its strings per token and sentence.
        var first = 0
        while first < tokens.count, tokens[first].shape == .punctuation { first += 1 }
        firstWord = first < tokens.count ? first : 0
        // Only read where a slot takes the topic and there is one.
        if topic != nil { anaphorLengths.refill(-1, count: tokens.count) }
        subtypeHashes.refill(0, count: mentions.count)
        matchKeys.removeEach()
    }

    /// Whether the token at `k` is one a gap does not run over (";", ":"), by its key's hash first
    /// (a token's key is its folded text), which rules out nearly every token. Asked where a gap
    /// or the word after a slot is read: a table of them filled for every sentence cost 2.9 M
    /// instructions on 2 MB.
    @inline(__always)
    func isStop(_ k: Int) -> Bool {
        (tokens[k].keyHash == semicolonHash || tokens[k].keyHash == colonHash)
            && tokens[k].shape == .punctuation && (tokens[k].text == ";" || tokens[k].text == ":")
    }

    /// Every non-overlapping match of `patterns[index]`, left to right. The caller tries only
    /// patterns whose anchor word the sentence has (``RelationRules/patternsByAnchor``). The
    /// pattern is read in place: passed by value, each call copied it (its program, blockers and
    /// strings retained), 150,000 copies on 2 MB.
    ///
    /// The matches are left in ``found`` (until the next call), and counted: an array made per
    /// call that matched cost an allocation and its growth.
    @discardableResult
    func matches(_ patterns: [RelationPattern], _ index: Int) -> Int {
        found.removeEach()
        let program = patterns[index].program
        // Every slot is filled by a mention of a type it takes, with an entity, or by the topic.
        for k in program.slotTests.indices {
            let test = program.slotTests[k]
            if (test.types | test.subtyped) & mentionTypes == 0, !test.topic || topic == nil { return 0 }
        }
        var start = 0
        if case .slot(_, let types, _) = program.steps.first {
            if program.slotTests[types].topic, topic != nil {
                // Where a mention the slot takes starts, or a place anaphor.
                while start < tokens.count {
                    if mentionAt[start] == nil ? anaphorLength(at: start) > 0 : canFill(program, types, at: start) {
                        start = attempt(program, patterns, index, at: start, into: &found)
                    } else {
                        start += 1
                    }
                }
            } else {
                // Only where a mention the slot takes starts: the sentence's few mentions, not its
                // every token, and only those of a type the slot takes (by bits: the whole test
                // when the slot takes some subtypes of it).
                let test = program.slotTests[types]
                for k in entityStarts.indices where Int(entityStarts[k]) >= start {
                    let bits = entityStartTypes[k]
                    guard (test.types | test.subtyped) & bits != 0 else { continue }
                    let pos = Int(entityStarts[k])
                    if test.types & bits == 0, !canFill(program, types, at: pos) { continue }
                    if let (gap, phrases) = program.wordAfterFirstSlot, !wordCanFollow(program, types, pos, gap, phrases) { continue }
                    start = attempt(program, patterns, index, at: pos, into: &found)
                }
            }
            return found.count
        }
        let anchoredAtStart = if case .start = program.steps.first { true } else { false }
        while start < tokens.count {
            if anchoredAtStart, start > firstWord { break }
            start = attempt(program, patterns, index, at: start, into: &found)
        }
        return found.count
    }

    /// Whether a word the element `program.phrases[phrases]` may begin can follow the one reading
    /// of the program's first slot at `pos` within `gap` tokens (``RelationProgram/wordAfterFirstSlot``):
    /// the mention there, or the organization a place there names, ending before the word. True
    /// where the reading may end elsewhere (a possessive: "Shenyang's Hunnan district"); false
    /// means the program cannot match from `pos`. A third of the tries failed there.
    func wordCanFollow(_ program: RelationProgram, _ types: Int, _ pos: Int, _ gap: Int, _ phrases: Int) -> Bool {
        guard var m = mentionAt[pos] else { return true }
        if mentions[m].type == .place, let next = mentionAt[mentions[m].lastToken], mentions[next].type == .organization,
           accepts(program, types, next) { m = next }
        let end = mentions[m].lastToken
        if end < tokens.count, tokens[end].keyHash == possessiveHash { return true }
        let first = program.firstWords[phrases]
        var k = 0
        while k <= gap, end + k < tokens.count {
            if k > 0, isStop(end + k - 1) { return false }
            if first & RelationProgram.firstWordBit(tokens[end + k].keyHash) != 0 { return true }
            k += 1
        }
        return false
    }

    /// Tries `patterns[index]`, whose program is `program`, from token `start`, adds the match to
    /// `out` unless a blocker word stops it, and says where to try next: past the match, or at the
    /// next token. The program is passed in: read out of the pattern again, it was retained and
    /// released at every attempt.
    func attempt(_ program: RelationProgram, _ patterns: [RelationPattern], _ index: Int, at start: Int,
                 into out: inout [Match]) -> Int {
        guard let end = match(program, 0, start, &scratch) else { return start + 1 }
        if !blocked(patterns[index].blockers, end) {
            out.append(Match(subjects: keys(scratch.subjects), objects: keys(scratch.objects),
                             role: scratch.role.map { text($0.lowerBound, $0.upperBound) }, start: start, end: end))
        }
        scratch.reset()
        return max(end, start + 1)
    }

    /// The entity keys of a slot's names, added to ``matchKeys``: where they are there.
    func keys(_ names: Range<Int>) -> Range<Int> {
        let first = matchKeys.count
        for k in names {
            let name = Int(scratch.names[k])
            if name < 0 {
                if let topic { matchKeys.append(topic) }
            } else if let key = mentions[name].entityKey {
                matchKeys.append(key)
            }
        }
        return first..<matchKeys.count
    }

    /// A blocker word anywhere from the sentence start to the match end ("plans to set up …").
    func blocked(_ blockers: WordSet, _ end: Int) -> Bool {
        guard !blockers.isEmpty else { return false }
        return (0..<min(tokens.count, end + 2)).contains { blockers.contains(tokens[$0]) }
    }

    /// Where the first way the program's steps from `i` on match from token `pos` ends, depth
    /// first; `search` then holds what the slots took. On failure `search` is as it was.
    func match(_ program: RelationProgram, _ i: Int, _ pos: Int, _ search: inout Search) -> Int? {
        guard i < program.steps.count else { return pos }
        switch program.steps[i] {
        case .start:
            return pos <= firstWord ? match(program, i + 1, firstWord, &search) : nil
        case .gap(let n):
            // When a word element must come next, the gap ends only before a token that may begin
            // one of its alternatives (most do not: the element is not tried there).
            var next = UInt64.max
            if i + 1 < program.steps.count, case .words(let phrases, false) = program.steps[i + 1] {
                next = program.firstWords[phrases]
            }
            var k = 0
            while k <= n, pos + k <= tokens.count {
                // A gap does not run over a sentence-internal stop such as ";".
                if k > 0, isStop(pos + k - 1) { return nil }
                if next == .max || pos + k < tokens.count && next & RelationProgram.firstWordBit(tokens[pos + k].keyHash) != 0,
                   let end = match(program, i + 1, pos + k, &search) {
                    return end
                }
                k += 1
            }
            return nil
        case .words(let phrases, let optional):
            if pos < tokens.count, program.firstWords[phrases] & RelationProgram.firstWordBit(tokens[pos].keyHash) != 0,
               let candidates = program.phrases[phrases].byFirstWord[tokens[pos]] {
                for alternative in candidates where words(alternative, at: pos) {
                    if let end = match(program, i + 1, pos + alternative.count, &search) { return end }
                }
            }
            return optional ? match(program, i + 1, pos, &search) : nil
        case .slot(let role, let types, let list):
            return slot(program, i, pos, role, types, list, &search)
        case .roleSlot:
            let saved = search.role
            for end in roleEnds(from: pos) {
                search.role = pos..<end
                if let found = match(program, i + 1, end, &search) { return found }
            }
            search.role = saved
            return nil
        }
    }

    /// Tries the readings of the slot `program.steps[i]` at `pos` with the steps after it, in
    /// order: an enumeration's, longest first (each item's origin before the item alone), then
    /// the one mention; or an anaphor's owned place, then the topic. The readings are ranges of
    /// ``Search/names``, pushed once for the slot and taken away when none leads to a match.
    func slot(_ program: RelationProgram, _ i: Int, _ pos: Int, _ role: RelationPattern.SlotRole, _ types: Int,
              _ list: Bool, _ search: inout Search) -> Int? {
        let base = search.names.count, endsBase = search.itemEnds.count
        let saved = role == .subject ? search.subjects : search.objects
        if var m = mentionAt[pos], mentions[m].entityKey != nil {
            // "Panjin DRC": a place naming the organization right after it is part of that name.
            if mentions[m].type == .place, let next = mentionAt[mentions[m].lastToken], mentions[next].type == .organization,
               accepts(program, types, next) { m = next }
            guard accepts(program, types, m), mentions[m].entityKey != nil, !isModifier(m) else { return nil }
            var first = m
            if let owned = possessed(m, program, types) { first = owned }
            let end = mentions[first].lastToken
            search.names.append(Int32(first))
            if list {
                // "A, B and C", "A, B, und C": each item must be a mention of the slot's types; an
                // item may carry an article, a descriptor or an owner ("Austria's Plansee", "der
                // US-Konzern Honeywell") and an origin ("Wrobex from Poland", "… aus Graz").
                var cursor = skipOrigin(end)
                while cursor < tokens.count {
                    var next = cursor
                    while next < tokens.count, tokens[next].key == "," || wordSets.listJoiners.contains(tokens[next]) { next += 1 }
                    guard next > cursor else { break }
                    if next < tokens.count, wordSets.listEnds.contains(where: { $0.joiner == tokens[next - 1].key && $0.next == tokens[next].key }) {
                        break
                    }
                    next = skipItemPrefix(next)
                    guard let item = mentionAt[next], accepts(program, types, item), mentions[item].entityKey != nil,
                          !isModifier(item) else { break }
                    search.names.append(Int32(item))
                    let itemEnd = mentions[item].lastToken
                    cursor = skipOrigin(itemEnd)
                    search.itemEnds.append(Int32(itemEnd))
                    search.itemEnds.append(Int32(cursor))
                }
                var items = (search.itemEnds.count - endsBase) / 2
                while items > 0 {
                    let itemEnd = Int(search.itemEnds[endsBase + 2 * items - 2])
                    let cursor = Int(search.itemEnds[endsBase + 2 * items - 1])
                    let names = base..<base + 1 + items
                    if cursor != itemEnd, let found = reading(program, i, role, names, cursor, &search) { return found }
                    if let found = reading(program, i, role, names, itemEnd, &search) { return found }
                    items -= 1
                }
            }
            if let found = reading(program, i, role, base..<base + 1, end, &search) { return found }
            // `removeLast()`, not `removeSubrange(base...)`: the general replacement cost 70
            // instructions a call.
            while search.names.count > base { search.names.removeLast() }
            while search.itemEnds.count > endsBase { search.itemEnds.removeLast() }
        }
        if program.slotTests[types].topic, topic != nil {
            let length = anaphorLength(at: pos)
            if length > 0 {
                let end = pos + length
                // "the city's Shenhe district": the anaphor owns the next place (tried first).
                if end + 1 < tokens.count, tokens[end].key == "'s", let owned = mentionAt[end + 1],
                   let k = mentions[owned].entityKey, entities.read(k, { $0.type }) == .place {
                    search.names.append(Int32(owned))
                    if let found = reading(program, i, role, base..<base + 1, mentions[owned].lastToken, &search) { return found }
                    search.names.removeLast()
                }
                search.names.append(-1)
                if let found = reading(program, i, role, base..<base + 1, end, &search) { return found }
                search.names.removeLast()
            }
        }
        if role == .subject { search.subjects = saved } else { search.objects = saved }
        return nil
    }

    /// One reading of a slot: its names, then the steps after it from `end`.
    @inline(__always)
    func reading(_ program: RelationProgram, _ i: Int, _ role: RelationPattern.SlotRole, _ names: Range<Int>, _ end: Int,
                 _ search: inout Search) -> Int? {
        if role == .subject { search.subjects = names } else { search.objects = names }
        return match(program, i + 1, end, &search)
    }

    /// The token count of the place anaphor at `pos` ("there", "the city"), or 0. Asked only in a
    /// sentence with a ``topic`` (the lengths are made afresh only for those).
    func anaphorLength(at pos: Int) -> Int {
        guard pos < tokens.count else { return 0 }
        if anaphorLengths[pos] < 0 {
            anaphorLengths[pos] = anaphorFirstWords.contains(tokens[pos].keyHash)
                ? Int8(clamping: anaphora.longestPhrase(in: tokens, at: pos)) : 0
        }
        return Int(anaphorLengths[pos])
    }

    func words(_ phrase: [String], at pos: Int) -> Bool {
        tokens.spells(phrase, at: pos)
    }

    /// Whether ``slot(_:_:_:_:_:_:_:)`` has a reading at `pos`, without trying one: a mention the
    /// slot takes (or a place naming the organization the slot takes right after it), or a place
    /// anaphor where the slot takes the topic. Most slot starts hold a mention of another type.
    func canFill(_ program: RelationProgram, _ types: Int, at pos: Int) -> Bool {
        if let m = mentionAt[pos], mentions[m].entityKey != nil {
            if accepts(program, types, m) { return true }
            if mentions[m].type == .place, let next = mentionAt[mentions[m].lastToken], mentions[next].type == .organization,
               accepts(program, types, next) { return true }
        }
        return program.slotTests[types].topic && topic != nil && anaphorLength(at: pos) > 0
    }

    /// Whether the slot whose types are `program.slotTypes[types]` takes the mention at `index` of
    /// ``mentions``: by the slot's test, and only for a type it takes some subtypes of by the
    /// subtype's bit when the program has the matcher's ``subtypeNumbers``, else by the subtype's
    /// hash and then its name (the subtype's hash and number made once per mention and sentence).
    func accepts(_ program: RelationProgram, _ types: Int, _ index: Int) -> Bool {
        let test = program.slotTests[types]
        let ordinal = mentions[index].type.ordinal
        let bit: UInt16 = 1 << ordinal
        if test.types & bit != 0 { return true }
        guard test.subtyped & bit != 0 else { return false }
        var entry = subtypeHashes[index]
        if entry == 0 { entry = subtypeEntry(index) }
        if let subtypeNumbers, program.subtypeNumbers === subtypeNumbers {
            return entry & 1 << 40 != 0 && test.subtypeBits & 1 << (entry >> 34 & 63) != 0
        }
        guard entry & 1 << 33 == 0 else { return false }
        let key = RelationProgram.subtypeKey(ordinal, UInt32(truncatingIfNeeded: entry))
        for j in test.subtypes where program.subtypeKeys[j] == key {
            if mentions[index].subtype == program.subtypeNames[j] { return true }
        }
        return false
    }

    /// Makes ``subtypeHashes``' entry of the mention at `index`.
    func subtypeEntry(_ index: Int) -> UInt64 {
        var entry: UInt64 = 1 << 33
        if let subtype = mentions[index].subtype {
            let hash = WordIndex.hash(subtype)
            entry = 1 << 32 | UInt64(hash)
            let number = subtypeNumbers?.bit(RelationProgram.subtypeKey(mentions[index].type.ordinal, hash), subtype) ?? 0
            if number != 0 { entry |= 1 << 40 | UInt64(number.trailingZeroBitCount) << 34 }
        }
        subtypeHashes[index] = entry
        return entry
    }

    /// Past an article, a descriptor or an owner before an enumerated name: "the", "der US-Konzern",
    /// "Austria's", "Swedish toolmaker". The owner's entity is read in place (``WordMap/read(_:_:)``):
    /// `entities[key]?.type` copied it.
    func skipItemPrefix(_ pos: Int) -> Int {
        var k = pos
        if k < tokens.count, wordSets.articles.contains(tokens[k]) { k += 1 }
        if let owner = mentionAt[k], let key = mentions[owner].entityKey, entities.read(key, { $0.type }) == .place,
           mentions[owner].lastToken < tokens.count, tokens[mentions[owner].lastToken].key == "'s" {
            return mentions[owner].lastToken + 1
        }
        // One descriptor word that is not itself a name: "toolmaker", "US-Konzern".
        if k + 1 < tokens.count, mentionAt[k] == nil, tokens[k].isWord, mentionAt[k + 1] != nil,
           tokens[k].shape == .lower || tokens[k].text.contains("-") {
            return k + 1
        }
        return k
    }

    /// Past an origin after a name: "from Poland", "aus Graz".
    func skipOrigin(_ pos: Int) -> Int {
        guard pos + 1 < tokens.count, wordSets.origins.contains(tokens[pos]), let place = mentionAt[pos + 1],
              let key = mentions[place].entityKey, entities.read(key, { $0.type }) == .place else { return pos }
        return mentions[place].lastToken
    }

    /// An acronym used as a modifier of a noun phrase ("EU pilot cities", "EU member states") names
    /// no party to a relation. Only acronyms, and only before two content words: after a full name
    /// the next word is as often a verb ("Valeo supplies", "Voestalpine operates a …").
    ///
    /// The two words' shapes first, in the caller: they rule out most mentions before any
    /// `Character` is counted.
    @inline(__always)
    func isModifier(_ index: Int) -> Bool {
        let last = mentions[index].lastToken
        guard last + 1 < tokens.count, tokens[last].shape == .lower, tokens[last + 1].shape == .lower else { return false }
        return isAcronymBefore(index, last)
    }

    /// ``isModifier(_:)`` past its shape test. The words read in place (`let (a, b) = (tokens[last],
    /// tokens[last + 1])` copied both), their characters counted by bytes when ASCII.
    func isAcronymBefore(_ index: Int, _ last: Int) -> Bool {
        guard mentions[index].text.characterCount <= 6, mentions[index].text.hasNoLowercase,
              tokens[last].key.characterCount > 3, tokens[last + 1].key.characterCount > 3 else { return false }
        return !wordSets.clauseWords.contains(tokens[last])
    }

    /// After "Shenyang's", the place owned: "Shenyang's Hunnan district" → Hunnan district (its
    /// position in ``mentions``).
    @inline(__always)
    func possessed(_ index: Int, _ program: RelationProgram, _ types: Int) -> Int? {
        let last = mentions[index].lastToken
        // The "'s" first, by its hash in the caller: it rules out nearly every mention before an
        // entity is looked up.
        guard last + 1 < tokens.count, tokens[last].keyHash == possessiveHash else { return nil }
        return ownedPlace(index, last, program, types)
    }

    /// ``possessed(_:_:_:)`` past its first test. The entities are read in place:
    /// `entities[key]?.type` copied one per test.
    func ownedPlace(_ index: Int, _ last: Int, _ program: RelationProgram, _ types: Int) -> Int? {
        guard tokens[last].key == "'s", let key = mentions[index].entityKey,
              entities.read(key, { entity in if case .place = entity.type { true } else { false } }) == true,
              let owned = mentionAt[last + 1], accepts(program, types, owned), let ownedKey = mentions[owned].entityKey,
              entities.read(ownedKey, { entity in if case .place = entity.type { true } else { false } }) == true
        else { return nil }
        return owned
    }

    /// Ends of a role phrase from `pos`, longest first: "former vice minister of commerce".
    func roleEnds(from pos: Int) -> [Int] {
        var start = pos
        if start < tokens.count, wordSets.former.contains(tokens[start]) { start += 1 }
        guard start < tokens.count, let phrases = roles[tokens[start]] else { return [] }
        var ends: [Int] = []
        for phrase in phrases where words(phrase, at: start) {
            let base = start + phrase.count
            ends.append(base)
            // "… of commerce", "… for energy": lower-case words that narrow the role.
            var k = base
            while k + 1 < tokens.count, wordSets.roleLinks.contains(tokens[k]), tokens[k + 1].shape == .lower,
                  mentionAt[k + 1] == nil, tokens[k + 1].key != "the" {
                k += 2
                ends.append(k)
            }
        }
        return ends.sorted(by: >)
    }

    func text(_ from: Int, _ to: Int) -> String {
        var s = ""
        for k in from..<to {
            if k > from, tokens[k].start > tokens[k - 1].end { s += " " }
            s += tokens[k].text
        }
        return s
    }

    /// Size rank of a place, for containment: district < city < province < country < region.
    static func rank(_ e: ResolvedEntity) -> Int {
        switch e.subtype {
        case "district": return 1
        case "city": return 2
        case "province": return 3
        case "country": return 4
        case "region": return 5
        default: return 0
        }
    }
}

/// The position in a sentence's mention array of the mention that starts at each token (the
/// first one listed when two start together): an array lookup in the matcher's inner loop instead
/// of a dictionary's hashing, and an index rather than a copy of the mention.
struct MentionIndex {
    /// A position per token, -1 where no mention starts; longer than the sentence when a longer
    /// one was loaded before.
    private var slots: [Int32] = []
    private var count = 0

    init() {}

    init(_ mentions: [Mention], count: Int) {
        load(mentions, count: count)
    }

    /// Indexes another sentence's mentions in the same storage. By index: `enumerated()` copied
    /// every mention.
    mutating func load(_ mentions: [Mention], count: Int) {
        self.count = count
        slots.refill(-1, count: count)
        for index in mentions.indices {
            let first = mentions[index].firstToken
            if first >= 0, first < count, slots[first] < 0 { slots[first] = Int32(index) }
        }
    }

    subscript(position: Int) -> Int? {
        position >= 0 && position < count && slots[position] >= 0 ? Int(slots[position]) : nil
    }
}

extension Array {
    /// Removes every element and keeps the capacity, one `removeLast()` at a time: the per-sentence
    /// and per-attempt arrays hold a few elements, and `removeAll(keepingCapacity:)` goes through
    /// the general `replaceSubrange`, 70 to 250 instructions a call (40,000 calls on 2 MB).
    mutating func removeEach() {
        while !isEmpty { removeLast() }
    }

    /// Makes the first `count` elements `value`, growing the array when it is shorter and never
    /// shrinking it: a per-sentence table refilled in place, without an allocation or an append
    /// per element.
    mutating func refill(_ value: Element, count: Int) {
        guard self.count >= count else {
            self = Array(repeating: value, count: Swift.max(count, 2 * self.count, 64))
            return
        }
        withUnsafeMutableBufferPointer { UnsafeMutableBufferPointer(rebasing: $0[..<count]).update(repeating: value) }
    }
}
