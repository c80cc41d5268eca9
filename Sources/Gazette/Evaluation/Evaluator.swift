import Foundation

/// Scores a knowledge base against gold files, exactly as `shared/tools/score.py` does.
///
/// It reads only the public views (`documents`, `entity_summary`, `facts`, `timeline`,
/// `joint_ventures`) with the same statements and matching rules as `score.py`: names match by
/// ``norm(_:)`` against a gold entity's name or aliases, a second row for the same gold entity is an
/// extra, relationships match on (predicate, subject, object) with symmetric predicates unordered,
/// events one-to-one on type, date prefix and place, and the European-JV question on canonical
/// (firm, place) pairs.
///
/// For example:
///
/// ```swift
/// let store = try Store(path: "gazette.db", readOnly: true)
/// let report = try Evaluator(store: store).evaluate(goldDirectory: URL(fileURLWithPath: "../shared/gold"))
/// print(report.summaryLine)  // "entities F1 0.95 | relationships F1 0.82 | events F1 0.86 | …"
/// ```
///
/// ## Topics
/// ### Scoring
/// - ``evaluate(goldDirectory:)``
/// - ``EvaluationReport``
/// ### Matching
/// - ``norm(_:)``
public struct Evaluator: Sendable {
    /// Predicates whose subject and object may be swapped.
    public static let symmetricPredicates: Set<String> = [
        "joint_venture_with", "cooperates_with", "in_talks_with", "friendship_city_of",
    ]

    /// Countries counted as European when no gold file gives their region (`score.py`'s `EUROPE`).
    public static let europeanCountries: Set<String> = [
        "germany", "france", "spain", "italy", "switzerland", "austria", "netherlands", "belgium",
        "sweden", "norway", "denmark", "finland", "poland", "czech republic", "czechia",
        "united kingdom",
        "uk", "ireland", "portugal", "luxembourg", "hungary", "greece", "russia", "slovakia",
        "slovenia",
        "croatia", "romania", "bulgaria", "serbia", "estonia", "latvia", "lithuania", "iceland",
        "ukraine",
    ]

    /// The knowledge base to score.
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// Scores the store against every `*.json` gold file of `goldDirectory`.
    ///
    /// - Throws: ``GazetteError`` when the folder is missing or has no gold file, a gold file is
    ///   malformed, or a public view cannot be read.
    public func evaluate(goldDirectory: URL) throws(GazetteError) -> EvaluationReport {
        let golds = try GoldFile.loadAll(in: goldDirectory)
        var run = EvaluationRun(views: try PublicViews(store: store))
        for gold in golds {
            try run.score(gold)
        }
        try run.scoreJointVentures(golds)
        return run.report()
    }
}

extension Store {
    /// Scores this knowledge base against the gold files of `goldDirectory`, as `score.py` does.
    ///
    /// For example:
    ///
    /// ```swift
    /// let report = try store.evaluate(goldDirectory: URL(fileURLWithPath: "Tests/GazetteTests/Fixtures/gold"))
    /// report.entities.f1  // 0.951 (the seed documents)
    /// ```
    ///
    /// - Throws: ``GazetteError`` naming the gold folder or file, or the view that cannot be read.
    public func evaluate(goldDirectory: URL) throws(GazetteError) -> EvaluationReport {
        try Evaluator(store: self).evaluate(goldDirectory: goldDirectory)
    }
}
