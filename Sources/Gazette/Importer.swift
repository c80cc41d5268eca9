import Foundation

/// Imports files into a ``Store``: read → ``Pipeline`` → write, all in one transaction.
///
/// An import is all or nothing: when a file is bad, every bad file is reported and nothing is
/// written, unless `skipBad` is set, in which case the good files land and the bad ones are
/// listed in the report. Re-importing unchanged files is a no-op; a changed file replaces its
/// old rows.
///
/// For example:
///
/// ```swift
/// let importer = Importer(pipeline: pipeline)
/// let report = try importer.run(paths: ["seeds/documents"], into: store)
/// report.added  // 5
/// ```
///
/// ## Topics
/// ### Running
/// - ``run(paths:into:skipBad:progress:)``
/// - ``ImportReport``
public struct Importer: Sendable {
    public var pipeline: Pipeline
    public var reader: DocumentReader
    /// Documents are read and extracted on this many threads; one writer stores them in input
    /// order, so the knowledge base is the same for any number of jobs.
    public var jobs: Int

    public init(pipeline: Pipeline, reader: DocumentReader = DocumentReader(),
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.pipeline = pipeline
        self.reader = reader
        self.jobs = max(1, jobs)
    }

    /// Where an import is, for a progress line.
    public struct Progress: Sendable {
        public var filesDone: Int
        public var filesTotal: Int
        public var documents: Int
        public var words: Int
        public var seconds: Double
    }

    /// Imports `paths` (files or directories) into `store`.
    ///
    /// - Throws: ``GazetteError/missingPath(_:)`` before anything is read; ``ImportFailure``
    ///   when files are bad and `skipBad` is false (nothing is written then).
    public func run(paths: [String], into store: Store, skipBad: Bool = false,
                    progress: (Progress) -> Void = { _ in }) throws -> ImportReport {
        let started = Date()
        let files = try reader.inputFiles(for: paths)
        var report = ImportReport()
        var writerStarted = StageTimes.now()
        do {
            try store.importTransaction { writer in
                var lastProgress = Date.distantPast
                // Batches bound memory: at most `batch` files are extracted and waiting at once.
                let batch = jobs == 1 ? 1 : 16 * jobs
                var done = 0
                for chunk in stride(from: 0, to: files.count, by: batch).map({ Array(files[$0..<min($0 + batch, files.count)]) }) {
                    for results in extract(chunk) {
                        for result in results {
                            switch result {
                            case .success(let doc):
                                report.times += doc.times
                                let outcome = try report.times.time(.write) { try writer.write(doc) }
                                report.count(outcome, doc)
                            case .failure(let error): report.failures.append(error)
                            }
                        }
                        done += 1
                        if Date().timeIntervalSince(lastProgress) > 0.5 || done == files.count {
                            lastProgress = Date()
                            progress(Progress(filesDone: done, filesTotal: files.count, documents: report.documents,
                                              words: report.words, seconds: Date().timeIntervalSince(started)))
                        }
                    }
                }
                if !report.failures.isEmpty && !skipBad {
                    throw ImportFailure(failures: report.failures)
                }
                writerStarted = StageTimes.now()
            }
            // The commit (orphan sweep, confidences, WAL write) is the writer's time too.
            report.times[.write] += StageTimes.now() - writerStarted
        }
        report.seconds = Date().timeIntervalSince(started)
        report.totals = try store.counts()
        return report
    }
}

extension Importer {
    /// Reads and extracts files, on `jobs` threads; results in the files' order.
    func extract(_ files: [String]) -> [[Result<ExtractedDocument, GazetteError>]] {
        let slots = Slots<[Result<ExtractedDocument, GazetteError>]>(count: files.count, empty: [])
        let (reader, pipeline) = (self.reader, self.pipeline)
        let work: @Sendable (Int) -> Void = { index in
            let started = StageTimes.now()
            let items = reader.read(file: files[index])
            let readSeconds = StageTimes.now() - started
            slots[index] = items.enumerated().map { n, item in
                item.flatMap { source in
                    Result { () throws(GazetteError) -> ExtractedDocument in
                        var doc = try pipeline.extract(source)
                        // A file's read time goes to its first document.
                        if n == 0 { doc.times[.read] += readSeconds }
                        return doc
                    }
                }
            }
        }
        if jobs == 1 || files.count == 1 {
            for index in files.indices { work(index) }
        } else {
            DispatchQueue.concurrentPerform(iterations: files.count, execute: work)
        }
        return slots.values
    }
}

/// Results written by concurrent workers, each to its own index: disjoint writes, read after all
/// workers have finished.
final class Slots<Value>: @unchecked Sendable {
    private var storage: [Value]

    init(count: Int, empty: Value) {
        storage = Array(repeating: empty, count: count)
    }

    subscript(index: Int) -> Value {
        get { storage[index] }
        set { storage.withUnsafeMutableBufferPointer { $0[index] = newValue } }
    }

    var values: [Value] { storage }
}

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

/// An import stopped because files were bad; nothing was written.
public struct ImportFailure: Error, CustomStringConvertible, Sendable {
    public var failures: [GazetteError]

    public var description: String {
        let lines = failures.map { "  " + $0.description }.joined(separator: "\n")
        return "\(failures.count) bad input\(failures.count == 1 ? "" : "s"); nothing was imported "
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
