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
    ///   - limit: the most rows of each section (and documents listed in the summary); nil for all.
    ///     A busy entity ("China") has tens of thousands of mentions; the first ones and the counts
    ///     answer "what is this" as well, and fast.
    public func profile(name: String, limit: Int? = nil) throws(GazetteError) -> EntityProfile {
        let entity = try entity(named: name)
        // One row more than shown tells whether a section was cut.
        let arguments: StatementArguments = ["id": entity.id, "limit": limit.map { $0 + 1 } ?? -1, "shown": limit ?? -1]
        // Every section is cut on index ranges before documents are read: `show China` on a large
        // file must not sort a hundred thousand mentions or every supporting sentence first.
        // The counts are the importer's (`entity_stats`), not counted again here.
        // Mentions come in document order (ids are given in import order, a document's mentions
        // after it), which the `mention_entity` index (entity_id, document_id) holds.
        // Aliases: the entity's range of `entity_alias_count`, each distinct alias once, not a
        // read of every (document, alias) row of the entity.
        let summary = try table(sql: """
            SELECT name, key, type, subtype, country, country_source, region, reference, latitude, longitude,
                   (SELECT json_group_array(alias) FROM (
                        SELECT alias FROM entity_alias_count
                        WHERE entity_id = :id AND alias <> entity.name ORDER BY alias)) AS aliases,
                   (SELECT json_group_array(document.name) FROM (
                        SELECT DISTINCT document_id FROM mention WHERE mention.entity_id = entity.id
                        ORDER BY document_id LIMIT :shown) AS first
                      JOIN document ON document.id = first.document_id) AS documents,
                   coalesce(entity_stats.documents, 0) AS document_count,
                   coalesce(entity_stats.mentions, 0) AS mentions
            FROM entity LEFT JOIN entity_stats ON entity_stats.entity_id = entity.id
            WHERE id = :id
            """, arguments: arguments, jsonColumns: publicJSONColumns)
        var mentions = try table(sql: """
            SELECT document.name AS document, mention.text AS mention, mention.start, mention."end", mention.rule,
                   substr(document.text, sentence.start + 1, sentence."end" - sentence.start) AS sentence
            FROM mention
            JOIN document ON document.id = mention.document_id
            JOIN sentence ON sentence.id = mention.sentence_id
            WHERE mention.entity_id = :id
            ORDER BY mention.document_id, mention.id
            LIMIT :limit
            """, arguments: arguments)
        // The `facts` and `timeline` views' columns. The first facts are picked (by predicate and
        // names), then their first evidence rows (on the covering index: a fact can have thousands),
        // then the rules, documents and sentences of those.
        var facts = try table(sql: """
            WITH predicates(predicate) AS (
                SELECT DISTINCT predicate FROM relationship WHERE subject_id = :id
                UNION SELECT DISTINCT predicate FROM relationship WHERE object_id = :id),
            -- The first facts by predicate lie in the predicates up to the one where the running
            -- count of the entity's facts reaches the limit: names are read for those only (index
            -- counts; a fact of the entity with itself counts twice, which only widens the cut).
            last(predicate) AS (
                SELECT min(predicate) FROM (
                    SELECT predicate, sum(facts) OVER (ORDER BY predicate) AS running FROM (
                        SELECT predicate,
                               (SELECT count(*) FROM relationship AS r WHERE r.subject_id = :id AND r.predicate = p.predicate)
                             + (SELECT count(*) FROM relationship AS r WHERE r.object_id = :id AND r.predicate = p.predicate) AS facts
                        FROM predicates AS p))
                WHERE :limit >= 0 AND running >= :limit),
            -- From the two indexes alone (subject's, object's); the rows are read for the shown facts.
            own(id, subject_id, predicate, object_id) AS (
                SELECT id, subject_id, predicate, object_id FROM relationship
                WHERE subject_id = :id AND predicate <= coalesce((SELECT predicate FROM last), predicate)
                UNION SELECT id, subject_id, predicate, object_id FROM relationship
                WHERE object_id = :id AND predicate <= coalesce((SELECT predicate FROM last), predicate)),
            -- Names from the narrow `entity_id_name` index: a few hundred pages, not the entity rows.
            first AS (
                SELECT own.id AS fact_id, subject.name AS subject, own.predicate, object.name AS object
                FROM own
                JOIN entity AS subject INDEXED BY entity_id_name ON subject.id = own.subject_id
                JOIN entity AS object INDEXED BY entity_id_name ON object.id = own.object_id
                ORDER BY own.predicate, subject.name, object.name, own.id
                LIMIT :limit),
            picked AS (
                SELECT first.*, fact_evidence.id AS evidence_id, fact_evidence.document_id, fact_evidence.sentence_id,
                       fact_evidence.match_start
                FROM first
                JOIN fact_evidence ON fact_evidence.relationship_id = first.fact_id
                ORDER BY predicate, subject, object, fact_id, fact_evidence.document_id, fact_evidence.match_start
                LIMIT :limit)
            SELECT fact_id, subject, picked.predicate, object, relationship.attributes, relationship.confidence,
                   document.name AS document,
                   substr(document.text, sentence.start + 1, sentence."end" - sentence.start) AS sentence,
                   fact_evidence.rule
            FROM picked
            JOIN relationship ON relationship.id = picked.fact_id
            JOIN fact_evidence ON fact_evidence.id = picked.evidence_id
            JOIN document ON document.id = picked.document_id
            JOIN sentence ON sentence.id = picked.sentence_id
            ORDER BY picked.predicate, subject, object, fact_id, picked.document_id, picked.match_start
            """, arguments: arguments, jsonColumns: publicJSONColumns)
        var events = try profileEvents(arguments: arguments)
        var cut: Set<String> = []
        if let limit {
            func trim(_ table: inout ResultTable, _ title: String) {
                table.cut(to: limit)
                if table.truncated { cut.insert(title) }
            }
            trim(&mentions, "Mentions")
            trim(&facts, "Facts")
            trim(&events, "Events")
        }
        return EntityProfile(entity: entity, summary: summary, mentions: mentions, facts: facts, events: events,
                             truncated: cut)
    }

    /// The profile's events section: the `timeline` view's columns for the entity's events (as a
    /// participant or the place), oldest first, each with its evidence, cut at `:limit`. The first
    /// events come from the first entries of four index ranges (participant or place, dated or
    /// not: `event_participant_date`, `event_place_date`) before their rows, evidence, documents
    /// and participants are read; the busiest entity has thousands of events.
    func profileEvents(arguments: StatementArguments) throws(GazetteError) -> ResultTable {
        try table(sql: """
            WITH own(id, date_start) AS (
                SELECT * FROM (
                    SELECT DISTINCT event_id, date_start FROM event_participant
                    WHERE entity_id = :id AND date_start IS NOT NULL ORDER BY date_start, event_id LIMIT :limit)
                UNION SELECT * FROM (
                    SELECT DISTINCT event_id, date_start FROM event_participant
                    WHERE entity_id = :id AND date_start IS NULL ORDER BY event_id LIMIT :limit)
                UNION SELECT * FROM (
                    SELECT id, date_start FROM event
                    WHERE place_id = :id AND date_start IS NOT NULL ORDER BY date_start, id LIMIT :limit)
                UNION SELECT * FROM (
                    SELECT id, date_start FROM event WHERE place_id = :id AND date_start IS NULL ORDER BY id LIMIT :limit)),
            dated(id, date_start) AS (
                SELECT id, date_start FROM own ORDER BY date_start IS NULL, date_start, id LIMIT :limit),
            first AS (
                SELECT event.id AS event_id, event.type AS event_type, event.date_start, event.date_end,
                       event.date_precision, event.place_id
                FROM dated JOIN event ON event.id = dated.id),
            picked AS (
                SELECT first.*, event_evidence.document_id, event_evidence.sentence_id, event_evidence.match_start
                FROM first
                JOIN event_evidence ON event_evidence.event_id = first.event_id
                ORDER BY date_start IS NULL, date_start, first.event_id, event_evidence.document_id, event_evidence.match_start
                LIMIT :limit)
            SELECT event_id, event_type, date_start, date_end, date_precision,
                   (SELECT name FROM entity WHERE entity.id = picked.place_id) AS place,
                   (SELECT json_group_array(json_object('name', participant.name, 'role', event_participant.role))
                      FROM event_participant JOIN entity AS participant ON participant.id = event_participant.entity_id
                     WHERE event_participant.event_id = picked.event_id) AS participants,
                   document.name AS document,
                   substr(document.text, sentence.start + 1, sentence."end" - sentence.start) AS sentence
            FROM picked
            JOIN document ON document.id = picked.document_id
            JOIN sentence ON sentence.id = picked.sentence_id
            ORDER BY date_start IS NULL, date_start, event_id, picked.document_id, match_start
            """, arguments: arguments, jsonColumns: publicJSONColumns)
    }
}
