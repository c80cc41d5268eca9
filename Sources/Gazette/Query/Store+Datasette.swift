import Foundation
import GRDB

extension Store {
    /// Datasette metadata for this file (`datasette gazette.db --metadata metadata.json`): title,
    /// description, license and source from `meta`; a description for each public view and its
    /// columns from `schema_doc`; facets on type, predicate, country and region; the named
    /// questions of `queries` as canned queries with their parameters.
    ///
    /// - Parameter databaseName: the name Datasette gives the file: its name without extension.
    /// - Returns: pretty-printed JSON with sorted keys.
    public func datasetteMetadata(databaseName: String) throws(GazetteError) -> String {
        var meta: [String: String] = [:]
        for row in try table(sql: "SELECT key, value FROM meta").rows {
            if let key = Store.text(row[0]), let value = Store.text(row[1]) { meta[key] = value }
        }
        var tables: [String: [String: Any]] = [:]
        for row in try table(sql: "SELECT object, column_name, description, vocabulary FROM schema_doc ORDER BY object, column_name").rows {
            guard let object = Store.text(row[0]), let column = Store.text(row[1]), let description = Store.text(row[2])
            else { continue }
            var entry = tables[object] ?? [:]
            if column.isEmpty {
                entry["description"] = description
            } else {
                var columns = entry["columns"] as? [String: String] ?? [:]
                let vocabulary = Store.text(row[3]).map { " Values: " + $0 } ?? ""
                columns[column] = description + vocabulary
                entry["columns"] = columns
            }
            tables[object] = entry
        }
        let facets: [String: [String]] = [
            "entity_summary": ["type", "country", "region"],
            "facts": ["predicate", "subject_type", "object_type"],
            "timeline": ["event_type", "date_precision"],
            "joint_ventures": ["firm_region", "firm_country", "place"],
            "documents": ["language", "source"],
        ]
        for (object, list) in facets { tables[object, default: [:]]["facets"] = list }
        tables["entity_summary", default: [:]]["label_column"] = "name"

        var queries: [String: Any] = [:]
        for query in try cannedQueries() {
            queries[query.name] = [
                "title": query.title,
                "description": query.description + (query.parameters.isEmpty ? "" : " Parameters: "
                    + query.parameters.map { "\($0.name): \($0.description)" }.joined(separator: "; ")),
                "sql": query.sql,
                "params": query.parameters.map(\.name),
            ] as [String: Any]
        }
        let document: [String: Any] = [
            "title": meta["title"] ?? "Gazette knowledge base",
            "description": (meta["description"] ?? "")
                + " Schema \(meta["schema_version"] ?? Store.schemaVersion), written by gazette \(meta["tool_version"] ?? Store.toolVersion).",
            "license": meta["license"] ?? "",
            "source": "Reference data: GeoNames, Unicode CLDR, GLEIF and others (see the meta table, reference_attribution)",
            "source_url": "https://www.geonames.org/",
            "about": meta["reference_attribution"] ?? "",
            "databases": [databaseName: ["tables": tables, "queries": queries] as [String: Any]],
        ]
        do {
            let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self) + "\n"
        } catch {
            throw .invalidArgument("cannot encode the Datasette metadata: \(error)")
        }
    }
}
