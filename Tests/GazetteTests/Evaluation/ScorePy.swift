import Foundation
import Testing

@testable import Gazette

/// Runs `shared/tools/score.py` (found beside the repository, as in CI) to compare with the port.
enum ScorePy {
    /// `shared/tools/score.py` in the repository's parent folder or one above it, or nil.
    static let url: URL? = {
        var folder = TestSupport.repositoryRoot.deletingLastPathComponent()
        while folder.path != "/" && !folder.path.isEmpty {
            let candidate = folder.appendingPathComponent("shared/tools/score.py")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }()

    /// Standard output of `python3 score.py DB GOLD extra…`.
    static func run(_ database: String, _ gold: URL, _ extra: [String]) throws -> String {
        let script = try #require(url, "shared/tools/score.py not found")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, database, gold.path] + extra
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(
            process.terminationStatus == 0, "score.py exited with \(process.terminationStatus)")
        return String(decoding: data, as: UTF8.self)
    }

    /// Asserts that the Swift report has score.py's figures for every category, predicate and
    /// accuracy, and that its lines are score.py's lines, with and without `--verbose`.
    static func expectSameResults(store: Store, gold: URL) throws {
        let report = try store.evaluate(goldDirectory: gold)

        // --json prints the JSON object, then the summary line.
        var lines = try run(store.path, gold, ["--json"]).split(
            separator: "\n", omittingEmptySubsequences: false)
        while lines.last == "" { lines.removeLast() }
        let last = lines.popLast()
        let summary = try #require(last, "score.py printed nothing")
        #expect(String(summary) == report.summaryLine)
        let json = try #require(
            JSONSerialization.jsonObject(with: Data(lines.joined(separator: "\n").utf8))
                as? [String: Any])

        for (name, score) in report.categories {
            let python = try #require(
                json[name] as? [String: Any], "no \(name) in score.py's output")
            expect(score, equals: python, name)
        }
        let pythonPredicates = try #require(json["predicates"] as? [String: Any])
        #expect(Set(pythonPredicates.keys) == Set(report.predicates.keys))
        for (name, score) in report.predicates {
            let python = try #require(
                pythonPredicates[name] as? [String: Any], "score.py has no predicate \(name)")
            expect(score, equals: python, name)
        }
        #expect(json["entity_type_accuracy"] as? Double == report.entityTypeAccuracy)
        #expect(json["country_accuracy"] as? Double == report.countryAccuracy)
        #expect(json["meta_accuracy"] as? Double == report.metaAccuracy)

        // The text output, line for line.
        for verbose in [false, true] {
            let python = try run(store.path, gold, verbose ? ["--verbose"] : [])
            #expect(
                python == report.scoreLines(verbose: verbose).joined(separator: "\n") + "\n",
                "verbose: \(verbose)")
        }
    }

    static func expect(
        _ score: EvaluationReport.Score, equals python: [String: Any], _ name: String
    ) {
        #expect(python["precision"] as? Double == score.precision, "\(name) precision")
        #expect(python["recall"] as? Double == score.recall, "\(name) recall")
        #expect(python["f1"] as? Double == score.f1, "\(name) f1")
        #expect(python["predicted"] as? Int == score.predicted, "\(name) predicted")
        #expect(python["gold"] as? Int == score.gold, "\(name) gold")
    }
}
