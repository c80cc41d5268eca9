import GRDB

/// Every statement the import writer runs per document, prepared once per import transaction.
///
/// Why: preparing by SQL text means hashing and comparing that text in GRDB's statement cache on
/// every call, and the entity upsert's text was even rebuilt (its country-rank `CASE`s) for every
/// entity of every document: a callgrind profile of a 2 MB import put two thirds of the entity
/// upsert's cost there, not in SQLite. Prepared here, a row costs its binds and one step.
///
/// Made after the first import's secondary indexes are dropped (``DocumentWriter/init(db:)``);
/// SQLite prepares a statement again by itself should the schema change under it.
struct WriterStatements {
    let documentBySource: BoundInsert
    let documentBySHA256: BoundInsert
    let document: BoundInsert
    /// A sentence row with its id given (``DocumentWriter/nextSentenceID``), and
    /// ``rowsPerStatement`` of them in one statement.
    let sentence: BoundInsert
    let sentences: BoundInsert
    /// A full-text row. One to a statement: a statement of several opens a statement savepoint,
    /// at which FTS5 flushes its in-memory index (tried: the main thread went from 4.05 to 5.20 G
    /// instructions on 2 MB).
    let sentenceText: BoundInsert
    let alias: BoundInsert
    /// ``rowsPerStatement`` alias rows in one statement (``DocumentWriter/writeAliases(of:ids:documentID:)``).
    let aliases: BoundInsert
    let mention: BoundInsert
    /// ``rowsPerStatement`` mentions in one statement: SQLite's work per statement (binding,
    /// opening and closing cursors, resetting) was about a third of a mention's cost.
    let mentions: BoundInsert
    /// How many rows the multi-row statements take.
    ///
    /// Those statements say `OR FAIL` (or `OR IGNORE`): a statement that can write several rows
    /// and stop halfway with the default `ABORT` must be able to undo its own rows, so SQLite
    /// copies every page it is about to change into a statement journal first (the last leaf of
    /// each table and index it appends to: 4 KiB copied and allocated per page per statement).
    /// `FAIL` keeps the rows written before a violation, which needs no journal; the error
    /// still ends the import, and its transaction rolls everything back. 29 M instructions on
    /// 2 MB, 3 % of the writer's work per document. (A load into a knowledge base with
    /// documents checks foreign keys, and an immediate foreign-key check needs the journal again.)
    static let rowsPerStatement = 8
    let entity: BoundInsert
    /// The entity row as the upsert left it (a look-up by key, not `RETURNING`: see
    /// ``BoundInsert/runInsertingRowID(_:)``).
    let entityByKey: BoundInsert
    let relationship: BoundInsert
    let relationshipID: BoundInsert
    let factEvidence: BoundInsert
    /// ``rowsPerStatement`` evidence rows in one statement.
    let factEvidences: BoundInsert
    let event: BoundInsert
    let eventByKey: BoundInsert
    let eventDate: BoundInsert
    let participantDate: BoundInsert
    let participant: BoundInsert
    let eventEvidence: BoundInsert

    init(_ db: Database) throws {
        documentBySource = try BoundInsert(db, sql: "SELECT id, sha256 FROM document WHERE source_key = ?")
        documentBySHA256 = try BoundInsert(db, sql: "SELECT id FROM document WHERE sha256 = ? LIMIT 1")
        document = try BoundInsert(db, sql: """
            INSERT INTO document(source_key, name, title, published, dateline, source, url, language, sha256, text,
                                 word_count, imported_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        sentence = try BoundInsert(db, sql: """
            INSERT INTO sentence(id, document_id, position, start, "end", byte_start, byte_end) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        sentences = try BoundInsert(db, sql: "INSERT OR FAIL INTO sentence(id, document_id, position, start, \"end\", byte_start, byte_end) VALUES "
            + WriterStatements.rows(of: 7))
        sentenceText = try BoundInsert(db, sql: "INSERT INTO sentence_fts(rowid, text) VALUES (?, ?)")
        alias = try BoundInsert(db, sql: "INSERT OR IGNORE INTO entity_alias(entity_id, document_id, alias) VALUES (?, ?, ?)")
        aliases = try BoundInsert(db, sql: "INSERT OR IGNORE INTO entity_alias(entity_id, document_id, alias) VALUES "
            + WriterStatements.rows(of: 3))
        mention = try BoundInsert(db, sql: """
            INSERT INTO mention(entity_id, document_id, sentence_id, start, "end", text, rule) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        mentions = try BoundInsert(db, sql: "INSERT OR FAIL INTO mention(entity_id, document_id, sentence_id, start, \"end\", text, rule) VALUES "
            + WriterStatements.rows(of: 7))
        entity = try BoundInsert(db, sql: WriterStatements.entityUpsert)
        entityByKey = try BoundInsert(db, sql: """
            SELECT id, name, subtype, country_source, region, admin1, reference FROM entity WHERE key = ?
            """)
        relationship = try BoundInsert(db, sql: """
            INSERT INTO relationship(subject_id, predicate, object_id, attributes, confidence) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(subject_id, predicate, object_id, attributes) DO NOTHING
            """)
        relationshipID = try BoundInsert(db, sql: """
            SELECT id FROM relationship WHERE subject_id = ? AND predicate = ? AND object_id = ? AND attributes = ?
            """)
        factEvidence = try BoundInsert(db, sql: """
            INSERT INTO fact_evidence(relationship_id, document_id, sentence_id, match_start, match_end, rule, rule_precision)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        factEvidences = try BoundInsert(db, sql: """
            INSERT OR FAIL INTO fact_evidence(relationship_id, document_id, sentence_id, match_start, match_end, rule, rule_precision)
            VALUES \(WriterStatements.rows(of: 7))
            """)
        event = try BoundInsert(db, sql: """
            INSERT INTO event(key, type, date_start, date_end, date_precision, place_id) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(key) DO NOTHING
            """)
        eventByKey = try BoundInsert(db, sql: "SELECT id, date_start FROM event WHERE key = ?")
        eventDate = try BoundInsert(db, sql: "UPDATE event SET date_start = ?, date_end = ?, date_precision = ? WHERE id = ?")
        participantDate = try BoundInsert(db, sql: "UPDATE event_participant SET date_start = ? WHERE event_id = ?")
        participant = try BoundInsert(db, sql: """
            INSERT OR IGNORE INTO event_participant(event_id, entity_id, role, date_start) VALUES (?, ?, ?, ?)
            """)
        eventEvidence = try BoundInsert(db, sql: """
            INSERT INTO event_evidence(event_id, document_id, sentence_id, match_start, match_end, rule) VALUES (?, ?, ?, ?, ?, ?)
            """)
    }

    /// Country knowledge only improves: text beats reference beats rule beats nothing, and the
    /// canonical name is the smallest seen, so the result does not depend on import order.
    /// (``EntityRow/merged(with:)`` is the same rules in Swift.)
    static let entityUpsert = """
        INSERT INTO entity(key, name, type, subtype, country, country_source, region, reference, latitude, longitude, admin1)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(key) DO UPDATE SET
          admin1 = coalesce(entity.admin1, excluded.admin1),
          name = CASE WHEN entity.reference IS NULL AND excluded.name < entity.name THEN excluded.name ELSE entity.name END,
          subtype = coalesce(entity.subtype, excluded.subtype),
          country = CASE WHEN \(rank("excluded")) > \(rank("entity")) THEN excluded.country ELSE entity.country END,
          region = CASE WHEN \(rank("excluded")) > \(rank("entity")) THEN excluded.region ELSE coalesce(entity.region, excluded.region) END,
          country_source = CASE WHEN \(rank("excluded")) > \(rank("entity")) THEN excluded.country_source ELSE entity.country_source END
        """

    /// The `VALUES` rows of a multi-row insert: ``rowsPerStatement`` times `(?, …)` with
    /// `columns` parameters.
    static func rows(of columns: Int) -> String {
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        return Array(repeating: row, count: rowsPerStatement).joined(separator: ", ")
    }

    /// The SQL of ``CountrySource/rank`` for `table.country_source` (0 when NULL).
    static func rank(_ table: String) -> String {
        "(CASE \(table).country_source "
            + CountrySource.allCases.map { "WHEN '\($0.rawValue)' THEN \($0.rank) " }.joined() + "ELSE 0 END)"
    }

    /// An event agreeing with a report, for ``DocumentWriter/sameEvent(_:placeID:)`` when the
    /// knowledge base was not empty at the start (a first import finds it in ``LoadedEvents``).
    /// Prepared on first use: a first import builds `event_identity` only at its end.
    ///
    /// Four index look-ups of `event_identity`, named: without statistics SQLite took the
    /// `event_place` index (migration 0005) and read every event of the place, for every event
    /// written, so a busy city's events cost more the larger the file. ?3–?5: the date and its
    /// prefixes, one equality each (an `IN` list and an `ORDER BY` each opened a temporary
    /// B-tree, most of the look-up's cost); ?6: the date, whose extensions run from ?6 || '-'
    /// up to ?6 || '.', the next character. `min(id)` takes the other columns from its row.
    static let sameEventSQL = """
        SELECT min(id), date_start, date_end FROM (
            SELECT id, date_start, date_end FROM event INDEXED BY event_identity
            WHERE type = ?1 AND place_id IS ?2 AND date_start = ?3
            UNION ALL
            SELECT id, date_start, date_end FROM event INDEXED BY event_identity
            WHERE type = ?1 AND place_id IS ?2 AND date_start = ?4
            UNION ALL
            SELECT id, date_start, date_end FROM event INDEXED BY event_identity
            WHERE type = ?1 AND place_id IS ?2 AND date_start = ?5
            UNION ALL
            SELECT id, date_start, date_end FROM event INDEXED BY event_identity
            WHERE type = ?1 AND place_id IS ?2 AND date_start >= ?6 || '-' AND date_start < ?6 || '.')
        """
}
