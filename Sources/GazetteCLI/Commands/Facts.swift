import ArgumentParser
import Gazette

extension RelationPredicate: ExpressibleByArgument {}

extension GazetteCommand {
    struct Facts: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "facts",
            abstract: "List extracted relationships with their evidence.",
            discussion: """
                One row per relationship and supporting sentence; fact_id groups the sentences. \
                --entity matches the subject or the object, case- and accent-insensitively, by name \
                or alias.

                Example:
                  gazette facts --predicate has_joint_venture_in
                  gazette facts --db news.db --entity "Soren Link" --format json
                """)

        @OptionGroup(title: "Database") var store: StoreOptions
        @OptionGroup(title: "Output") var output: OutputOptions

        @Option(help: "Only this predicate: \(RelationPredicate.allCases.map(\.rawValue).joined(separator: ", ")).")
        var predicate: RelationPredicate?
        @Option(help: ArgumentHelp("Only facts naming this entity.", valueName: "name"))
        var entity: String?

        func run() throws {
            RowWriter(output.format).write(try store.openForReading().facts(predicate: predicate, entity: entity))
        }
    }
}
