import ArgumentParser
import Gazette

extension EventType: ExpressibleByArgument {}

extension GazetteCommand {
    struct Timeline: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "timeline",
            abstract: "List events oldest first, with their participants and evidence.",
            discussion: """
                Dates are ISO prefixes (2019, 2019-10, 2019-10-31); --from and --to include \
                events that overlap the span at that precision. --entity matches a participant \
                or the event's place.

                Example:
                  gazette timeline --entity Shenyang --from 2023
                  gazette timeline --db news.db --type visit --from 2019-01 --to 2019-12 --format json
                """)

        @OptionGroup(title: "Database") var store: StoreOptions
        @OptionGroup(title: "Output") var output: OutputOptions

        @Option(help: ArgumentHelp("Only events naming this entity.", valueName: "name"))
        var entity: String?
        @Option(help: ArgumentHelp("Only events reaching this date or later.", valueName: "date"))
        var from: String?
        @Option(help: ArgumentHelp("Only events starting by this date.", valueName: "date"))
        var to: String?
        @Option(help: "Only this type: \(EventType.allCases.map(\.rawValue).joined(separator: ", ")).")
        var type: EventType?

        func run() throws {
            RowWriter(output.format).write(
                try store.openForReading().timeline(entity: entity, from: from, to: to, type: type))
        }
    }
}
