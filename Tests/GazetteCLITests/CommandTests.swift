import ArgumentParser
import Foundation
@testable import Gazette
import Testing
@testable import GazetteCLI

/// Helpers of the CLI tests: the repository folders and a way to run a command and capture what
/// it prints on standard output.
enum CLITestSupport {
    static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url = url.deletingLastPathComponent()
        }
        return url
    }()

    static var rulesDirectory: String { repositoryRoot.appendingPathComponent("seeds/rules").path }
    static var referenceDirectory: String { repositoryRoot.appendingPathComponent("seeds/reference").path }
    static var seedDirectory: String { repositoryRoot.appendingPathComponent("seeds/documents").path }

    static func makeTemporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-cli-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Standard output is one per process: commands that print run one at a time.
    static let outputLock = NSLock()

    /// Parses `arguments` as `gazette` would and runs the command, returning what it printed.
    static func run(_ arguments: [String]) throws -> String {
        var command = try GazetteCommand.parseAsRoot(arguments)
        outputLock.lock()
        defer { outputLock.unlock() }
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-cli-out-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: capture.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: capture) }
        let handle = try FileHandle(forWritingTo: capture)
        fflush(nil)
        let saved = dup(STDOUT_FILENO)
        dup2(handle.fileDescriptor, STDOUT_FILENO)
        var thrown: (any Error)?
        do { try command.run() } catch { thrown = error }
        fflush(nil)
        dup2(saved, STDOUT_FILENO)
        close(saved)
        try handle.close()
        if let thrown { throw thrown }
        return try String(contentsOf: capture, encoding: .utf8)
    }

    /// Imports the seeds into a new database at `path`.
    static func importSeeds(_ path: String) throws -> String {
        try run(["import", "--db", path, "--rules", rulesDirectory, "--reference", referenceDirectory, "--quiet", seedDirectory])
    }
}

@Suite(.serialized) struct CommandTests {
    @Test func importThenDocumentsSQLAndSearch() throws {
        let directory = try CLITestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("news.db").path

        let summary = try CLITestSupport.importSeeds(db)
        #expect(summary.hasPrefix("\(db): 5 documents (5 added), "), "\(summary)")
        #expect(summary.contains("database now: 5 documents"))
        let again = try CLITestSupport.importSeeds(db)
        #expect(again.hasPrefix("\(db): 5 documents (0 added, 5 unchanged), "), "\(again)")

        let csv = try CLITestSupport.run(["documents", "--db", db, "--format", "csv"])
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.first == "name,title,published,dateline,source,language,words,sha256")
        #expect(lines.count == 7 && lines.last == "")
        #expect(lines[1].hasPrefix("000_edaaab7c5554935a.txt,,2017-11-17,Panjin,PR Newswire,en,"))
        #expect(lines[4].hasPrefix("003_72008c147d53139e.txt,\"Liaoning treibt die internationale Zusammenarbeit umfassend voran,"
            + " um die umfassende Revitalisierung der Region zu fördern\",2023-10-26,Shenyang,,de,"))

        let json = try CLITestSupport.run(["sql", "--db", db, "--format", "json",
                                           "SELECT name, language FROM documents WHERE language = 'de'"])
        #expect(json == "[\n  {\"name\": \"003_72008c147d53139e.txt\", \"language\": \"de\"}\n]\n")

        let table = try CLITestSupport.run(["sql", "--db", db, "SELECT count(*) AS n FROM documents"])
        #expect(table == "n\n-\n5\n")

        let hits = try CLITestSupport.run(["search", "--db", db, "--format", "jsonl", "--limit", "3", "\"Sino-German Industrial City Alliance\""])
        let rows = hits.split(separator: "\n").map(String.init)
        #expect(!rows.isEmpty && rows.count <= 3)
        #expect(rows.first?.hasPrefix("{\"document\": \"000_edaaab7c5554935a.txt\", \"sentence\": ") == true, "\(hits)")
        #expect(hits.contains("join the [Sino-German Industrial City Alliance], a platform"))
        let german = try CLITestSupport.run(["search", "--db", db, "--format", "csv", "Revitalisierung"])
        #expect(german.hasPrefix("document,sentence,text\r\n003_72008c147d53139e.txt,"))
    }

    @Test func sqlCannotWrite() throws {
        let directory = try CLITestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("news.db").path
        _ = try CLITestSupport.importSeeds(db)
        for statement in ["DELETE FROM document", "DROP TABLE document", "CREATE TABLE x(y)"] {
            let error = #expect(throws: GazetteError.self, "\(statement)") {
                _ = try CLITestSupport.run(["sql", "--db", db, statement])
            }
            #expect(GazetteCommand.exitCode(for: error ?? GazetteError.invalidArgument("")) == .failure)
        }
        #expect(try CLITestSupport.run(["sql", "--db", db, "--format", "csv", "SELECT count(*) AS n FROM document"]) == "n\r\n5\r\n")
    }

    @Test func missingDatabaseIsAnError() throws {
        let directory = try CLITestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("none.db").path
        let error = #expect(throws: GazetteError.self) { _ = try CLITestSupport.run(["documents", "--db", db]) }
        let message = GazetteCommand.message(for: error ?? GazetteError.invalidArgument(""))
        #expect(message == "\(db): no such database; create it with `gazette import --db \(db) FILES…`")
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func importOfBadFilesFailsWithEveryProblem() throws {
        let directory = try CLITestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("news.db").path
        let bad = directory.appendingPathComponent("empty.txt")
        _ = FileManager.default.createFile(atPath: bad.path, contents: Data())
        let error = #expect(throws: (any Error).self) {
            _ = try CLITestSupport.run(["import", "--db", db, "--rules", CLITestSupport.rulesDirectory, "--quiet",
                                        CLITestSupport.seedDirectory, bad.path])
        }
        #expect(GazetteCommand.exitCode(for: error ?? CleanExit.helpRequest()) == .failure)
        // The message lists the bad file; it is not attributed to the database file.
        #expect(GazetteCommand.message(for: error ?? CleanExit.helpRequest()) == """
            1 bad input; nothing was imported (pass --skip-bad to import the good ones):
              \(bad.path): the document is empty (no text after removing markup and boilerplate)
            """)
        let count = try CLITestSupport.run(["sql", "--db", db, "--format", "csv", "SELECT count(*) AS n FROM documents"])
        #expect(count == "n\r\n0\r\n")
        let skipped = try CLITestSupport.run(["import", "--db", db, "--rules", CLITestSupport.rulesDirectory, "--quiet", "--skip-bad",
                                              CLITestSupport.seedDirectory, bad.path])
        #expect(skipped.hasPrefix("\(db): 5 documents (5 added, 1 skipped), "), "\(skipped)")
    }

    /// Every command registered on the root, whatever group it is in.
    static var allCommands: [any ParsableCommand.Type] {
        let configuration = GazetteCommand.configuration
        return configuration.subcommands + configuration.groupedSubcommands.flatMap(\.subcommands)
    }

    @Test func everyCommandHelpHasExamples() throws {
        #expect(Self.allCommands.count >= 5)
        for command in Self.allCommands + [GazetteCommand.self] {
            let name = command == GazetteCommand.self ? "" : command._commandName
            let help = GazetteCommand.helpMessage(for: command)
            #expect(help.contains("Example:"), "gazette \(name) --help has no example")
            #expect(help.contains("USAGE: gazette \(name)"), "\(name)")
            // Every example line runs the command it documents.
            let examples = help.components(separatedBy: "Example:").last ?? ""
            for line in examples.split(separator: "\n") where line.trimmingCharacters(in: .whitespaces).hasPrefix("gazette") {
                #expect(line.trimmingCharacters(in: .whitespaces).hasPrefix("gazette \(name)"), "\(line)")
            }
        }
    }

    /// ArgumentParser wraps a discussion to the terminal but keeps its line breaks, so a prose
    /// paragraph broken in the source showed as short, ragged lines in an 80-column `--help`.
    @Test func discussionParagraphsFlow() {
        for command in Self.allCommands + [GazetteCommand.self] {
            let paragraphs = command.configuration.discussion.components(separatedBy: "\n\n")
            for paragraph in paragraphs where !paragraph.hasPrefix("Example") {
                #expect(!paragraph.contains("\n"), "gazette \(command._commandName): \(paragraph.prefix(60))…")
            }
        }
    }

    @Test func invalidPublishedDateIsAValidationError() {
        for value in ["2021-13", "17.11.2017", "2021-02-30", "yesterday"] {
            let error = #expect(throws: (any Error).self) {
                _ = try GazetteCommand.parseAsRoot(["extract", "--published", value, "article.txt"])
            }
            let thrown = error ?? CleanExit.helpRequest()
            #expect(GazetteCommand.message(for: thrown) == "--published must be YYYY, YYYY-MM or YYYY-MM-DD, not '\(value)'.")
            #expect(GazetteCommand.fullMessage(for: thrown).hasPrefix("Error: --published must be"))
            #expect(GazetteCommand.exitCode(for: thrown) == .validationFailure)
        }
        // Near miss: the three valid precisions parse.
        for value in ["2021", "2021-03", "2021-03-03"] {
            #expect(throws: Never.self) { _ = try GazetteCommand.parseAsRoot(["extract", "--published", value, "article.txt"]) }
        }
    }

    @Test func invalidEncodingAndFormatAreValidationErrors() {
        let encoding = #expect(throws: (any Error).self) {
            _ = try GazetteCommand.parseAsRoot(["import", "--encoding", "ebcdic", "x.txt"])
        }
        #expect(GazetteCommand.message(for: encoding ?? CleanExit.helpRequest())
            == "Unknown encoding 'ebcdic'; use utf-8, windows-1252 or iso-8859-1.")
        #expect(GazetteCommand.exitCode(for: encoding ?? CleanExit.helpRequest()) == .validationFailure)
        let format = #expect(throws: (any Error).self) {
            _ = try GazetteCommand.parseAsRoot(["documents", "--format", "xml"])
        }
        #expect(GazetteCommand.message(for: format ?? CleanExit.helpRequest()).contains("'xml'"))
    }

    @Test func batchAndLimitMustBePositive() {
        for arguments in [["import", "--batch", "0", "x.txt"], ["show", "--limit", "-1", "Panjin"]] {
            let error = #expect(throws: (any Error).self) { _ = try GazetteCommand.parseAsRoot(arguments) }
            #expect(GazetteCommand.exitCode(for: error ?? CleanExit.helpRequest()) == .validationFailure, "\(arguments)")
        }
    }

    @Test func extractPrintsJSON() throws {
        let file = CLITestSupport.repositoryRoot.appendingPathComponent("seeds/documents/003_72008c147d53139e.txt").path
        let output = try CLITestSupport.run(["extract", "--rules", CLITestSupport.rulesDirectory, "--format", "json", file])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(Set(object.keys).isSuperset(of: ["document", "sentences", "entities", "facts", "events", "dates"]))
        let document = try #require(object["document"] as? [String: Any])
        #expect(document["language"] as? String == "de")
        #expect(document["dateline"] as? String == "Shenyang")
        #expect(document["published"] as? String == "2023-10-26")
        let sentences = try #require(object["sentences"] as? [[String: Any]])
        #expect(sentences.contains { $0["text"] as? String == "Während der Reise nach Saudi-Arabien vom 14. bis 15. besuchte die Delegation den Hauptsitz von Saudi Aramco." })
    }
}
