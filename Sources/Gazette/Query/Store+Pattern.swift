import GRDB

extension Store {
    /// Compiles a pattern into one SQL statement with bound parameters, resolving the `within`
    /// place against the entities of this file (case- and accent-insensitively).
    ///
    /// For example:
    ///
    /// ```swift
    /// try store.compile("organization in_talks_with place within Liaoning").sql
    /// // WITH RECURSIVE inside(id) AS (…) SELECT subject.name AS subject, …
    /// ```
    ///
    /// - Throws: ``GazetteError/invalidPattern(pattern:column:length:reason:)`` for a pattern
    ///   that does not parse, ``GazetteError/unknownEntity(name:suggestions:)`` for an unknown place.
    ///   - limit: the most rows to return (the statement reads one more, to tell that rows were cut);
    ///     nil for all.
    public func compile(_ pattern: String, evidence: Bool = true, limit: Int? = nil) throws(GazetteError) -> CompiledQuery {
        let parsed = try Pattern(parsing: pattern)
        let within = try parsed.within.map { place throws(GazetteError) in try containerNames(place) }
        return PatternCompiler(evidence: evidence, limit: limit).compile(parsed, withinNames: within)
    }

    /// Runs a pattern: each matching relationship with its evidence (document, sentence) unless
    /// `evidence` is false.
    ///
    /// For example:
    ///
    /// ```swift
    /// try store.query("organization[region=Europe] has_joint_venture_in place[subtype=city]")
    /// // Clariant → Panjin, Dynasol → Panjin, Leoni → Panjin, each with its sentence
    /// ```
    public func query(_ pattern: String, evidence: Bool = true, limit: Int? = nil) throws(GazetteError) -> ResultTable {
        try run(try compile(pattern, evidence: evidence, limit: limit))
    }

    /// Runs a compiled query: its first `query.limit` rows, ``ResultTable/truncated`` when it had more.
    public func run(_ query: CompiledQuery) throws(GazetteError) -> ResultTable {
        var values: [String: (any DatabaseValueConvertible)?] = [:]
        for parameter in query.parameters { values[parameter.name] = parameter.value }
        return try table(sql: query.sql, arguments: StatementArguments(values), jsonColumns: publicJSONColumns,
                         limit: query.limit)
    }
}
