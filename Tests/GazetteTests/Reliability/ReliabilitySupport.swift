import Foundation
import GRDB
import Testing
@testable import Gazette

/// The reliability tests that start the `gazette` binary as a child process. They run one at a
/// time (each child is CPU-heavy on a small machine); their suites are nested in this one.
@Suite(.serialized) enum Reliability {}

/// Helpers of the reliability tests: the built `gazette` binary, child processes, generated
/// corpora and what a database holds. Namespaced so that other test files cannot clash.
enum ReliabilitySupport {
    // MARK: - The binary

    /// The `gazette` binary built next to the test bundle (any scratch path), else `.build/debug/gazette`.
    static let gazetteBinary: URL? = {
        let fm = FileManager.default
        var folders: [URL] = []
        for path in [Bundle.main.executablePath, CommandLine.arguments.first, try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe")] {
            guard let path, !path.isEmpty else { continue }
            let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
            folders.append(url.deletingLastPathComponent())
            // On macOS the bundle is a folder: …/debug/GazettePackageTests.xctest/Contents/MacOS/…
            var up = url
            while up.path != "/" {
                up = up.deletingLastPathComponent()
                if up.pathExtension == "xctest" { folders.append(up.deletingLastPathComponent()) }
            }
        }
        folders.append(Bundle.main.bundleURL)
        folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
        folders.append(TestSupport.repositoryRoot.appendingPathComponent(".build/debug"))
        for folder in folders {
            let candidate = folder.appendingPathComponent("gazette")
            if fm.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    static func requireBinary() throws -> URL {
        try #require(gazetteBinary, "the gazette binary is not next to the test bundle nor in .build/debug; run `swift build --build-tests`")
    }

    static var isRoot: Bool { geteuid() == 0 }

    // MARK: - Child processes

    /// A `gazette` (or other) child process whose output goes to temporary files.
    final class Child {
        let process = Process()
        let outURL: URL
        let errURL: URL
        let started = Date()

        /// Starts `executable arguments`; `prefix` wraps it (`setpriv …`, `/usr/bin/time …`).
        init(_ executable: URL, _ arguments: [String], prefix: [String] = []) throws {
            let base = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-child-\(UUID().uuidString)")
            outURL = base.appendingPathExtension("out")
            errURL = base.appendingPathExtension("err")
            _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
            _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
            if let first = prefix.first {
                process.executableURL = URL(fileURLWithPath: first)
                process.arguments = Array(prefix.dropFirst()) + [executable.path] + arguments
            } else {
                process.executableURL = executable
                process.arguments = arguments
            }
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = try FileHandle(forWritingTo: outURL)
            process.standardError = try FileHandle(forWritingTo: errURL)
            try process.run()
        }

        deinit {
            if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }

        var isRunning: Bool { process.isRunning }

        /// Waits up to `seconds` after the start, then SIGKILLs the child if it still runs.
        /// True when it was killed, false when it had already exited by itself.
        @discardableResult
        func kill(atSecond seconds: Double) -> Bool {
            while process.isRunning && Date().timeIntervalSince(started) < seconds { usleep(5_000) }
            guard process.isRunning else { return false }
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return true
        }

        /// SIGKILLs the child once `path` exists (checked every 5 ms, for at most `timeout`
        /// seconds): a kill at a moment of the work, not of the clock. True when it was killed.
        @discardableResult
        func kill(whenFileExists path: String, timeout: Double = 120) -> Bool {
            while process.isRunning && !FileManager.default.fileExists(atPath: path)
                    && Date().timeIntervalSince(started) < timeout { usleep(5_000) }
            guard process.isRunning, FileManager.default.fileExists(atPath: path) else { return false }
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return true
        }

        /// Waits for the child to exit; kills it and records an issue after `timeout` seconds.
        func wait(timeout: Double = 55) {
            if kill(atSecond: timeout) {
                Issue.record("\(process.arguments ?? []) still ran after \(timeout) s and was killed")
            }
        }

        var status: Int32 { process.terminationStatus }
        var wasKilled: Bool { process.terminationReason == .uncaughtSignal }
        var stdout: String { (try? String(contentsOf: outURL, encoding: .utf8)) ?? "" }
        var stderr: String { (try? String(contentsOf: errURL, encoding: .utf8)) ?? "" }
    }

    /// Runs `gazette arguments` to completion.
    static func gazette(_ arguments: [String], prefix: [String] = [], timeout: Double = 55) throws -> Child {
        let child = try Child(try requireBinary(), arguments, prefix: prefix)
        child.wait(timeout: timeout)
        return child
    }

    /// Runs a shell tool (sqlite3, mount) to completion; its exit status and standard output.
    @discardableResult
    static func tool(_ path: String, _ arguments: [String], timeout: Double = 30) throws -> (status: Int32, out: String, err: String) {
        let child = try Child(URL(fileURLWithPath: path), arguments)
        child.wait(timeout: timeout)
        return (child.status, child.stdout, child.stderr)
    }

    // MARK: - Databases

    /// A knowledge base with the five seeds imported (in-process), at `directory/name`.
    static func seededDatabase(in directory: URL, name: String = "kb.db") throws -> String {
        let path = directory.appendingPathComponent(name).path
        let store = try Store(path: path)
        let report = try Importer(pipeline: TestSupport.makePipeline()).run(paths: [TestSupport.seedDirectory.path], into: store)
        #expect(report.added == 5)
        return path
    }

    /// What a database holds, compared before and after a failed or killed import.
    struct State: Equatable, CustomStringConvertible {
        /// Rows of every table (FTS shadow tables included).
        var counts: [String: Int] = [:]
        var meta: [String: String] = [:]
        var schema: [String] = []
        var description: String { "counts \(counts.sorted { $0.key < $1.key }), meta \(meta)" }
        var documents: Int { counts["document"] ?? -1 }
    }

    /// The state of the database at `path`, read without writing to it.
    static func state(of path: String) throws -> State {
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: config)
        return try queue.read { db in
            var state = State()
            state.schema = try String.fetchAll(db, sql: "SELECT type || ' ' || name || ': ' || ifnull(sql, '') FROM sqlite_master ORDER BY name")
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            for table in tables {
                state.counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(table)\"") ?? -1
            }
            if tables.contains("meta") {
                for row in try Row.fetchAll(db, sql: "SELECT key, value FROM meta") { state.meta[row[0]] = row[1] }
            }
            return state
        }
    }

    /// `PRAGMA integrity_check` plus the FTS5 index check; "ok" when both pass.
    static func integrity(of path: String) throws -> String {
        let queue = try DatabaseQueue(path: path)
        return try queue.inDatabase { db in
            let rows = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            guard rows == ["ok"] else { return rows.joined(separator: "; ") }
            guard try db.tableExists("sentence_fts") else { return "ok" }
            do {
                try db.execute(sql: "INSERT INTO sentence_fts(sentence_fts, rank) VALUES ('integrity-check', 1)")
            } catch {
                return "sentence_fts: \(error)"
            }
            return "ok"
        }
    }

    // MARK: - Corpora

    /// A deterministic pseudo-random generator (SplitMix64), so every run makes the same corpus: the
    /// fuzz harness's own.
    typealias SplitMix = FuzzHarness.SplitMix

    /// The real articles variations are made of: the seeds and the genre fixtures.
    static func sourceTexts() throws -> [String] {
        var texts = try TestSupport.seedDocuments().map { try TestSupport.text(of: $0) }
        let genre = try TestSupport.fixtureDirectory("genre")
        for name in try FileManager.default.contentsOfDirectory(atPath: genre.path).sorted() where name.hasSuffix(".txt") {
            texts.append(try TestSupport.text(of: genre.appendingPathComponent(name)))
        }
        return texts
    }

    static let cities = ["Harbin", "Changchun", "Dalian", "Tianjin", "Qingdao", "Jinan", "Wuhan", "Chengdu", "Hefei", "Suzhou",
                         "Ningbo", "Xiamen", "Anshan", "Yingkou", "Daqing", "Tangshan", "Yantai", "Weifang", "Zibo", "Shenyang"]
    static let firms = ["Nordchemie", "Alpen Technik", "Rhein Polymers", "Hansa Logistics", "Baltic Systems", "Volta Robotics",
                        "Silva Materials", "Astra Motion", "Terra Chemie", "Danu Technik"]

    /// Writes `count` variations of the real articles (cities, firms and numbers changed, each
    /// unique) as `doc000000.txt`… into `directory`; `offset` shifts the numbering and content.
    @discardableResult
    static func writeCorpus(count: Int, to directory: URL, offset: Int = 0, seed: UInt64 = 42) throws -> [URL] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let texts = try sourceTexts()
        var rng = SplitMix(seed: seed &+ UInt64(offset))
        var urls: [URL] = []
        for n in offset..<(offset + count) {
            var text = texts[n % texts.count]
            for city in ["Panjin", "Shenyang", "Dalian", "Changchun", "Harbin", "Wuhan"] {
                text = text.replacingOccurrences(of: city, with: cities.randomElement(using: &rng)!)
            }
            for firm in ["Leoni", "Clariant", "Dynasol", "Schaeffler", "Solvay", "BASF"] {
                text = text.replacingOccurrences(of: firm, with: firms.randomElement(using: &rng)!)
            }
            text = text.replacingOccurrences(of: "2017", with: String(2005 + Int.random(in: 0..<20, using: &rng)))
            text += "\n\nReport \(n) of the series, filed with \(Int.random(in: 10...999, using: &rng)) pages.\n"
            let url = directory.appendingPathComponent(String(format: "doc%06d.txt", n))
            try Data(text.utf8).write(to: url)
            urls.append(url)
        }
        return urls
    }
}
