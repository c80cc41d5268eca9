import Foundation
import Testing
@testable import Gazette

/// A relationship's `attributes` column is part of its identity (the table's UNIQUE constraint):
/// the writer's own JSON for a plain one-pair object must be byte for byte what
/// `JSONSerialization` writes, or a re-import would store the same fact twice.
@Suite struct AttributesJSONTests {
    /// What the writer wrote before it had a fast path.
    static func serialized(_ attributes: [String: String]) -> String {
        guard !attributes.isEmpty,
              let data = try? JSONSerialization.data(withJSONObject: attributes, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Roles as the relation rules read them from English and German news sentences.
    static let roles = ["mayor", "deputy mayor", "Director", "general manager", "CEO", "Oberbürgermeister",
                        "Vorstandsvorsitzender", "chairman & CEO", "head of R&D", "vice-governor", "Party Secretary",
                        "director (Asia)", "président", "sales/marketing", "the \"acting\" head", "line\\break", "tab\there", ""]

    @Test(arguments: roles)
    func onePairAsSerialized(role: String) {
        let attributes = ["role": role]
        #expect(DocumentWriter.json(attributes) == AttributesJSONTests.serialized(attributes))
    }

    @Test func plainTextOnly() {
        #expect(DocumentWriter.isPlainJSON("deputy mayor"))
        #expect(DocumentWriter.isPlainJSON("head of R&D (Asia)"))
        #expect(!DocumentWriter.isPlainJSON("Oberbürgermeister"))
        #expect(!DocumentWriter.isPlainJSON("sales/marketing"))
        #expect(!DocumentWriter.isPlainJSON("the \"acting\" head"))
        #expect(!DocumentWriter.isPlainJSON("tab\there"))
    }

    @Test func severalPairsAndNone() {
        let two = ["role": "mayor", "since": "2019"]
        #expect(DocumentWriter.json(two) == AttributesJSONTests.serialized(two))
        #expect(DocumentWriter.json([:]) == "{}")
    }
}
