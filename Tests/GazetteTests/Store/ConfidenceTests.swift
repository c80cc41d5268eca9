import Foundation
import GRDB
import Testing
@testable import Gazette

/// Stored confidences equal ``Confidence/combine(_:)`` over each relationship's evidence (the best
/// precision per document, in document order), whether the writer folded them in memory (a
/// relationship new in the transaction) or recomputed them in SQL (an older one, or one that lost
/// evidence to a replaced document).
@Suite struct ConfidenceTests {
    @Test func tallyGivesCombinesValueToTheLastBit() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let documents = Int.random(in: 1...6, using: &generator)
            var tally = ConfidenceTally()
            var best: [Double] = []
            for document in 0..<documents {
                let rows = (0..<Int.random(in: 1...3, using: &generator)).map { _ in Double.random(in: 0.3...1.1, using: &generator) }
                for precision in rows { tally.add(document: Int64(document * 3 + 1), precision: precision) }
                best.append(rows.max() ?? 0)
            }
            #expect(tally.confidence == Confidence.combine(best), "\(best)")
        }
        // A new relationship's row is inserted with `single` of its first evidence, and updated
        // at the end only where the tally differs: for one piece of evidence they must agree.
        for _ in 0..<500 {
            let precision = Double.random(in: 0.3...1.1, using: &generator)
            var tally = ConfidenceTally()
            tally.add(document: 7, precision: precision)
            #expect(tally.confidence == Confidence.single(precision), "\(precision)")
        }
        #expect(Confidence.combine([0.9, 0.9]) == 0.99)
        #expect(Confidence.combine([0.8]) == 0.8)
        #expect(Confidence.combine([0.5, 0.5]) == 0.75)
    }

    /// Relationships whose stored confidence differs from the evidence's (in Swift, not SQL).
    static func mismatches(_ store: Store) throws -> [String] {
        try store.queue.read { db in
            var best: [Int64: [(document: Int64, precision: Double)]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT relationship_id, document_id, max(rule_precision) FROM fact_evidence
                GROUP BY relationship_id, document_id ORDER BY relationship_id, document_id
                """) {
                best[row[0], default: []].append((row[1], row[2]))
            }
            var wrong: [String] = []
            for row in try Row.fetchAll(db, sql: "SELECT id, confidence FROM relationship") {
                let id: Int64 = row[0]
                let expected = Confidence.combine(best[id, default: []].map(\.precision))
                if (row[1] as Double) != expected { wrong.append("\(id): \(row[1] as Double) != \(expected)") }
            }
            return wrong
        }
    }

    @Test func storedConfidencesFollowTheEvidence() throws {
        let seeds = try TestSupport.SeedCopies()
        defer { seeds.cleanUp() }
        let (store, files, copies, importer) = (seeds.store, seeds.files, seeds.folder, seeds.importer)
        // The same joint venture reported by two more documents, one of them later replaced.
        let report = "PR Newswire. SHENYANG, China, May 3, 2021 /PRNewswire/ -- Brilliance Auto and BMW formed a joint venture in Shenyang."
        let second = copies.appendingPathComponent("jv-second.txt")
        let third = copies.appendingPathComponent("jv-third.txt")
        try Data(report.replacingOccurrences(of: "May 3", with: "June 9").utf8).write(to: second)
        try Data(report.replacingOccurrences(of: "May 3", with: "July 1").utf8).write(to: third)

        _ = try importer.run(paths: files.prefix(3).map(\.path) + [second.path], into: store)
        #expect(try Self.mismatches(store) == [])
        #expect(try TestSupport.integer(store, "SELECT count(*) FROM relationship") > 10)

        _ = try importer.run(paths: [copies.path], into: store)
        #expect(try Self.mismatches(store) == [])
        let supported = try TestSupport.integer(store, "SELECT count(*) FROM (SELECT 1 FROM fact_evidence GROUP BY relationship_id HAVING count(DISTINCT document_id) > 1)")
        #expect(supported > 0)

        try Data("PR Newswire. SHENYANG, China, July 1, 2021 /PRNewswire/ -- Shenyang opened a ferry terminal.".utf8).write(to: third)
        #expect(try importer.run(paths: [copies.path], into: store).replaced == 1)
        #expect(try Self.mismatches(store) == [])
    }
}
