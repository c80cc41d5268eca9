import ArgumentParser

/// The `gazette` command: turns news articles into an SQLite knowledge base and answers
/// questions about it.
@main
struct GazetteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazette",
        abstract: "Turn news articles into an SQLite knowledge base of entities, relationships and events.",
        discussion: """
            Every fact keeps the sentence it came from. The database file has five public views \
            (documents, entity_summary, facts, timeline, joint_ventures) for sqlite3, Datasette or scripts.

            Example:
              gazette import seeds/documents
              gazette documents --format csv
              gazette sql "SELECT name, published FROM documents"
            """,
        version: "0.1.0",
        groupedSubcommands: [
            CommandGroup(name: "Build", subcommands: [Import.self, Extract.self]),
            CommandGroup(name: "Look up", subcommands: [
                Documents.self, Search.self, SQL.self, Entities.self, Show.self, Facts.self, JV.self, Timeline.self,
            ]),
            CommandGroup(name: "Ask", subcommands: [Query.self, Ask.self, Why.self, Graph.self]),
            CommandGroup(name: "Share", subcommands: [Export.self, Datasette.self]),
            CommandGroup(name: "Quality", subcommands: [Eval.self]),
        ]
    )
}
