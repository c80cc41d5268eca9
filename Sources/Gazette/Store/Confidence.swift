import GRDB

/// How a fact's confidence follows from its evidence.
public enum Confidence {
    /// Independent documents each supporting a fact with their rule's precision `p`: the chance
    /// that at least one is right, `1 − Π(1 − p)`, capped at 0.99 because rules are never certain.
    public static func combine(_ precisions: [Double]) -> Double {
        value(wrong: precisions.reduce(1.0, fold))
    }

    /// The chance that every document so far is wrong, `wrong`, after one more with precision `p`.
    /// ``combine(_:)`` and ``ConfidenceTally`` fold with this one function, in the documents'
    /// order, so that both give the same `Double` to the last bit.
    static func fold(_ wrong: Double, _ precision: Double) -> Double {
        wrong * (1 - min(max(precision, 0), 1))
    }

    /// ``combine(_:)`` of one precision: what a relationship's first evidence makes it, and
    /// what ``ConfidenceTally/confidence`` gives for that evidence alone, to the last bit.
    static func single(_ precision: Double) -> Double {
        value(wrong: fold(1.0, precision))
    }

    /// The confidence stored for a fact whose documents are all wrong with chance `wrong`.
    static func value(wrong: Double) -> Double {
        min(0.99, ((1 - wrong) * 1000).rounded() / 1000)
    }
}

/// `gazette_confidence(p)`: ``Confidence/combine(_:)`` of the precisions it is given, in the
/// order SQLite gives them (the documents' order); NULL for none. Registered on every writable
/// connection (``Store/init(path:readOnly:)``); a file shared with others needs no such function.
struct ConfidenceAggregate: DatabaseAggregate {
    static let function = DatabaseFunction("gazette_confidence", argumentCount: 1, pure: true, aggregate: ConfidenceAggregate.self)

    var precisions: [Double] = []

    mutating func step(_ values: [DatabaseValue]) {
        if let precision = values.first.flatMap(Double.fromDatabaseValue) { precisions.append(precision) }
    }

    func finalize() -> (any DatabaseValueConvertible)? {
        precisions.isEmpty ? nil : Confidence.combine(precisions)
    }
}

/// The confidence of a relationship made in this transaction, folded as its evidence is written:
/// all its evidence is this transaction's, in document order, so ``finish()`` can write the value
/// without the aggregate query over `fact_evidence` (0.9 s at the end of a 100 MB import).
///
/// A document's evidence rows come together; of several, the best precision counts (the query's
/// `max(rule_precision) … GROUP BY document_id`).
struct ConfidenceTally {
    private var wrong = 1.0
    private var document: Int64 = -1
    private var best = 0.0
    /// The confidence its row was inserted with (``Confidence/single(_:)`` of its first
    /// evidence), NaN when unknown: ``DocumentWriter/updateConfidences()`` updates only a row
    /// whose confidence differs. Most relationships have one piece of evidence, and an
    /// `UPDATE` each was about 6,000 instructions, serial at the end of the import.
    var written = Double.nan

    /// Adds one evidence row of `document` (documents come in increasing order).
    mutating func add(document: Int64, precision: Double) {
        if document == self.document {
            best = max(best, precision)
            return
        }
        if self.document >= 0 { wrong = Confidence.fold(wrong, best) }
        self.document = document
        best = precision
    }

    /// Whether no evidence was added (a relationship whose evidence went with a replaced document).
    var isEmpty: Bool { document < 0 }

    /// The value ``Confidence/combine(_:)`` gives for the same evidence.
    var confidence: Double {
        Confidence.value(wrong: document >= 0 ? Confidence.fold(wrong, best) : wrong)
    }
}
