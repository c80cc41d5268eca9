import ArgumentParser
import Foundation
@testable import Gazette
import Testing
@testable import GazetteCLI

/// Hostile text in documents, CLI arguments and queries is data, never SQL: values are bound as
/// parameters, `gazette sql` runs one statement on a read-only connection, and every refused
/// attempt leaves the database as it was.
@Suite(.serialized) struct InjectionTests {
    static let hostile = [
        "'); DROP TABLE entity; --",
        "\" OR 1=1 --",
        "x'; DELETE FROM document WHERE '1'='1",
        "100% ; %; _%",
        "Nowhere\u{0}'; DROP TABLE document; --",
        "SELECT * FROM document; VACUUM",
        "ATTACH DATABASE 'evil.db' AS evil",
        "Robert'); DROP TABLE Students;--",
        "O'Brien & Söhne \"Ltd\"; UPDATE entity SET name = 'pwned'",
    ]

    /// Everything a write could change: the schema, each table's row count and `meta`.
    static func fingerprint(_ db: String) throws -> [String] {
        let store = try Store(path: db, readOnly: true)
        var lines = try store.rows(sql: "SELECT type || ' ' || name || ' ' || ifnull(sql, '') FROM sqlite_master ORDER BY name")
            .rows.map { $0.map(\.description).joined() }
        let tables = try store.rows(sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").rows
            .map { $0[0].description }
        for table in tables {
            let n = try store.rows(sql: "SELECT count(*) FROM \"\(table)\"").rows.first?.first?.description ?? "?"
            lines.append("\(table) \(n)")
        }
        lines += try store.rows(sql: "SELECT key || '=' || value FROM meta ORDER BY key").rows.map { $0[0].description }
        return lines
    }

    static func withSeededDatabase(_ body: (_ db: String, _ directory: URL) throws -> Void) throws {
        let directory = try CLITestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("news.db").path
        _ = try CLITestSupport.importSeeds(db)
        try body(db, directory)
    }

    @Test func sqlRefusesEveryWrite() throws {
        try Self.withSeededDatabase { db, directory in
            let before = try Self.fingerprint(db)
            let evil = directory.appendingPathComponent("evil.db").path
            let copy = directory.appendingPathComponent("copy.db").path
            let statements = [
                "DELETE FROM document",
                "DROP TABLE entity",
                "DROP VIEW documents",
                "UPDATE entity SET name = 'pwned'",
                "INSERT INTO meta(key, value) VALUES ('pwned', 'yes')",
                "CREATE TABLE pwned(x)",
                "ATTACH DATABASE '\(evil)' AS evil",
                "ATTACH DATABASE '\(evil)' AS evil; CREATE TABLE evil.t(x)",
                "ATTACH DATABASE '\(db)' AS w; DELETE FROM w.document",
                "PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = 'CREATE TABLE x(y)' WHERE name = 'document'",
                "PRAGMA writable_schema = 1; DROP TABLE document",
                "SELECT 1; DELETE FROM document",
                "VACUUM",
                "VACUUM INTO '\(copy)'",
                "REINDEX",
                "ANALYZE",
                "PRAGMA journal_mode = DELETE",
                "PRAGMA user_version = 99",
                "INSERT INTO sentence_fts(sentence_fts) VALUES ('rebuild')",
                "SELECT load_extension('/tmp/pwned.so')",
                "WITH x AS (SELECT 1) DELETE FROM document",
            ]
            for statement in statements {
                let error = #expect(throws: (any Error).self, "\(statement)") {
                    _ = try CLITestSupport.run(["sql", "--db", db, statement])
                }
                let thrown = error ?? CleanExit.helpRequest()
                #expect(GazetteCommand.exitCode(for: thrown) == .failure, "\(statement)")
                // One line, no stack of SQLite internals.
                #expect(!GazetteCommand.message(for: thrown).contains("\n"), "\(statement): \(GazetteCommand.message(for: thrown))")
                #expect(try Self.fingerprint(db) == before, "\(statement) changed the database")
            }
            // A pragma alone is accepted but changes nothing: the next connection is read-only again.
            _ = try CLITestSupport.run(["sql", "--db", db, "PRAGMA writable_schema = ON"])
            #expect(throws: (any Error).self) { _ = try CLITestSupport.run(["sql", "--db", db, "DELETE FROM document"]) }
            #expect(try Self.fingerprint(db) == before)
            #expect(!FileManager.default.fileExists(atPath: evil) && !FileManager.default.fileExists(atPath: copy),
                    "no file may be made through gazette sql")
            #expect(try CLITestSupport.run(["sql", "--db", db, "--format", "csv", "SELECT count(*) AS n FROM documents"]) == "n\r\n5\r\n")
        }
    }

    @Test func searchBindsTheQuery() throws {
        try Self.withSeededDatabase { db, _ in
            let before = try Self.fingerprint(db)
            for query in Self.hostile + ["%", "*", "\"", "''", "NEAR(", "\u{0}", "-- ", "; ;"] {
                do {
                    _ = try CLITestSupport.run(["search", "--db", db, "--format", "jsonl", "--", query])
                } catch let error as GazetteError {
                    // Not FTS5 syntax: a one-line SQL error, never an executed statement.
                    guard case .invalidArgument(let message) = error else {
                        Issue.record("\(query.debugDescription): \(error)")
                        continue
                    }
                    #expect(message.hasPrefix("SQL error: ") && !message.contains("\n"), "\(query.debugDescription): \(message)")
                }
                #expect(try Self.fingerprint(db) == before, "\(query.debugDescription) changed the database")
            }
            // Quoted as an FTS5 phrase, the same text is simply searched for.
            let hits = try CLITestSupport.run(["search", "--db", db, "--format", "csv", "\"DROP TABLE\""])
            #expect(hits == "document,sentence,text\r\n", "\(hits)")
        }
    }

    @Test func argumentsAreBoundAsParameters() throws {
        try Self.withSeededDatabase { db, _ in
            let store = try Store(path: db, readOnly: true)
            for value in Self.hostile {
                let table = try store.rows(sql: "SELECT count(*), ? FROM entity WHERE name = ? OR name LIKE ?",
                                           arguments: [value, value, value])
                // GRDB binds a String as a C string: a NUL ends the value (it is cut, never executed).
                let bound = value.split(separator: "\u{0}", omittingEmptySubsequences: false).first.map(String.init) ?? value
                #expect(table.rows.first?.map(\.description) == ["0", bound], "\(value.debugDescription)")
            }
            #expect(try store.counts()["documents"] == 5)
        }
    }

    @Test func hostileDocumentImportsAsText() throws {
        try Self.withSeededDatabase { db, directory in
            let text = """
                SHENYANG, China, May 3, 2024 -- Robert'); DROP TABLE entity; -- opened an office in Shenyang. \
                The firm "O'Brien & Söhne; DELETE FROM document; --" signed a 100% agreement with Siemens.

                A line with a % sign, a ; and a quote ' and "double" quotes; SELECT * FROM meta; VACUUM.
                """
            let file = directory.appendingPathComponent("it's; DROP TABLE document; --.txt")
            try Data(text.utf8).write(to: file)
            // A JSONL line may carry a NUL character (escaped) into the text.
            let jsonl = directory.appendingPathComponent("nul.jsonl")
            try Data(#"{"text": "Qingdao opened a port.\u0000'); DROP TABLE document; -- Dalian signed.", "url": "https://x.test/a'b;c"}"#.utf8)
                .write(to: jsonl)
            let output = try CLITestSupport.run(["import", "--db", db, "--rules", CLITestSupport.rulesDirectory,
                                                 "--reference", CLITestSupport.referenceDirectory, "--quiet", file.path, jsonl.path])
            #expect(output.contains("2 documents (2 added)"), "\(output)")
            let store = try Store(path: db, readOnly: true)
            #expect(try store.counts()["documents"] == 7)
            #expect(try store.rows(sql: "SELECT count(*) FROM document WHERE text LIKE ?", arguments: ["%DROP TABLE entity; --%"])
                .rows.first?.first == .integer(1))
            // Normalization drops the NUL (a control character); the text after it is kept.
            #expect(try store.rows(sql: "SELECT count(*) FROM document WHERE instr(text, char(0)) > 0").rows.first?.first == .integer(0))
            #expect(try store.rows(sql: "SELECT count(*) FROM document WHERE text LIKE ?", arguments: ["%port.'); DROP TABLE document; -- Dalian%"])
                .rows.first?.first == .integer(1))
            #expect(try store.rows(sql: "SELECT name FROM document WHERE source_key = 'https://x.test/a''b;c'").rows.count == 1)
            #expect(try store.rows(sql: "SELECT count(*) FROM document WHERE name = ?", arguments: [file.lastPathComponent])
                .rows.first?.first == .integer(1))
            for table in ["entity", "document", "meta", "sentence", "mention"] {
                #expect(try store.rows(sql: "SELECT count(*) FROM sqlite_master WHERE name = ?", arguments: [table])
                    .rows.first?.first == .integer(1), "\(table)")
            }
            let hits = try CLITestSupport.run(["search", "--db", db, "--format", "csv", "\"DROP TABLE entity\""])
            #expect(hits.contains("[DROP] [TABLE] [entity]") || hits.contains("[DROP TABLE entity]"), "\(hits)")
        }
    }
}
