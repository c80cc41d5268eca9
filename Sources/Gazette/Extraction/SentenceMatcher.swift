/// Matches ``RelationPattern``s against one sentence: its tokens and the mentions found in it.
///
/// A backtracking matcher over token positions; gaps are non-greedy, so the nearest reading wins.
/// Matches of one pattern do not overlap.
///
/// A class made per sentence, like ``SentenceScan``: its closures capture one reference instead
/// of a copy of every field.
final class SentenceMatcher {
    /// A filled slot: the entity key of a mention, or of the topic an anaphor points to.
    struct Slot: Hashable {
        var key: String
    }

    struct Match {
        var subjects: [Slot] = []
        var objects: [Slot] = []
        var role: String?
        var start = 0
        var end = 0
    }

    let tokens: [Token]
    /// Place anaphora by first word (``RelationRules/anaphoraByFirstWord``).
    let anaphora: WordMap<[[String]]>
    let topic: String?
    let entities: WordMap<ResolvedEntity>
    let roles: WordMap<[[String]]>
    /// The words read around slots (`relation-words.tsv`).
    let wordSets: RelationWords
    /// The sentence's mentions, read in place: ``MentionIndex`` gives positions in this array, so
    /// a slot test reads the fields it needs instead of copying a mention (eight strings retained).
    let mentions: [Mention]
    /// Mentions by the index of their first token.
    let mentionAt: MentionIndex
    let firstWord: Int
    /// Where a slot can begin: a mention starts there or a place anaphor does. A pattern that
    /// starts with a slot is tried only at these positions; elsewhere it could not match.
    let slotStarts: [Bool]
    /// Tokens a gap does not run over (";", ":").
    let isStop: [Bool]

    init(tokens: [Token], mentions: [Mention], anaphora: WordMap<[[String]]>, topic: String?,
         entities: WordMap<ResolvedEntity>, roles: WordMap<[[String]]> = [:], words: RelationWords = RelationWords()) {
        self.tokens = tokens
        self.anaphora = anaphora
        self.topic = topic
        self.entities = entities
        self.roles = roles
        self.wordSets = words
        self.mentions = mentions
        let index = MentionIndex(mentions, count: tokens.count)
        mentionAt = index
        // Index loops: the closures of `firstIndex(where:)` and `map` took each token by value,
        // a copy of both its strings per token and sentence.
        var first = 0
        while first < tokens.count, tokens[first].shape == .punctuation { first += 1 }
        firstWord = first < tokens.count ? first : 0
        var isStop = [Bool](repeating: false, count: tokens.count)
        for k in tokens.indices where tokens[k].shape == .punctuation {
            isStop[k] = tokens[k].text == ";" || tokens[k].text == ":"
        }
        self.isStop = isStop
        var starts = (0..<tokens.count).map { index[$0] != nil }
        if topic != nil {
            for pos in tokens.indices where !starts[pos] {
                starts[pos] = anaphora.longestPhrase(in: tokens, at: pos) > 0
            }
        }
        slotStarts = starts
    }

    /// Every non-overlapping match of `patterns[index]`, left to right. The caller tries only
    /// patterns whose anchor word the sentence has (``RelationRules/patternsByAnchor``). The
    /// pattern is read in place: passed by value, each call copied it (its program, blockers and
    /// strings retained), 150,000 copies on 2 MB.
    func matches(_ patterns: [RelationPattern], _ index: Int) -> [Match] {
        var out: [Match] = []
        var start = 0
        let program = patterns[index].program
        var firstSlot: Int?
        var anchoredAtStart = false
        switch program.steps.first {
        case .slot(_, let types, _): firstSlot = types
        case .start: anchoredAtStart = true
        default: break
        }
        while start < tokens.count {
            if anchoredAtStart, start > firstWord { break }
            if let firstSlot, !slotStarts[start] || !canFill(program.slotTypes[firstSlot], at: start) {
                start += 1
                continue
            }
            if var found = match(program, 0, start, Match()) {
                found.start = start
                if !blocked(patterns[index].blockers, found) { out.append(found) }
                start = max(found.end, start + 1)
            } else {
                start += 1
            }
        }
        return out
    }

    /// A blocker word anywhere from the sentence start to the match end ("plans to set up …").
    func blocked(_ blockers: WordSet, _ match: Match) -> Bool {
        guard !blockers.isEmpty else { return false }
        return (0..<min(tokens.count, match.end + 2)).contains { blockers.contains(tokens[$0]) }
    }

    /// The first way the program's steps from `i` on match from token `pos`, depth first.
    func match(_ program: RelationProgram, _ i: Int, _ pos: Int, _ state: Match) -> Match? {
        guard i < program.steps.count else {
            var done = state
            done.end = pos
            return done
        }
        switch program.steps[i] {
        case .start:
            return pos <= firstWord ? match(program, i + 1, firstWord, state) : nil
        case .gap(let n):
            var k = 0
            while k <= n, pos + k <= tokens.count {
                // A gap does not run over a sentence-internal stop such as ";".
                if k > 0, isStop[pos + k - 1] { return nil }
                if let found = match(program, i + 1, pos + k, state) { return found }
                k += 1
            }
            return nil
        case .words(let phrases, let optional):
            if pos < tokens.count, let candidates = program.phrases[phrases].byFirstWord[tokens[pos]] {
                for alternative in candidates where words(alternative, at: pos) {
                    if let found = match(program, i + 1, pos + alternative.count, state) { return found }
                }
            }
            return optional ? match(program, i + 1, pos, state) : nil
        case .slot(let role, let types, let list):
            for (keys, end) in slot(at: pos, program.slotTypes[types], list: list) {
                var next = state
                if role == .subject { next.subjects = keys } else { next.objects = keys }
                if let found = match(program, i + 1, end, next) { return found }
            }
            return nil
        case .roleSlot:
            for end in roleEnds(from: pos) {
                var next = state
                next.role = text(pos, end)
                if let found = match(program, i + 1, end, next) { return found }
            }
            return nil
        }
    }

    func words(_ phrase: [String], at pos: Int) -> Bool {
        tokens.spells(phrase, at: pos)
    }

    /// Whether ``slot(at:_:list:)`` has a reading at `pos`, without making one: a mention the
    /// slot takes (or a place naming the organization the slot takes right after it), or a place
    /// anaphor where the slot takes the topic. Most slot starts hold a mention of another type.
    func canFill(_ types: RelationPattern.SlotTypes, at pos: Int) -> Bool {
        if let m = mentionAt[pos], mentions[m].entityKey != nil {
            if accepts(types, m) { return true }
            if mentions[m].type == .place, let next = mentionAt[mentions[m].lastToken], mentions[next].type == .organization,
               accepts(types, next) { return true }
        }
        return types.topic && topic != nil && anaphora.longestPhrase(in: tokens, at: pos) > 0
    }

    /// The readings of a slot at `pos`, longest first: one mention, an enumeration, or an anaphor.
    func slot(at pos: Int, _ types: RelationPattern.SlotTypes, list: Bool) -> [([Slot], Int)] {
        var readings: [([Slot], Int)] = []
        if var m = mentionAt[pos], mentions[m].entityKey != nil {
            // "Panjin DRC": a place naming the organization right after it is part of that name.
            if mentions[m].type == .place, let next = mentionAt[mentions[m].lastToken], mentions[next].type == .organization,
               accepts(types, next) { m = next }
            guard accepts(types, m), let key = mentions[m].entityKey, !isModifier(m) else { return readings }
            var keys = [Slot(key: key)]
            var end = mentions[m].lastToken
            if let inner = possessed(m, types) { keys = [Slot(key: inner.key)]; end = inner.end }
            readings.append((keys, end))
            if list {
                // "A, B and C", "A, B, und C": each item must be a mention of the slot's types; an
                // item may carry an article, a descriptor or an owner ("Austria's Plansee", "der
                // US-Konzern Honeywell") and an origin ("Wrobex from Poland", "… aus Graz").
                var cursor = skipOrigin(end)
                while cursor < tokens.count {
                    var next = cursor
                    while next < tokens.count, tokens[next].key == "," || wordSets.listJoiners.contains(tokens[next]) { next += 1 }
                    guard next > cursor else { break }
                    if tokens[next - 1].key == "and", next < tokens.count, tokens[next].key == "other" { break }
                    next = skipItemPrefix(next)
                    guard let item = mentionAt[next], accepts(types, item), let itemKey = mentions[item].entityKey,
                          !isModifier(item) else { break }
                    keys.append(Slot(key: itemKey))
                    let itemEnd = mentions[item].lastToken
                    cursor = skipOrigin(itemEnd)
                    readings.insert((keys, itemEnd), at: 0)
                    if cursor != itemEnd { readings.insert((keys, cursor), at: 0) }
                }
            }
        }
        if types.topic, let topic {
            let length = anaphora.longestPhrase(in: tokens, at: pos)
            if length > 0 {
                let end = pos + length
                // "the city's Shenhe district": the anaphor owns the next place (tried first).
                if end + 1 < tokens.count, tokens[end].key == "'s", let owned = mentionAt[end + 1],
                   let k = mentions[owned].entityKey, entities.read(k, { $0.type }) == .place {
                    readings.append(([Slot(key: k)], mentions[owned].lastToken))
                }
                readings.append(([Slot(key: topic)], end))
            }
        }
        return readings
    }

    /// Whether a slot of `types` takes the mention at `index` of ``mentions``.
    func accepts(_ types: RelationPattern.SlotTypes, _ index: Int) -> Bool {
        types.accepts(mentions[index].type, mentions[index].subtype)
    }

    /// Past an article, a descriptor or an owner before an enumerated name: "the", "der US-Konzern",
    /// "Austria's", "Swedish toolmaker".
    func skipItemPrefix(_ pos: Int) -> Int {
        var k = pos
        if k < tokens.count, wordSets.articles.contains(tokens[k]) { k += 1 }
        if let owner = mentionAt[k], entities[mentions[owner].entityKey ?? ""]?.type == .place,
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
              entities[mentions[place].entityKey ?? ""]?.type == .place else { return pos }
        return mentions[place].lastToken
    }

    /// An acronym used as a modifier of a noun phrase ("EU pilot cities", "EU member states") names
    /// no party to a relation. Only acronyms, and only before two content words: after a full name
    /// the next word is as often a verb ("Valeo supplies", "Voestalpine operates a …").
    func isModifier(_ index: Int) -> Bool {
        // The two words' shapes first: they rule out most mentions before any `Character` is counted.
        let last = mentions[index].lastToken
        guard last + 1 < tokens.count, tokens[last].shape == .lower, tokens[last + 1].shape == .lower,
              mentions[index].text.characterCount <= 6, mentions[index].text.hasNoLowercase else { return false }
        let (a, b) = (tokens[last], tokens[last + 1])
        return a.key.count > 3 && b.key.count > 3 && !wordSets.clauseWords.contains(a)
    }

    /// After "Shenyang's", the place owned: "Shenyang's Hunnan district" → Hunnan district.
    func possessed(_ index: Int, _ types: RelationPattern.SlotTypes) -> (key: String, end: Int)? {
        let last = mentions[index].lastToken
        // The "'s" first: it rules out nearly every mention before an entity is looked up (and
        // the entities are read in place: `entities[key]?.type` copied one per test).
        guard last + 1 < tokens.count, tokens[last].key == "'s", let key = mentions[index].entityKey,
              entities.read(key, { entity in if case .place = entity.type { true } else { false } }) == true,
              let owned = mentionAt[last + 1], accepts(types, owned), let ownedKey = mentions[owned].entityKey,
              entities.read(ownedKey, { entity in if case .place = entity.type { true } else { false } }) == true
        else { return nil }
        return (ownedKey, mentions[owned].lastToken)
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
    private let slots: [Int32]

    init(_ mentions: [Mention], count: Int) {
        var slots = [Int32](repeating: -1, count: count)
        for (index, m) in mentions.enumerated() where slots.indices.contains(m.firstToken) && slots[m.firstToken] < 0 {
            slots[m.firstToken] = Int32(index)
        }
        self.slots = slots
    }

    subscript(position: Int) -> Int? {
        slots.indices.contains(position) && slots[position] >= 0 ? Int(slots[position]) : nil
    }
}
