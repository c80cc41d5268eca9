import ArgumentParser
import Gazette

extension GazetteCommand {
    struct Ask: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ask",
            abstract: "Run a named question stored in the database (see --list).",
            discussion: """
                The questions live in the file's `queries` table, so sqlite3 and Datasette users \
                see the same ones. Parameters are NAME=VALUE; a missing one takes its default.

                Example:
                  gazette ask --list
                  gazette ask joint_ventures_by_region region=Europe
                  gazette ask --db news.db events_of_year year=2023 --format json
                """)

        @OptionGroup(title: "Database") var store: StoreOptions
        @OptionGroup(title: "Output") var output: OutputOptions

        @Flag(help: "List the questions with their parameters.") var list = false
        @Argument(help: "The question's name.") var name: String?
        @Argument(help: ArgumentHelp("Parameters as NAME=VALUE.", valueName: "name=value")) var parameters: [String] = []

        func validate() throws {
            if !list && name == nil { throw ValidationError("Name a question, or pass --list to see them.") }
            for parameter in parameters where !parameter.contains("=") {
                throw ValidationError("Parameter '\(parameter)' must be NAME=VALUE, e.g. region=Europe.")
            }
        }

        func run() throws {
            let store = try self.store.openForReading()
            guard !list, let name else {
                RowWriter(output.format).write(try store.cannedQueryList())
                return
            }
            var values: [String: String] = [:]
            for parameter in parameters {
                let parts = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                values[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
            }
            RowWriter(output.format).write(try store.ask(name: name, parameters: values))
        }
    }
}
