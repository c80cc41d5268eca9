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

    public init(pipeline: Pipeline, reader: DocumentReader = DocumentReader()) {
        self.pipeline = pipeline
        self.reader = reader
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
        do {
            try store.importTransaction { writer in
                var lastProgress = Date.distantPast
                for (index, file) in files.enumerated() {
                    for item in reader.read(file: file) {
                        do {
                            let source = try item.get()
                            let doc = try pipeline.extract(source)
                            report.count(try writer.write(doc), doc)
                        } catch let error as GazetteError {
                            report.failures.append(error)
                        }
                    }
                    if Date().timeIntervalSince(lastProgress) > 0.5 || index == files.count - 1 {
                        lastProgress = Date()
                        progress(Progress(filesDone: index + 1, filesTotal: files.count, documents: report.documents,
                                          words: report.words, seconds: Date().timeIntervalSince(started)))
                    }
                }
                if !report.failures.isEmpty && !skipBad {
                    throw ImportFailure(failures: report.failures)
                }
            }
        }
        report.seconds = Date().timeIntervalSince(started)
        report.totals = try store.counts()
        return report
    }
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
