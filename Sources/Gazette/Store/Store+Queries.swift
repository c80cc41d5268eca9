import GRDB

extension Store {
    /// Runs one SQL statement and returns its rows. On a read-only store nothing can be written.
    ///
    /// For example:
    ///
    /// ```swift
    /// try store.rows(sql: "SELECT name, published FROM documents WHERE language = ?", arguments: ["de"])
    /// ```
    public func rows(sql: String, arguments: [String] = [], jsonColumns: Set<String> = []) throws(GazetteError) -> ResultTable {
        do {
            return try queue.read { db in
                let statement = try db.makeStatement(sql: sql)
                try statement.setArguments(StatementArguments(arguments))
                let columns = statement.columnNames
                var rows: [[ResultTable.Value]] = []
                let cursor = try Row.fetchCursor(statement)
                while let row = try cursor.next() {
                    rows.append((0..<columns.count).map { i in Store.value(row[i]) })
                }
                return ResultTable(columns: columns, rows: rows, jsonColumns: jsonColumns.intersection(columns))
            }
        } catch {
            if let db = error as? DatabaseError, db.resultCode == .SQLITE_ERROR {
                throw .invalidArgument("SQL error: \(db.message ?? "\(db)")")
            }
            // The connection is read-only by design: say so, not "check its permissions".
            if let db = error as? DatabaseError, db.resultCode == .SQLITE_READONLY, isReadOnly {
                throw .invalidArgument("SQL error: this connection is read-only; gazette sql cannot change the database")
            }
            throw Store.explain(error, path: path)
        }
    }

    /// The imported documents and their metadata, in name order.
    public func documents() throws(GazetteError) -> ResultTable {
        try rows(sql: """
            SELECT name, title, published, dateline, source, language, word_count AS words, sha256
            FROM documents ORDER BY name
            """)
    }

    /// Sentences matching an FTS5 query, best first, with their document.
    ///
    /// For example: `try store.search("joint venture*")`.
    public func search(_ query: String, limit: Int = 20) throws(GazetteError) -> ResultTable {
        try rows(sql: """
            SELECT document.name AS document, sentence.position AS sentence,
                   snippet(sentence_fts, 0, '[', ']', '…', 24) AS text
            FROM sentence_fts
            JOIN sentence ON sentence.id = sentence_fts.rowid
            JOIN document ON document.id = sentence.document_id
            WHERE sentence_fts MATCH ?
            ORDER BY rank LIMIT \(max(1, limit))
            """, arguments: [query])
    }

    /// Row counts of the main tables, for import summaries and tests.
    public func counts() throws(GazetteError) -> [String: Int] {
        let table = try rows(sql: """
            SELECT 'documents', count(*) FROM document UNION ALL SELECT 'sentences', count(*) FROM sentence
            UNION ALL SELECT 'entities', count(*) FROM entity UNION ALL SELECT 'mentions', count(*) FROM mention
            UNION ALL SELECT 'facts', count(*) FROM relationship UNION ALL SELECT 'events', count(*) FROM event
            """)
        var out: [String: Int] = [:]
        for row in table.rows {
            if case .text(let name) = row[0], case .integer(let n) = row[1] { out[name] = Int(n) }
        }
        return out
    }
}
