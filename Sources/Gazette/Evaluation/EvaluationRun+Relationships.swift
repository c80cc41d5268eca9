/// A relationship as `score.py` compares them: gold entity indexes (unordered for symmetric
/// predicates), or, for a fact whose subject or object matches no gold entity, its names.
enum FactKey: Hashable {
    case matched(predicate: String?, Int?, Int?)
    case unmatched(subject: String?, predicate: String?, object: String?)

    init(_ subject: Int?, _ predicate: String?, _ object: Int?) {
        if let predicate, Evaluator.symmetricPredicates.contains(predicate),
            FactKey.precedes(object, subject)
        {
            self = .matched(predicate: predicate, object, subject)
        } else {
            self = .matched(predicate: predicate, subject, object)
        }
    }

    var predicate: String {
        switch self {
        case .matched(let p, _, _), .unmatched(_, let p, _): return PythonText.str(p)
        }
    }

    /// An order on optional indexes (nil first), so that a pair and its reverse share one key.
    private static func precedes(_ a: Int?, _ b: Int?) -> Bool {
        switch (a, b) {
        case (nil, .some): return true
        case (.some(let x), .some(let y)): return x < y
        default: return false
        }
    }
}

extension EvaluationRun {
    /// Compares the document's `facts` with its gold relationships, as sets of ``FactKey``s.
    mutating func scoreRelationships(_ gold: GoldFile) throws(GazetteError) -> Tally {
        let d = gold.document
        var goldFacts = InsertionOrderedDictionary<FactKey, (String, String, String)>()
        for r in gold.relationships {
            goldFacts[FactKey(gold.match([r.subject]), r.predicate, gold.match([r.object]))] = (
                r.subject, r.predicate, r.object
            )
        }
        var storeFacts = InsertionOrderedDictionary<FactKey, (String?, String?, String?)>()
        let table = try views.store.rows(
            sql: "SELECT subject, predicate, object FROM facts WHERE document = ?", arguments: [d])
        for row in table.rows {
            let (subject, predicate, object) = (
                PublicViews.str(row[0]), PublicViews.str(row[1]), PublicViews.str(row[2])
            )
            let key: FactKey
            if let si = gold.match(views.surfaceForms(of: subject)),
                let oi = gold.match(views.surfaceForms(of: object))
            {
                key = FactKey(si, predicate, oi)
            } else {
                key = .unmatched(subject: subject, predicate: predicate, object: object)
            }
            storeFacts[key] = (subject, predicate, object)
        }
        var correct = 0
        for key in goldFacts.keys + storeFacts.keys.filter({ goldFacts[$0] == nil }) {
            let expected = goldFacts[key]
            let found = storeFacts[key]
            var tally = predicates[key.predicate] ?? Tally()
            if expected != nil && found != nil {
                tally.matchedPredicted += 1
                tally.matchedGold += 1
                correct += 1
            }
            if found != nil { tally.predicted += 1 }
            if expected != nil { tally.gold += 1 }
            predicates[key.predicate] = tally
            if let r = expected, found == nil {
                misses.verbose("\(d): missed fact \(r.0) \(r.1) \(r.2)")
            }
            if let r = found, expected == nil {
                misses.verbose(
                    "\(d): extra fact \(PythonText.str(r.0)) \(PythonText.str(r.1)) \(PythonText.str(r.2))"
                )
            }
        }
        return Tally(
            matchedPredicted: correct, predicted: storeFacts.count, matchedGold: correct,
            gold: goldFacts.count)
    }
}
