import Foundation

extension EvaluationReport {
    /// One row per gold document: its language and the F1 of its entities, relationships and
    /// events, for `gazette eval --per-document`. Precision and recall are in ``documents``.
    ///
    /// A German document scoring far below the English ones shows a gap in the German rules.
    public var documentTable: ResultTable {
        let columns = ["document", "language", "entities_f1", "relationships_f1", "events_f1"]
        let rows: [[ResultTable.Value]] = documents.map { doc in
            [
                .text(doc.document), doc.language.map { .text($0) } ?? .null,
                .real(doc.entities.f1), .real(doc.relationships.f1), .real(doc.events.f1),
            ]
        }
        return ResultTable(columns: columns, rows: rows)
    }

    /// The report as pretty-printed JSON with sorted keys (`score.py --json`'s fields and more).
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
