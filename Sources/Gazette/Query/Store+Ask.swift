import Foundation
import GRDB

extension Store {
    /// The named questions stored in the file, by name.
    public func cannedQueries() throws(GazetteError) -> [CannedQuery] {
        try table(sql: "SELECT name, title, description, sql, parameters FROM queries ORDER BY name").rows.compactMap { row in
            guard row.count == 5, case .text(let name) = row[0], case .text(let title) = row[1],
                  case .text(let description) = row[2], case .text(let sql) = row[3], case .text(let json) = row[4]
            else { return nil }
            let parameters = (try? JSONDecoder().decode([CannedQuery.Parameter].self, from: Data(json.utf8))) ?? []
            return CannedQuery(name: name, title: title, description: description, sql: sql, parameters: parameters)
        }
    }

    /// The named questions as rows: name, title, parameters (name=default …), description.
    public func cannedQueryList() throws(GazetteError) -> ResultTable {
        let rows: [[ResultTable.Value]] = try cannedQueries().map { query in
            let parameters = query.parameters.map { "\($0.name)=\($0.default)" }.joined(separator: " ")
            return [.text(query.name), .text(query.title), .text(parameters), .text(query.description)]
        }
        return ResultTable(columns: ["name", "title", "parameters", "description"], rows: rows)
    }

    /// Runs a named question, with defaults for the parameters not given.
    ///
    /// For example:
    ///
    /// ```swift
    /// try store.ask(name: "joint_ventures_by_region", parameters: ["region": "Europe"])
    /// // Clariant, Dynasol, Leoni in Panjin
    /// ```
    ///
    /// - Throws: ``GazetteError/invalidArgument(_:)`` naming the known questions or parameters
    ///   when `name` or a parameter is unknown.
    public func ask(name: String, parameters: [String: String] = [:]) throws(GazetteError) -> ResultTable {
        let all = try cannedQueries()
        guard let query = all.first(where: { $0.name == name }) else {
            throw .invalidArgument("no question named '\(name)'; known: \(all.map(\.name).joined(separator: ", ")) (see `gazette ask --list`)")
        }
        let known = Set(query.parameters.map(\.name))
        if let unknown = parameters.keys.sorted().first(where: { !known.contains($0) }) {
            let list = query.parameters.map(\.name).joined(separator: ", ")
            throw .invalidArgument("'\(name)' has no parameter '\(unknown)'; it takes \(list.isEmpty ? "none" : list)")
        }
        var values: [String: (any DatabaseValueConvertible)?] = [:]
        for parameter in query.parameters { values[parameter.name] = parameters[parameter.name] ?? parameter.default }
        return try table(sql: query.sql, arguments: StatementArguments(values), jsonColumns: publicJSONColumns)
    }
}
