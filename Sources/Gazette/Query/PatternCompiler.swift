/// Compiles a ``Pattern`` into one SQL statement over the base tables.
///
/// A symmetric predicate reads each stored relationship in both directions (a `UNION ALL` of the
/// two orientations), so `place friendship_city_of place[country=Japan]` finds Shenyang ↔ Sapporo
/// whichever way it was stored. `within` becomes the recursive ``Containment`` clause on the
/// object. With evidence, one row per supporting sentence; without, one row per relationship.
struct PatternCompiler {
    var evidence = true

    /// `within` names already resolved to canonical names by the store (a JSON array); nil when
    /// the pattern has no `within`.
    func compile(_ pattern: Pattern, withinNames: String?) -> CompiledQuery {
        var parameters: [(name: String, value: String)] = []
        func bind(_ name: String, _ value: String) -> String {
            var unique = name
            var n = 2
            while parameters.contains(where: { $0.name == unique }) {
                unique = "\(name)_\(n)"
                n += 1
            }
            parameters.append((unique, value))
            return ":" + unique
        }

        var sql = ""
        if let withinNames {
            sql += Containment.withClause(parameter: "within") + "\n"
            parameters.append(("within", withinNames))
        }
        let predicate = bind("predicate", pattern.predicate.rawValue)
        let columns = "id, subject_id, object_id, predicate, attributes, confidence"
        var source = "SELECT \(columns) FROM relationship WHERE predicate = \(predicate)"
        if pattern.predicate.isSymmetric {
            source += "\n  UNION ALL\n  SELECT id, object_id, subject_id, predicate, attributes, confidence FROM relationship WHERE predicate = \(predicate)"
        }

        var conditions: [String] = []
        for (alias, node) in [("subject", pattern.subject), ("object", pattern.object)] {
            if let type = node.type { conditions.append("\(alias).type = \(bind("\(alias)_type", type.rawValue))") }
            for filter in node.filters {
                let parameter = bind("\(alias)_\(filter.name)", filter.value)
                if filter.name == "name" {
                    conditions.append("(\(alias).name = \(parameter) COLLATE NOCASE OR \(alias).id IN "
                        + "(SELECT entity_id FROM entity_alias WHERE alias = \(parameter) COLLATE NOCASE))")
                } else if let column = PatternSyntax.entityAttributes.first(where: { $0.name == filter.name })?.column {
                    conditions.append("\(alias).\(column) = \(parameter) COLLATE NOCASE")
                }
            }
        }
        for filter in pattern.predicateFilters {
            guard let path = PatternSyntax.predicateAttributes.first(where: { $0.name == filter.name })?.path else { continue }
            conditions.append("json_extract(fact.attributes, '\(path)') = \(bind(filter.name, filter.value)) COLLATE NOCASE")
        }
        if withinNames != nil { conditions.append("object.id IN (SELECT id FROM inside)") }

        let head = """
            subject.name AS subject, subject.type AS subject_type, fact.predicate, object.name AS object,
                   object.type AS object_type, fact.attributes, fact.confidence, fact.id AS fact_id
            """
        if evidence {
            sql += """
                SELECT \(head),
                       document.name AS document,
                       substr(document.text, sentence.start + 1, sentence."end" - sentence.start) AS sentence
                FROM (\(source)) AS fact
                JOIN entity AS subject ON subject.id = fact.subject_id
                JOIN entity AS object ON object.id = fact.object_id
                JOIN fact_evidence ON fact_evidence.relationship_id = fact.id
                JOIN document ON document.id = fact_evidence.document_id
                JOIN sentence ON sentence.id = fact_evidence.sentence_id
                """
        } else {
            sql += """
                SELECT DISTINCT \(head),
                       (SELECT count(*) FROM fact_evidence WHERE fact_evidence.relationship_id = fact.id) AS evidence
                FROM (\(source)) AS fact
                JOIN entity AS subject ON subject.id = fact.subject_id
                JOIN entity AS object ON object.id = fact.object_id
                """
        }
        if !conditions.isEmpty { sql += "\nWHERE " + conditions.joined(separator: "\n  AND ") }
        sql += evidence ? "\nORDER BY subject.name, object.name, fact.id, document.name, sentence.start"
                        : "\nORDER BY subject.name, object.name, fact.id"
        return CompiledQuery(sql: sql, parameters: parameters)
    }
}
