import Foundation
import Testing
@testable import Gazette

/// Three word lists that were written in code are rule data now: group words (`group-word`) and
/// ordinal suffixes (`ordinal-suffix`) in `name-words.tsv`, the words that end an enumeration
/// (`list-end`) in `relation-words.tsv`. Each test runs a text of the genre with the shipped rules
/// and with a copy of them without those rows: the rows, not the code, make the difference.
@Suite struct NameWordDataTests {
    /// The shipped rules with every row of `kind` (the last column of `file`) removed.
    static func pipeline(without kind: String, in file: String) throws -> (Pipeline, URL) {
        let directory = try TestSupport.makeTemporaryDirectory()
        let rules = directory.appendingPathComponent("rules", isDirectory: true)
        try FileManager.default.copyItem(at: TestSupport.rulesDirectory, to: rules)
        var removed = 0
        for language in ["en", "de"] {
            let url = rules.appendingPathComponent(language).appendingPathComponent(file)
            let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            let kept = lines.filter { $0.hasPrefix("#") || !($0.hasSuffix("\t\(kind)") || $0.hasPrefix("\(kind)\t")) }
            removed += lines.count - kept.count
            try kept.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(removed > 0, "no \(kind) row in \(file)")
        let ruleSet = try RuleSet(rulesDirectory: rules, referenceDirectory: TestSupport.referenceDirectory)
        return (Pipeline.standard(rules: ruleSet), directory)
    }

    static func extract(_ text: String, with pipeline: Pipeline) throws -> ExtractedDocument {
        try pipeline.extract(TestSupport.source(text))
    }

    @Test func groupWordsLeadToTheFirmOfAnyLanguage() throws {
        let text = "The Clariant Group opened a plant in Nanjing. Der Voith Konzern baut ein Werk in Harbin."
        let shipped = try Self.extract(text, with: TestSupport.makePipeline())
        #expect(shipped.entities.contains { $0.key == "org:Clariant" })
        #expect(shipped.entities.contains { $0.key == "org:Voith" })
        let (bare, directory) = try Self.pipeline(without: "group-word", in: "name-words.tsv")
        defer { TestSupport.removeTemporary(directory) }
        let without = try Self.extract(text, with: bare)
        #expect(!without.entities.contains { $0.key == "org:Clariant" || $0.key == "org:Voith" })
    }

    @Test func ordinalsBeginNamesInEitherLanguage() throws {
        let english = "The 21st Century Maritime Silk Road links Dalian with Gdansk."
        let german = "Die 21st Century Maritime Silk Road verbindet Dalian mit Danzig."
        let (bare, directory) = try Self.pipeline(without: "ordinal-suffix", in: "name-words.tsv")
        defer { TestSupport.removeTemporary(directory) }
        for text in [english, german] {
            let shipped = try Self.extract(text, with: TestSupport.makePipeline())
            #expect(shipped.entities.contains { $0.name == "21st Century Maritime Silk Road" }, "\(text)")
            let without = try Self.extract(text, with: bare)
            #expect(!without.entities.contains { $0.name.hasPrefix("21st") }, "\(text)")
        }
    }

    @Test func andOtherEndsAnEnumeration() throws {
        let text = "Harbin Electric is cooperating with Vantor, Marbach and other Dalian firms."
        func partners(_ doc: ExtractedDocument) -> Set<String> {
            let names = Dictionary(doc.entities.map { ($0.key, $0.name) }, uniquingKeysWith: { first, _ in first })
            return Set(doc.facts.filter { $0.predicate == .cooperatesWith }.compactMap { names[$0.object] })
        }
        let shipped = try Self.extract(text, with: TestSupport.makePipeline())
        #expect(partners(shipped) == ["Vantor", "Marbach"])
        let (bare, directory) = try Self.pipeline(without: "list-end", in: "relation-words.tsv")
        defer { TestSupport.removeTemporary(directory) }
        #expect(partners(try Self.extract(text, with: bare)).contains("Dalian"))
    }
}
