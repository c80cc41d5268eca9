import GRDB

extension Store {
    /// An entity's profile: type, country and where that came from, region, aliases, documents,
    /// mentions with their sentences, facts and events.
    ///
    /// The name is resolved case- and accent-insensitively against canonical names and aliases,
    /// or taken as an entity key.
    ///
    /// For example:
    ///
    /// ```swift
    /// let profile = try store.profile(name: "soren link")
    /// profile.summary   // Sören Link, person …
    /// profile.facts     // holds_position Duisburg {"role":"mayor"}
    /// ```
    ///
    /// - Throws: ``GazetteError/unknownEntity(name:suggestions:)``, or
    ///   ``GazetteError/ambiguousEntity(name:candidates:)`` listing the keys to choose from.
    public func profile(name: String) throws(GazetteError) -> EntityProfile {
        let entity = try entity(named: name)
        let arguments: StatementArguments = ["id": entity.id]
        let summary = try table(sql: """
            SELECT name, key, type, subtype, country, country_source, region, reference, latitude, longitude,
                   aliases, documents, mentions
            FROM entity_summary WHERE entity_id = :id
            """, arguments: arguments, jsonColumns: publicJSONColumns)
        let mentions = try table(sql: """
            SELECT document.name AS document, mention.text AS mention, mention.start, mention."end", mention.rule,
                   substr(document.text, sentence.start + 1, sentence."end" - sentence.start) AS sentence
            FROM mention
            JOIN document ON document.id = mention.document_id
            JOIN sentence ON sentence.id = mention.sentence_id
            WHERE mention.entity_id = :id
            ORDER BY document.name, mention.start
            """, arguments: arguments)
        let facts = try table(sql: """
            SELECT fact_id, subject, predicate, object, attributes, confidence, document, sentence, rule
            FROM facts
            WHERE fact_id IN (SELECT id FROM relationship WHERE subject_id = :id OR object_id = :id)
            ORDER BY predicate, subject, object, document, start
            """, arguments: arguments, jsonColumns: publicJSONColumns)
        let events = try table(sql: """
            SELECT event_id, event_type, date_start, date_end, date_precision, place, participants, document, sentence
            FROM timeline
            WHERE event_id IN (SELECT event_id FROM event_participant WHERE entity_id = :id)
               OR event_id IN (SELECT id FROM event WHERE place_id = :id)
            ORDER BY date_start IS NULL, date_start, event_id, document, start
            """, arguments: arguments, jsonColumns: publicJSONColumns)
        return EntityProfile(entity: entity, summary: summary, mentions: mentions, facts: facts, events: events)
    }
}
