import ArgumentParser
import Gazette

extension GazetteCommand {
    struct Query: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "query",
            abstract: "Find relationships by pattern: TYPE[attr=value] PREDICATE TYPE[attr=value] [within PLACE].",
            discussion: """
                A pattern compiles to one SQL statement with bound parameters (see it with --sql). \
                Types: organization, person, place, zone, facility, program, product, or entity for \
                any. Attributes: name, subtype, country, region, country_source; on a predicate, \
                role and amount. Symmetric predicates (joint_venture_with, cooperates_with, \
                in_talks_with, friendship_city_of) match both ways. `within PLACE` keeps objects \
                that lie in PLACE through located_in/part_of/headquartered_in facts or the \
                reference hierarchy (province, country, region). Rows come by subject and object \
                name; the first --limit (50 by default, 0 for all) are printed, and a note on \
                standard error says when more matched. See docs/query.md.

                Example:
                  gazette query 'organization[region=Europe] has_joint_venture_in place[subtype=city]'
                  gazette query 'organization in_talks_with place within Liaoning'
                  gazette query 'person holds_position[role=mayor] place' --no-evidence
                  gazette query --sql 'place friendship_city_of place[country=Japan]'
                  gazette query --limit 0 --format csv 'organization has_joint_venture_in place within China'
                """)

        @OptionGroup(title: "Database") var store: StoreOptions
        @OptionGroup(title: "Output") var output: OutputOptions
        @OptionGroup(title: "Output") var limit: LimitOptions

        @Flag(help: "Print the SQL (with its parameters as comments) instead of running it.")
        var sql = false
        @Flag(help: "One row per relationship, without the evidence sentences.")
        var noEvidence = false
        @Argument(help: "The pattern.") var pattern: String

        func run() throws {
            let store = try self.store.openForReading()
            let compiled = try store.compile(pattern, evidence: !noEvidence, limit: limit.rows)
            if sql {
                print(compiled.annotatedSQL, terminator: "")
            } else {
                limit.write(try store.run(compiled), with: RowWriter(output.format))
            }
        }
    }
}
