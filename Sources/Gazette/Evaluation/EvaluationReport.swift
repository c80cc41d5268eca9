/// How well a knowledge base agrees with gold files: the figures of `shared/tools/score.py`, per
/// category, predicate and document, with every miss and extra.
///
/// Figures are rounded to three decimals, as `score.py` rounds them, so that the two can be compared
/// exactly.
///
/// For example:
///
/// ```swift
/// let report = try store.evaluate(goldDirectory: URL(fileURLWithPath: "../shared/gold"))
/// report.relationships.f1        // 0.824 (the seed documents)
/// report.scoreLines(verbose: false).joined(separator: "\n")   // what score.py prints
/// ```
///
/// ## Topics
/// ### Categories
/// - ``entities`` ``relationships`` ``events`` ``jvPairs`` ``predicates``
/// ### Accuracies
/// - ``entityTypeAccuracy`` ``countryAccuracy`` ``metaAccuracy``
/// ### Details
/// - ``documents`` ``misses`` ``problems``
public struct EvaluationReport: Sendable, Codable, Equatable {
    /// Precision, recall and F1 of one category, predicate or document.
    public struct Score: Sendable, Codable, Equatable {
        /// Correct predictions / predictions (1 when nothing was predicted and nothing was expected).
        public var precision: Double
        /// Found gold items / gold items (1 when there is no gold item).
        public var recall: Double
        public var f1: Double
        /// How many items the knowledge base has.
        public var predicted: Int
        /// How many items the gold files have.
        public var gold: Int
        /// How many predicted items match a gold item.
        public var matched: Int

        public init(
            precision: Double, recall: Double, f1: Double, predicted: Int, gold: Int, matched: Int
        ) {
            self.precision = precision
            self.recall = recall
            self.f1 = f1
            self.predicted = predicted
            self.gold = gold
            self.matched = matched
        }
    }

    /// The scores of one gold document.
    public struct DocumentScore: Sendable, Codable, Equatable {
        /// The document's file name.
        public var document: String
        /// The gold file's language (`en`, `de`), if it gives one.
        public var language: String?
        /// False when the knowledge base has no such document.
        public var imported: Bool
        public var entities: Score
        public var relationships: Score
        public var events: Score
    }

    public var entities: Score
    public var relationships: Score
    public var events: Score
    /// The European-JV question: (firm, place) pairs of `joint_ventures` with a European firm.
    public var jvPairs: Score
    /// Relationship scores per predicate.
    public var predicates: [String: Score]
    /// Share of matched entities with the gold type; nil when none matched.
    public var entityTypeAccuracy: Double?
    /// Share of matched organizations and places below country level with the gold country.
    public var countryAccuracy: Double?
    /// Share of gold `published`, `dateline` and `language` values the `documents` view has.
    public var metaAccuracy: Double?
    /// One entry per gold file, in file-name order.
    public var documents: [DocumentScore]
    /// Every miss and extra, as `score.py --verbose` lists them, in its order.
    public var misses: [String]
    /// The misses `score.py` prints even without `--verbose`: documents not imported, an unreadable
    /// `joint_ventures` view.
    public var problems: [String]

    enum CodingKeys: String, CodingKey {
        case entities, relationships, events, predicates, documents, misses, problems
        case jvPairs = "jv_pairs"
        case entityTypeAccuracy = "entity_type_accuracy"
        case countryAccuracy = "country_accuracy"
        case metaAccuracy = "meta_accuracy"
    }

    public init(
        entities: Score, relationships: Score, events: Score, jvPairs: Score,
        predicates: [String: Score],
        entityTypeAccuracy: Double?, countryAccuracy: Double?, metaAccuracy: Double?,
        documents: [DocumentScore], misses: [String], problems: [String]
    ) {
        self.entities = entities
        self.relationships = relationships
        self.events = events
        self.jvPairs = jvPairs
        self.predicates = predicates
        self.entityTypeAccuracy = entityTypeAccuracy
        self.countryAccuracy = countryAccuracy
        self.metaAccuracy = metaAccuracy
        self.documents = documents
        self.misses = misses
        self.problems = problems
    }

    /// Writes absent accuracies as `null`, as `score.py --json` does, rather than leaving them out.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(entities, forKey: .entities)
        try c.encode(relationships, forKey: .relationships)
        try c.encode(events, forKey: .events)
        try c.encode(jvPairs, forKey: .jvPairs)
        try c.encode(predicates, forKey: .predicates)
        try c.encode(entityTypeAccuracy, forKey: .entityTypeAccuracy)
        try c.encode(countryAccuracy, forKey: .countryAccuracy)
        try c.encode(metaAccuracy, forKey: .metaAccuracy)
        try c.encode(documents, forKey: .documents)
        try c.encode(misses, forKey: .misses)
        try c.encode(problems, forKey: .problems)
    }
}
