import GRDB

extension Store {
    /// The index SQLite made for `relationship`'s `UNIQUE (subject_id, predicate, object_id,
    /// attributes)` (migration 0001): a subject's facts of one predicate. Named in `INDEXED BY`
    /// where the planner, without statistics, would rather build a temporary index of every fact.
    static let relationshipBySubject = "sqlite_autoindex_relationship_1"

    /// Runs one read-only statement with named or positional arguments and collects its rows.
    ///
    /// The query layer binds every value a user typed through `arguments`; SQL text is only ever
    /// built from the layer's own constants.
    func table(sql: String, arguments: StatementArguments = StatementArguments(),
               jsonColumns: Set<String> = []) throws(GazetteError) -> ResultTable {
        var columns: [String] = []
        var rows: [[ResultTable.Value]] = []
        try stream(sql: sql, arguments: arguments) { names, values in
            columns = names
            rows.append(values)
        } columnsReady: { columns = $0 }
        return ResultTable(columns: columns, rows: rows, jsonColumns: jsonColumns.intersection(columns))
    }

    /// The first `limit` rows of `sql`, all of them when `limit` is nil; ``ResultTable/truncated``
    /// says whether more matched. `sql` reads (at most) one row more than `limit` to tell.
    func table(sql: String, arguments: StatementArguments = StatementArguments(), jsonColumns: Set<String> = [],
               limit: Int?) throws(GazetteError) -> ResultTable {
        var result = try table(sql: sql, arguments: arguments, jsonColumns: jsonColumns)
        if let limit { result.cut(to: limit) }
        return result
    }

    /// Runs one read-only statement and hands each row to `row` as it is read (a cursor, so memory
    /// stays flat however large the result). `columnsReady` is called once, before the first row.
    func stream(sql: String, arguments: StatementArguments = StatementArguments(),
                row: ([String], [ResultTable.Value]) throws -> Void,
                columnsReady: ([String]) throws -> Void = { _ in }) throws(GazetteError) {
        do {
            try queue.read { db in
                let statement = try db.makeStatement(sql: sql)
                try statement.setArguments(arguments)
                let columns = statement.columnNames
                try columnsReady(columns)
                let cursor = try Row.fetchCursor(statement)
                while let next = try cursor.next() {
                    try row(columns, (0..<columns.count).map { Store.value(next[$0] as DatabaseValue) })
                }
            }
        } catch let error as GazetteError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR {
            throw .invalidArgument("SQL error: \(error.message ?? "\(error)")")
        } catch let error as DatabaseError {
            throw Store.explain(error, path: path)
        } catch {
            throw .invalidArgument("\(error)")
        }
    }

    static func value(_ value: DatabaseValue) -> ResultTable.Value {
        switch value.storage {
        case .null: return .null
        case .int64(let v): return .integer(v)
        case .double(let v): return .real(v)
        case .string(let v): return .text(v)
        case .blob(let v): return .text("<\(v.count) bytes>")
        }
    }

    /// Named arguments from plain values (strings, integers, or nil for SQL NULL).
    static func arguments(_ values: [String: (any DatabaseValueConvertible)?]) -> StatementArguments {
        StatementArguments(values)
    }
}
