import ArgumentParser
import Gazette

extension GazetteCommand {
    struct Documents: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "documents",
            abstract: "List the imported documents with their metadata.",
            discussion: """
                Example:
                  gazette documents
                  gazette documents --db news.db --format csv > documents.csv
                """)

        @OptionGroup(title: "Database") var store: StoreOptions
        @OptionGroup(title: "Output") var output: OutputOptions

        func run() throws {
            RowWriter(output.format).write(try store.openForReading().documents())
        }
    }
}
