/// Everything the knowledge base knows about one entity: what `gazette show` prints.
public struct EntityProfile: Sendable, Equatable {
    /// The entity as resolved.
    public var entity: EntityReference
    /// One row: name, key, type, subtype, country, country_source, region, reference, latitude,
    /// longitude, aliases (JSON), documents (JSON, the first `limit`), document_count, mentions.
    public var summary: ResultTable
    /// Each mention: document, surface text, rule and the sentence it is in.
    public var mentions: ResultTable
    /// Each fact naming the entity, with its evidence (see ``Store/facts(predicate:entity:)``).
    public var facts: ResultTable
    /// Each event the entity takes part in or that happens there, oldest first.
    public var events: ResultTable
    /// Titles of the sections cut at the profile's limit.
    public var truncated: Set<String> = []

    /// The sections in print order, with their headings.
    public var sections: [(title: String, table: ResultTable)] {
        [("Mentions", mentions), ("Facts", facts), ("Events", events)]
    }

    public static func == (lhs: EntityProfile, rhs: EntityProfile) -> Bool {
        lhs.entity == rhs.entity && lhs.summary == rhs.summary && lhs.mentions == rhs.mentions
            && lhs.facts == rhs.facts && lhs.events == rhs.events && lhs.truncated == rhs.truncated
    }
}
