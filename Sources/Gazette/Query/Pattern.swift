/// A parsed query pattern: one relationship between two entity nodes, optionally inside a place.
///
/// For example, `organization[region=Europe] has_joint_venture_in place within Liaoning` is
/// `Pattern(subject: organization [region=Europe], predicate: has_joint_venture_in,
/// object: place, within: "Liaoning")`.
public struct Pattern: Sendable, Equatable {
    /// One attribute test, `name=value`.
    public struct Filter: Sendable, Equatable {
        public var name: String
        public var value: String
    }

    /// An entity node: a type (nil for any) and its filters.
    public struct Node: Sendable, Equatable {
        public var type: EntityType?
        public var filters: [Filter]
    }

    public var subject: Node
    public var predicate: RelationPredicate
    /// Filters on the relationship's attributes (`role`, `amount`).
    public var predicateFilters: [Filter]
    public var object: Node
    /// The place the object must lie in, as typed.
    public var within: String?

    /// Parses a pattern.
    ///
    /// - Throws: ``GazetteError/invalidPattern(pattern:column:length:reason:)`` pointing at the
    ///   offending token.
    public init(parsing text: String) throws(GazetteError) {
        var parser = PatternParser(text)
        self = try parser.parse()
    }

    public init(subject: Node, predicate: RelationPredicate, predicateFilters: [Filter] = [],
                object: Node, within: String? = nil) {
        self.subject = subject
        self.predicate = predicate
        self.predicateFilters = predicateFilters
        self.object = object
        self.within = within
    }
}
