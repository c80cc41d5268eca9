import ArgumentParser
import Gazette

extension ExportKind: ExpressibleByArgument {}

extension GazetteCommand {
    struct Export: ParsableCommand {
        /// How `export` writes.
        enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, csv, graphml }

        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export entities, facts or events for other tools, or the entity graph as GraphML.",
            discussion: """
                Rows stream from the database as they are read, with provenance columns (keys, \
                documents, sentence offsets, matched spans, rules). --format graphml writes the \
                whole entity graph (for Gephi or networkx) and ignores --what.

                Example:
                  gazette export --what facts --format jsonl > facts.jsonl
                  gazette export --db news.db --what entities --format csv > entities.csv
                  gazette export --format graphml > gazette.graphml
                """)

        @OptionGroup(title: "Database") var store: StoreOptions

        @Option(help: "What to export: entities, facts or events.") var what: ExportKind = .facts
        @Option(help: "Output format: jsonl, csv or graphml.") var format: Format = .jsonl

        func run() throws {
            let store = try self.store.openForReading()
            if format == .graphml {
                try store.entityGraph().writeGraphML { print($0, terminator: "") }
                return
            }
            var table = ResultTable(columns: [], rows: [], jsonColumns: Store.exportJSONColumns)
            let writer = RowWriter(format == .csv ? .csv : .jsonl)
            try store.export(what, columns: { columns in
                table.columns = columns
                table.jsonColumns = Store.exportJSONColumns.intersection(columns)
                if format == .csv { print(writer.render(table), terminator: "") }
            }, row: { values in
                let line = ResultTable(columns: table.columns, rows: [values], jsonColumns: table.jsonColumns)
                if format == .csv {
                    print(writer.renderCSV(line).split(separator: "\r\n", maxSplits: 1, omittingEmptySubsequences: false)
                            .dropFirst().joined(), terminator: "")
                } else {
                    print(writer.render(line), terminator: "")
                }
            })
        }
    }
}
