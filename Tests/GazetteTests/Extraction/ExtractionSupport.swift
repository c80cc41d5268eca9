import Foundation
@testable import Gazette

/// Runs the standard pipeline on a paragraph and reads its findings by name.
enum Extracting {
    static func run(_ text: String, published: String = "2021-06-01", language: Language? = nil) throws -> ExtractedDocument {
        let source = TestSupport.source(text)
        return try TestSupport.makePipeline().extract(source, language: language, published: PartialDate(iso: published))
    }

    /// "subject predicate object" for every fact, with entity names.
    static func facts(_ doc: ExtractedDocument) -> Set<String> {
        let names = Dictionary(doc.entities.map { ($0.key, $0.name) }, uniquingKeysWith: { a, _ in a })
        return Set(doc.facts.map { "\(names[$0.subject] ?? $0.subject) \($0.predicate.rawValue) \(names[$0.object] ?? $0.object)" })
    }

    /// "type date place" for every event.
    static func events(_ doc: ExtractedDocument) -> Set<String> {
        let names = Dictionary(doc.entities.map { ($0.key, $0.name) }, uniquingKeysWith: { a, _ in a })
        return Set(doc.events.map { e in
            let date = [e.dateStart?.iso, e.dateEnd?.iso].compactMap { $0 }.joined(separator: "..")
            return "\(e.type.rawValue) \(date) \(e.place.flatMap { names[$0] } ?? "-")"
        })
    }

    /// The entity a surface form resolved to.
    static func entity(_ doc: ExtractedDocument, _ surface: String) -> ResolvedEntity? {
        guard let key = doc.mentions.first(where: { $0.text == surface || $0.name == surface })?.entityKey else { return nil }
        return doc.entities.first { $0.key == key }
    }
}
