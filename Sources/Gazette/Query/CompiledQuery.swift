/// One SQL statement with its named parameters, ready to run or to show (`gazette query --sql`).
public struct CompiledQuery: Sendable, Equatable {
    /// The statement; every value a user typed is a `:name` parameter, never SQL text.
    public var sql: String
    /// Parameter name (without the colon) → bound value, in order of first use.
    public var parameters: [(name: String, value: String)]
    /// The most rows wanted, nil for all. The statement's `LIMIT` reads one more, which tells
    /// ``Store/run(_:)`` whether to mark the result ``ResultTable/truncated``.
    public var limit: Int?

    public init(sql: String, parameters: [(name: String, value: String)], limit: Int? = nil) {
        self.sql = sql
        self.parameters = parameters
        self.limit = limit
    }

    /// The SQL followed by one comment line per parameter, pasteable into sqlite3 after
    /// `.param set`, or into Datasette's SQL editor.
    public var annotatedSQL: String {
        guard !parameters.isEmpty else { return sql + ";\n" }
        return sql + ";\n" + parameters.map { "-- :\($0.name) = '\($0.value.replacingOccurrences(of: "'", with: "''"))'" }
            .joined(separator: "\n") + "\n"
    }

    public static func == (lhs: CompiledQuery, rhs: CompiledQuery) -> Bool {
        lhs.sql == rhs.sql && lhs.limit == rhs.limit && lhs.parameters.map(\.name) == rhs.parameters.map(\.name)
            && lhs.parameters.map(\.value) == rhs.parameters.map(\.value)
    }
}
