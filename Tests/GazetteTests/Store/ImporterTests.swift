import Foundation
import Testing
@testable import Gazette

/// `Importer.run(paths:into:skipBad:)`: all or nothing, unless bad files are skipped.
@Suite struct ImporterTests {
    /// A folder with two good articles and one bad file of each kind.
    static func makeMixedFolder() throws -> (directory: URL, good: [URL], bad: [URL]) {
        let directory = try TestSupport.makeTemporaryDirectory()
        let good = [
            try TestSupport.write(try TestSupport.text(of: try TestSupport.fixture("en_dalian_press_release.txt")),
                                  to: "good/en_dalian_press_release.txt", in: directory),
            try TestSupport.write(try TestSupport.text(of: try TestSupport.fixture("de_changchun_pressemitteilung.txt")),
                                  to: "good/de_changchun_pressemitteilung.txt", in: directory),
        ]
        var bad: [URL] = []
        for name in ["empty.txt", "image_named.txt", "windows1252_seite.txt", "malformed.jsonl"] {
            let data = try Data(contentsOf: try TestSupport.fixture(name, in: "bad"))
            bad.append(try TestSupport.write([UInt8](data), to: "bad/\(name)", in: directory))
        }
        return (directory, good, bad)
    }

    static func importer() -> Importer { Importer(pipeline: TestSupport.makePipeline()) }

    @Test func badFilesStopTheWholeImport() throws {
        let (store, storeDirectory) = try TestSupport.makeStore()
        defer { TestSupport.removeTemporary(storeDirectory) }
        let (directory, _, bad) = try Self.makeMixedFolder()
        defer { TestSupport.removeTemporary(directory) }
        _ = try Self.importer().run(paths: [TestSupport.seedDirectory.path], into: store)
        let before = try store.counts()
        let names = try TestSupport.strings(store, "SELECT name FROM documents ORDER BY name")

        let error = #expect(throws: (any Error).self) {
            _ = try Self.importer().run(paths: [directory.path], into: store)
        }
        // The documented error type, with every problem listed and each message naming its file.
        #expect(error is ImportFailure, "thrown: \(type(of: error)) \(String(describing: error))")
        let message = error.map { "\($0)" } ?? ""
        #expect(message.hasPrefix("5 bad inputs; nothing was imported (pass --skip-bad to import the good ones):\n"))
        for url in bad {
            #expect(message.contains("\n  \(url.path):"), "\(url.lastPathComponent) not reported")
        }
        if let failure = error as? ImportFailure {
            #expect(failure.failures.count == 5)
            let jsonl = bad[3].path
            #expect(failure.failures.contains(.malformedJSONLine(path: jsonl, line: 2, reason: "not valid JSON")))
            #expect(failure.failures.contains(.malformedJSONLine(path: jsonl, line: 3, reason: "no \"text\" string field")))
        }

        // The database is exactly as before: no good file of the failed import landed.
        #expect(try store.counts() == before)
        #expect(try TestSupport.strings(store, "SELECT name FROM documents ORDER BY name") == names)
    }

    @Test func skipBadImportsTheGoodFiles() throws {
        let (store, storeDirectory) = try TestSupport.makeStore()
        defer { TestSupport.removeTemporary(storeDirectory) }
        let (directory, good, bad) = try Self.makeMixedFolder()
        defer { TestSupport.removeTemporary(directory) }
        let report = try Self.importer().run(paths: [directory.path], into: store, skipBad: true)
        // The two articles and the good line of malformed.jsonl.
        #expect(report.added == 3)
        #expect(report.failures.count == 5)
        #expect(Set(report.failures.map { $0.description.components(separatedBy: ":").first ?? "" }) == Set(bad.map(\.path)))
        let names = try TestSupport.strings(store, "SELECT name FROM documents ORDER BY name")
        #expect(names == ["de_changchun_pressemitteilung.txt", "en_dalian_press_release.txt", "malformed.jsonl#1"])
        #expect(report.totals["documents"] == 3)
        #expect(report.sentences == (try TestSupport.integer(store, "SELECT count(*) FROM sentence")))
        #expect(good.count == 2)
    }

    @Test func batchesBeforeABadFileStayAndTheMessageSaysSo() throws {
        let (store, storeDirectory) = try TestSupport.makeStore()
        defer { TestSupport.removeTemporary(storeDirectory) }
        let (directory, _, _) = try Self.makeMixedFolder()
        defer { TestSupport.removeTemporary(directory) }
        // Files in path order: bad/… first, so put the good ones first under another name.
        let seeds = try TestSupport.makeTemporaryDirectory()
        defer { TestSupport.removeTemporary(seeds) }
        for url in TestSupport.seedDocuments() {
            _ = try TestSupport.write(try TestSupport.text(of: url), to: "a/\(url.lastPathComponent)", in: seeds)
        }
        let bad = try TestSupport.write([UInt8](try Data(contentsOf: try TestSupport.fixture("empty.txt", in: "bad"))),
                                        to: "b/empty.txt", in: seeds)
        let error = #expect(throws: ImportFailure.self) {
            _ = try Self.importer().run(paths: [seeds.path], into: store, batch: 2)
        }
        // Batches of two: seeds 1–2 and 3–4 committed; the batch with seed 5 met the bad file.
        #expect(error?.committedDocuments == 4)
        #expect(error?.description.hasPrefix("1 bad input; the 4 documents of the batches before it stay imported;") == true)
        #expect(error?.failures == [.emptyDocument(bad.path)])
        #expect(try TestSupport.integer(store, "SELECT count(*) FROM document") == 4)
    }

    @Test func reportTimesEveryStageAndUnchangedDocumentsAreNotExtractedAgain() throws {
        let (store, storeDirectory) = try TestSupport.makeStore()
        defer { TestSupport.removeTemporary(storeDirectory) }
        let first = try Self.importer().run(paths: [TestSupport.seedDirectory.path], into: store)
        let table = first.stageTable
        #expect(table.columns == ["stage", "seconds", "percent_of_wall"])
        #expect(table.column("stage") == (Stage.allCases.map(\.name) + ["wall"]).map { .text($0) })
        for stage in [Stage.normalize, .sentences, .mentions, .relations, .write] { #expect(first.times[stage] > 0, "\(stage)") }

        let again = try Self.importer().run(paths: [TestSupport.seedDirectory.path], into: store)
        #expect(again.unchanged == 5 && again.added == 0)
        // Only normalization (to fingerprint the text) ran the second time.
        for stage in [Stage.sentences, .tokens, .mentions, .resolution, .relations, .events] {
            #expect(again.times[stage] == 0, "\(stage)")
        }
        #expect(again.words == first.words)
    }

    @Test func missingPathThrowsBeforeAnythingIsRead() throws {
        let (store, storeDirectory) = try TestSupport.makeStore()
        defer { TestSupport.removeTemporary(storeDirectory) }
        let missing = storeDirectory.appendingPathComponent("missing-folder").path
        #expect(throws: GazetteError.missingPath(missing)) {
            _ = try Self.importer().run(paths: [TestSupport.seedDirectory.path, missing], into: store, skipBad: true)
        }
        #expect(try TestSupport.integer(store, "SELECT count(*) FROM documents") == 0)
    }

    @Test func windows1252ImportsWithTheRightEncoding() throws {
        let (store, storeDirectory) = try TestSupport.makeStore()
        defer { TestSupport.removeTemporary(storeDirectory) }
        let url = try TestSupport.fixture("windows1252_seite.txt", in: "bad")
        #expect(throws: (any Error).self) { _ = try Self.importer().run(paths: [url.path], into: store) }
        #expect(try TestSupport.integer(store, "SELECT count(*) FROM documents") == 0)
        var importer = Self.importer()
        importer.reader = DocumentReader(encoding: .windows1252)
        let report = try importer.run(paths: [url.path], into: store)
        #expect(report.added == 1)
        #expect(try TestSupport.strings(store, "SELECT language FROM documents") == ["de"])
        #expect(try store.search("Köln").rows.count == 1)
        #expect(try store.search("koln").rows.count == 1)
    }

    @Test func fixtureFolderImports() throws {
        let (store, storeDirectory) = try TestSupport.makeStore()
        defer { TestSupport.removeTemporary(storeDirectory) }
        let report = try Self.importer().run(paths: [try TestSupport.fixtureDirectory("articles").path], into: store)
        #expect(report.failures.isEmpty)
        let table = try store.rows(sql: "SELECT name, title, published, dateline, source, language FROM documents ORDER BY name")
        #expect(table.rows.map { $0.map(\.description) } == [
            ["articles.jsonl#3", "Chengdu verbindet sich mit Nürnberg", "2021-09", "", "Xinhua", "de"],
            ["de_changchun_pressemitteilung.txt", "Changchun vertieft die Zusammenarbeit mit deutschen Zulieferern", "2022-03-12",
             "Changchun", "", "de"],
            ["de_web_seite.txt", "Hefei setzt auf Elektromobilität aus Deutschland", "", "", "", "de"],
            ["en_article.html", "Qingdao & Bavaria sign eco-park agreement", "2021-06-15", "Qingdao", "PR Newswire", "en"],
            ["en_dalian_press_release.txt", "Dalian strengthens chemical cooperation with European partners", "2021-03-03",
             "Dalian", "PR Newswire", "en"],
            // Undated: the latest year the page names ("March 4, 2023"), at year precision.
            ["en_web_page.txt", "Shenyang opens new China-Europe freight hub", "2023", "", "", "en"],
            ["wuhan-venture", "Dongfeng and Stellantis extend Wuhan venture", "2022-04-08", "Wuhan", "PR Newswire", "en"],
        ])
        #expect(try TestSupport.strings(store, "SELECT url FROM documents WHERE name = 'wuhan-venture'") == ["https://example.com/news/wuhan-venture"])
    }
}
