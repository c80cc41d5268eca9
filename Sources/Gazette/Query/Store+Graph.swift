import GRDB

extension Store {
    /// An entity's neighbourhood: every entity within `depth` relationships of it (either
    /// direction) and every relationship among them.
    ///
    /// For example:
    ///
    /// ```swift
    /// try store.graph(around: "Panjin", depth: 1).dot()  // Panjin, BASF, Leoni, Liaoning …
    /// ```
    ///
    /// - Throws: ``GazetteError/unknownEntity(name:suggestions:)`` or
    ///   ``GazetteError/ambiguousEntity(name:candidates:)``; ``GazetteError/invalidArgument(_:)``
    ///   for a depth outside 1…5.
    public func graph(around name: String, depth: Int = 2) throws(GazetteError) -> EntityGraph {
        guard (1...5).contains(depth) else { throw .invalidArgument("--depth must be between 1 and 5, not \(depth)") }
        let centre = try entity(named: name)
        let nodes = try graphNodes(sql: """
            WITH RECURSIVE hood(id, depth) AS (
              SELECT :centre, 0
              UNION
              SELECT relationship.object_id, hood.depth + 1 FROM hood
              JOIN relationship ON relationship.subject_id = hood.id WHERE hood.depth < :depth
              UNION
              SELECT relationship.subject_id, hood.depth + 1 FROM hood
              JOIN relationship ON relationship.object_id = hood.id WHERE hood.depth < :depth
            )
            SELECT entity.id, entity.name, entity.type, entity.subtype, entity.country, entity.region,
                   entity.latitude, entity.longitude, min(hood.depth)
            FROM hood JOIN entity ON entity.id = hood.id
            GROUP BY entity.id ORDER BY min(hood.depth), entity.name
            """, arguments: ["centre": centre.id, "depth": depth])
        let ids = Store.jsonArray(nodes.map(\.id))
        let edges = try graphEdges(where: """
            subject_id IN (SELECT value FROM json_each(:ids)) AND object_id IN (SELECT value FROM json_each(:ids))
            """, arguments: ["ids": ids])
        return EntityGraph(title: centre.name, nodes: nodes, edges: edges)
    }

    /// Every entity that takes part in a relationship, and every relationship.
    public func entityGraph() throws(GazetteError) -> EntityGraph {
        let nodes = try graphNodes(sql: """
            SELECT id, name, type, subtype, country, region, latitude, longitude, 0 FROM entity
            WHERE id IN (SELECT subject_id FROM relationship UNION SELECT object_id FROM relationship)
            ORDER BY id
            """, arguments: [])
        return EntityGraph(title: "gazette", nodes: nodes, edges: try graphEdges(where: "1", arguments: []))
    }

    func graphNodes(sql: String, arguments: StatementArguments) throws(GazetteError) -> [EntityGraph.Node] {
        try table(sql: sql, arguments: arguments).rows.compactMap { row in
            guard row.count == 9, case .integer(let id) = row[0], case .text(let name) = row[1],
                  case .text(let type) = row[2] else { return nil }
            var depth = 0
            if case .integer(let d) = row[8] { depth = Int(d) }
            return EntityGraph.Node(id: id, name: name, type: type, subtype: Store.text(row[3]), country: Store.text(row[4]),
                                    region: Store.text(row[5]), latitude: Store.double(row[6]),
                                    longitude: Store.double(row[7]), depth: depth)
        }
    }

    func graphEdges(where condition: String, arguments: StatementArguments) throws(GazetteError) -> [EntityGraph.Edge] {
        try table(sql: """
            SELECT id, subject_id, object_id, predicate, attributes, confidence,
                   (SELECT count(*) FROM fact_evidence WHERE relationship_id = relationship.id)
            FROM relationship WHERE \(condition) ORDER BY id
            """, arguments: arguments).rows.compactMap { row in
            guard row.count == 7, case .integer(let id) = row[0], case .integer(let source) = row[1],
                  case .integer(let target) = row[2], case .text(let predicate) = row[3],
                  case .text(let attributes) = row[4], case .integer(let evidence) = row[6] else { return nil }
            return EntityGraph.Edge(id: id, source: source, target: target, predicate: predicate, attributes: attributes,
                                    confidence: Store.double(row[5]) ?? 0, evidence: Int(evidence))
        }
    }

    static func double(_ value: ResultTable.Value) -> Double? {
        switch value {
        case .real(let v): return v
        case .integer(let v): return Double(v)
        default: return nil
        }
    }
}
