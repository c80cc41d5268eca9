import ArgumentParser

/// How a command prints rows.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, jsonl
}

/// `--format table|csv|json|jsonl`, the same on every command that prints rows.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: table, csv, json or jsonl.")
    var format: OutputFormat = .table
}
