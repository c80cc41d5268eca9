import ArgumentParser
import Gazette

extension GazetteCommand {
    struct Why: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "why",
            abstract: "Explain a fact: its sentences with the matched words marked, the rule, and where countries came from.",
            discussion: """
                Give SUBJECT PREDICATE OBJECT (names resolved as in `gazette show`; symmetric \
                predicates either way round) or one fact id from `gazette facts`. The table \
                format prints one block per supporting sentence.

                Example:
                  gazette why Leoni has_joint_venture_in Panjin
                  gazette why --db news.db 28 --format json
                """)

        @OptionGroup(title: "Database") var store: StoreOptions
        @OptionGroup(title: "Output") var output: OutputOptions

        @Argument(help: ArgumentHelp("SUBJECT PREDICATE OBJECT, or a fact id.", valueName: "fact"))
        var fact: [String]

        func validate() throws {
            guard fact.count == 3 || (fact.count == 1 && Int64(fact[0]) != nil) else {
                throw ValidationError("Give SUBJECT PREDICATE OBJECT (quote names with spaces) or a fact id.")
            }
            if fact.count == 3 && RelationPredicate(rawValue: fact[1]) == nil {
                throw ValidationError("Unknown predicate '\(fact[1])'; use one of "
                    + RelationPredicate.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
        }

        func run() throws {
            let store = try self.store.openForReading()
            let table: ResultTable
            if fact.count == 1, let id = Int64(fact[0]) {
                table = try store.why(factID: id)
            } else if fact.count == 3, let predicate = RelationPredicate(rawValue: fact[1]) {
                table = try store.why(subject: fact[0], predicate: predicate, object: fact[2])
            } else {
                throw ValidationError("Give SUBJECT PREDICATE OBJECT or a fact id.")
            }
            if output.format == .table {
                print(table.recordText(), terminator: "")
            } else {
                RowWriter(output.format).write(table)
            }
        }
    }
}
