/// Compiles a ``Pattern`` into one SQL statement over the base tables.
///
/// A symmetric predicate reads each stored relationship in both directions (a `UNION ALL` of the
/// two orientations), so `place friendship_city_of place[country=Japan]` finds Shenyang ↔ Sapporo
/// whichever way it was stored. `within` becomes the recursive ``Containment`` clause on the
/// object. With evidence, one row per supporting sentence; without, one row per relationship.
///
/// Rows come by subject name: for a predicate read one way, the statement walks subjects in name
/// order (`CROSS JOIN` fixes that order) so that a `LIMIT` stops early instead of sorting every
/// match of a large file first.
struct PatternCompiler {
    var evidence = true
    /// The most rows to return; nil for all.
    var limit: Int? = nil

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

        var with = ""
        if let withinNames {
            // Only the types a chain up from the object's type passes through (all when `entity`).
            with = Containment.withClause(parameter: "within",
                                          types: pattern.object.type.map(Containment.chainTypes(for:)))
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
                        + "(SELECT entity_id FROM entity_alias_count WHERE alias = \(parameter) COLLATE NOCASE))")
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

        // One way: subjects first, in name order, then each one's facts, objects and evidence
        // (CROSS JOIN keeps that order; INDEXED BY keeps SQLite from building a throwaway index of
        // every relationship instead). Both ways: the two orientations are one subquery, and
        // SQLite picks the order.
        let join = pattern.predicate.isSymmetric ? "JOIN" : "CROSS JOIN"
        let from = pattern.predicate.isSymmetric
            ? """
              FROM (\(source)) AS fact
              JOIN entity AS subject ON subject.id = fact.subject_id
              """
            : """
              FROM entity AS subject
              CROSS JOIN relationship AS fact INDEXED BY \(Store.relationshipBySubject)
                ON fact.subject_id = subject.id AND fact.predicate = \(predicate)
              """
        let head = """
            subject.name AS subject, subject.type AS subject_type, fact.predicate, object.name AS object,
                   object.type AS object_type, fact.attributes, fact.confidence, fact.id AS fact_id
            """
        let filter = conditions.isEmpty ? "" : "\nWHERE " + conditions.joined(separator: "\n  AND ")
        let order = "subject.name COLLATE NOCASE, object.name COLLATE NOCASE, fact.id"
        // One row more than asked tells the caller that rows were cut (see `Store.run`).
        let cut = limit.map { "\nLIMIT \($0 + 1)" } ?? ""
        var sql: String
        if evidence {
            // The rows are picked and cut on the evidence rows (the covering fact_evidence index);
            // documents and sentence texts are read for the rows returned only.
            func indented(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: "\n  ") }
            sql = (with.isEmpty ? "WITH " : with + ",\n") + """
                picked AS (
                  SELECT \(indented(head)),
                         fact_evidence.document_id, fact_evidence.sentence_id, fact_evidence.match_start
                  \(indented(from))
                  \(join) entity AS object ON object.id = fact.object_id
                  \(join) fact_evidence ON fact_evidence.relationship_id = fact.id\(indented(filter))
                  ORDER BY \(order), fact_evidence.document_id, fact_evidence.match_start\(indented(cut))
                )
                SELECT subject, subject_type, predicate, object, object_type, attributes, confidence, fact_id,
                       document.name AS document,
                       substr(document.text, sentence.start + 1, sentence."end" - sentence.start) AS sentence
                FROM picked
                CROSS JOIN document ON document.id = picked.document_id
                CROSS JOIN sentence ON sentence.id = picked.sentence_id
                ORDER BY subject COLLATE NOCASE, object COLLATE NOCASE, fact_id, picked.document_id, picked.match_start
                """
        } else {
            sql = (with.isEmpty ? "" : with + "\n") + """
                SELECT DISTINCT \(head),
                       (SELECT count(*) FROM fact_evidence WHERE fact_evidence.relationship_id = fact.id) AS evidence
                \(from)
                \(join) entity AS object ON object.id = fact.object_id\(filter)
                ORDER BY \(order)\(cut)
                """
        }
        return CompiledQuery(sql: sql, parameters: parameters, limit: limit)
    }
}
