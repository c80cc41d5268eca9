import GRDB
import GRDBSQLite

/// A cached statement the writer binds with `sqlite3_bind_*` and steps itself: the import's
/// per-row inserts (sentences, FTS rows, mentions, evidence), upserts and look-ups without
/// building a `StatementArguments` array per row, which costs about as much as the insert
/// (`../shared/perf-notes.md`: 0.69 M against 1.18 M words/s).
///
/// Only used inside the import transaction, where no GRDB observer watches these tables.
///
/// For example:
///
/// ```swift
/// let insert = try BoundInsert(db, sql: "INSERT INTO sentence(document_id, position) VALUES (?, ?)")
/// try insert.run(documentID, position)
/// ```
struct BoundInsert {
    private let db: Database
    private let statement: Statement
    private let texts = BoundTexts()

    init(_ db: Database, sql: String) throws {
        self.db = db
        statement = try db.cachedStatement(sql: sql)
    }

    private var handle: OpaquePointer { statement.sqliteStatement }

    /// The rows the last run changed: tells an `INSERT OR IGNORE` that wrote a row from one that
    /// met a repeat. (`Database.changesCount` checks GRDB's dispatch queue first: 460 instructions
    /// a call, once per alias row.)
    var changedRows: Int { Int(sqlite3_changes(sqlite3_db_handle(handle))) }

    func bind(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(handle, index, value)
    }

    func bind(_ index: Int32, _ value: Int) {
        sqlite3_bind_int64(handle, index, Int64(value))
    }

    func bind(_ index: Int32, _ value: Double) {
        sqlite3_bind_double(handle, index, value)
    }

    func bind(_ index: Int32, _ value: String) {
        // A native string's bytes in place: `withUTF8` needs a mutable copy, and the copy a
        // retain and a release of a string another thread made (cache lines that core holds).
        if value.utf8.withContiguousStorageIfAvailable({ bindText(index, $0) }) != nil { return }
        var value = value
        value.withUTF8 { bytes in bindText(index, bytes) }
    }

    /// Binds UTF-8 `bytes` as text.
    func bind(_ index: Int32, utf8 bytes: UnsafeBufferPointer<UInt8>) {
        bindText(index, bytes)
    }

    /// Binds a copy of `bytes` in ``BoundTexts``, which SQLite reads in place (`SQLITE_STATIC`)
    /// when the statement runs; text that does not fit is copied by SQLite (`SQLITE_TRANSIENT`).
    private func bindText(_ index: Int32, _ bytes: UnsafeBufferPointer<UInt8>) {
        if let copy = texts.copy(of: bytes) {
            _ = sqlite3_bind_text(handle, index, copy, Int32(bytes.count), BoundInsert.static)
            return
        }
        bytes.withMemoryRebound(to: CChar.self) { chars in
            // The bytes live only for this closure. (An empty string fits in `BoundTexts`.)
            if let base = chars.baseAddress {
                _ = sqlite3_bind_text(handle, index, base, Int32(chars.count), BoundInsert.transient)
            }
        }
    }

    func bindNull(_ index: Int32) {
        sqlite3_bind_null(handle, index)
    }

    /// Binds `values` to the parameters 1, 2, … and runs the statement once. A parameter pack,
    /// not an array: no allocation per row.
    func run<each Value: SQLiteBindable>(_ values: repeat each Value) throws {
        bindAll(repeat each values)
        try step()
    }

    /// ``run(_:)`` for an `INSERT … ON CONFLICT … DO NOTHING`: the new row's id, or nil when a
    /// row with the same unique values was there already (the caller then looks it up).
    ///
    /// Cheaper than `RETURNING`, for which SQLite opens, fills and closes a temporary B-tree at
    /// every execution (a zeroed page each): in the import, 14,000 such B-trees on 2 MB of text
    /// were an eighth of the writer's per-document instructions.
    func runInsertingRowID<each Value: SQLiteBindable>(_ values: repeat each Value) throws -> Int64? {
        bindAll(repeat each values)
        try step()
        guard let connection = db.sqliteConnection, sqlite3_changes(connection) > 0 else { return nil }
        return sqlite3_last_insert_rowid(connection)
    }

    /// ``run(_:)`` for a look-up of one row's id (its first column); nil when no row comes.
    func runReturningID<each Value: SQLiteBindable>(_ values: repeat each Value) throws -> Int64? {
        try runReturning(repeat each values) { $0.integer(0) }
    }

    /// ``run(_:)`` for a look-up of one row: `read` gets the statement positioned on the
    /// returned row (read its columns with ``integer(_:)`` and ``text(_:)``).
    func runReturning<T, each Value: SQLiteBindable>(_ values: repeat each Value, read: (BoundInsert) -> T) throws -> T? {
        bindAll(repeat each values)
        var code = sqlite3_step(handle)
        var result: T?
        if code == SQLITE_ROW {
            result = read(self)
            code = sqlite3_step(handle)
        }
        sqlite3_reset(handle)
        texts.removeAll()
        guard code == SQLITE_DONE else {
            let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
        return result
    }

    /// Column `index` of the current row, as an integer.
    func integer(_ index: Int32) -> Int64 {
        sqlite3_column_int64(handle, index)
    }

    /// Whether column `index` of the current row is NULL.
    func isNull(_ index: Int32) -> Bool {
        sqlite3_column_type(handle, index) == SQLITE_NULL
    }

    /// Column `index` of the current row, as text; nil for NULL.
    func text(_ index: Int32) -> String? {
        guard !isNull(index), let bytes = sqlite3_column_text(handle, index) else { return nil }
        return String(cString: bytes)
    }

    /// Binds `values` to row `row` of a multi-row `INSERT … VALUES (…), (…)` whose rows have
    /// `columns` parameters each; ``step()`` runs it once every row is bound.
    func bind<each Value: SQLiteBindable>(row: Int, columns: Int, _ values: repeat each Value) {
        var index = Int32(row * columns)
        for value in repeat each values {
            index += 1
            value.bind(to: self, at: index)
        }
    }

    private func bindAll<each Value: SQLiteBindable>(_ values: repeat each Value) {
        var index: Int32 = 0
        for value in repeat each values {
            index += 1
            value.bind(to: self, at: index)
        }
    }

    /// Runs the insert once with the values bound since the last step.
    func step() throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        texts.removeAll()
        guard code == SQLITE_DONE else {
            let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }

    /// `SQLITE_TRANSIENT`, which the C macro defines as the destructor `-1`.
    private static let transient = unsafeBitCast(-1 as Int, to: sqlite3_destructor_type.self)

    /// `SQLITE_STATIC`, the destructor `0`: SQLite reads the bytes where they are.
    private static let `static` = unsafeBitCast(0 as Int, to: sqlite3_destructor_type.self)
}

/// The text bound to one statement until it runs: a fixed buffer the bound values are copied
/// into one after another, and emptied once the statement has run and been reset.
///
/// With `SQLITE_TRANSIENT` SQLite copies every bound text into a buffer of its own, which it
/// allocates at the bind and frees at the next (458 instructions a text, 9 % of the writer's
/// work per document on 2 MB). Bound `SQLITE_STATIC` from here, a text costs a copy. SQLite reads
/// a bound value only while the statement steps, and every run binds all of its parameters
/// first (``BoundInsert/run(_:)``, ``BoundInsert/bind(row:columns:_:)``, ``DocumentWriter/insert(_:with:else:_:)``),
/// so the buffer can be reused after each run. One buffer per statement: two statements'
/// texts never share bytes.
final class BoundTexts {
    /// Enough for the eight rows of a multi-row insert many times over; a document's full text
    /// usually fits too, and a longer text is bound `SQLITE_TRANSIENT`.
    static let capacity = 32 << 10

    private var buffer: UnsafeMutablePointer<CChar>?
    private var used = 0

    deinit { buffer?.deallocate() }

    /// A copy of `bytes` that stays unchanged until ``removeAll()``, or nil when it does not fit.
    func copy(of bytes: UnsafeBufferPointer<UInt8>) -> UnsafePointer<CChar>? {
        guard bytes.count <= BoundTexts.capacity - used else { return nil }
        let base: UnsafeMutablePointer<CChar>
        if let buffer { base = buffer } else {
            // Allocated at the first text: statements that bind none take no memory.
            base = .allocate(capacity: BoundTexts.capacity)
            buffer = base
        }
        let start = base + used
        if let source = bytes.baseAddress {
            UnsafeMutableRawPointer(start).copyMemory(from: source, byteCount: bytes.count)
        }
        used += bytes.count
        return UnsafePointer(start)
    }

    /// Makes the whole buffer free again: the statement has run.
    func removeAll() { used = 0 }
}

/// A value ``BoundInsert`` can bind to a parameter.
protocol SQLiteBindable {
    func bind(to statement: BoundInsert, at index: Int32)
}

extension Int64: SQLiteBindable {
    func bind(to statement: BoundInsert, at index: Int32) { statement.bind(index, self) }
}

extension Int: SQLiteBindable {
    func bind(to statement: BoundInsert, at index: Int32) { statement.bind(index, self) }
}

extension Double: SQLiteBindable {
    func bind(to statement: BoundInsert, at index: Int32) { statement.bind(index, self) }
}

extension String: SQLiteBindable {
    func bind(to statement: BoundInsert, at index: Int32) { statement.bind(index, self) }
}

extension Optional: SQLiteBindable where Wrapped: SQLiteBindable {
    func bind(to statement: BoundInsert, at index: Int32) {
        if let value = self { value.bind(to: statement, at: index) } else { statement.bindNull(index) }
    }
}
