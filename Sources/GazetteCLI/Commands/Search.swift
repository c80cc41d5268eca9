import ArgumentParser
import Gazette

extension GazetteCommand {
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search",
            abstract: "Full-text search over sentences (SQLite FTS5 syntax), best matches first.",
            discussion: """
                Matches are case- and accent-insensitive; the matched words are shown in [brackets].

                Example:
                  gazette search "joint venture*"
                  gazette search '"free trade zone" OR Freihandelszone' --limit 5
                """)

        @OptionGroup(title: "Database") var store: StoreOptions
        @OptionGroup(title: "Output") var output: OutputOptions

        @Option(help: "At most this many sentences.") var limit = 20
        @Argument(help: "The FTS5 query.") var query: String

        func run() throws {
            RowWriter(output.format).write(try store.openForReading().search(query, limit: limit))
        }
    }
}
