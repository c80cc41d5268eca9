import GRDB

/// What `gazette export` writes.
public enum ExportKind: String, Sendable, CaseIterable {
    case entities, facts, events
}

extension Store {
    /// Streams every entity, fact (per supporting sentence) or event (per supporting sentence)
    /// with its provenance columns, row by row from a cursor: `columns` once, then `row` for each.
    ///
    /// Provenance: entities carry key, reference, country_source and their documents; facts and
    /// events their document, sentence, sentence offsets, matched span and rule.
    ///
    /// For example:
    ///
    /// ```swift
    /// try store.export(.facts, columns: { print($0) }, row: { print($0) })
    /// ```
    public func export(_ kind: ExportKind, columns: ([String]) throws -> Void,
                       row: ([ResultTable.Value]) throws -> Void) throws(GazetteError) {
        try stream(sql: Store.exportSQL(kind), row: { _, values in try row(values) }, columnsReady: columns)
    }

    /// The JSON columns of an export, written as JSON rather than as strings.
    public static var exportJSONColumns: Set<String> { publicJSONColumns }

    static func exportSQL(_ kind: ExportKind) -> String {
        switch kind {
        case .entities:
            return """
                SELECT key, name, type, subtype, country, country_source, region, reference, latitude, longitude,
                       aliases, documents, mentions
                FROM entity_summary ORDER BY key
                """
        case .facts:
            return """
                SELECT relationship.id AS fact_id, subject.key AS subject_key, subject.name AS subject,
                       relationship.predicate, object.key AS object_key, object.name AS object,
                       relationship.attributes, relationship.confidence,
                       document.name AS document, sentence.start, sentence."end",
                       substr(document.text, sentence.start + 1, sentence."end" - sentence.start) AS sentence,
                       fact_evidence.match_start, fact_evidence.match_end, fact_evidence.rule, fact_evidence.rule_precision
                \(Store.factEvidenceFrom)
                ORDER BY relationship.id, document.name, sentence.start
                """
        case .events:
            return """
                SELECT event.id AS event_id, event.key AS event_key, event.type AS event_type,
                       event.date_start, event.date_end, event.date_precision, place.name AS place,
                       (SELECT json_group_array(json_object('name', participant.name, 'role', event_participant.role))
                          FROM event_participant JOIN entity AS participant ON participant.id = event_participant.entity_id
                         WHERE event_participant.event_id = event.id) AS participants,
                       document.name AS document, sentence.start, sentence."end",
                       substr(document.text, sentence.start + 1, sentence."end" - sentence.start) AS sentence,
                       event_evidence.match_start, event_evidence.match_end, event_evidence.rule
                FROM event
                LEFT JOIN entity AS place ON place.id = event.place_id
                JOIN event_evidence ON event_evidence.event_id = event.id
                JOIN document ON document.id = event_evidence.document_id
                JOIN sentence ON sentence.id = event_evidence.sentence_id
                ORDER BY event.date_start IS NULL, event.date_start, event.id, document.name, sentence.start
                """
        }
    }
}
