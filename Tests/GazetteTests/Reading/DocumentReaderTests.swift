import Foundation
import Testing
@testable import Gazette

@Suite struct DocumentReaderTests {
    let reader = DocumentReader()

    func readOne(_ url: URL) throws -> SourceDocument {
        let results = reader.read(file: url.path)
        #expect(results.count == 1)
        return try #require(results.first).get()
    }

    @Test func textFile() throws {
        let url = try TestSupport.fixture("en_dalian_press_release.txt")
        let doc = try readOne(url)
        #expect(doc.format == .text)
        #expect(doc.name == "en_dalian_press_release.txt")
        #expect(doc.path == url.path)
        #expect(doc.sourceKey == url.standardizedFileURL.path)
        #expect(doc.text == (try TestSupport.text(of: url)))
        #expect(doc.title == nil && doc.published == nil && doc.url == nil && doc.source == nil)
    }

    @Test func htmlTitleDateAndVisibleText() throws {
        let doc = try readOne(try TestSupport.fixture("en_article.html"))
        #expect(doc.format == .html)
        #expect(doc.title == "Qingdao & Bavaria sign eco-park agreement")
        #expect(doc.published == "2021-06-15")
        for leak in ["SCRIPT-LEAK", "STYLE-LEAK", "COMMENT-LEAK", "tracking", "font-family", "<p>", "</", "&amp;", "&nbsp;", "&#"] {
            #expect(!doc.text.contains(leak), "\(leak) leaked into the text")
        }
        #expect(doc.text.contains("The park’s “green factory” program has attracted Siemens & Bosch, which employ 1,200 people there."))
        #expect(doc.text.contains("Mayor Zhao Haozhi said the Straße of cooperation runs \"both ways\"."))
    }

    @Test func htmlThroughThePipeline() throws {
        let doc = try TestSupport.extract(try TestSupport.fixture("en_article.html"))
        #expect(doc.metadata.title == "Qingdao & Bavaria sign eco-park agreement")
        #expect(doc.metadata.published == "2021-06-15")
        #expect(doc.metadata.dateline == "Qingdao")
        #expect(doc.metadata.source == "PR Newswire")
        #expect(doc.metadata.language == .en)
        #expect(doc.text == """
            Home

            Qingdao & Bavaria sign eco-park agreement

            QINGDAO, China, June 15, 2021 /PRNewswire/ -- The Sino-German Ecopark in Qingdao signed an agreement with the Bavarian state government on Tuesday.

            The park’s “green factory” program has attracted Siemens & Bosch, which employ 1,200 people there.

            Mayor Zhao Haozhi said the Straße of cooperation runs "both ways".
            """)
    }

    @Test func htmlMetaDateVariantsAndUnknownEntities() {
        let page = """
            <html><head><meta name="DC.date" content="2019-10"><title> Liaoning
              delegation </title></head>
            <body><p>Tom &unknown; Jerry &#0; &#xZZ; &lt;b&gt; &Auml;rger</p><br/>Ende</body></html>
            """
        let html = HTMLText(html: page)
        #expect(html.title == "Liaoning delegation")
        #expect(html.published == "2019-10")
        #expect(html.text.contains("Tom &unknown; Jerry &#0; &#xZZ; <b> Ärger"))
        #expect(html.text.contains("\nEnde"))
        // Near miss: a meta tag that is not a date, and an impossible date, give nothing.
        #expect(HTMLText(html: "<meta name=\"description\" content=\"2019-10-10\"><p>x</p>").published == nil)
        #expect(HTMLText(html: "<meta property=\"article:published_time\" content=\"2019-02-30T00:00\"><p>x</p>").published == nil)
    }

    @Test func htmlWithoutExtensionIsDetected() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { TestSupport.removeTemporary(directory) }
        let url = try TestSupport.write("  <!DOCTYPE html><html><title>Shenyang hub</title><p>Trains leave for Duisburg.</p></html>",
                                        to: "saved-page.txt", in: directory)
        let doc = try readOne(url)
        #expect(doc.format == .html)
        #expect(doc.title == "Shenyang hub")
        #expect(doc.text.trimmingCharacters(in: .whitespacesAndNewlines) == "Trains leave for Duisburg.")
    }

    @Test func deeplyNestedHTMLDoesNotCrash() {
        let depth = 100_000
        let page = "<html><body>" + String(repeating: "<div><span>", count: depth) + "Panjin Port"
            + String(repeating: "</span></div>", count: depth) + "</body></html>"
        let html = HTMLText(html: page)
        #expect(html.text.contains("Panjin Port"))
        #expect(!html.text.contains("<"))
        // Unclosed tags and a dangling "<" do not crash either.
        #expect(HTMLText(html: String(repeating: "<b>", count: depth) + "text <").text.contains("text"))
    }

    @Test func jsonLines() throws {
        let url = try TestSupport.fixture("articles.jsonl")
        let results = reader.read(file: url.path)
        #expect(results.count == 2)
        let first = try #require(results.first).get()
        #expect(first.text.hasPrefix("WUHAN, China, April 8, 2022 /PRNewswire/ -- Dongfeng Motor"))
        #expect(first.title == "Dongfeng and Stellantis extend Wuhan venture")
        #expect(first.published == "2022-04-08")
        #expect(first.url == "https://example.com/news/wuhan-venture")
        #expect(first.source == "PR Newswire")
        #expect(first.name == "wuhan-venture")
        #expect(first.sourceKey == "https://example.com/news/wuhan-venture")
        #expect(first.path == "\(url.path):1")
        let second = try #require(results.last).get()
        #expect(second.title == "Chengdu verbindet sich mit Nürnberg")
        #expect(second.published == "2021-09")
        #expect(second.source == "Xinhua")
        #expect(second.url == nil)
        // Line 2 is blank: the second document is on line 3.
        #expect(second.name == "articles.jsonl#3")
        #expect(second.path == "\(url.path):3")
        #expect(second.sourceKey == "\(url.standardizedFileURL.path)#3")
    }

    @Test func jsonLinesThroughThePipeline() throws {
        let url = try TestSupport.fixture("articles.jsonl")
        let pipeline = TestSupport.makePipeline()
        let docs = try reader.read(file: url.path).map { try pipeline.extract($0.get()) }
        #expect(docs.map(\.metadata.language) == [.en, .de])
        #expect(docs.map(\.metadata.published) == ["2022-04-08", "2021-09"])
        #expect(docs.map(\.metadata.title) == ["Dongfeng and Stellantis extend Wuhan venture", "Chengdu verbindet sich mit Nürnberg"])
        #expect(docs.map(\.metadata.source) == ["PR Newswire", "Xinhua"])
        #expect(docs.first?.metadata.dateline == "Wuhan")
        #expect(docs.map(\.metadata.url) == ["https://example.com/news/wuhan-venture", nil])
    }

    @Test func malformedJSONLinesNamePathAndLine() throws {
        let url = try TestSupport.fixture("malformed.jsonl", in: "bad")
        let results = reader.read(file: url.path)
        #expect(results.count == 3)
        let good = try #require(results.first).get()
        #expect(good.title == "Harbin trade fair opens")
        var errors: [GazetteError] = []
        for result in results.dropFirst() {
            if case .failure(let error) = result { errors.append(error) }
        }
        #expect(errors == [
            .malformedJSONLine(path: url.path, line: 2, reason: "not valid JSON"),
            .malformedJSONLine(path: url.path, line: 3, reason: "no \"text\" string field"),
        ])
        #expect(errors.first?.description == "\(url.path):2: malformed JSONL line: not valid JSON")
    }

    @Test func jsonLineThatIsNotAnObject() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { TestSupport.removeTemporary(directory) }
        let url = try TestSupport.write("[\"Panjin\"]\n{\"text\": \"\"}\n", to: "list.jsonl", in: directory)
        let errors = reader.read(file: url.path).compactMap { result -> GazetteError? in
            if case .failure(let e) = result { return e } else { return nil }
        }
        #expect(errors == [
            .malformedJSONLine(path: url.path, line: 1, reason: "not a JSON object"),
            .malformedJSONLine(path: url.path, line: 2, reason: "no \"text\" string field"),
        ])
    }

    @Test func directoriesRecursiveSortedHiddenSkipped() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { TestSupport.removeTemporary(directory) }
        let text = "Panjin is a port city."
        for name in ["b.txt", "a.html", "sub/z.jsonl", "sub/c.txt", "A.TXT", "notes.md", "image.png",
                     ".hidden.txt", ".git/config.txt", "sub/.cache/x.txt", "deep/er/est/d.htm"] {
            try TestSupport.write(text, to: name, in: directory)
        }
        let files = try reader.inputFiles(for: [directory.path])
        let relative = files.map { String($0.dropFirst(directory.path.count + 1)) }
        #expect(relative == ["A.TXT", "a.html", "b.txt", "deep/er/est/d.htm", "sub/c.txt", "sub/z.jsonl"])
        // A file named explicitly is read whatever its extension; paths keep the order given.
        let explicit = try reader.inputFiles(for: [directory.appendingPathComponent("notes.md").path, directory.appendingPathComponent("b.txt").path])
        #expect(explicit.map { ($0 as NSString).lastPathComponent } == ["notes.md", "b.txt"])
    }

    @Test func seedDirectoryInOrder() throws {
        let files = try reader.inputFiles(for: [TestSupport.seedDirectory.path])
        #expect(files.map { ($0 as NSString).lastPathComponent } == TestSupport.seedNames)
    }
}
