import Foundation
import GRDB

extension Store {
    /// The entities a name designates, case- and accent-insensitively: an exact key
    /// (`geonames:10794003`) first, then canonical names, then aliases.
    ///
    /// For example:
    ///
    /// ```swift
    /// try store.resolveEntities("soren link")   // [Sören Link (person)]
    /// try store.resolveEntities("Deutschland")  // [Germany (place, country)]
    /// ```
    ///
    /// - Returns: every entity of the best kind of match; empty when nothing matches.
    public func resolveEntities(_ name: String) throws(GazetteError) -> [EntityReference] {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return [] }
        let select = "SELECT id, key, name, type, subtype, country FROM entity"
        let byKey = try references(sql: "\(select) WHERE key = :name", ["name": trimmed])
        if !byKey.isEmpty { return byKey }
        // Fast path: SQLite's NOCASE folds ASCII case only, so accents need the second pass.
        let byName = try references(sql: "\(select) WHERE name = :name COLLATE NOCASE", ["name": trimmed])
        if !byName.isEmpty { return byName }
        let byAlias = try references(sql: """
            \(select) WHERE id IN (SELECT entity_id FROM entity_alias_count WHERE alias = :name COLLATE NOCASE)
            """, ["name": trimmed])
        if !byAlias.isEmpty { return byAlias }
        let wanted = Folding.nameKey(trimmed)
        guard !wanted.isEmpty else { return [] }
        var nameIDs: [Int64] = [], aliasIDs: [Int64] = []
        try stream(sql: "SELECT id, name, 0 FROM entity UNION ALL SELECT entity_id, alias, 1 FROM entity_alias_count") { _, row in
            guard case .integer(let id) = row[0], case .text(let text) = row[1],
                  Folding.nameKey(text) == wanted else { return }
            if case .integer(0) = row[2] { nameIDs.append(id) } else { aliasIDs.append(id) }
        }
        let ids = nameIDs.isEmpty ? aliasIDs : nameIDs
        guard !ids.isEmpty else { return [] }
        return try references(sql: "\(select) WHERE id IN (SELECT value FROM json_each(:ids)) ORDER BY type, name",
                              ["ids": Store.jsonArray(ids)])
    }

    /// The one entity a name designates.
    ///
    /// - Throws: ``GazetteError/unknownEntity(name:suggestions:)`` when none matches, and
    ///   ``GazetteError/ambiguousEntity(name:candidates:)`` listing each candidate's key when
    ///   several do.
    public func entity(named name: String) throws(GazetteError) -> EntityReference {
        let found = try resolveEntities(name)
        if found.count == 1, let only = found.first { return only }
        if found.isEmpty { throw .unknownEntity(name: name, suggestions: try suggestions(for: name)) }
        throw .ambiguousEntity(name: name, candidates: found.map(\.label))
    }

    /// Every entity a name designates, or an error when there is none.
    func entities(named name: String) throws(GazetteError) -> [EntityReference] {
        let found = try resolveEntities(name)
        if found.isEmpty { throw .unknownEntity(name: name, suggestions: try suggestions(for: name)) }
        return found
    }

    /// The names a `within` place or `--place` stands for, as a JSON array: the canonical names of
    /// the entities it designates or, when no entity has it, a `country` or `region` value
    /// ("Asia" need not be mentioned to be a region).
    ///
    /// - Throws: ``GazetteError/unknownEntity(name:suggestions:)`` when it is neither.
    func containerNames(_ name: String) throws(GazetteError) -> String {
        let found = try resolveEntities(name)
        if !found.isEmpty { return Store.jsonArray(Array(Set(found.map(\.name))).sorted()) }
        let values = try table(sql: """
            SELECT DISTINCT country FROM entity WHERE country = :name COLLATE NOCASE
            UNION SELECT DISTINCT region FROM entity WHERE region = :name COLLATE NOCASE
            """, arguments: ["name": name.trimmingCharacters(in: .whitespaces)]).rows.compactMap { $0.first.flatMap(Store.text) }
        if values.isEmpty { throw .unknownEntity(name: name, suggestions: try suggestions(for: name)) }
        return Store.jsonArray(values.sorted())
    }

    /// Up to five canonical names that contain the folded name, or that it contains.
    func suggestions(for name: String) throws(GazetteError) -> [String] {
        let wanted = Folding.nameKey(name)
        guard wanted.count >= 3 else { return [] }
        var out: [String] = []
        try stream(sql: "SELECT DISTINCT name FROM entity ORDER BY name") { _, row in
            guard out.count < 5, case .text(let candidate) = row[0] else { return }
            let key = Folding.nameKey(candidate)
            if key.contains(wanted) || (key.count >= 3 && wanted.contains(key)) { out.append(candidate) }
        }
        return out
    }

    func references(sql: String, _ arguments: [String: String]) throws(GazetteError) -> [EntityReference] {
        try table(sql: sql, arguments: StatementArguments(arguments)).rows.compactMap { row in
            guard row.count == 6, case .integer(let id) = row[0], case .text(let key) = row[1],
                  case .text(let name) = row[2], case .text(let type) = row[3] else { return nil }
            return EntityReference(id: id, key: key, name: name, type: type,
                                   subtype: Store.text(row[4]), country: Store.text(row[5]))
        }
    }

    static func text(_ value: ResultTable.Value) -> String? {
        if case .text(let s) = value { return s }
        return nil
    }

    /// A JSON array of ids, bound as one parameter and read with `json_each`.
    static func jsonArray(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }

    /// A JSON array of strings, bound as one parameter and read with `json_each`.
    static func jsonArray(_ strings: [String]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: strings),
              let text = String(data: data, encoding: .utf8) else { return "[]" }
        return text
    }
}
