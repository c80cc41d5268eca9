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
    /// - Parameters:
    ///   - batch: with nil (the default) the whole import is one transaction. With `n`, every `n`
    ///     documents are committed together: each batch is atomic, a killed import keeps the
    ///     batches before it, and running the same import again resumes, skipping the documents
    ///     already stored without extracting them again.
    /// - Throws: ``GazetteError/missingPath(_:)`` before anything is read; ``ImportFailure``
    ///   when files are bad and `skipBad` is false (nothing is written then, or, with `batch`,
    ///   nothing of the batch that met the bad file).
    public func run(paths: [String], into store: Store, skipBad: Bool = false, batch: Int? = nil,
                    progress: (Progress) -> Void = { _ in }) throws -> ImportReport {
        let started = Date()
        let files = try reader.inputFiles(for: paths)
        // Documents already stored, by source: unchanged ones are not extracted again.
        let known = try store.fingerprints()
        let (reader, pipeline) = (self.reader, self.pipeline)
        let stream = ExtractionStream(files: files, jobs: jobs, readAhead: DocumentReader.readAhead) { file in
            Importer.extract(file, reader: reader, pipeline: pipeline, known: known)
        }
        defer { stream.cancel() }
        var report = ImportReport()
        var lastProgress = Date.distantPast
        var filesDone = 0
        var finished = false
        while !finished {
            var writerStarted = 0.0
            try store.importTransaction { writer in
                var documentsInBatch = 0
                var failuresInBatch = 0
                while batch.map({ documentsInBatch < $0 }) ?? true {
                    guard let delivery = stream.next() else { finished = true; break }
                    for result in delivery.item {
                        switch result {
                        case .success(let doc):
                            report.times += doc.times
                            let outcome = try report.times.time(.write) { try writer.write(doc) }
                            report.count(outcome, doc)
                            documentsInBatch += 1
                        case .failure(let error):
                            report.failures.append(error)
                            failuresInBatch += 1
                        }
                    }
                    stream.retire(delivery)
                    filesDone += 1
                    if Date().timeIntervalSince(lastProgress) > 0.5 || filesDone == files.count {
                        lastProgress = Date()
                        progress(Progress(filesDone: filesDone, filesTotal: files.count, documents: report.documents,
                                          words: report.words, seconds: Date().timeIntervalSince(started)))
                    }
                }
                if failuresInBatch > 0 && !skipBad {
                    throw ImportFailure(failures: report.failures, committedDocuments: batch == nil ? 0 : report.committed)
                }
                writerStarted = StageTimes.now()
            }
            // The commit (orphan sweep, confidences, WAL write) is the writer's time too.
            report.times[.write] += StageTimes.now() - writerStarted
            report.committed = report.documents
        }
        report.seconds = Date().timeIntervalSince(started)
        report.totals = try store.counts()
        return report
    }
}

extension Importer {
    /// Reads one file and extracts its documents; runs on a worker thread.
    static func extract(_ file: String, reader: DocumentReader, pipeline: Pipeline,
                        known: [String: String]) -> [Result<ExtractedDocument, GazetteError>] {
        let started = StageTimes.now()
        let items = reader.read(file: file)
        let readSeconds = StageTimes.now() - started
        return items.enumerated().map { n, item in
            item.flatMap { source in
                Result { () throws(GazetteError) -> ExtractedDocument in
                    var doc = try pipeline.extract(source, knownSHA256: known[source.sourceKey])
                    // A file's read time goes to its first document.
                    if n == 0 { doc.times[.read] += readSeconds }
                    return doc
                }
            }
        }
    }
}
