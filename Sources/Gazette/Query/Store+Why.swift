import GRDB

extension Store {
    /// Explains a fact: one row per supporting sentence, with the matched words in [brackets],
    /// the rule and its measured precision, the document, and where each entity's country and
    /// region came from (text, reference data with its id, or a rule).
    ///
    /// Symmetric predicates match either way round.
    ///
    /// For example:
    ///
    /// ```swift
    /// try store.why(subject: "Leoni", predicate: .hasJointVentureIn, object: "Panjin")
    /// // sentence: "A number of European enterprises including [Leoni Group, … there]."
    /// ```
    ///
    /// - Throws: ``GazetteError/unknownEntity(name:suggestions:)`` for an unknown name, and
    ///   ``GazetteError/invalidArgument(_:)`` when the two are not related that way.
    public func why(subject: String, predicate: RelationPredicate, object: String) throws(GazetteError) -> ResultTable {
        let subjects = Store.jsonArray(try entities(named: subject).map(\.id))
        let objects = Store.jsonArray(try entities(named: object).map(\.id))
        let ids = try table(sql: """
            SELECT id FROM relationship
            WHERE predicate = :predicate
              AND ((subject_id IN (SELECT value FROM json_each(:subjects)) AND object_id IN (SELECT value FROM json_each(:objects)))
                OR (:symmetric AND subject_id IN (SELECT value FROM json_each(:objects))
                               AND object_id IN (SELECT value FROM json_each(:subjects))))
            ORDER BY id
            """, arguments: ["predicate": predicate.rawValue, "subjects": subjects, "objects": objects,
                             "symmetric": predicate.isSymmetric]).rows.compactMap { row -> Int64? in
            if case .integer(let id)? = row.first { return id }
            return nil
        }
        guard !ids.isEmpty else {
            throw .invalidArgument("no fact '\(subject) \(predicate.rawValue) \(object)'; see what is known with `gazette facts --entity \"\(subject)\"`")
        }
        return try explanation(of: ids)
    }

    /// Explains the fact with this id (`facts.fact_id`), as ``why(subject:predicate:object:)`` does.
    public func why(factID: Int64) throws(GazetteError) -> ResultTable {
        let table = try explanation(of: [factID])
        if table.rows.isEmpty { throw .invalidArgument("no fact with id \(factID); list them with `gazette facts`") }
        return table
    }

    func explanation(of ids: [Int64]) throws(GazetteError) -> ResultTable {
        // The marks are clamped to the sentence, so a match that spans sentences still reads well.
        try table(sql: """
            SELECT relationship.id AS fact_id, subject.name AS subject, relationship.predicate, object.name AS object,
                   relationship.attributes, relationship.confidence,
                   document.name AS document, sentence.start, sentence."end",
                   substr(document.text, sentence.start + 1, max(0, min(max(fact_evidence.match_start, sentence.start), sentence."end") - sentence.start))
                   || '[' || substr(document.text, max(fact_evidence.match_start, sentence.start) + 1,
                                    max(0, min(fact_evidence.match_end, sentence."end") - max(fact_evidence.match_start, sentence.start)))
                   || ']' || substr(document.text, min(max(fact_evidence.match_end, sentence.start), sentence."end") + 1,
                                    max(0, sentence."end" - min(max(fact_evidence.match_end, sentence.start), sentence."end"))) AS sentence,
                   fact_evidence.rule, fact_evidence.rule_precision,
                   subject.country AS subject_country,
                   \(Store.provenance("subject")) AS subject_country_source,
                   subject.region AS subject_region,
                   object.country AS object_country,
                   \(Store.provenance("object")) AS object_country_source,
                   object.region AS object_region
            \(Store.factEvidenceFrom)
            WHERE relationship.id IN (SELECT value FROM json_each(:ids))
            ORDER BY relationship.id, document.name, sentence.start
            """, arguments: ["ids": Store.jsonArray(ids)], jsonColumns: publicJSONColumns)
    }

    /// "reference (org:Leoni)", "text", "rule", or "" when no country is known: SQL over one alias.
    static func provenance(_ alias: String) -> String {
        """
        CASE WHEN \(alias).country IS NULL AND \(alias).region IS NULL THEN ''
             WHEN \(alias).country_source = 'reference' THEN 'reference data' || coalesce(' (' || \(alias).reference || ')', '')
             WHEN \(alias).country_source = 'text' THEN 'stated in a sentence (text)'
             WHEN \(alias).country_source = 'rule' THEN 'inferred by a rule (e.g. legal form)'
             WHEN \(alias).country IS NULL THEN 'region only, from the text'
             ELSE coalesce(\(alias).country_source, '') END
        """
    }
}
