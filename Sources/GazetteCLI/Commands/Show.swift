import ArgumentParser
import Gazette

extension GazetteCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show an entity's profile: type, country, aliases, documents, mentions, facts and events.",
            discussion: """
                NAME matches canonical names and aliases, case- and accent-insensitively, or an \
                entity key. When several entities share the name, their keys are listed: pass one. \
                --format json prints one object with the summary and each section; csv prints the \
                summary and each section as its own table, separated by a blank line. \
                Each section lists its first --limit rows (20 by default; 0 for all).

                Example:
                  gazette show Panjin
                  gazette show --db news.db "soren link" --format json
                  gazette show China --limit 0 --format csv > china.csv
                """)

        @OptionGroup(title: "Database") var store: StoreOptions
        @OptionGroup(title: "Output") var output: OutputOptions

        @Option(help: "Rows per section (mentions, facts, events); 0 for all.") var limit = 20

        @Argument(help: "The entity's name, alias or key.") var name: String

        func validate() throws {
            guard limit >= 0 else { throw ValidationError("--limit must be 0 (all) or more.") }
        }

        func run() throws {
            let profile = try store.openForReading().profile(name: name, limit: limit == 0 ? nil : limit)
            let writer = RowWriter(output.format)
            switch output.format {
            case .table:
                var out = profile.summary.recordText()
                for (title, table) in profile.sections {
                    let count = profile.truncated.contains(title) ? "first \(table.rows.count); --limit 0 for all" : "\(table.rows.count)"
                    out += "\n\(title) (\(count))\n" + writer.render(table)
                }
                print(out, terminator: "")
            case .csv:
                print(([profile.summary] + profile.sections.map(\.table)).map(writer.render).joined(separator: "\r\n"),
                      terminator: "")
            case .json, .jsonl:
                let summary = profile.summary.rows.first.map { writer.object(profile.summary, $0) } ?? "null"
                let sections = profile.sections.map { title, table in
                    RowWriter.jsonString(title.lowercased()) + ": ["
                        + table.rows.map { writer.object(table, $0) }.joined(separator: ", ") + "]"
                }
                let separator = output.format == .json ? ",\n  " : ", "
                let open = output.format == .json ? "{\n  " : "{"
                let close = output.format == .json ? "\n}\n" : "}\n"
                print(open + (["\"entity\": " + summary] + sections).joined(separator: separator) + close, terminator: "")
            }
        }
    }
}
