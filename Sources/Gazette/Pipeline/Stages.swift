/// A document after normalization and sentence splitting: what every extraction stage reads.
public struct AnalyzedText: Sendable {
    public var text: String
    public var language: Language
    /// The publication date relative dates resolve against.
    public var published: PartialDate?
    public var sentences: [Sentence]
    /// The tokens of each sentence, made once and shared by every stage.
    public var tokens: [[Token]]
    /// The date expressions of each sentence, with document offsets.
    public var dates: [[DateExpression]]

    public init(text: String, language: Language, published: PartialDate?, sentences: [Sentence],
                dates: [[DateExpression]] = []) {
        self.text = text
        self.language = language
        self.published = published
        self.sentences = sentences
        self.tokens = sentences.map(Tokenizer.tokens(of:))
        self.dates = dates.count == sentences.count ? dates : Array(repeating: [], count: sentences.count)
    }
}

/// Mentions with their entities, as resolution leaves them.
public struct ResolvedMentions: Sendable {
    /// Every mention, with ``Mention/entityKey`` set.
    public var mentions: [Mention] {
        didSet { sentenceIndex = nil }
    }
    /// One per key.
    public var entities: [ResolvedEntity] {
        didSet { keyIndex = nil }
    }
    /// ``byKey`` and ``bySentence(_:)`` as ``makeIndexes(sentences:)`` made them: the relation and
    /// the event extractor both read them, and each made its own (3 % of the extraction's
    /// instructions for the two). Dropped when the arrays change.
    private var keyIndex: WordMap<ResolvedEntity>?
    private var sentenceIndex: [[Mention]]?

    public init(mentions: [Mention] = [], entities: [ResolvedEntity] = []) {
        self.mentions = mentions
        self.entities = entities
    }

    /// Makes ``byKey`` and ``bySentence(_:)`` for a text of `sentences` sentences once, for every
    /// later reader (``Pipeline`` calls it after resolution).
    public mutating func makeIndexes(sentences: Int) {
        keyIndex = makeByKey()
        sentenceIndex = makeBySentence(sentences)
    }

    /// The entities by key (the first of equal keys), in a ``WordMap``: the relation and event
    /// rules look an entity up for every mention they try, and with a `Dictionary` each look-up
    /// ran a seeded SipHash of the key (the change saved 1.3 % of extraction's instructions).
    public var byKey: WordMap<ResolvedEntity> {
        keyIndex ?? makeByKey()
    }

    /// The entity of `mention` (its ``Mention/entityIndex``), read in place by `body`; nil for a
    /// mention without an entity. No key is hashed.
    @inline(__always)
    public func readEntity<T>(of mention: Mention, _ body: (ResolvedEntity) -> T) -> T? {
        entities.indices.contains(mention.entityIndex) ? body(entities[mention.entityIndex]) : nil
    }

    /// The mentions of each of `count` sentences, in token order.
    public func bySentence(_ count: Int) -> [[Mention]] {
        if let sentenceIndex, sentenceIndex.count == count { return sentenceIndex }
        return makeBySentence(count)
    }

    // By index, and sorted in place: `for m in mentions`, `map` and `sorted` copied every mention
    // (its strings retained and released) two or three times.
    // The entities array itself as the map's storage (the keys resolution gives are distinct):
    // each entity copied into the map cost 4.6 M instructions on 2 MB, and as much to release.
    private func makeByKey() -> WordMap<ResolvedEntity> {
        WordMap(sharing: entities) { entities[$0].key }
    }

    // Counted first, so that each sentence's array is allocated once at its size: appended to
    // from empty, the arrays grew one, two, four mentions, an allocation and a move each time.
    private func makeBySentence(_ count: Int) -> [[Mention]] {
        var sizes = [Int](repeating: 0, count: count)
        for k in mentions.indices where sizes.indices.contains(mentions[k].sentence) { sizes[mentions[k].sentence] += 1 }
        var out: [[Mention]] = sizes.map { size in
            var mentions: [Mention] = []
            mentions.reserveCapacity(size)
            return mentions
        }
        for k in mentions.indices where out.indices.contains(mentions[k].sentence) {
            out[mentions[k].sentence].append(mentions[k])
        }
        for s in out.indices where out[s].count > 1 { out[s].sort { $0.firstToken < $1.firstToken } }
        return out
    }
}

/// Finds entity mentions in a document's sentences.
public protocol MentionFinding: Sendable {
    func mentions(in text: AnalyzedText) -> [Mention]
}

/// Links mentions to entities and types them.
public protocol EntityResolving: Sendable {
    /// The mentions are handed over (`consuming`): resolution changes them in place, and an array
    /// the caller still held was copied whole at the first change (every mention's strings
    /// retained) and the caller's copy destroyed afterwards, about 13 million instructions on 2 MB.
    func resolve(_ mentions: consuming [Mention], in text: AnalyzedText) -> ResolvedMentions
}

/// Extracts relationships between resolved entities.
public protocol RelationExtracting: Sendable {
    func facts(in text: AnalyzedText, entities: ResolvedMentions) -> [Fact]
}

/// Extracts dated events with participants.
public protocol EventExtracting: Sendable {
    func events(in text: AnalyzedText, entities: ResolvedMentions) -> [Event]
}

/// A stage that finds nothing: the default until a rule set provides one.
public struct EmptyStage: MentionFinding, EntityResolving, RelationExtracting, EventExtracting {
    public init() {}
    public func mentions(in text: AnalyzedText) -> [Mention] { [] }
    public func resolve(_ mentions: consuming [Mention], in text: AnalyzedText) -> ResolvedMentions {
        ResolvedMentions(mentions: mentions, entities: [])
    }
    public func facts(in text: AnalyzedText, entities: ResolvedMentions) -> [Fact] { [] }
    public func events(in text: AnalyzedText, entities: ResolvedMentions) -> [Event] { [] }
}
