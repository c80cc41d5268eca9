import Foundation

/// The event rules of one language, from `events.tsv`: triggers per event type and the phrases
/// that refer back to the event just reported.
public struct EventRules: Sendable {
    public struct Trigger: Sendable {
        public var id: String
        public var type: EventType
        public var phrases: [[String]]
        /// May report an event with no date in reach (a past-tense verb): dated to the year of publication.
        public var dateless: Bool
        /// Entity types of which the sentence must name one; empty for none.
        public var needs: Set<EntityType>
        public var rule: String
    }

    public var triggers: [Trigger] = []
    /// Trigger indices by the first word of their phrases, so a sentence is scanned once.
    public var byFirstWord: WordMap<[Int]> = [:] {
        didSet { triggerWordFilter = EventRules.filter(byFirstWord) }
    }
    public var refersBack: [[String]] = [] {
        didSet { indexRefersBack() }
    }
    /// `refersBack` by first word, longest first (``WordMap/longestPhrase(in:at:)``).
    public private(set) var refersBackByFirstWord: WordMap<[[String]]> = [:]
    /// The keys of ``byFirstWord`` and of ``refersBackByFirstWord`` as bits of their hashes
    /// (``mayBeginTrigger(_:)``, ``mayBeginRefersBack(_:at:)``): a token whose bit is clear begins
    /// neither, and is ruled out without a look-up: the stage looked every token up in both
    /// tables, 35 and 40 instructions a token.
    private(set) var triggerWordFilter = [UInt64](repeating: 0, count: 32)
    /// ``RelationProgram/firstWordBit(_:)`` of the refers-back phrases' first words, of the first
    /// words of those of one word, and of the second words of the others. Their first words are
    /// "the", "this", "der", "am": the second word rules out most of the tokens the first passes
    /// (each of which compared its four or five phrases).
    private(set) var refersBackFirstBits: UInt64 = 0
    private(set) var refersBackSingleBits: UInt64 = 0
    private(set) var refersBackSecondBits: UInt64 = 0

    /// Fills `refersBackByFirstWord`: when `refersBack` changes, and at the end of `init`, where
    /// Swift calls no `didSet`.
    mutating func indexRefersBack() {
        refersBackByFirstWord = WordMap(phrasesByFirstWord: refersBack)
        (refersBackFirstBits, refersBackSingleBits, refersBackSecondBits) = (0, 0, 0)
        for phrase in refersBack where !phrase.isEmpty {
            let first = RelationProgram.firstWordBit(WordIndex.hash(phrase[0]))
            refersBackFirstBits |= first
            if phrase.count == 1 {
                refersBackSingleBits |= first
            } else {
                refersBackSecondBits |= RelationProgram.firstWordBit(WordIndex.hash(phrase[1]))
            }
        }
    }

    /// Two 1,024-bit filters of the hashes of `map`'s keys: bit `hash >> 22` (the hash's top ten
    /// bits, FNV-1a's best mixed) of the first sixteen words, bit `hash >> 12 & 1023` of the
    /// last sixteen. Some sixty trigger words set about six percent of each; the 64 bits of
    /// ``RelationProgram/firstWordBit(_:)`` would be two thirds full. A word passes with both
    /// bits set: the first alone let 20,000 tokens on 2 MB through to a look-up that failed.
    static func filter<Value>(_ map: WordMap<Value>) -> [UInt64] {
        var words = [UInt64](repeating: 0, count: 32)
        map.forEachKeyHash { hash in
            words[Int(hash >> 28)] |= 1 << UInt64(hash >> 22 & 63)
            words[16 + Int(hash >> 18 & 15)] |= 1 << UInt64(hash >> 12 & 63)
        }
        return words
    }

    /// Whether the token whose ``Token/keyHash`` is `hash` may be a key of ``byFirstWord``.
    @inline(__always)
    func mayBeginTrigger(_ hash: UInt32) -> Bool {
        triggerWordFilter[Int(hash >> 28)] & 1 << UInt64(hash >> 22 & 63) != 0
            && triggerWordFilter[16 + Int(hash >> 18 & 15)] & 1 << UInt64(hash >> 12 & 63) != 0
    }

    /// Whether a refers-back phrase may begin at `tokens[i]`: its first word's bit, and the next
    /// token's bit of a second word unless a phrase of one word begins with the token's bit.
    @inline(__always)
    func mayBeginRefersBack<Tokens: RandomAccessCollection<Token>>(_ tokens: Tokens, at i: Int) -> Bool where Tokens.Index == Int {
        let first = RelationProgram.firstWordBit(tokens[i].keyHash)
        guard refersBackFirstBits & first != 0 else { return false }
        return refersBackSingleBits & first != 0
            || i + 1 < tokens.count && refersBackSecondBits & RelationProgram.firstWordBit(tokens[i + 1].keyHash) != 0
    }

    /// The first token from `start` on that may begin a refers-back phrase
    /// (``mayBeginRefersBack(_:at:)``), or the end. The scans over every token are functions of
    /// their own, not inlined: inside `events` and `triggers` their loops kept their state on
    /// the stack, 29 and 19 instructions a token.
    @inline(never)
    func nextRefersBackStart(_ tokens: UnsafeBufferPointer<Token>, from start: Int) -> Int {
        var i = start
        while i < tokens.count && !mayBeginRefersBack(tokens, at: i) { i += 1 }
        return i
    }

    /// The first token from `start` on that may begin a trigger (``mayBeginTrigger(_:)``), or the end.
    @inline(never)
    func nextTriggerStart(_ tokens: UnsafeBufferPointer<Token>, from start: Int) -> Int {
        var i = start
        while i < tokens.count && !mayBeginTrigger(tokens[i].keyHash) { i += 1 }
        return i
    }

    /// Words that make a sentence a plan, not a report (the relation rules' `modal` set).
    public var modal: WordSet = []
    /// Words that deny what follows (the relation rules' `negation` set).
    public var negation: WordSet = []
    /// Prepositions that put the event at the place after them ("in", "at").
    public var locations: WordSet = []
    /// Prepositions that say participants come from the place after them ("from", "aus").
    public var origins: WordSet = []
    /// Nouns whose place is where visitors come from ("delegation"), and the words that may stand
    /// between them and the place ("of", "the").
    public var delegations: WordSet = []
    public var delegationLinks: WordSet = []
    /// Words that join enumerated places, besides commas ("and", "und", "sowie").
    public var listJoiners: WordSet = []
    /// Prepositions that name where a trip goes ("to", "nach").
    public var destinations: WordSet = []
    /// Words that open a clause ("which", "that"), besides commas and semicolons: a plan word
    /// before them is another clause's.
    public var clauseStarts: WordSet = []

    public init(directory: URL, language: Language) throws(GazetteError) {
        let file = try TSVFile.optional(directory, language, "events.tsv", minimumColumns: 3)
        for row in file.rows {
            let phrases = row[2].split(separator: "|").map { $0.split(separator: "_").map { Folding.key(String($0)) } }
            let words = Set(phrases.compactMap { $0.count == 1 ? $0.first : nil })
            switch row[1] {
            case "refers-back": refersBack += phrases; continue
            case "location": locations.formUnion(words); continue
            case "origin": origins.formUnion(words); continue
            case "delegation": delegations.formUnion(words); continue
            case "delegation-link": delegationLinks.formUnion(words); continue
            case "list-join": listJoiners.formUnion(words); continue
            case "destination": destinations.formUnion(words); continue
            case "clause-start": clauseStarts.formUnion(words); continue
            default: break
            }
            guard let type = EventType(rawValue: row[1]) else {
                throw .badRuleFile(path: file.path, line: row.line, reason: "unknown event type '\(row[1])'")
            }
            var needs: Set<EntityType> = []
            for name in row[4].split(separator: "|") {
                guard let type = EntityType(rawValue: String(name)) else {
                    throw .badRuleFile(path: file.path, line: row.line, reason: "unknown entity type '\(name)' in needs")
                }
                needs.insert(type)
            }
            triggers.append(Trigger(id: row[0], type: type, phrases: phrases.sorted { $0.count > $1.count },
                                    dateless: row[3] == "yes", needs: needs, rule: "\(language.rawValue)/events.tsv#\(row[0])"))
        }
        for (index, trigger) in triggers.enumerated() {
            for first in Set(trigger.phrases.compactMap(\.first)) { byFirstWord[first, default: []].append(index) }
        }
        for row in try TSVFile.optional(directory, language, "blockers.tsv", minimumColumns: 2).rows {
            if row[0] == "modal" { modal.insert(Folding.key(row[1])) }
            if row[0] == "negation" { negation.insert(Folding.key(row[1])) }
        }
        indexRefersBack()
        triggerWordFilter = EventRules.filter(byFirstWord)
    }
}

/// Finds dated events: a trigger word of a type, a date, a place and participants from the
/// sentence's mentions.
///
/// - The date is the sentence's most precise date; a sentence without one that refers back
///   ("At this event", "Die Delegation nahm auch …") takes the date and place of the event before
///   it; otherwise the year of publication.
/// - A visit takes place where it goes: each place named after the trigger is one stop ("reiste
///   nach Deutschland, Saudi-Arabien und Russland" gives three visits). Other events take the
///   place named in the sentence, else the place the text is about.
/// - A sentence that plans ("will", "plans", "soll") reports nothing; neither does a date after
///   publication.
/// - Reports of one event in a document (same type and place, dates that agree) are merged.
public struct EventExtractor: EventExtracting {
    let rules: [Language: EventRules]

    public init(rules: [Language: EventRules]) {
        self.rules = rules
    }

    public func events(in text: AnalyzedText, entities: ResolvedMentions) -> [Event] {
        guard let rules = rules[text.language] else { return [] }
        let entityByKey = entities.byKey
        // Asked once, not per sentence: through a key path, the per-sentence test of every phrase
        // was a quarter of the event stage.
        let emptyRefersBack = rules.refersBack.contains { $0.isEmpty }
        let bySentence = entities.bySentence(text.sentences.count)
        // ``TopicTracker/lengthBits(_:)`` of the places' keys: a mention whose key's bit is clear
        // names no place, ruled out without looking its entity up.
        var placeLengths: UInt64 = 0
        for k in entities.entities.indices where entities.entities[k].type == .place {
            placeLengths |= TopicTracker.lengthBit(entities.entities[k].key)
        }
        var events: [Event] = []
        var topic = TopicTracker()
        var last: (event: Event, venue: Event?, sentence: Int)?
        for position in text.sentences.indices {
            let tokens = text.tokens[position]
            let mentions = bySentence[position]
            defer { topic.update(with: mentions, entities: entityByKey) }
            // "During the visit" refers back to an event; its noun is no new one. The phrases are
            // tried only where a token is the first word of one (every phrase at every token was
            // millions of string comparisons per megabyte).
            var refersBack = !tokens.isEmpty && emptyRefersBack
            // By token, made only when a phrase matches (a `Set<Int>` per sentence, hashed for
            // every token, cost more than finding the triggers).
            var backWords: [Bool] = []
            tokens.withUnsafeBufferPointer { buffer in
                var i = rules.nextRefersBackStart(buffer, from: 0)
                while i < buffer.count {
                    // Every phrase that matches at `i` spells the tokens from `i`: the longest covers them all.
                    let length = rules.refersBackByFirstWord.longestPhrase(in: tokens, at: i)
                    if length > 0 {
                        refersBack = true
                        if backWords.isEmpty { backWords = [Bool](repeating: false, count: tokens.count) }
                        for k in i..<min(i + length, tokens.count) { backWords[k] = true }
                    }
                    i = rules.nextRefersBackStart(buffer, from: i + 1)
                }
            }
            let found = triggers(rules, tokens, skipping: backWords)
            // Only for a sentence with a trigger, most have none. The entity read in place:
            // `entityByKey[key]?.type` copied it (eight strings) per mention.
            // As positions in `mentions`: the mentions filtered into an array of their own were copied.
            let places = found.isEmpty ? [] : mentions.indices.filter { k in
                guard let key = mentions[k].entityKey, placeLengths & TopicTracker.lengthBit(key) != 0 else { return false }
                return entityByKey.read(key) { $0.type } == .place
            }
            var reported: [Event] = []
            for (t, at, length) in found {
            // The trigger read in place (a copy retained its strings, phrases and set).
            let type = rules.triggers[t].type
            // A plan is no report: "will", "plans" … in the trigger's clause.
            if isPlanned(before: at, tokens, rules) { continue }
            if !rules.triggers[t].needs.isEmpty,
               !mentions.indices.contains(where: { rules.triggers[t].needs.contains(mentions[$0].type) }) { continue }
            // The date.
            var start: PartialDate?
            var end: PartialDate?
            var inherited: Event?
            if let own = bestDate(text.dates[position]) {
                start = own.dateStart
                end = own.dateEnd
            } else if let previous = last, refersBack {
                // "At this event" means the meeting or fair, not the visit reported with it.
                // The date is the last event's ("on the same day"); the place is the venue's.
                inherited = previous.venue ?? previous.event
                start = previous.event.dateStart
                end = previous.event.dateEnd
            } else if rules.triggers[t].dateless, let published = text.published {
                start = PartialDate(year: published.year)
            }
            guard let dateStart = start else { continue }
            if let published = text.published, dateStart > published, !published.iso.hasPrefix(dateStart.iso) { continue }
            // Participants: named before the trigger act, named after it are the target.
            // By index, made to size: `compactMap` took each mention by value (eight strings retained).
            var participants: [Event.Participant] = []
            participants.reserveCapacity(mentions.count)
            for k in mentions.indices {
                guard let key = mentions[k].entityKey else { continue }
                participants.append(Event.Participant(entity: key, role: mentions[k].firstToken < at ? .actor : .target))
            }
            let matchEnd = tokens[min(tokens.count, at + length) - 1].end
            // The places: each stop of a visit, or one place.
            var eventPlaces: [String?]
            if type == .visit {
                let stops = self.stops(after: at, places, mentions, tokens, rules)
                let before = places.filter { mentions[$0].firstToken < at && isDestination(at: mentions[$0].firstToken, tokens, rules) }
                    .compactMap { mentions[$0].entityKey }
                if !stops.isEmpty {
                    eventPlaces = stops.map { Optional($0) }
                } else if !before.isEmpty {
                    eventPlaces = before.map { Optional($0) }
                } else if mentions.contains(where: { $0.firstToken > at && [.organization, .facility, .zone].contains($0.type) }) {
                    // A visit to a firm or institution is a visit to the city the text is about.
                    eventPlaces = [inherited?.place ?? topic.main]
                } else {
                    eventPlaces = [inherited?.place]
                }
            } else if let inherited, refersBack || places.isEmpty {
                eventPlaces = [inherited.place]
            } else if type == .membership {
                // The member is the place: "Panjin became the first city … to join".
                let member = places.first { mentions[$0].firstToken < at && mentions[$0].subtype == "city" } ?? places.first
                eventPlaces = [member.flatMap { mentions[$0].entityKey } ?? topic.main]
            } else {
                let located = places.first { p in mentions[p].firstToken > 0 && rules.locations.contains(tokens[mentions[p].firstToken - 1]) }
                    ?? places.first { !isOrigin(at: mentions[$0].firstToken, tokens, rules) }
                eventPlaces = [located.flatMap { mentions[$0].entityKey } ?? topic.main]
            }
            for place in eventPlaces {
                let event = Event(type: type, dateStart: dateStart, dateEnd: end, place: place,
                                  participants: participants, sentence: position, matchStart: tokens[at].start,
                                  matchEnd: matchEnd, rule: rules.triggers[t].rule)
                events.append(event)
                reported.append(event)
            }
            }
            if let first = reported.first {
                let venue = reported.first { $0.type != .visit } ?? (first.type == .visit ? last?.venue : nil)
                last = (first, venue, position)
            }
        }
        return merged(events)
    }

    /// The first trigger of each event type in the sentence (its position in `rules.triggers`),
    /// where it is and its phrase's length; tokens marked in `skipping` (empty: none) are passed
    /// over. The triggers are read in place: `candidates.map { rules.triggers[$0] }` copied each
    /// one's strings and sets, and so did returning the triggers found (8,000 on 2 MB).
    func triggers(_ rules: EventRules, _ tokens: [Token], skipping: [Bool]) -> [(trigger: Int, at: Int, length: Int)] {
        var found: [(trigger: Int, at: Int, length: Int)] = []
        tokens.withUnsafeBufferPointer { buffer in
            var i = rules.nextTriggerStart(buffer, from: 0)
            while i < buffer.count {
                defer { i = rules.nextTriggerStart(buffer, from: i + 1) }
                guard skipping.isEmpty || !skipping[i], let candidates = rules.byFirstWord[tokens[i]] else { continue }
                // The types found are those of `found` (an array of its own was allocated per sentence with a trigger).
                for index in candidates where !found.contains(where: { rules.triggers[$0.trigger].type == rules.triggers[index].type }) {
                    for phrase in rules.triggers[index].phrases where i + phrase.count <= tokens.count {
                        if phrase.indices.allSatisfy({ tokens[i + $0].key == phrase[$0] }) {
                            found.append((index, i, phrase.count))
                            break
                        }
                    }
                }
            }
        }
        return found
    }

    /// Whether a plan or negation word ("will", "plans", "nicht") stands in the clause of the
    /// trigger at `at`: from the last comma, semicolon or clause word before it (that word
    /// included), else from the sentence start. Read by index, the words by the tokens' hashes:
    /// `lastIndex(where:)` and `contains(where:)` over slices copied every token into their closures
    /// and hashed each key again for the three sets.
    func isPlanned(before at: Int, _ tokens: [Token], _ rules: EventRules) -> Bool {
        var clauseStart = 0
        var k = at - 1
        while k >= 0 {
            // "," and ";" by their hashes first: most tokens are neither, and ruled out without a comparison.
            if (tokens[k].keyHash == EventExtractor.commaHash && tokens[k].key == ",")
                || (tokens[k].keyHash == EventExtractor.semicolonHash && tokens[k].key == ";")
                || rules.clauseStarts.contains(tokens[k]) {
                clauseStart = k
                break
            }
            k -= 1
        }
        for k in clauseStart..<max(clauseStart, at) where rules.modal.contains(tokens[k]) || rules.negation.contains(tokens[k]) {
            return true
        }
        return false
    }

    /// ``Token/keyHash`` of "," and ";" (a token's key is its folded text).
    static let commaHash = WordIndex.hash(","), semicolonHash = WordIndex.hash(";")

    /// The places a trip goes to: the first place after the trigger and those enumerated with it
    /// ("nach Deutschland, Saudi-Arabien und Russland").
    /// `places` are positions in `mentions`.
    func stops(after at: Int, _ places: [Int], _ mentions: [Mention], _ tokens: [Token], _ rules: EventRules) -> [String] {
        guard let first = places.first(where: { mentions[$0].firstToken >= at && !isOrigin(at: mentions[$0].firstToken, tokens, rules) }),
              let key = mentions[first].entityKey else { return [] }
        var keys = [key]
        var end = mentions[first].lastToken
        for next in places where mentions[next].firstToken > mentions[first].firstToken {
            // Stops are alike ("Germany, Saudi Arabia and Russia"); "Qingdao, Shandong province" is one.
            let start = mentions[next].firstToken
            guard start > end, tokens[end..<start].allSatisfy({ $0.key == "," || rules.listJoiners.contains($0.key) }),
                  mentions[next].subtype == mentions[first].subtype, let k = mentions[next].entityKey else { break }
            if !keys.contains(k) { keys.append(k) }
            end = mentions[next].lastToken
        }
        return keys
    }

    /// The most precise date of a sentence: a range or a day before a month before a year.
    func bestDate(_ dates: [DateExpression]) -> DateExpression? {
        func rank(_ d: DateExpression) -> Int {
            switch d.precision {
            case .range: return 4
            case .day: return 3
            case .month: return 2
            case .year: return 1
            }
        }
        return dates.max { rank($0) < rank($1) }
    }

    /// "from Germany and China", "aus Graz", "a delegation of the Łódź Voivodeship", "eine Delegation der
    /// Stadt Hefei": where participants come from, not where it happens.
    /// The place's mention starts at token `first`.
    func isOrigin(at first: Int, _ tokens: [Token], _ rules: EventRules) -> Bool {
        let before = tokens[max(0, first - 4)..<first].map(\.key)
        if let d = before.lastIndex(where: { rules.delegations.contains($0) }),
           before[(d + 1)...].allSatisfy({ rules.delegationLinks.contains($0) || rules.origins.contains($0) }) {
            return true
        }
        var k = first - 1
        while k >= 0, tokens[k].key == "," || rules.listJoiners.contains(tokens[k])
                || (k > 0 && tokens[k].shape == .capitalized && k >= first - 3) {
            if rules.origins.contains(tokens[k]) { return true }
            k -= 1
        }
        return k >= 0 && rules.origins.contains(tokens[k])
    }

    /// "Reise nach Saudi-Arabien", "trip to Berlin": a place named as where a trip goes.
    /// The place's mention starts at token `first`.
    func isDestination(at first: Int, _ tokens: [Token], _ rules: EventRules) -> Bool {
        first > 0 && rules.destinations.contains(tokens[first - 1])
    }

    /// One event per (type, place) whose dates agree: the more precise date wins, participants join.
    /// By index, sized once: `for event in events`, `firstIndex(where:)` over the events and the
    /// appends copied and grew them.
    func merged(_ events: [Event]) -> [Event] {
        var out: [Event] = []
        out.reserveCapacity(events.count)
        for e in events.indices {
            if let k = out.indices.first(where: {
                out[$0].type == events[e].type && out[$0].place == events[e].place && EventExtractor.agree(out[$0].dateStart, events[e].dateStart)
            }) {
                if EventExtractor.isoLength(events[e].dateStart) > EventExtractor.isoLength(out[k].dateStart)
                    || (events[e].dateEnd != nil && out[k].dateEnd == nil) {
                    out[k].dateStart = events[e].dateStart
                    out[k].dateEnd = events[e].dateEnd
                }
                for p in events[e].participants where !out[k].participants.contains(p) { out[k].participants.append(p) }
                out[k].evidence.append(contentsOf: events[e].evidence)
            } else {
                out.append(events[e])
            }
        }
        return out
    }

    /// Whether one date's ISO form begins the other's ("2019" and "2019-10-31"); false when
    /// either is missing. A date of ``hasFixedWidthISO(_:)`` by its parts, without making the two
    /// strings (each a `String(format4:)` and appends).
    static func agree(_ a: PartialDate?, _ b: PartialDate?) -> Bool {
        guard let a, let b else { return false }
        guard hasFixedWidthISO(a) && hasFixedWidthISO(b) else { return a.iso.hasPrefix(b.iso) || b.iso.hasPrefix(a.iso) }
        return a.year == b.year && (a.month == nil || b.month == nil || a.month == b.month && (a.day == nil || b.day == nil || a.day == b.day))
    }

    /// The length of a date's ISO form, 0 when it is missing.
    static func isoLength(_ date: PartialDate?) -> Int {
        guard let date else { return 0 }
        guard hasFixedWidthISO(date) else { return date.iso.count }
        return 4 + (date.month == nil ? 0 : 3) + (date.day == nil ? 0 : 3)
    }

    /// Whether a date's ISO form is `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with every part that wide:
    /// then one begins another exactly when their parts agree as far as both go.
    static func hasFixedWidthISO(_ date: PartialDate) -> Bool {
        (1000...9999).contains(date.year) && (date.month.map { (1...99).contains($0) } ?? (date.day == nil))
            && (date.day.map { (1...99).contains($0) } ?? true)
    }
}
