import Foundation
import GRDB
import Testing
@testable import Gazette

extension Reliability {
    /// Faults of the database file, each met through the real `gazette` binary: one `Error:` line
    /// on standard error, exit status 1, nothing on standard output, and the database unchanged.
    @Suite struct FaultTests {
        /// Runs `gazette import` and checks the one-line error, the exit status and the unchanged state.
        static func expectRefusedImport(db: String, of files: [String], prefix: [String] = [], message: String,
                                        sourceLocation: SourceLocation = #_sourceLocation) throws {
            let before = try ReliabilitySupport.state(of: db)
            let child = try ReliabilitySupport.gazette(["import", "--db", db, "--quiet"] + files, prefix: prefix)
            #expect(child.status == 1, "exit status; stderr: \(child.stderr)", sourceLocation: sourceLocation)
            #expect(child.stderr == "Error: \(message)\n", sourceLocation: sourceLocation)
            #expect(child.stdout == "", sourceLocation: sourceLocation)
            #expect(try ReliabilitySupport.state(of: db) == before, "the database changed", sourceLocation: sourceLocation)
            #expect(try ReliabilitySupport.integrity(of: db) == "ok", sourceLocation: sourceLocation)
        }

        /// Mounting a size-limited tmpfs needs root (CI runs as root).
        static let canMount: Bool = {
            guard ReliabilitySupport.isRoot, FileManager.default.isExecutableFile(atPath: "/usr/bin/mount") else { return false }
            return true
        }()

        @Test(.enabled(if: canMount, "mounting a small tmpfs needs root"))
        func diskFull() throws {
            let directory = try TestSupport.makeTemporaryDirectory()
            defer { TestSupport.removeTemporary(directory) }
            let source = try ReliabilitySupport.seededDatabase(in: directory)
            let files = try ReliabilitySupport.writeCorpus(count: 24, to: directory.appendingPathComponent("corpus")).map(\.path)
            _ = try ReliabilitySupport.integrity(of: source)   // checkpoints: the WAL is folded into the file
            let size = try #require(try FileManager.default.attributesOfItem(atPath: source)[.size] as? Int)
            // Room for the file, its 32 KiB WAL index and a few pages: far less than 24 articles need.
            let mountPoint = directory.appendingPathComponent("small-disk")
            try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
            let mounted = try ReliabilitySupport.tool("/usr/bin/mount", ["-t", "tmpfs", "-o", "size=\(size / 1024 + 96)k", "tmpfs", mountPoint.path])
            try #require(mounted.status == 0, "mount failed: \(mounted.err)")
            defer { _ = try? ReliabilitySupport.tool("/usr/bin/umount", ["-l", mountPoint.path]) }
            let db = mountPoint.appendingPathComponent("kb.db").path
            try FileManager.default.copyItem(atPath: source, toPath: db)
            try Self.expectRefusedImport(db: db, of: files, message: "\(db): the disk is full; nothing was written")
            #expect(try ReliabilitySupport.state(of: db).documents == 5)
        }

        /// Root writes through file modes, so as root the child runs without the capability to
        /// override them (`setpriv`), like any user would.
        static func unprivileged() throws -> [String] {
            guard ReliabilitySupport.isRoot else { return [] }
            try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "setpriv is needed to drop root's file-mode override")
            return ["/usr/bin/setpriv", "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-all", "--"]
        }

        enum ReadOnly: String, CaseIterable { case file, directory, both }

        @Test(arguments: ReadOnly.allCases)
        func readOnlyDatabase(_ what: ReadOnly) throws {
            let directory = try TestSupport.makeTemporaryDirectory()
            defer { TestSupport.removeTemporary(directory) }
            let folder = directory.appendingPathComponent("kb")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let db = try ReliabilitySupport.seededDatabase(in: folder)
            let files = try ReliabilitySupport.writeCorpus(count: 2, to: directory.appendingPathComponent("corpus")).map(\.path)
            #expect(try ReliabilitySupport.integrity(of: db) == "ok")   // closing the last connection removes -wal and -shm
            let before = try ReliabilitySupport.state(of: db)
            let fm = FileManager.default
            for suffix in ["-wal", "-shm"] { try? fm.removeItem(atPath: db + suffix) }
            if what != .directory { try fm.setAttributes([.posixPermissions: 0o444], ofItemAtPath: db) }
            if what != .file { try fm.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path) }
            var restored = false
            func restore() {
                guard !restored else { return }
                restored = true
                try? fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
                try? fm.setAttributes([.posixPermissions: 0o644], ofItemAtPath: db)
            }
            defer { restore() }
            // Nothing may open the file as root until the children ran: root would create -wal/-shm.
            let child = try ReliabilitySupport.gazette(["import", "--db", db, "--quiet"] + files, prefix: try Self.unprivileged())
            let read = try ReliabilitySupport.gazette(["sql", "--db", db, "--format", "csv", "SELECT count(*) AS n FROM documents"],
                                                      prefix: try Self.unprivileged())
            restore()
            #expect(child.status == 1, "exit status; stderr: \(child.stderr)")
            #expect(child.stderr == "Error: \(db): the database is read-only; check its permissions or choose another --db\n")
            #expect(child.stdout == "")
            #expect(try ReliabilitySupport.state(of: db) == before, "the database changed")
            #expect(try ReliabilitySupport.integrity(of: db) == "ok")
            // Reading still works: in a read-only folder the store opens the file as immutable.
            #expect(read.status == 0 && read.stdout == "n\r\n5\r\n", "\(read.stderr)")
        }

        @Test func lockedByAnotherWriter() throws {
            let directory = try TestSupport.makeTemporaryDirectory()
            defer { TestSupport.removeTemporary(directory) }
            let db = try ReliabilitySupport.seededDatabase(in: directory)
            let files = try ReliabilitySupport.writeCorpus(count: 2, to: directory.appendingPathComponent("corpus")).map(\.path)
            let before = try ReliabilitySupport.state(of: db)
            // Another writer holds the write lock (and has written, uncommitted) for the whole import.
            let holder = try DatabaseQueue(path: db)
            let child: ReliabilitySupport.Child = try holder.inDatabase { conn in
                try conn.execute(sql: "BEGIN IMMEDIATE")
                try conn.execute(sql: "INSERT INTO meta(key, value) VALUES ('other-writer', 'busy')")
                let child = try ReliabilitySupport.gazette(["import", "--db", db, "--quiet"] + files)
                try conn.execute(sql: "ROLLBACK")
                return child
            }
            #expect(child.status == 1, "\(child.stderr)")
            #expect(child.stderr == "Error: \(db): the database is locked by another writer; try again when it has finished\n")
            #expect(child.stdout == "")
            #expect(try ReliabilitySupport.state(of: db) == before)
            // Once the other writer is done, the import goes through.
            let after = try ReliabilitySupport.gazette(["import", "--db", db, "--quiet"] + files)
            #expect(after.status == 0, "\(after.stderr)")
            #expect(try ReliabilitySupport.state(of: db).documents == 7)
        }

        @Test func fileThatIsNotSQLite() throws {
            let directory = try TestSupport.makeTemporaryDirectory()
            defer { TestSupport.removeTemporary(directory) }
            let seed = try TestSupport.text(of: TestSupport.seedDocuments()[0])
            let db = try TestSupport.write(String(repeating: seed, count: 3), to: "notes.db", in: directory).path
            let files = try ReliabilitySupport.writeCorpus(count: 1, to: directory.appendingPathComponent("corpus")).map(\.path)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: db))
            for arguments in [["import", "--db", db, "--quiet"] + files, ["sql", "--db", db, "SELECT 1"], ["documents", "--db", db]] {
                let child = try ReliabilitySupport.gazette(arguments)
                #expect(child.status == 1, "\(arguments[0])")
                #expect(child.stderr == "Error: \(db): not an SQLite database (or it is corrupt)\n")
                #expect(child.stdout == "")
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == bytes)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["corpus", "notes.db"],
                    "no -wal or -shm file is made next to a file that is not ours")
        }

        @Test func newerSchemaIsRefusedNeverDowngraded() throws {
            let directory = try TestSupport.makeTemporaryDirectory()
            defer { TestSupport.removeTemporary(directory) }
            let db = try ReliabilitySupport.seededDatabase(in: directory)
            let files = try ReliabilitySupport.writeCorpus(count: 1, to: directory.appendingPathComponent("corpus")).map(\.path)
            try DatabaseQueue(path: db).write { conn in
                try conn.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('9999_from_the_future')")
                try conn.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', '9999_from_the_future')")
            }
            _ = try ReliabilitySupport.integrity(of: db)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: db))
            let message = "\(db): written by a newer version of Gazette (unknown migrations: 9999_from_the_future); "
                + "upgrade gazette to use it, it is left unchanged"
            try Self.expectRefusedImport(db: db, of: files, message: message)
            for arguments in [["import", "--db", db], ["sql", "--db", db, "SELECT 1"]] {
                let child = try ReliabilitySupport.gazette(arguments)
                #expect(child.status == 1 && child.stderr == "Error: \(message)\n", "\(arguments[0]): \(child.stderr)")
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == bytes, "the file must not be touched")
            #expect(try ReliabilitySupport.state(of: db).meta["schema_version"] == "9999_from_the_future")
        }
    }
}
