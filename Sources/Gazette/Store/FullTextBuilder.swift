import Foundation
import GRDB
import GRDBSQLite

/// Builds the full-text index of a load into an empty knowledge base on a thread of its own,
/// in a scratch database beside the knowledge base (`<file>-fulltext`); before its commit the
/// writer copies the finished index's tables into the knowledge base (``copy(into:)``), and
/// after it the scratch file goes (``discard(_:)``).
///
/// Why: the index of a first load used to be built by FTS5's `rebuild` after the last document,
/// serial at the end of the import while the other core idled (about 2 s of a 100 MB import).
/// While documents load, both cores are busy (the extraction threads and the writer), so the
/// builder only stores each sentence's text in a plain table of the scratch database, in row id
/// order. When the writer has written its last document it ``close()``s the builder, which then
/// runs FTS5's `rebuild` over that table, on the core the extraction threads left idle, while
/// the writer sorts its deferred indexes. What is left for the writer is a copy of three tables,
/// which SQLite makes page by page (its transfer optimization: an `INSERT … SELECT *` into an
/// empty table of the same shape), a fiftieth of the rebuild's time. (Indexing each document
/// as it came, session 13, did the same work while the cores were busy, and with a smaller
/// in-memory index: 100 MB with two jobs, CPU 35.1 → 31.3 s the first time this was measured.)
///
/// The scratch table is made from the knowledge base's own `CREATE VIRTUAL TABLE` statement, so
/// its tokenizer and options, and hence its index, are those of the knowledge base's table; its
/// content table has the name and columns the statement names (``contentTable``), and holds the
/// text `sentence_text` would give, so the index equals a `rebuild` in the knowledge base with
/// the same in-memory index size (`FullTextTests`).
///
/// Should the builder fail (its scratch file cannot be written), ``DocumentWriter/finish()``
/// falls back to the rebuild, so the import does not depend on it. The scratch file holds the
/// sentences' text and their index until the commit: for a while the import takes about as
/// much disk again as the text it loads. A load that fails after ``close()`` waits for the
/// rebuild under way before it removes the file.
///
/// The writer hands over each document's text and its sentences' byte ranges (``add(text:rows:)``);
/// at most ``pendingLimit`` bytes wait, beyond which the writer waits for the builder, so that
/// memory stays bounded however the two threads' speeds compare.
final class FullTextBuilder: @unchecked Sendable {
    /// The scratch database's name while it is attached to the writer's connection.
    static let schema = "gazette_fulltext"
    /// The full-text table's shadow tables the index lives in (its `_config` holds only the
    /// format version, the same in both).
    static let indexTables = ["sentence_fts_data", "sentence_fts_idx", "sentence_fts_docsize"]
    /// Text waiting for the builder, at most: a few hundred documents. (The texts are the
    /// documents' own, kept alive here, so this much memory at most comes on top.)
    static let pendingLimit = 2 << 20
    /// FTS5's in-memory index for the scratch database's `rebuild`: 8 MiB, not the 16 MiB of
    /// ``DocumentWriter/rebuildHashBytes``. The rebuild runs beside the writer's index sorts, and
    /// at 16 MiB the two put the peak memory of a 100 MB import 50.6 MB above a 10 MB one's, past
    /// the 50 MB they may differ by (8 MiB: 40.2 MB). Smaller, it writes more segments to merge.
    static let hashBytes = 8 << 20
    /// The content table the full-text table's definition names (`content = 'sentence_text'`,
    /// `content_rowid = 'id'`, one column `text`): a view in the knowledge base, a table here.
    static let contentTable = "CREATE TABLE sentence_text(id INTEGER PRIMARY KEY, text TEXT)"

    /// One document's sentences: their row ids and UTF-8 byte ranges in `text`.
    struct Batch {
        let text: String
        let rows: [(id: Int64, start: Int, end: Int)]
    }

    /// The scratch file.
    let path: String
    private let definition: String
    // Guarded by `condition`:
    private let condition = NSCondition()
    private var pending: [Batch] = []
    private var pendingBytes = 0
    private var closed = false
    private var cancelled = false
    private var finished = false
    private var failure: (any Error)?

    /// Starts the builder for the knowledge base at `databasePath`, whose full-text table is
    /// made by `definition`.
    init(databasePath: String, definition: String) {
        path = databasePath + "-fulltext"
        self.definition = definition
        Thread.detachNewThread { [self] in build() }
    }

    /// Hands over one document's sentences; waits while the builder is ``pendingLimit`` behind.
    func add(text: String, rows: [(id: Int64, start: Int, end: Int)]) {
        guard !rows.isEmpty else { return }
        condition.lock()
        while pendingBytes > FullTextBuilder.pendingLimit && !finished { condition.wait() }
        // A builder that stopped (an error, which ``finish()`` throws) takes nothing more.
        guard !finished else { return condition.unlock() }
        pending.append(Batch(text: text, rows: rows))
        pendingBytes += text.utf8.count
        condition.broadcast()
        condition.unlock()
    }

    /// Tells the builder that no more sentences come: it stores what waits and starts indexing.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Closes the builder if the writer has not, waits for the index to be built and the scratch
    /// database committed; throws what stopped the builder, if anything did.
    func finish() throws {
        condition.lock()
        closed = true
        condition.broadcast()
        while !finished { condition.wait() }
        let failure = self.failure
        condition.unlock()
        if let failure { throw failure }
    }

    /// Fills the knowledge base's (empty) full-text tables from the scratch database, inside
    /// the writer's transaction: attached there, since SQLite allows attaching but not
    /// detaching within a transaction (``discard(_:)`` detaches it after the commit).
    func copy(into db: Database) throws {
        try db.execute(sql: "ATTACH DATABASE ? AS \(FullTextBuilder.schema)", arguments: [path])
        for table in FullTextBuilder.indexTables {
            try db.execute(sql: "DELETE FROM main.\(table)")
            try db.execute(sql: "INSERT INTO main.\(table) SELECT * FROM \(FullTextBuilder.schema).\(table)")
        }
    }

    /// Stops the builder if it still runs, detaches the scratch database if it is attached
    /// (outside any transaction: after the commit or the rollback) and removes its file.
    func discard(_ db: Database) {
        condition.lock()
        cancelled = true
        closed = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
        if (try? Bool.fetchOne(db, sql: "SELECT 1 FROM pragma_database_list WHERE name = ?",
                               arguments: [FullTextBuilder.schema])) == true {
            try? db.execute(sql: "DETACH DATABASE \(FullTextBuilder.schema)")
        }
        FullTextBuilder.removeFile(path)
    }

    /// Removes the file at `path`, and nothing else: `unlink` leaves a folder of that name alone
    /// (`FileManager.removeItem` would delete it with its contents).
    static func removeFile(_ path: String) {
        _ = path.withCString { unlink($0) }
    }

    /// The builder thread: one transaction in the scratch database, one row per sentence stored
    /// while the writer loads, then the index built from them at once.
    private func build() {
        do {
            FullTextBuilder.removeFile(path)  // a killed import's
            var configuration = Configuration()
            configuration.foreignKeysEnabled = false
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.writeWithoutTransaction { db in
                // Scratch: a crash loses nothing the knowledge base needs, so no journal and no syncs.
                try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
                try db.execute(sql: FullTextBuilder.contentTable)
                try db.execute(sql: definition)
                try db.inTransaction {
                    let insert = try BoundInsert(db, sql: "INSERT INTO sentence_text(id, text) VALUES (?, ?)")
                    while let batch = next() { try store(batch, with: insert) }
                    if isCancelled { return .rollback }
                    try db.execute(sql: """
                        INSERT INTO sentence_fts(sentence_fts, rank) VALUES ('hashsize', \(FullTextBuilder.hashBytes));
                        INSERT INTO sentence_fts(sentence_fts) VALUES ('rebuild');
                        """)
                    return isCancelled ? .rollback : .commit
                }
            }
        } catch {
            condition.lock()
            failure = error
            condition.unlock()
        }
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    private func store(_ batch: Batch, with insert: BoundInsert) throws {
        var text = batch.text
        try text.withUTF8 { bytes in
            for row in batch.rows where row.start >= 0 && row.start <= row.end && row.end <= bytes.count {
                insert.bind(1, row.id)
                insert.bind(2, utf8: UnsafeBufferPointer(rebasing: bytes[row.start..<row.end]))
                try insert.step()
            }
        }
    }

    /// The next batch to index; nil once the writer has finished (or the import stopped) and
    /// nothing waits.
    private func next() -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while pending.isEmpty && !closed { condition.wait() }
        guard !cancelled, !pending.isEmpty else { return nil }
        let batch = pending.removeFirst()
        pendingBytes -= batch.text.utf8.count
        condition.broadcast()
        return batch
    }

    private var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }
}
