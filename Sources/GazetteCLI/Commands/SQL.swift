import ArgumentParser
import Gazette

extension GazetteCommand {
    struct SQL: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sql",
            abstract: "Run one SQL query on a read-only connection.",
            discussion: """
                The public views are documents, entity_summary, facts, timeline and joint_ventures. \
                The connection is read-only: nothing can be changed through this command.

                Example:
                  gazette sql "SELECT DISTINCT firm, place FROM joint_ventures WHERE firm_region = 'Europe'"
                  gazette sql --format json "SELECT name, aliases FROM entity_summary WHERE type = 'place'"
                """)

        @OptionGroup(title: "Database") var store: StoreOptions
        @OptionGroup(title: "Output") var output: OutputOptions

        @Argument(help: "The query.") var query: String

        func run() throws {
            let table = try store.openForReading().rows(
                sql: query, jsonColumns: ["aliases", "documents", "participants", "attributes"])
            RowWriter(output.format).write(table)
        }
    }
}
