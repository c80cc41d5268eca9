import ArgumentParser
import Foundation
import Gazette

extension GazetteCommand {
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "eval",
            abstract: "Score the knowledge base against gold files, as shared/tools/score.py does.",
            discussion: """
                Prints precision, recall and F1 of entities, relationships, events and the European-JV \
                question, then per predicate, the type, country and metadata accuracies and a summary \
                line, in score.py's format, so that the two outputs can be diffed. --verbose lists \
                every miss and extra first.

                --format json prints the whole report, with the misses and per-document scores. \
                --per-document adds one row per gold document: its language and the F1 of its \
                entities, relationships and events (after the scores in table format; alone in csv, \
                json and jsonl).

                Example:
                  gazette eval --gold ../shared/gold
                  gazette eval --db news.db --gold ../shared/gold --verbose
                  gazette eval --gold ../shared/gold --per-document --format csv
                """)

        @OptionGroup(title: "Database") var store: StoreOptions
        @OptionGroup(title: "Output") var output: OutputOptions

        @Option(help: ArgumentHelp("The folder of gold files (*.json).", valueName: "dir"))
        var gold: String

        @Flag(help: "List every miss and extra first, as score.py --verbose does.")
        var verbose = false

        @Flag(help: "Print one row per gold document: entities, relationships and events.")
        var perDocument = false

        func validate() throws {
            if !perDocument && (output.format == .csv || output.format == .jsonl) {
                throw ValidationError(
                    "--format \(output.format.rawValue) prints the per-document rows; add --per-document, or use --format table or json"
                )
            }
        }

        func run() throws {
            let report = try store.openForReading().evaluate(
                goldDirectory: URL(fileURLWithPath: gold))
            switch (output.format, perDocument) {
            case (.table, _):
                print(report.scoreLines(verbose: verbose).joined(separator: "\n"))
                if perDocument {
                    print()
                    RowWriter(.table).write(report.documentTable)
                }
            case (.json, false):
                print(try report.jsonText())
            default:
                RowWriter(output.format).write(report.documentTable)
            }
        }
    }
}
