import ArgumentParser
import Gazette

extension GazetteCommand {
    struct JV: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "jv",
            abstract: "Answer the headline question: which firms have joint ventures in which place.",
            discussion: """
                Only established joint ventures count; planned or negotiated ones are in_talks_with \
                facts (see `gazette facts --predicate in_talks_with`). --place also finds places \
                within it, through located_in/part_of facts and the reference hierarchy. \
                Rows come by firm, place and document; the first --limit (50 by default, 0 for \
                all) are printed, and a note on standard error says when more matched.

                Example:
                  gazette jv --region Europe
                  gazette jv --db news.db --country Germany --place Liaoning --format csv
                  gazette jv --region Europe --limit 0 --format csv > european-jvs.csv
                """)

        @OptionGroup(title: "Database") var store: StoreOptions
        @OptionGroup(title: "Output") var output: OutputOptions
        @OptionGroup(title: "Output") var limit: LimitOptions

        @Option(help: ArgumentHelp("Only firms of this region (Europe, Asia, North America …).", valueName: "name"))
        var region: String?
        @Option(help: ArgumentHelp("Only firms of this country.", valueName: "name"))
        var country: String?
        @Option(help: ArgumentHelp("Only joint ventures in this place or within it.", valueName: "name"))
        var place: String?

        func run() throws {
            let rows = try store.openForReading().jointVentures(region: region, country: country, place: place,
                                                                 limit: limit.rows)
            limit.write(rows, with: RowWriter(output.format))
        }
    }
}
