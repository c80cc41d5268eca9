import CSQLiteSettings
import Foundation
import GRDB
import GazetteSchema

/// A Gazette knowledge base: one SQLite file, its schema applied from `Migrations/`.
///
/// Only the store touches SQLite. A writable store migrates the file on open (an older file
/// upgrades in place; a newer one is refused and left unchanged); a read-only store never
/// writes, so `gazette sql` cannot change the file.
///
/// For example:
///
/// ```swift
/// let store = try Store(path: "gazette.db")
/// let summary = try store.write(documents)        // one transaction
/// let rows = try store.rows(sql: "SELECT name FROM documents")
/// ```
///
/// ## Topics
/// ### Opening
/// - ``init(path:readOnly:)``
/// ### Writing
/// - ``write(_:)``
/// ### Reading
/// - ``rows(sql:arguments:)``
public final class Store: Sendable {
    /// SQLite's process-wide settings, made once before the first connection opens: memory
    /// statistics off (`gazette_sqlite_disable_memory_statistics`: with them on, each of the
    /// million allocations of a 2 MB import took and released a global mutex, 4 % of the
    /// writer's instructions). Too late once SQLite is initialized, which is slower, not wrong.
    private static let sqliteSettings: Int32 = gazette_sqlite_disable_memory_statistics()

    static func configureSQLite() {
        _ = sqliteSettings
    }

    /// The file's path as given.
    public let path: String
    /// Opened read-only: nothing can be written through it.
    public let isReadOnly: Bool
    let queue: DatabaseQueue

    /// The schema version this build writes: the identifier of its last migration.
    public static var schemaVersion: String { Schema.migrations.last?.identifier ?? "none" }
    /// The tool version recorded in `meta` by every import.
    public static let toolVersion = "0.1.0"
    /// The writable connection's page cache outside imports (`PRAGMA cache_size`, negative: KiB).
    /// Imports use a larger one while they load (``DocumentWriter/loadingSettings``).
    static let writerCacheSize = -16384

    /// Opens (and for a writable store, creates and migrates) the database at `path`.
    ///
    /// - Throws: ``GazetteError`` naming the file: not a database, newer schema, read-only, missing.
    public init(path: String, readOnly: Bool = false) throws(GazetteError) {
        self.path = path
        self.isReadOnly = readOnly
        if readOnly && !FileManager.default.fileExists(atPath: path) {
            throw .database(path: path, reason: "no such database; create it with `gazette import --db \(path) FILES…`")
        }
        var config = Configuration()
        config.readonly = readOnly
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(5)
        config.label = "gazette"
        if readOnly {
            config.prepareDatabase { db in
                // A question on a large file (`query … within China`) walks thousands of index
                // pages, some many times; SQLite's default 2 MiB cache reads them back from the OS
                // again and again. Pages are cached as read: a small question costs nothing more.
                try db.execute(sql: "PRAGMA cache_size = -65536")
            }
        } else {
            config.prepareDatabase { db in
                // WAL lets readers see the old state while an import writes; NORMAL sync is safe under WAL.
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                // An import touches index pages all over the file; with SQLite's default 2 MiB cache
                // they are read back from the OS again and again. 16 MiB is a fixed cap, not a cost
                // that grows with the corpus (SQLite's sorter, which builds the deferred indexes,
                // takes as much again).
                try db.execute(sql: "PRAGMA cache_size = \(Store.writerCacheSize)")
                db.add(function: ConfidenceAggregate.function)
            }
        }
        // In a folder we cannot write, SQLite cannot create the -shm file WAL readers need; with no
        // writer possible there (and no -wal left behind), the file can be opened as immutable.
        let folder = (path as NSString).deletingLastPathComponent
        let immutable = readOnly && !FileManager.default.isWritableFile(atPath: folder.isEmpty ? "." : folder)
            && !FileManager.default.fileExists(atPath: path + "-wal")
        let openPath = immutable
            ? "file:" + (URL(fileURLWithPath: path).standardizedFileURL.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path) + "?immutable=1"
            : path
        do {
            Store.configureSQLite()
            if readOnly && !immutable { try Store.rollBackInterruptedFirstLoad(path) }
            queue = try DatabaseQueue(path: openPath, configuration: config)
            let migrator = Store.migrator
            if readOnly {
                try queue.read { db in try Store.checkSchema(db, migrator: migrator, path: path, requireCurrent: true) }
            } else {
                try queue.writeWithoutTransaction { db in
                    try Store.checkSchema(db, migrator: migrator, path: path, requireCurrent: false)
                    // WAL is persistent: switch only a file known to be ours (or new).
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                }
                try migrator.migrate(queue)
                try queue.write { db in
                    try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
                                   arguments: [Store.schemaVersion])
                }
            }
        } catch let error as GazetteError {
            throw error
        } catch {
            throw Store.explain(error, path: path)
        }
    }

    /// A first import killed before its commit leaves a hot rollback journal beside the file
    /// (``beginDirectLoad(_:)``); a read-only connection may not roll it back, and would fail.
    /// A writable connection rolls it back as it first reads; this opens one when there is a
    /// journal. The caller asks only where the folder can be written (a file it opens as
    /// immutable has no writer, so no journal to roll back).
    static func rollBackInterruptedFirstLoad(_ path: String) throws {
        guard FileManager.default.fileExists(atPath: path + "-journal") else { return }
        var config = Configuration()
        config.busyMode = .timeout(5)
        let recovery = try DatabaseQueue(path: path, configuration: config)
        _ = try recovery.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
    }

    /// The migrator that applies every embedded `Migrations/*.sql` file in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in Schema.migrations {
            let sql = migration.sql
            migrator.registerMigration(migration.identifier) { db in try db.execute(sql: sql) }
        }
        return migrator
    }

    static func checkSchema(_ db: Database, migrator: DatabaseMigrator, path: String, requireCurrent: Bool) throws {
        // Reading sqlite_master fails at once on a file that is not SQLite.
        _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
        guard try db.tableExists("grdb_migrations") else {
            if requireCurrent {
                throw GazetteError.database(path: path, reason: "not a Gazette knowledge base (no schema); create one with `gazette import`")
            }
            let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
            if tables > 0 {
                throw GazetteError.database(path: path, reason: "an SQLite database of another program, not a Gazette knowledge base; choose another --db")
            }
            return
        }
        let applied = try migrator.appliedIdentifiers(db)
        let known = Set(Schema.migrations.map(\.identifier))
        let unknown = applied.subtracting(known).sorted()
        if !unknown.isEmpty { throw GazetteError.newerSchema(path: path, unknownMigrations: unknown) }
        if requireCurrent && applied != known {
            throw GazetteError.database(path: path, reason: "written by an older Gazette; run `gazette import --db \(path)` (with no files) to upgrade it")
        }
    }

    /// Turns an SQLite error into one line a user can act on.
    static func explain(_ error: any Error, path: String) -> GazetteError {
        guard let db = error as? DatabaseError else { return .database(path: path, reason: "\(error)") }
        switch db.resultCode {
        case .SQLITE_NOTADB: return .database(path: path, reason: "not an SQLite database (or it is corrupt)")
        case .SQLITE_CORRUPT: return .database(path: path, reason: "the database is corrupt")
        case .SQLITE_READONLY: return .database(path: path, reason: "the database is read-only; check its permissions or choose another --db")
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .database(path: path, reason: "the database is locked by another writer; try again when it has finished")
        case .SQLITE_FULL: return .database(path: path, reason: "the disk is full; nothing was written")
        case .SQLITE_CANTOPEN: return .database(path: path, reason: "cannot open the database file (missing folder or no permission)")
        case .SQLITE_PERM, .SQLITE_AUTH: return .database(path: path, reason: "permission denied")
        case .SQLITE_MISUSE where db.message?.hasPrefix("Multiple statements found") == true:
            // GRDB's advice names its own API; the user gave `gazette sql` a query with a `;` inside.
            return .invalidArgument("SQL error: one statement at a time; remove what follows the first `;`")
        default: return .database(path: path, reason: db.message ?? "\(db)")
        }
    }
}
