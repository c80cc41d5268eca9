extension EvaluationReport {
    /// The four category names, in `score.py`'s order, with their scores.
    public var categories: [(name: String, score: Score)] {
        [
            ("entities", entities), ("relationships", relationships), ("events", events),
            ("jv_pairs", jvPairs),
        ]
    }

    /// What `score.py DB GOLD [--verbose]` prints, line by line, character for character: the misses
    /// (only the always-shown ones unless `verbose`), the four categories, the predicates, the
    /// accuracies and the summary line.
    ///
    /// For example:
    ///
    /// ```swift
    /// report.scoreLines(verbose: false).last  // "entities F1 0.95 | relationships F1 0.82 | …"
    /// ```
    public func scoreLines(verbose: Bool) -> [String] {
        var lines = (verbose ? misses : problems).map { "  " + $0 }
        for (name, v) in categories {
            lines.append(
                "\(PythonText.padded(name, 14)) P=\(PythonText.fixed2(v.precision)) R=\(PythonText.fixed2(v.recall))"
                    + " F1=\(PythonText.fixed2(v.f1))  (predicted \(v.predicted), gold \(v.gold))")
        }
        for name in predicates.keys.sorted(by: PythonText.less) {
            guard let v = predicates[name] else { continue }
            lines.append(
                "  \(PythonText.padded(name, 22)) P=\(PythonText.fixed2(v.precision))"
                    + " R=\(PythonText.fixed2(v.recall))  (predicted \(v.predicted), gold \(v.gold))"
            )
        }
        lines.append(
            "type acc=\(PythonText.repr(entityTypeAccuracy)) country acc=\(PythonText.repr(countryAccuracy))"
                + " meta acc=\(PythonText.repr(metaAccuracy))")
        lines.append(summaryLine)
        return lines
    }

    /// `score.py`'s last line: the four F1 figures.
    public var summaryLine: String {
        "entities F1 \(PythonText.fixed2(entities.f1)) | relationships F1 \(PythonText.fixed2(relationships.f1))"
            + " | events F1 \(PythonText.fixed2(events.f1)) | European-JV question F1 \(PythonText.fixed2(jvPairs.f1))"
    }
}
