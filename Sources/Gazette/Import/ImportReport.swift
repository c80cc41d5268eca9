import Foundation

/// What an import did.
public struct ImportReport: Sendable {
    public var added = 0
    public var replaced = 0
    public var unchanged = 0
    public var duplicates = 0
    /// Words of the documents read (added, replaced, unchanged or duplicate).
    public var words = 0
    public var sentences = 0
    public var mentions = 0
    public var facts = 0
    public var events = 0
    /// Bad files and lines, each naming its path and problem (imported around with `skipBad`).
    public var failures: [GazetteError] = []
    public var seconds = 0.0
    /// Documents in committed transactions (with `batch`, what a failure later on leaves stored).
    public var committed = 0
    /// Seconds per stage: extraction stages summed over worker threads, `write` the single writer's
    /// busy time (its share of ``seconds`` is how much of the import waited on SQLite).
    public var times = StageTimes()
    /// Row counts of the whole database after the import.
    public var totals: [String: Int] = [:]

    /// Documents processed, whatever their outcome.
    public var documents: Int { added + replaced + unchanged + duplicates }

    public var wordsPerSecond: Double { seconds > 0 ? Double(words) / seconds : 0 }

    mutating func count(_ outcome: WriteOutcome, _ doc: ExtractedDocument) {
        words += doc.wordCount
        switch outcome {
        case .added: added += 1
        case .replaced: replaced += 1
        case .unchanged: unchanged += 1; return
        case .duplicate: duplicates += 1; return
        }
        sentences += doc.sentences.count
        mentions += doc.mentions.count
        facts += doc.facts.count
        events += doc.events.count
    }
}

/// An import stopped because files were bad; nothing was written (or, in batches, nothing after
/// the last committed batch).
public struct ImportFailure: Error, CustomStringConvertible, Sendable {
    public var failures: [GazetteError]
    /// Documents of earlier batches that stay imported.
    public var committedDocuments = 0

    public init(failures: [GazetteError], committedDocuments: Int = 0) {
        self.failures = failures
        self.committedDocuments = committedDocuments
    }

    public var description: String {
        let lines = failures.map { "  " + $0.description }.joined(separator: "\n")
        let kept = committedDocuments > 0
            ? "the \(committedDocuments) documents of the batches before it stay imported; fix or remove the bad "
              + "input\(failures.count == 1 ? "" : "s") and run the same import again to resume "
            : "nothing was imported "
        return "\(failures.count) bad input\(failures.count == 1 ? "" : "s"); \(kept)"
            + "(pass --skip-bad to import the good ones):\n" + lines
    }
}

extension ImportReport {
    /// The per-stage table: seconds in each stage and its share of the import's wall time. With
    /// `jobs > 1` the extraction stages run side by side, so their shares can add up to more than
    /// 100 %; the `write` share is how busy the single writer was.
    public var stageTable: ResultTable {
        let wall = max(seconds, 1e-9)
        var rows: [[ResultTable.Value]] = Stage.allCases.map { stage in
            [.text(stage.name), .real((times[stage] * 1000).rounded() / 1000),
             .real((times[stage] / wall * 1000).rounded() / 10)]
        }
        rows.append([.text("wall"), .real((seconds * 1000).rounded() / 1000), .real(100)])
        return ResultTable(columns: ["stage", "seconds", "percent_of_wall"], rows: rows)
    }
}
