import Foundation
import GRDB
import Testing

@testable import Gazette

/// `Evaluator`: a port of `shared/tools/score.py` that must give the very same figures and lines.
@Suite struct EvaluatorTests {
    // MARK: - norm

    @Test(arguments: [
        ("Köln", "koln"),
        ("The BMW Group", "bmw group"),
        ("People’s Republic of China", "people s republic of china"),
        ("Shenyang’s", "shenyang s"),
        ("Straße", "strasse"),
        ("GROẞE", "grosse"),
        ("Sören Link", "soren link"),
        ("Zürich-Flughafen", "zurich flughafen"),
        ("  the  The x", "the x"),
        ("Theodor", "theodor"),
        ("the", "the"),
        ("Ｐａｎｊｉｎ", "panjin"),
        ("İstanbul", "istanbul"),
        ("Ⅻ Corp", "xii corp"),
        ("½ share", "1 2 share"),
        ("Siasun Robot & Automation", "siasun robot automation"),
        ("---", ""),
        ("", ""),
    ])
    func normMatchesScorePy(input: String, expected: String) {
        #expect(Evaluator.norm(input) == expected)
    }

    @Test func normOfNothingIsEmpty() {
        #expect(Evaluator.norm(nil) == "")
    }

    @Test func pythonTextMatchesPython() {
        #expect(PythonText.repr("Shenyang’s") == "'Shenyang’s'")
        #expect(PythonText.repr("Xi'an") == "\"Xi'an\"")
        #expect(PythonText.repr("a\nb\\") == "'a\\nb\\\\'")
        #expect(PythonText.repr(nil as String?) == "None")
        #expect(PythonText.repr(1.0) == "1.0")
        #expect(PythonText.repr(0.857) == "0.857")
        #expect(PythonText.round3(2.0 / 3.0) == 0.667)
        #expect(PythonText.round3(0.0625) == 0.062)  // halves go to even, as Python's round does
        #expect(PythonText.fixed2(0.125) == "0.12")
        #expect(PythonText.padded("events", 14) == "events        ")
    }

    // MARK: - A small case with known counts

    /// A gold folder of two files: `a.txt` (in the store) and `b.txt` (not imported).
    static let syntheticGold: [String: String] = [
        "a.json": """
        {"document": "a.txt",
         "meta": {"title": null, "published": "2023-10-11", "dateline": "Shenyang", "language": "en"},
         "entities": [
           {"name": "BMW Group", "aliases": ["BMW"], "type": "organization", "subtype": "company", "country": "Germany"},
           {"name": "Shenyang", "aliases": [], "type": "place", "subtype": "city", "country": "China"},
           {"name": "Germany", "aliases": [], "type": "place", "subtype": "country", "country": null, "region": "Europe"},
           {"name": "China", "aliases": [], "type": "place", "subtype": "country", "country": null, "region": "Asia"},
           {"name": "Sapporo", "aliases": [], "type": "place", "subtype": "city", "country": "Japan"}],
         "relationships": [
           {"subject": "BMW Group", "predicate": "has_joint_venture_in", "object": "Shenyang", "evidence": "…"},
           {"subject": "Shenyang", "predicate": "friendship_city_of", "object": "Sapporo", "evidence": "…"}],
         "events": [{"type": "visit", "date": {"start": "2023-10", "end": "2023-10"}, "place": "Shenyang",
                     "participants": [], "evidence": "…"}]}
        """,
        "b.json": """
        {"document": "b.txt", "meta": {"language": "en"},
         "entities": [{"name": "Panjin", "aliases": [], "type": "place", "subtype": "city", "country": "China"}],
         "relationships": [], "events": []}
        """,
    ]

    /// A migrated store whose five public views are replaced by plain tables holding known rows:
    /// the evaluator reads nothing else.
    static func makeSyntheticStore() throws -> (store: Store, directory: URL) {
        let (store, directory) = try TestSupport.makeStore()
        try store.queue.write { db in
            try db.execute(
                sql: """
                    DROP VIEW documents; DROP VIEW entity_summary; DROP VIEW facts; DROP VIEW timeline; DROP VIEW joint_ventures;
                    CREATE TABLE documents(name, title, published, dateline, source, language, sha256);
                    INSERT INTO documents VALUES ('a.txt', 'A', '2023-10-11', 'SHENYANG', 'Xinhua', 'de', 'x');
                    CREATE TABLE entity_summary(name, type, subtype, country, country_source, region, aliases, documents, mentions);
                    INSERT INTO entity_summary VALUES
                      ('BMW Group', 'organization', 'company', 'Germany', 'text', 'Europe', '[]', '["a.txt"]', 2),
                      ('BMW', 'organization', 'company', NULL, NULL, NULL, '[]', '["a.txt"]', 1),
                      ('Shenyang', 'place', 'city', NULL, NULL, NULL, '["Shenyang’s"]', '["a.txt"]', 3),
                      ('Sapporo', 'organization', NULL, 'Japan', 'reference', 'Asia', '[]', '["a.txt"]', 1),
                      ('Toyota', 'organization', 'company', 'Japan', 'reference', 'Asia', '[]', '["a.txt"]', 1),
                      ('Germany', 'place', 'country', 'Germany', 'reference', 'Europe', '[]', '["a.txt", "c.txt"]', 1),
                      ('Panjin', 'place', 'city', 'China', 'reference', 'Asia', '[]', '["c.txt"]', 1);
                    CREATE TABLE facts(fact_id, subject, predicate, object, attributes, confidence, document, sentence, start, "end", rule);
                    INSERT INTO facts(fact_id, subject, predicate, object, document) VALUES
                      (1, 'BMW Group', 'has_joint_venture_in', 'Shenyang', 'a.txt'),
                      (2, 'Sapporo', 'friendship_city_of', 'Shenyang', 'a.txt'),
                      (3, 'BMW', 'has_joint_venture_in', 'Shenyang', 'a.txt'),
                      (4, 'Toyota', 'cooperates_with', 'Shenyang', 'a.txt');
                    CREATE TABLE timeline(event_id, event_type, date_start, date_end, date_precision, place, participants,
                                          document, sentence, start, "end", rule);
                    INSERT INTO timeline(event_id, event_type, date_start, place, document) VALUES
                      (1, 'visit', '2023-10-11', 'Shenyang', 'a.txt'),
                      (1, 'visit', '2023-10-11', 'Shenyang', 'a.txt'),
                      (2, 'meeting', '2023', 'Shenyang', 'a.txt');
                    CREATE TABLE joint_ventures(firm, firm_country, firm_region, place, place_country, document, sentence);
                    INSERT INTO joint_ventures VALUES
                      ('BMW Group', 'Germany', 'Europe', 'Shenyang', 'China', 'a.txt', '…'),
                      ('Toyota', 'Japan', 'Asia', 'Shenyang', 'China', 'a.txt', '…');
                    """)
        }
        return (store, directory)
    }

    static func writeSyntheticGold(in directory: URL) throws -> URL {
        let gold = directory.appendingPathComponent("gold", isDirectory: true)
        for (name, text) in syntheticGold {
            try TestSupport.write(text, to: name, in: gold)
        }
        return gold
    }

    @Test func syntheticCaseHasKnownCounts() throws {
        let (store, directory) = try Self.makeSyntheticStore()
        defer { TestSupport.removeTemporary(directory) }
        let report = try store.evaluate(goldDirectory: try Self.writeSyntheticGold(in: directory))

        // BMW Group, Shenyang, Sapporo and Germany match; "BMW" is a second row for BMW Group, an
        // extra; Toyota is an extra; China and Panjin are missed.
        #expect(
            report.entities
                == .init(
                    precision: 0.667, recall: 0.667, f1: 0.667, predicted: 6, gold: 6, matched: 4))
        // The friendship fact matches in reverse; BMW's joint venture is the same fact as BMW Group's.
        #expect(
            report.relationships
                == .init(precision: 0.667, recall: 1, f1: 0.8, predicted: 3, gold: 2, matched: 2))
        #expect(
            report.predicates["friendship_city_of"]
                == .init(precision: 1, recall: 1, f1: 1, predicted: 1, gold: 1, matched: 1))
        #expect(
            report.predicates["cooperates_with"]
                == .init(precision: 0, recall: 1, f1: 0, predicted: 1, gold: 0, matched: 0))
        #expect(report.predicates.count == 3)
        // Two sentences of one visit count once; the meeting is an extra.
        #expect(
            report.events
                == .init(precision: 0.5, recall: 1, f1: 0.667, predicted: 2, gold: 1, matched: 1))
        #expect(
            report.jvPairs
                == .init(precision: 1, recall: 1, f1: 1, predicted: 1, gold: 1, matched: 1))
        #expect(report.entityTypeAccuracy == 0.75)  // Sapporo is no organization
        #expect(report.countryAccuracy == 0.667)  // Shenyang has no country
        #expect(report.metaAccuracy == 0.5)  // a.txt: language; b.txt: not imported

        #expect(report.problems == ["b.txt: document not imported"])
        #expect(
            report.misses == [
                "a.txt: meta language gold='en' got='de'",
                "a.txt: duplicate entity BMW (same as gold BMW Group)",
                "a.txt: country of Shenyang gold=China got=None",
                "a.txt: extra entity Toyota (organization)",
                "a.txt: missed entity China (place)",
                "a.txt: extra fact Toyota cooperates_with Shenyang",
                "b.txt: document not imported",
                "b.txt: meta language gold='en' got=None",
                "b.txt: missed entity Panjin (place)",
            ])
        #expect(report.documents.map(\.document) == ["a.txt", "b.txt"])
        #expect(report.documents.map(\.imported) == [true, false])
        #expect(report.documents[1].entities.f1 == 0)
        #expect(
            report.summaryLine
                == "entities F1 0.67 | relationships F1 0.80 | events F1 0.67 | European-JV question F1 1.00"
        )
        #expect(
            report.scoreLines(verbose: false) == [
                "  b.txt: document not imported",
                "entities       P=0.67 R=0.67 F1=0.67  (predicted 6, gold 6)",
                "relationships  P=0.67 R=1.00 F1=0.80  (predicted 3, gold 2)",
                "events         P=0.50 R=1.00 F1=0.67  (predicted 2, gold 1)",
                "jv_pairs       P=1.00 R=1.00 F1=1.00  (predicted 1, gold 1)",
                "  cooperates_with        P=0.00 R=1.00  (predicted 1, gold 0)",
                "  friendship_city_of     P=1.00 R=1.00  (predicted 1, gold 1)",
                "  has_joint_venture_in   P=1.00 R=1.00  (predicted 1, gold 1)",
                "type acc=0.75 country acc=0.667 meta acc=0.5",
                "entities F1 0.67 | relationships F1 0.80 | events F1 0.67 | European-JV question F1 1.00",
            ])
    }

    @Test(.enabled(if: ScorePy.url != nil, "shared/tools/score.py not found beside the repository"))
    func syntheticCaseScoresLikeScorePy() throws {
        let (store, directory) = try Self.makeSyntheticStore()
        defer { TestSupport.removeTemporary(directory) }
        let gold = try Self.writeSyntheticGold(in: directory)
        try ScorePy.expectSameResults(store: store, gold: gold)
    }

    @Test func missingGoldFolderIsAnError() throws {
        let (store, directory) = try TestSupport.makeStore()
        defer { TestSupport.removeTemporary(directory) }
        let missing = directory.appendingPathComponent("no-gold")
        #expect(throws: GazetteError.missingPath(missing.path)) {
            try store.evaluate(goldDirectory: missing)
        }
    }

    // MARK: - The seed documents against the repository's gold files

    static func makeSeedStore() throws -> (store: Store, directory: URL) {
        let (store, directory) = try TestSupport.makeStore()
        _ = try Importer(pipeline: TestSupport.makePipeline()).run(
            paths: [TestSupport.seedDirectory.path], into: store)
        return (store, directory)
    }

    @Test func seedsAreScoredPerDocument() throws {
        let (store, directory) = try Self.makeSeedStore()
        defer { TestSupport.removeTemporary(directory) }
        let report = try store.evaluate(goldDirectory: try TestSupport.fixtureDirectory("gold"))
        #expect(report.problems.isEmpty)
        #expect(report.documents.map(\.document) == TestSupport.seedNames)
        #expect(
            report.documents.filter { $0.language == "de" }.map(\.document) == [
                "003_72008c147d53139e.txt"
            ])
        #expect(report.documents.allSatisfy { $0.imported && $0.entities.gold > 0 })
        #expect(report.entities.gold == report.documents.map(\.entities.gold).reduce(0, +))
        #expect(report.entities.f1 > 0.5, "\(report.summaryLine)")
        #expect(report.documentTable.rows.count == 5)
        #expect(report.scoreLines(verbose: true).count > report.scoreLines(verbose: false).count)
        let decoded = try JSONDecoder().decode(
            EvaluationReport.self, from: Data(try report.jsonText().utf8))
        #expect(decoded == report)
    }

    @Test(.enabled(if: ScorePy.url != nil, "shared/tools/score.py not found beside the repository"))
    func seedsScoreLikeScorePy() throws {
        let (store, directory) = try Self.makeSeedStore()
        defer { TestSupport.removeTemporary(directory) }
        try ScorePy.expectSameResults(store: store, gold: try TestSupport.fixtureDirectory("gold"))
    }
}
