import Foundation

/// What the evaluator reads of a store: only the public views, through ``Store/rows(sql:arguments:jsonColumns:)``,
/// with the same statements as `score.py` so that rows come back in the same order.
struct PublicViews {
    /// One `entity_summary` row.
    struct Entity {
        var name: String?
        var type: String?
        var country: String?
        /// The name, then every alias that is a string.
        var aliasList: [String?]
        var documents: [String]
    }

    let store: Store
    /// Every `entity_summary` row, in the view's own order.
    let entities: [Entity]
    /// Per entity name, every surface form seen (the name and its aliases) across rows of that name.
    let aliasesOf: [String?: Set<String?>]

    init(store: Store) throws(GazetteError) {
        self.store = store
        let table = try store.rows(
            sql:
                "SELECT name, type, subtype, country, region, aliases, documents FROM entity_summary"
        )
        var entities: [Entity] = []
        var aliasesOf: [String?: Set<String?>] = [:]
        for row in table.rows {
            let name = PublicViews.str(row[0])
            let entity = Entity(
                name: name, type: PublicViews.str(row[1]), country: PublicViews.str(row[3]),
                aliasList: [name] + PublicViews.jsonList(row[5]).map { Optional($0) },
                documents: PublicViews.jsonList(row[6]))
            entities.append(entity)
            aliasesOf[name, default: []].formUnion(entity.aliasList)
        }
        self.entities = entities
        self.aliasesOf = aliasesOf
    }

    /// `alias_of.get(name, {name})`: the surface forms of an entity named in a fact, event or pair.
    func surfaceForms(of name: String?) -> Set<String?> {
        aliasesOf[name] ?? [name]
    }

    /// Python's `str()` of a cell, nil for NULL.
    static func str(_ value: ResultTable.Value) -> String? {
        switch value {
        case .null: return nil
        case .integer(let v): return String(v)
        case .real(let v): return v.description
        case .text(let v): return v
        }
    }

    /// Python's truthiness of a cell: NULL, "", 0 and 0.0 are false.
    static func isTruthy(_ value: ResultTable.Value) -> Bool {
        switch value {
        case .null: return false
        case .integer(let v): return v != 0
        case .real(let v): return v != 0
        case .text(let v): return !v.isEmpty
        }
    }

    /// Python's `repr()` of a cell.
    static func repr(_ value: ResultTable.Value) -> String {
        if case .text(let v) = value { return PythonText.repr(v) }
        return PythonText.str(str(value))
    }

    /// `score.py`'s `jl`: the string items of a JSON array column (a JSON string counts as a
    /// one-item list, and text that is not JSON as itself).
    static func jsonList(_ value: ResultTable.Value) -> [String] {
        guard case .text(let text) = value else { return [] }
        guard let data = text.data(using: .utf8),
            let parsed = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else { return [text] }
        if let list = parsed as? [Any] { return list.compactMap { $0 as? String } }
        if let string = parsed as? String { return [string] }
        return []
    }
}
