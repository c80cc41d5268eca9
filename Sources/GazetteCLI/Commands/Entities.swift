import ArgumentParser
import Gazette

extension EntityType: ExpressibleByArgument {}

extension GazetteCommand {
    struct Entities: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "entities",
            abstract: "List resolved entities with their type, country, region and aliases.",
            discussion: """
                --country matches the entity's country or region; other names of a country \
                (Deutschland) are resolved to its English name.

                Example:
                  gazette entities --type organization --country Germany
                  gazette entities --db news.db --type place --format csv > places.csv
                """)

        @OptionGroup(title: "Database") var store: StoreOptions
        @OptionGroup(title: "Output") var output: OutputOptions

        @Option(help: "Only this type: \(EntityType.allCases.map(\.rawValue).joined(separator: ", ")).")
        var type: EntityType?
        @Option(help: ArgumentHelp("Only entities of this country or region.", valueName: "name"))
        var country: String?

        func run() throws {
            RowWriter(output.format).write(try store.openForReading().entities(type: type, country: country))
        }
    }
}
