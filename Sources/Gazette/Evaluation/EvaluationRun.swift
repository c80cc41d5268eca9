/// The running totals of one evaluation, filled document by document (`score.py`'s `main` loop).
struct EvaluationRun {
    let views: PublicViews
    var entities = Tally()
    var relationships = Tally()
    var events = Tally()
    var jvPairs = Tally()
    /// Per predicate: correct, in the store, in gold.
    var predicates: [String: Tally] = [:]
    var typeAccuracy = Ratio()
    var countryAccuracy = Ratio()
    var metaAccuracy = Ratio()
    var documents: [EvaluationReport.DocumentScore] = []
    var misses = MissLog()

    init(views: PublicViews) {
        self.views = views
    }

    /// Scores one gold document: its metadata, entities, relationships and events.
    mutating func score(_ gold: GoldFile) throws(GazetteError) {
        let imported = try scoreMeta(gold)
        let entityTally = scoreEntities(gold)
        let relationshipTally = try scoreRelationships(gold)
        let eventTally = try scoreEvents(gold)
        entities += entityTally
        relationships += relationshipTally
        events += eventTally
        documents.append(
            EvaluationReport.DocumentScore(
                document: gold.document, language: gold.meta?.language, imported: imported,
                entities: entityTally.score, relationships: relationshipTally.score,
                events: eventTally.score))
    }

    /// Compares the `documents` row with the gold `published`, `dateline` and `language`; false when
    /// the document was not imported.
    mutating func scoreMeta(_ gold: GoldFile) throws(GazetteError) -> Bool {
        let d = gold.document
        let table = try views.store.rows(
            sql: "SELECT * FROM documents WHERE name = ?", arguments: [d])
        let row = table.rows.first
        if row == nil {
            misses.problem("\(d): document not imported")
        }
        for field in ["published", "dateline", "language"] {
            guard let expected = gold.meta?.value(field), !expected.isEmpty else { continue }
            var got: ResultTable.Value?
            if let row, let column = table.columns.firstIndex(of: field) { got = row[column] }
            if let got, Evaluator.norm(PublicViews.str(got)) == Evaluator.norm(expected) {
                metaAccuracy.count(true)
            } else {
                metaAccuracy.count(false)
                misses.verbose(
                    "\(d): meta \(field) gold=\(PythonText.repr(expected)) got=\(got.map(PublicViews.repr) ?? "None")"
                )
            }
        }
        return row != nil
    }

    func report() -> EvaluationReport {
        EvaluationReport(
            entities: entities.score, relationships: relationships.score, events: events.score,
            jvPairs: jvPairs.score,
            predicates: predicates.mapValues(\.score),
            entityTypeAccuracy: typeAccuracy.value, countryAccuracy: countryAccuracy.value,
            metaAccuracy: metaAccuracy.value,
            documents: documents, misses: misses.all, problems: misses.problems)
    }
}
