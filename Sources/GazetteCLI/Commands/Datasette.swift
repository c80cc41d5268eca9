import ArgumentParser
import Foundation
import Gazette

extension GazetteCommand {
    struct Datasette: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "datasette",
            abstract: "Write Datasette metadata (descriptions, facets, canned queries) next to the database.",
            discussion: """
                Writes metadata.json in the database's folder (or --output): titles and \
                descriptions of the public views and their columns, facets on type, predicate, \
                country and region, and the named questions as canned queries with parameters.

                Example:
                  gazette datasette --db news.db
                  datasette news.db --metadata metadata.json
                """)

        @OptionGroup(title: "Database") var store: StoreOptions

        @Option(help: ArgumentHelp("Where to write (default: metadata.json next to the database).", valueName: "path"))
        var output: String?

        func run() throws {
            let database = URL(fileURLWithPath: store.db)
            let target = output.map { URL(fileURLWithPath: $0) }
                ?? database.deletingLastPathComponent().appendingPathComponent("metadata.json")
            let name = database.deletingPathExtension().lastPathComponent
            let json = try store.openForReading().datasetteMetadata(databaseName: name)
            do {
                try json.write(to: target, atomically: true, encoding: .utf8)
            } catch {
                throw GazetteError.invalidArgument("\(target.path): cannot write: \(error.localizedDescription); choose another --output")
            }
            print("\(target.path): Datasette metadata for \(name); open it with: datasette \(store.db) --metadata \(target.path)")
        }
    }
}
