import Foundation
import Testing
@testable import Gazette

/// `relation-words.tsv`: each language's word sets load, and a set the matcher does not know is
/// an error naming the file and line; so is a pattern's empty word alternative (`relations.tsv`).
@Suite struct RelationWordsTests {
    @Test func eachLanguageHasItsWords() throws {
        let german = try #require(TestSupport.ruleSet.relations[.de]).words
        #expect(german.listJoiners == ["und", "sowie", "oder", "&"] && german.between == ["zwischen"])
        #expect(german.nameOf.isSuperset(of: ["der", "des", "of"]))
        let english = try #require(TestSupport.ruleSet.relations[.en]).words
        #expect(english.origins == ["from"] && english.former == ["former", "then"])
        #expect(english.clauseWords.contains("respectively") && !english.clauseWords.contains("haben"))
    }

    @Test func unknownSetNamesFileAndLine() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { TestSupport.removeTemporary(directory) }
        let en = directory.appendingPathComponent("en")
        try FileManager.default.createDirectory(at: en, withIntermediateDirectories: true)
        try Data("# set\tword\nlist-join\tand\nconjunction\tor\n".utf8).write(to: en.appendingPathComponent("relation-words.tsv"))
        let error = #expect(throws: GazetteError.self) { _ = try RelationWords(directory: directory, language: .en) }
        guard case .badRuleFile(let path, let line, let reason)? = error else { return }
        #expect(path.hasSuffix("en/relation-words.tsv") && line == 3 && reason.contains("unknown set 'conjunction'"))
    }

    /// A pattern's word element with an empty alternative ("in|", "a||b") would match zero
    /// words; it is an error naming the file and line.
    @Test func emptyWordAlternativeNamesFileAndLine() throws {
        let directory = try TestSupport.makeTemporaryDirectory()
        defer { TestSupport.removeTemporary(directory) }
        let en = directory.appendingPathComponent("en")
        try FileManager.default.createDirectory(at: en, withIntermediateDirectories: true)
        try Data("# id\tpredicate\tpattern\tprecision\nok\tlocated_in\tS:facility in O:place\t0.9\nbad\tlocated_in\tS:facility in| O:place\t0.9\n".utf8)
            .write(to: en.appendingPathComponent("relations.tsv"))
        let error = #expect(throws: GazetteError.self) { _ = try RelationRules(directory: directory, language: .en, roles: [:]) }
        guard case .badRuleFile(let path, let line, let reason)? = error else { return }
        #expect(path.hasSuffix("en/relations.tsv") && line == 3 && reason.contains("empty word alternative in 'in|'"))
    }
}
