import Foundation

/// One `gold/*.json` file: what a careful reader finds in one document (format:
/// `shared/knowledge-model.md`, "Gold files").
struct GoldFile: Sendable, Decodable {
    /// The document's file name, e.g. `000_edaaab7c5554935a.txt`.
    var document: String
    var meta: Meta?
    var entities: [Entity]
    var relationships: [Relationship]
    var events: [Event]
    /// Per entity, the `norm` keys of its name and aliases (empty keys dropped).
    var keys: [Set<String>] = []

    struct Meta: Sendable, Decodable {
        var published: String?
        var dateline: String?
        var language: String?

        /// `meta.get(field)` for the three scored fields.
        func value(_ field: String) -> String? {
            switch field {
            case "published": return published
            case "dateline": return dateline
            case "language": return language
            default: return nil
            }
        }
    }

    struct Entity: Sendable, Decodable {
        var name: String
        var aliases: [String?]?
        var type: String?
        var subtype: String?
        var country: String?
        var region: String?
    }

    struct Relationship: Sendable, Decodable {
        var subject: String
        var predicate: String
        var object: String
    }

    struct Event: Sendable, Decodable {
        var type: String
        var date: EventDate?
        var place: String?
    }

    /// A gold date: `"2017-10"` or `{"start": "2023-10-11", "end": "2023-10-13"}`.
    struct EventDate: Sendable, Decodable {
        var start: String?

        init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                start = text
            } else {
                start = try decoder.container(keyedBy: Key.self).decodeIfPresent(
                    String.self, forKey: .start)
            }
        }

        private enum Key: String, CodingKey { case start }
    }

    private enum CodingKeys: String, CodingKey {
        case document, meta, entities, relationships, events
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        document = try c.decode(String.self, forKey: .document)
        meta = try c.decodeIfPresent(Meta.self, forKey: .meta)
        entities = try c.decodeIfPresent([Entity].self, forKey: .entities) ?? []
        relationships = try c.decodeIfPresent([Relationship].self, forKey: .relationships) ?? []
        events = try c.decodeIfPresent([Event].self, forKey: .events) ?? []
        keys = entities.map { entity in
            Set(
                ([entity.name] + (entity.aliases ?? []).compactMap { $0 }).map(Evaluator.norm)
                    .filter { !$0.isEmpty })
        }
    }

    /// Reads and decodes one gold file.
    ///
    /// - Throws: ``GazetteError/unreadable(path:reason:)`` naming the file when it is missing or malformed.
    static func load(_ url: URL) throws(GazetteError) -> GoldFile {
        do {
            return try JSONDecoder().decode(GoldFile.self, from: Data(contentsOf: url))
        } catch {
            throw .unreadable(
                path: url.relativePath,
                reason: "not a gold file (see shared/knowledge-model.md): \(error)")
        }
    }

    /// The gold files of `directory` (`*.json`), in file-name order.
    static func loadAll(in directory: URL) throws(GazetteError) -> [GoldFile] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw .missingPath(directory.relativePath)
        }
        let json = names.filter { $0.hasSuffix(".json") }.sorted(by: PythonText.less)
        if json.isEmpty {
            throw .invalidArgument(
                "\(directory.relativePath): no gold files (*.json); pass the folder that holds them, e.g. --gold ../shared/gold"
            )
        }
        var files: [GoldFile] = []
        for name in json {
            files.append(try load(directory.appendingPathComponent(name)))
        }
        return files
    }

    /// The index of the first gold entity that any of `names` matches (by name or alias), or nil.
    func match(_ names: some Sequence<String?>) -> Int? {
        let wanted = Set(
            names.compactMap { name -> String? in
                guard let name, !name.isEmpty else { return nil }
                return Evaluator.norm(name)
            })
        return keys.firstIndex { !$0.isDisjoint(with: wanted) }
    }
}
