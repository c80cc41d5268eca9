/// Counts behind one score, as `score.py` keeps them: correct predictions, predictions, found gold
/// items, gold items.
struct Tally: Sendable {
    var matchedPredicted = 0
    var predicted = 0
    var matchedGold = 0
    var gold = 0

    static func += (lhs: inout Tally, rhs: Tally) {
        lhs.matchedPredicted += rhs.matchedPredicted
        lhs.predicted += rhs.predicted
        lhs.matchedGold += rhs.matchedGold
        lhs.gold += rhs.gold
    }

    /// `score.py`'s `prf`, rounded to three decimals like its output.
    var score: EvaluationReport.Score {
        let p =
            predicted > 0 ? Double(matchedPredicted) / Double(predicted) : (gold == 0 ? 1.0 : 0.0)
        let r = gold > 0 ? Double(matchedGold) / Double(gold) : 1.0
        let f = p + r != 0 ? 2 * p * r / (p + r) : 0.0
        return EvaluationReport.Score(
            precision: PythonText.round3(p), recall: PythonText.round3(r),
            f1: PythonText.round3(f), predicted: predicted, gold: gold,
            matched: matchedPredicted)
    }
}

/// A count of correct answers out of all, for the accuracies.
struct Ratio: Sendable {
    var correct = 0
    var total = 0

    mutating func count(_ ok: Bool) {
        total += 1
        if ok { correct += 1 }
    }

    /// `round(correct / total, 3)`, nil when nothing was counted.
    var value: Double? { total > 0 ? PythonText.round3(Double(correct) / Double(total)) : nil }
}

/// The misses of a run, in `score.py --verbose` order; `problems` are those it prints always.
struct MissLog: Sendable {
    var all: [String] = []
    var problems: [String] = []

    mutating func verbose(_ line: String) { all.append(line) }

    mutating func problem(_ line: String) {
        all.append(line)
        problems.append(line)
    }
}

/// A dictionary that remembers the order of first insertion, as a Python `dict` does; setting a
/// key again replaces its value but keeps its place.
struct InsertionOrderedDictionary<Key: Hashable, Value> {
    private(set) var keys: [Key] = []
    private var values: [Key: Value] = [:]

    subscript(key: Key) -> Value? {
        get { values[key] }
        set {
            guard let newValue else { return }
            if values.updateValue(newValue, forKey: key) == nil { keys.append(key) }
        }
    }

    var count: Int { keys.count }
}
