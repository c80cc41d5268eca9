import ArgumentParser
import Foundation
import Gazette

extension GazetteCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import .txt, .html and .jsonl files (or folders of them) into the knowledge base.",
            discussion: """
                The import is one transaction: it lands whole or not at all. Re-importing an unchanged \
                file does nothing (it is not even extracted again); a changed file replaces its old rows. \
                For huge imports, --batch N commits every N documents instead: each batch is atomic, \
                and if the import is killed, running it again resumes after the last committed batch. A bad file (binary, empty, \
                invalid UTF-8, malformed JSONL line) stops the import with every problem listed, unless \
                --skip-bad is given. Run with no paths to create or upgrade the database only.

                Example:
                  gazette import seeds/documents
                  gazette import --db news.db --skip-bad ~/scraped/ articles.jsonl
                  gazette import --encoding windows-1252 old-pages/
                  gazette import --timings table --jobs 2 big-corpus/
                  gazette import --batch 5000 --db archive.db ~/crawl/2026/
                """)

        @OptionGroup(title: "Database") var store: StoreOptions
        @OptionGroup(title: "Rules") var rules: RulesOptions

        @Flag(help: "Import the good files and report the bad ones instead of failing.")
        var skipBad = false

        @Option(help: "Encoding of .txt/.html files: utf-8, windows-1252 or iso-8859-1.")
        var encoding: String = "utf-8"

        @Flag(help: "No progress line on standard error.")
        var quiet = false

        @Option(help: "Extraction threads (default: the number of cores), besides the one that writes; the result is the same for any value.")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        @Option(help: "Commit every N documents (each batch atomic; a re-run resumes) instead of one transaction.")
        var batch: Int?

        @Option(help: "Print seconds per stage (read, normalize, …, write) on standard error: table, csv, json or jsonl.")
        var timings: OutputFormat?

        @Argument(help: ArgumentHelp("Files or folders to import.", valueName: "path"))
        var paths: [String] = []

        func validate() throws {
            guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
            if let batch, batch < 1 { throw ValidationError("--batch must be at least 1.") }
            guard TextEncoding(rawValue: encoding.lowercased()) != nil else {
                throw ValidationError("Unknown encoding '\(encoding)'; use utf-8, windows-1252 or iso-8859-1.")
            }
        }

        func run() throws {
            let store = try store.openForWriting()
            guard !paths.isEmpty else {
                print("\(store.path): schema \(Store.schemaVersion), ready")
                return
            }
            AllocatorTuning.forBulkImport()
            let reader = DocumentReader(encoding: TextEncoding(rawValue: encoding.lowercased()) ?? .utf8)
            let importer = Importer(pipeline: try rules.pipeline(), reader: reader, jobs: jobs)
            let interactive = !quiet && isatty(STDERR_FILENO) == 1
            let report = try importer.run(paths: paths, into: store, skipBad: skipBad, batch: batch) { p in
                guard interactive else { return }
                let line = String(format: "\r%d/%d files, %d documents, %d words, %.1f s", p.filesDone, p.filesTotal,
                                  p.documents, p.words, p.seconds)
                FileHandle.standardError.write(Data(line.utf8))
            }
            if interactive { FileHandle.standardError.write(Data("\n".utf8)) }
            for failure in report.failures {
                FileHandle.standardError.write(Data("skipped \(failure)\n".utf8))
            }
            print(ImportSummaryText(report: report, path: store.path).text)
            if let timings {
                fflush(nil)  // the summary first, then the table
                FileHandle.standardError.write(Data(RowWriter(timings).render(report.stageTable).utf8))
            }
        }
    }
}

/// The summary an import prints.
struct ImportSummaryText {
    var report: ImportReport
    var path: String

    var text: String {
        let r = report
        var parts = ["\(r.added) added"]
        if r.replaced > 0 { parts.append("\(r.replaced) replaced") }
        if r.unchanged > 0 { parts.append("\(r.unchanged) unchanged") }
        if r.duplicates > 0 { parts.append("\(r.duplicates) duplicate") }
        if !r.failures.isEmpty { parts.append("\(r.failures.count) skipped") }
        let t = r.totals
        return """
            \(path): \(r.documents) documents (\(parts.joined(separator: ", "))), \(r.sentences) sentences, \
            \(r.mentions) mentions, \(r.facts) facts, \(r.events) events in \(String(format: "%.2f", r.seconds)) s, \
            \(Int(r.wordsPerSecond)) words/s
            database now: \(t["documents"] ?? 0) documents, \(t["entities"] ?? 0) entities, \(t["facts"] ?? 0) facts, \
            \(t["events"] ?? 0) events
            """
    }
}
