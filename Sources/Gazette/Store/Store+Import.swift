import Foundation
import GRDB
import GRDBSQLite

/// What happened to one document written by ``DocumentWriter``.
public enum WriteOutcome: String, Sendable {
    /// New document.
    case added
    /// Its source was imported before with other content; the old rows were replaced.
    case replaced
    /// Same source, same content: nothing to do.
    case unchanged
    /// Same content as another document already imported: skipped.
    case duplicate
}

extension Store {
    /// Runs `body` inside one write transaction: everything it writes lands together, or,
    /// when it throws, nothing does. Orphans (entities no mention names, facts and events no
    /// evidence supports) are removed and confidences recomputed before the commit.
    ///
    /// For example:
    ///
    /// ```swift
    /// try store.importTransaction { writer in
    ///     for doc in extracted { _ = try writer.write(doc) }
    /// }
    /// ```
    ///
    /// An empty knowledge base is loaded without foreign-key checks (``DocumentWriter/emptyLoadSettings``);
    /// whether it is empty is read inside the transaction, with the write lock held.
    public func importTransaction<T>(_ body: (inout DocumentWriter) throws -> T) throws -> T {
        do {
            return try queue.writeWithoutTransaction { db in
                // Outside the transaction: SQLite fixes where statement journals live when a
                // write transaction begins, and ignores `foreign_keys` inside one.
                try db.execute(sql: DocumentWriter.loadingSettings)
                defer { try? db.execute(sql: DocumentWriter.restingSettings) }
                let direct = Store.beginDirectLoad(db)
                defer { if direct { Store.endDirectLoad(db) } }
                try db.execute(sql: DocumentWriter.emptyLoadSettings)
                if let result = try Store.loadTransaction(db, onlyIntoEmpty: true, body) { return result }
                // Not empty: rolled back before writing anything; again, with the checks.
                try db.execute(sql: "PRAGMA foreign_keys = ON")
                guard let result = try Store.loadTransaction(db, onlyIntoEmpty: false, body) else {
                    throw DatabaseError(resultCode: .SQLITE_INTERNAL, message: "import transaction did not run")
                }
                return result
            }
        } catch let error as DatabaseError {
            throw Store.explain(error, path: path)
        }
    }

    /// Into an empty knowledge base, the load writes the file once: with a rollback journal
    /// instead of the write-ahead log. In WAL mode every page of a first import went to the WAL
    /// and was copied into the database by the checkpoint after the commit: a second write of
    /// the whole file, serial, after the extraction threads had finished (3 s of a 100 MB
    /// import's 36). A rollback journal keeps the old content of the pages a transaction
    /// changes, and a page past the file's end when it began has none: the journal holds the
    /// schema's few pages, the data goes straight to the file, and a crash still rolls back to
    /// the empty knowledge base (the next opener finds the hot journal).
    ///
    /// Only when this connection is the file's only one (SQLite refuses to leave WAL mode
    /// otherwise) and the knowledge base has no document; `synchronous = FULL` while the journal
    /// is in use, which costs little with a journal this small. ``endDirectLoad(_:)`` goes back
    /// to WAL; should that fail (a reader arrived), the next writable ``Store`` switches.
    /// Returns whether the journal mode was switched.
    static func beginDirectLoad(_ db: Database) -> Bool {
        guard (try? DocumentWriter.isEmpty(db)) == true,
              let mode = try? String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE"), mode == "delete" else { return false }
        try? db.execute(sql: "PRAGMA synchronous = FULL")
        return true
    }

    static func endDirectLoad(_ db: Database) {
        try? db.execute(sql: "PRAGMA journal_mode = WAL")
        try? db.execute(sql: "PRAGMA synchronous = NORMAL")
    }

    /// One import transaction, taken with the write lock at once; nil, without running `body`,
    /// when `onlyIntoEmpty` and the knowledge base has documents.
    private static func loadTransaction<T>(_ db: Database, onlyIntoEmpty: Bool,
                                           _ body: (inout DocumentWriter) throws -> T) throws -> T? {
        var result: T?
        var builder: FullTextBuilder?
        defer { builder?.discard(db) }
        try db.inTransaction(.immediate) {
            let empty = try DocumentWriter.isEmpty(db)
            if onlyIntoEmpty, !empty { return .rollback }
            var writer = try DocumentWriter(db: db, empty: empty)
            // Detached and removed after the transaction, which may not detach it.
            defer { builder = writer.fullText }
            result = try body(&writer)
            try writer.finish()
            return .commit
        }
        return result
    }

    /// The SHA-256 of every stored document's normalized text, by source key: what lets a re-run
    /// import skip the documents it already has without extracting them again.
    public func fingerprints() throws -> [String: String] {
        do {
            return try queue.read { db in
                var out: [String: String] = [:]
                let rows = try Row.fetchCursor(db, sql: "SELECT source_key, sha256 FROM document")
                while let row = try rows.next() { out[row[0]] = row[1] }
                return out
            }
        } catch let error as DatabaseError {
            throw Store.explain(error, path: path)
        }
    }

    /// Writes documents in one transaction; the outcome of each, in order.
    public func write(_ documents: [ExtractedDocument]) throws -> [WriteOutcome] {
        try importTransaction { writer in try documents.map { try writer.write($0) } }
    }
}

/// Writes extracted documents inside an open transaction with prepared, cached statements.
/// Made only by ``Store/importTransaction(_:)``.
public struct DocumentWriter {
    let db: Database
    /// Entity key → row id and what the row holds now, for this transaction: another document's
    /// view of the entity is written only when it can change the row (a country stated in the
    /// text, a smaller name …); most documents repeat what is known.
    var entities: [String: CacheEntry<(id: Int64, row: EntityRow)>] = [:]
    /// When the entity cache holds this many entities it is swept between documents, so that
    /// memory does not grow with the corpus (``swept(_:limit:)``); an entity not cached is simply
    /// upserted again.
    static let entityCacheLimit = 50_000
    /// Relationships that gained or lost evidence; their confidence is recomputed at the end from
    /// `fact_evidence`. Not those made in this transaction: ``newRelationships`` has theirs.
    var touchedRelationships: Set<Int64> = []
    /// The confidence of each relationship made in this transaction, folded as its evidence
    /// comes: row id `firstNewRelationship + n` at `n` (new row ids are consecutive, so an array,
    /// 32 bytes a relationship and no hashing). One that loses evidence to a replaced document
    /// (its tally emptied), or comes past ``confidenceTallyLimit``, goes to
    /// ``touchedRelationships`` instead.
    var newRelationships: [ConfidenceTally] = []
    static let confidenceTallyLimit = 1_000_000
    /// Row ids from here on are relationships this transaction made.
    let firstNewRelationship: Int64
    var removedSomething = false
    /// When this import started: every document of it carries the same `imported_at`.
    let importedAt = DocumentWriter.now()
    /// Full-text rows not yet written, and their text's size.
    ///
    /// They are written in bursts because every statement that opens a statement savepoint (any
    /// insert checked by a foreign key) makes FTS5 flush its in-memory index: one FTS row per
    /// sentence between the other inserts meant one flush per sentence, most of the writer's time.
    var pendingFTS: [(id: Int64, text: String)] = []
    var pendingFTSBytes = 0
    /// The id the next sentence row gets: what SQLite would give it (one more than the largest),
    /// kept here so that sentences can be inserted several to a statement with their ids known.
    /// Read again after a document is deleted, as SQLite would reuse the ids at the top.
    var nextSentenceID: Int64
    /// A burst is written when this much text waits, so memory stays bounded on huge imports.
    static let ftsBufferBytes = 4 << 20
    /// True for a load into an empty knowledge base: no full-text row is written per document;
    /// ``finish()`` builds the whole index once, with FTS5's `rebuild`, from the sentences then
    /// stored. Row by row, FTS5 merges its segments while the other tables' pages fill the cache
    /// and the merges read them back: at 100 MB with two jobs the full-text rows cost 14 s of CPU
    /// in a 36 s import (23 %, measured by leaving them out), a `rebuild` of the same sentences
    /// 3.4 s (2.2 s since ``rebuildHashBytes`` and the byte offsets of migration 0010); the import went from 30.2 to 26.4 s wall (CPU 49.4 → 42.5 s), level with one job,
    /// whose writer has time to spare. Into a knowledge base that has documents a rebuild would
    /// index them all again, so there rows go in as documents come (in bursts).
    ///
    /// The index is built by ``fullText`` when the knowledge base is a file (from the sentences
    /// it stores as documents come, while ``finish()`` sorts the deferred indexes), and by
    /// ``rebuildFullText()`` at the end otherwise (in memory, or once a document of the load was
    /// replaced).
    let rebuildsFullText: Bool
    /// The thread that builds a first load's full-text index beside the writer
    /// (``FullTextBuilder``); ``finish()`` closes it first and copies its tables in last.
    var fullText: FullTextBuilder?
    /// Relationship row ids by (subject, predicate, object, attributes), for this transaction: a
    /// relationship seen again needs no upsert. Swept like the entity cache.
    var relationshipIDs: [RelationshipIdentity: CacheEntry<Int64>] = [:]
    static let relationshipCacheLimit = 50_000
    /// The row ids of the entities of the document being written, by key, filled as
    /// ``write(_:)`` upserts them: its mentions, facts and events look their entities up here,
    /// in a table of a few dozen keys hashed with ``WordIndex``'s FNV, instead of in `entities`
    /// (up to 50,000 keys, SipHash): about 500 instructions a look-up there, 60,000 look-ups on
    /// 2 MB of text.
    var documentEntityIDs = WordMap<Int64>()
    /// Indexes dropped for a first import, `(name, sql)`, created again by ``finish()``.
    var deferredIndexes: [(name: String, sql: String)] = []
    /// Entity row id → change of its `entity_stats` counts in this transaction, written by ``finish()``.
    var statsChanges: [Int64: EntityStatsChange] = [:]
    /// (entity row id, alias) → change of its `entity_alias_count.documents` in this transaction:
    /// +1 for every `entity_alias` row written, −1 for every row a replaced document takes away.
    /// Written by ``finish()``, or when it holds ``aliasChangesLimit`` pairs, so that memory stays
    /// bounded however many names a huge import brings.
    var aliasChanges: [AliasCountKey: Int] = [:]
    static let aliasChangesLimit = 50_000
    /// The per-document statements, prepared once.
    let statements: WriterStatements
    /// The events of a load into an empty knowledge base (``LoadedEvents``); nil otherwise, or
    /// once it holds ``loadedEventsLimit`` events, when `event_identity` is built early and
    /// ``sameEventQuery`` finds events instead, so that memory stays bounded.
    var loadedEvents: LoadedEvents?
    /// About 11 MB of events (with no limit, the 53,000 events of a 100 MB import added 29 MB to
    /// its peak memory). A variable for the test that goes past it with a few documents.
    var loadedEventsLimit = 20_000
    /// ``WriterStatements/sameEventSQL``, prepared on first use.
    var sameEventQuery: BoundInsert?
    /// False for a load into an empty knowledge base (``emptyLoadSettings``).
    let checksForeignKeys: Bool

    /// Into an empty knowledge base (`empty`, read by the caller inside the transaction), drops
    /// the secondary indexes ``finish()`` builds again; prepares the writer's statements.
    init(db: Database, empty: Bool) throws {
        self.db = db
        checksForeignKeys = try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? true
        firstNewRelationship = try DocumentWriter.nextRowID(db, table: "relationship")
        nextSentenceID = try DocumentWriter.nextRowID(db, table: "sentence")
        deferredIndexes = empty ? try DocumentWriter.deferIndexes(db) : []
        rebuildsFullText = empty
        loadedEvents = empty ? LoadedEvents() : nil
        statements = try WriterStatements(db)
        if empty { fullText = try DocumentWriter.fullTextBuilder(db) }
    }

    /// A ``FullTextBuilder`` for the knowledge base's file and full-text table; nil for a
    /// database in memory (no file to put the scratch database beside).
    static func fullTextBuilder(_ db: Database) throws -> FullTextBuilder? {
        guard let connection = db.sqliteConnection, let name = sqlite3_db_filename(connection, "main"),
              case let path = String(cString: name), !path.isEmpty,
              let definition = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'sentence_fts'")
        else { return nil }
        return FullTextBuilder(databasePath: path, definition: definition)
    }

    /// The connection's settings while documents are written (measured on a 100 MB import, where
    /// the file is forty times the writer's usual 16 MiB cache):
    /// - Statement journals in memory. Every insert into a table with a unique index and a foreign
    ///   key (events, participants, relationships, entities) may have to undo itself, so SQLite
    ///   keeps the old image of each page it changes in a statement journal; once one statement's
    ///   journal passed 64 KiB it lived in a temporary file for the rest of the import, and the
    ///   writer wrote 3.8 GB there (1.8 million `pwrite`s) for a 657 MB database. In memory it is
    ///   emptied after each statement, so it holds one statement's pages at most.
    /// - A 48 MiB page cache: the unique indexes the writer looks up and the rows it updates are
    ///   spread over tens of megabytes; with 16 MiB it read 4.8 GB back from the WAL, with 48 MiB
    ///   3.1 GB. (64 MiB read a little less but made the peak memory of a 100 MB import more than
    ///   50 MB above a 10 MB one's; the sort threads of `PRAGMA threads` did too.)
    ///
    /// Set by ``Store/importTransaction(_:)`` before the transaction and taken back after it, and
    /// by ``finish()`` before it builds the deferred indexes: a sort with temporary storage in
    /// memory holds the whole index in memory, which would make memory grow with the corpus.
    /// Changing `temp_store` inside a transaction is allowed while the connection has no
    /// temporary table, which is why ``updateConfidences()`` uses none.
    static let loadingSettings = "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -49152"

    /// The writable connection's settings outside loading (``Store/init(path:readOnly:)``).
    static let restingSettings = "PRAGMA temp_store = DEFAULT; PRAGMA cache_size = \(Store.writerCacheSize); PRAGMA foreign_keys = ON"

    /// Tried first for every import transaction, and kept only when the knowledge base is empty:
    /// foreign keys unchecked. Into an empty knowledge base the writer only inserts, and every
    /// row id it refers to is one it has just inserted or looked up, so the checks (three parent
    /// look-ups per mention, two per alias or evidence row: 13 % of the writer's instructions)
    /// could only find a writer bug. Debug builds, which the tests run, still look for one
    /// (``finish()``). Into a knowledge base with documents, a replaced document's rows go by
    /// the schema's `ON DELETE CASCADE`, which needs the checks on.
    static let emptyLoadSettings = "PRAGMA foreign_keys = OFF"

    /// Whether the knowledge base has no document yet.
    static func isEmpty(_ db: Database) throws -> Bool {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM document LIMIT 1)") == 0
    }

    /// While ``finish()`` builds the deferred indexes: an 8 MiB cache, which also makes the
    /// sorter's runs 8 MiB (SQLite sizes them by the cache), so the sorts hold half the memory
    /// they held with 16 MiB, as fast (100 MB: peak 177 MB against 190 MB). A helper sort thread
    /// (`PRAGMA threads = 1`) gained nothing at 100 MB and cost half a second at 10 MB.
    static let sortingSettings = "PRAGMA temp_store = DEFAULT; PRAGMA cache_size = -8192"

    /// Writes one document, replacing an older version from the same source.
    public mutating func write(_ doc: ExtractedDocument) throws -> WriteOutcome {
        if entities.count >= DocumentWriter.entityCacheLimit {
            entities = DocumentWriter.swept(entities, limit: DocumentWriter.entityCacheLimit)
        }
        if relationshipIDs.count >= DocumentWriter.relationshipCacheLimit {
            relationshipIDs = DocumentWriter.swept(relationshipIDs, limit: DocumentWriter.relationshipCacheLimit)
        }
        var outcome = WriteOutcome.added
        if let (id, sha256) = try statements.documentBySource.runReturning(doc.sourceKey, read: { ($0.integer(0), $0.text(1)) }) {
            if sha256 == doc.metadata.sha256 { return .unchanged }
            // In a load into an empty knowledge base only a source read twice whose content
            // changed in between gets here; replacing it needs the checks that load went without.
            guard checksForeignKeys else {
                throw GazetteError.unreadable(path: doc.sourceKey, reason: "it changed while it was being imported; run the import again")
            }
            try delete(documentID: id)
            outcome = .replaced
        } else if try statements.documentBySHA256.runReturningID(doc.metadata.sha256) != nil {
            return .duplicate
        }
        let m = doc.metadata
        try statements.document.run(doc.sourceKey, m.name, m.title, m.published, m.dateline, m.source, m.url,
                                    m.language.rawValue, m.sha256, doc.text, doc.wordCount, importedAt)
        let documentID = db.lastInsertedRowID

        // The ids SQLite would give (the largest so far plus one, row after row), given here so
        // that the rows can go several to a statement.
        let sentenceIDs = (0..<Int64(doc.sentences.count)).map { nextSentenceID + $0 }
        nextSentenceID += Int64(doc.sentences.count)
        let byteStarts = DocumentWriter.byteOffsets(of: doc.sentences, in: doc.text)
        try DocumentWriter.insert(doc.sentences.count, with: statements.sentences, else: statements.sentence) { statement, slot, n in
            let sentence = doc.sentences[n]
            let byteStart = byteStarts[n]
            statement.bind(row: slot, columns: 7, sentenceIDs[n], documentID, sentence.position, sentence.start, sentence.end,
                           byteStart, byteStart + sentence.text.utf8.count)
        }
        if let fullText {
            fullText.add(text: doc.text, rows: doc.sentences.indices.map {
                (sentenceIDs[$0], byteStarts[$0], byteStarts[$0] + doc.sentences[$0].text.utf8.count)
            })
        } else if !rebuildsFullText {
            for n in doc.sentences.indices {
                pendingFTS.append((sentenceIDs[n], doc.sentences[n].text))
                pendingFTSBytes += doc.sentences[n].text.utf8.count
            }
            if pendingFTSBytes > DocumentWriter.ftsBufferBytes { try flushFTS() }
        }

        documentEntityIDs = WordMap()
        var entityIDs: [Int64] = []
        entityIDs.reserveCapacity(doc.entities.count)
        for entity in doc.entities {
            let entityID = try upsert(entity)
            documentEntityIDs[entity.key] = entityID
            entityIDs.append(entityID)
        }
        try writeAliases(of: doc.entities, ids: entityIDs, documentID: documentID)
        if aliasChanges.count >= DocumentWriter.aliasChangesLimit { try writeAliasChanges() }
        var mentionsByEntity = [Int64: Int](minimumCapacity: doc.entities.count)
        // A mention's entity by its position in the document's list (`Mention.entityIndex`),
        // checked against its key, which is the same string: no hash of the key per mention
        // (a document read from JSON has no positions, and goes by the key).
        var mentionsByPosition = [Int](filled: 0, count: entityIDs.count)
        // The rows in the document's order: whole statements of eight, then the rest one by one.
        var rows: [(entityID: Int64, sentenceID: Int64, mention: Int)] = []
        rows.reserveCapacity(doc.mentions.count)
        for k in doc.mentions.indices {
            guard let key = doc.mentions[k].entityKey, sentenceIDs.indices.contains(doc.mentions[k].sentence) else { continue }
            let position = doc.mentions[k].entityIndex
            let entityID: Int64
            if entityIDs.indices.contains(position), doc.entities[position].key == key {
                entityID = entityIDs[position]
                mentionsByPosition[position] += 1
            } else if let found = self.entityID(key) {
                entityID = found
                mentionsByEntity[found, default: 0] += 1
            } else {
                continue
            }
            rows.append((entityID, sentenceIDs[doc.mentions[k].sentence], k))
        }
        for (position, count) in mentionsByPosition.enumerated() where count > 0 {
            mentionsByEntity[entityIDs[position], default: 0] += count
        }
        try DocumentWriter.insert(rows.count, with: statements.mentions, else: statements.mention) { statement, slot, n in
            let row = rows[n]
            let mention = doc.mentions[row.mention]
            statement.bind(row: slot, columns: 7, row.entityID, documentID, row.sentenceID, mention.start, mention.end,
                           mention.text, mention.rule)
        }
        for (entityID, count) in mentionsByEntity {
            statsChanges[entityID, default: EntityStatsChange()].add(mentions: count, documents: 1)
        }
        try writeFacts(doc.facts, documentID: documentID, sentenceIDs: sentenceIDs)
        try writeEvents(doc.events, documentID: documentID, sentenceIDs: sentenceIDs)
        return outcome
    }

    /// A document's `entity_alias` rows, and their counts in ``aliasChanges``.
    ///
    /// The document's id is new, so its rows are all new unless the document repeats one: the
    /// resolver gives each entity once, with its forms sorted and without repeats. When that
    /// holds (distinct keys, strictly increasing forms: checked, not assumed), the rows go
    /// ``WriterStatements/rowsPerStatement`` to a statement and each counts; otherwise one at a
    /// time, each counted only if `INSERT OR IGNORE` wrote it. One row to a statement, SQLite's
    /// work per statement (reset, cursors opened and closed) was about a third of a row's cost.
    mutating func writeAliases(of entities: [ResolvedEntity], ids: [Int64], documentID: Int64) throws {
        // Its full size once it is used: grown by doubling, it rehashed every key at each step
        // (6 M instructions on 2 MB). Not before, and not again after ``finish()`` empties it: a
        // table made in advance stayed beside the old one's freed memory (peak 8 MB up at 100 MB).
        if aliasChanges.isEmpty { aliasChanges.reserveCapacity(DocumentWriter.aliasChangesLimit) }
        let distinct = documentEntityIDs.count == entities.count
            && entities.allSatisfy { e in zip(e.aliases, e.aliases.dropFirst()).allSatisfy { $0 < $1 } }
        guard distinct else {
            for (entity, entityID) in zip(entities, ids) {
                for alias in entity.aliases {
                    try statements.alias.run(entityID, documentID, alias)
                    if statements.alias.changedRows > 0 { aliasChanges[AliasCountKey(entityID: entityID, alias: alias), default: 0] += 1 }
                }
            }
            return
        }
        var rows: [(entity: Int, alias: Int)] = []
        rows.reserveCapacity(entities.reduce(0) { $0 + $1.aliases.count })
        for e in entities.indices {
            for a in entities[e].aliases.indices { rows.append((e, a)) }
        }
        try DocumentWriter.insert(rows.count, with: statements.aliases, else: statements.alias) { statement, slot, n in
            statement.bind(row: slot, columns: 3, ids[rows[n].entity], documentID, entities[rows[n].entity].aliases[rows[n].alias])
        }
        for row in rows {
            aliasChanges[AliasCountKey(entityID: ids[row.entity], alias: entities[row.entity].aliases[row.alias]), default: 0] += 1
        }
    }

    /// The UTF-8 byte offset in `text` of each sentence's start (`sentence.start` counts Unicode
    /// scalars), for `sentence.byte_start`: one pass over the text's bytes for sentences in
    /// document order (as the splitter gives them; one out of order starts the count again).
    static func byteOffsets(of sentences: [Sentence], in text: String) -> [Int] {
        var text = text
        return text.withUTF8 { bytes -> [Int] in
            var offsets: [Int] = []
            offsets.reserveCapacity(sentences.count)
            var scalars = 0
            var byte = 0
            for sentence in sentences {
                if sentence.start < scalars { (scalars, byte) = (0, 0) }
                // Scalars start at every byte that is not a continuation byte (10xxxxxx).
                while scalars < sentence.start && byte < bytes.count {
                    // An ASCII byte is a scalar: runs of them eight at a time, never past the
                    // sentence's start (28 → 8 M instructions on 2 MB, a fortieth of the writer).
                    let skipped = UTF8Scalars.skippingASCIIWords(bytes, from: byte, to: min(bytes.count, byte + sentence.start - scalars))
                    (scalars, byte) = (scalars + skipped - byte, skipped)
                    guard scalars < sentence.start else { break }
                    byte += 1
                    while byte < bytes.count && bytes[byte] & 0xC0 == 0x80 { byte += 1 }
                    scalars += 1
                }
                offsets.append(byte)
            }
            return offsets
        }
    }

    /// Inserts `count` rows, ``WriterStatements/rowsPerStatement`` to a statement of `batch` and
    /// the rest one by one with `single`: `bindRow` binds row `n` at `slot` (0 in `single`).
    static func insert(_ count: Int, with batch: BoundInsert, else single: BoundInsert,
                       _ bindRow: (_ statement: BoundInsert, _ slot: Int, _ n: Int) -> Void) throws {
        let perStatement = WriterStatements.rowsPerStatement
        let batched = count - count % perStatement
        for n in 0..<count {
            if n < batched {
                bindRow(batch, n % perStatement, n)
                if n % perStatement == perStatement - 1 { try batch.step() }
            } else {
                bindRow(single, 0, n)
                try single.step()
            }
        }
    }

    /// A full cache swept: the entries used two or more times since the last sweep stay (the busy
    /// ones: "China" is in every other article), each with one use so that it needs one more to
    /// stay next time, and the long tail goes; everything goes when the busy entries alone would
    /// fill half of `limit`. (Emptying the caches instead cost the writer a quarter more per word
    /// at 100 MB than at 10 MB.)
    static func swept<Key, Value>(_ cache: [Key: CacheEntry<Value>], limit: Int) -> [Key: CacheEntry<Value>] {
        let busy = cache.filter { $0.value.uses >= 2 }
        guard busy.count < limit / 2 else { return [:] }
        return busy.mapValues { CacheEntry(value: $0.value, uses: 1) }
    }

    /// The row id of an entity of the document being written (``upsert(_:)`` cached it).
    func entityID(_ key: String) -> Int64? {
        documentEntityIDs[key] ?? entities[key]?.value.id
    }

    mutating func upsert(_ entity: ResolvedEntity) throws -> Int64 {
        // One hash of the key for a known entity: its use is counted through the slot found.
        let slot = entities.index(forKey: entity.key)
        let cached = slot.map { entities.values[$0] }
        let uses = (cached?.uses ?? 0) + 1
        if let slot, let cached, cached.value.row.merged(with: entity) == cached.value.row {
            entities.values[slot].uses = uses
            return cached.value.id
        }
        let lastRowID = db.lastInsertedRowID
        try statements.entity.run(
            entity.key, entity.name, entity.type.rawValue, entity.subtype, entity.country, entity.countrySource?.rawValue,
            entity.region, entity.reference, entity.latitude, entity.longitude, entity.admin1)
        // A new row holds what was bound: SQLite moves the last inserted row id only when the
        // upsert inserts (its update leaves it). Should a new row's id equal the one before (an
        // insert into another table), the look-up below reads it back all the same.
        let newRowID = db.lastInsertedRowID
        if newRowID != lastRowID {
            let row = EntityRow(name: entity.name, subtype: entity.subtype, countrySource: entity.countrySource?.rawValue,
                                region: entity.region, admin1: entity.admin1, reference: entity.reference)
            entities[entity.key] = CacheEntry(value: (newRowID, row), uses: uses)
            return newRowID
        }
        guard let (id, row) = try statements.entityByKey.runReturning(entity.key, read: { r in
                (r.integer(0), EntityRow(name: r.text(1) ?? "", subtype: r.text(2), countrySource: r.text(3),
                                         region: r.text(4), admin1: r.text(5), reference: r.text(6)))
            }) else { throw GazetteError.database(path: "", reason: "entity upsert returned no row for \(entity.key)") }
        entities[entity.key] = CacheEntry(value: (id, row), uses: uses)
        return id
    }

    mutating func writeFacts(_ facts: [Fact], documentID: Int64, sentenceIDs: [Int64]) throws {
        // Evidence rows after their relationships, in the facts' order, several to a statement.
        var evidence: [(relationshipID: Int64, sentenceID: Int64, fact: Int)] = []
        for (index, fact) in facts.enumerated() {
            guard var subject = entityID(fact.subject), var object = entityID(fact.object),
                  sentenceIDs.indices.contains(fact.sentence), subject != object else { continue }
            // A symmetric fact is stored once, with the smaller entity key as subject.
            if fact.predicate.isSymmetric && fact.object < fact.subject { swap(&subject, &object) }
            let identity = RelationshipIdentity(subject: subject, predicate: fact.predicate, object: object,
                                                attributes: DocumentWriter.json(fact.attributes))
            let known = relationshipIDs[identity]
            let predicate = fact.predicate.rawValue
            // A new row gets the confidence of this evidence alone, which most keep.
            let single = Confidence.single(fact.rulePrecision)
            var inserted = false
            let id: Int64
            if let knownID = known?.value {
                id = knownID
            } else if let newID = try statements.relationship.runInsertingRowID(subject, predicate, object, identity.attributes, single) {
                (id, inserted) = (newID, true)
            } else if let storedID = try statements.relationshipID.runReturningID(subject, predicate, object, identity.attributes) {
                id = storedID
            } else {
                continue
            }
            relationshipIDs[identity] = CacheEntry(value: id, uses: (known?.uses ?? 0) + 1)
            evidence.append((id, sentenceIDs[fact.sentence], index))
            let n = Int(id - firstNewRelationship)
            if n >= 0, n < DocumentWriter.confidenceTallyLimit, !touchedRelationships.contains(id) {
                if n >= newRelationships.count {
                    newRelationships.append(contentsOf: repeatElement(ConfidenceTally(), count: n + 1 - newRelationships.count))
                }
                if inserted { newRelationships[n].written = single }
                newRelationships[n].add(document: documentID, precision: fact.rulePrecision)
            } else {
                touchedRelationships.insert(id)
            }
        }
        try DocumentWriter.insert(evidence.count, with: statements.factEvidences, else: statements.factEvidence) { statement, slot, n in
            let row = evidence[n]
            let fact = facts[row.fact]
            statement.bind(row: slot, columns: 7, row.relationshipID, documentID, row.sentenceID, fact.matchStart, fact.matchEnd,
                           fact.rule, fact.rulePrecision)
        }
    }

    mutating func writeEvents(_ events: [Event], documentID: Int64, sentenceIDs: [Int64]) throws {
        for event in events {
            guard sentenceIDs.indices.contains(event.sentence) else { continue }
            let placeID = event.place.flatMap { entityID($0) }
            let id: Int64
            // The event's date as stored, which its participant rows repeat (`gazette show`).
            let dateStart: String?
            if let same = try sameEvent(event, placeID: placeID) {
                // Another report of an event already known: one event, one more evidence row.
                (id, dateStart) = same
            } else {
                let key = [event.type.rawValue, event.dateStart?.iso ?? "", event.dateEnd?.iso ?? "", event.place ?? ""]
                    .joined(separator: "|")
                let start = event.dateStart?.iso
                if let new = try statements.event.runInsertingRowID(
                    key, event.type.rawValue, start, event.dateEnd?.iso, event.precision?.rawValue, placeID) {
                    (id, dateStart) = (new, start)
                    try remember(id: new, event, placeID: placeID)
                } else if let known = try statements.eventByKey.runReturning(key, read: { row in (row.integer(0), row.text(1)) }) {
                    // The stored date, should the key name an event whose date a report made more precise.
                    (id, dateStart) = known
                } else {
                    continue
                }
            }
            for participant in event.participants {
                guard let entityID = entityID(participant.entity) else { continue }
                try statements.participant.run(id, entityID, participant.role.rawValue, dateStart)
            }
            for evidence in event.evidence where sentenceIDs.indices.contains(evidence.sentence) {
                try statements.eventEvidence.run(id, documentID, sentenceIDs[evidence.sentence], evidence.matchStart,
                                       evidence.matchEnd, evidence.rule)
            }
        }
    }

    /// An event of another document that this one reports again: same type and place, and dates
    /// that agree (one a prefix of the other, or the same range), with its date after this report.
    /// The more precise date is kept, in the event and in its participant rows.
    mutating func sameEvent(_ event: Event, placeID: Int64?) throws -> (id: Int64, dateStart: String?)? {
        guard let start = event.dateStart?.iso else { return nil }
        let candidates = DocumentWriter.equalDates(agreeingWith: start)
        let found: (id: Int64, known: String, knownEnd: String?)?
        if let loadedEvents {
            found = loadedEvents.agreeing(type: event.type.rawValue, placeID: placeID, start: start, candidates: candidates)
                .map { ($0.id, $0.dateStart ?? "", $0.dateEnd) }
        } else {
            if sameEventQuery == nil { sameEventQuery = try BoundInsert(db, sql: WriterStatements.sameEventSQL) }
            // One row always (an aggregate); NULL `min(id)` when no event agrees.
            found = try sameEventQuery?.runReturning(
                event.type.rawValue, placeID, candidates[0], candidates[1], candidates[2], start,
                read: { row in row.isNull(0) ? nil : (row.integer(0), row.text(1) ?? "", row.text(2)) }) ?? nil
        }
        guard let (id, known, knownEnd) = found else { return nil }
        if start.count > known.count || (event.dateEnd != nil && knownEnd == nil) {
            try statements.eventDate.run(start, event.dateEnd?.iso, event.precision?.rawValue, id)
            try statements.participantDate.run(start, id)
            loadedEvents?.setDates(id: id, dateStart: start, dateEnd: event.dateEnd?.iso)
            return (id, start)
        }
        return (id, known)
    }

    /// The stored start dates equal to which agree with `start`: itself and its last two prefixes
    /// ("2020", "2020-05" of "2020-05-12"), always three (`start` repeated); dates extending it
    /// (from start + "-" up to start + ".", the next character) agree too, by a range.
    static func equalDates(agreeingWith start: String) -> [String] {
        let prefixes = start.utf8.indices.filter { start.utf8[$0] == UInt8(ascii: "-") }.map { String(start[..<$0]) }
        var candidates = Array(prefixes.suffix(2)) + [start]
        while candidates.count < 3 { candidates.append(start) }
        return candidates
    }

    /// Keeps a new event in ``loadedEvents``; past ``loadedEventsLimit`` builds `event_identity`
    /// now (a sort of the events so far) and lets SQL find events from then on.
    mutating func remember(id: Int64, _ event: Event, placeID: Int64?) throws {
        guard loadedEvents != nil else { return }
        loadedEvents?.add(id: id, type: event.type.rawValue, placeID: placeID, dateStart: event.dateStart?.iso,
                          dateEnd: event.dateEnd?.iso)
        guard let count = loadedEvents?.count, count >= loadedEventsLimit else { return }
        if let n = deferredIndexes.firstIndex(where: { $0.name == "event_identity" }) {
            try db.execute(sql: deferredIndexes[n].sql)
            deferredIndexes.remove(at: n)
        }
        loadedEvents = nil
    }

    /// Removes a document and everything only it supported.
    mutating func delete(documentID: Int64) throws {
        // A load that rebuilds the full-text index has written no row for this document (and
        // the rebuild reads only what is stored when it runs). The builder has been given its
        // sentences, whose ids the next document may take again: the rebuild does the index.
        if let fullText {
            fullText.discard(db)
            self.fullText = nil
        }
        if !rebuildsFullText {
            try flushFTS()
            // External-content FTS rows must be removed with their old text, before that text is gone.
            try db.execute(sql: """
                INSERT INTO sentence_fts(sentence_fts, rowid, text)
                SELECT 'delete', id, text FROM sentence_text WHERE document_id = ?
                """, arguments: [documentID])
        }
        let affected = try Int64.fetchAll(db, sql: "SELECT DISTINCT relationship_id FROM fact_evidence WHERE document_id = ?",
                                          arguments: [documentID])
        for row in try Row.fetchAll(db, sql: "SELECT entity_id, count(*) AS n FROM mention WHERE document_id = ? GROUP BY entity_id",
                                    arguments: [documentID]) {
            statsChanges[row["entity_id"], default: EntityStatsChange()].add(mentions: -(row["n"] as Int), documents: -1)
        }
        for row in try Row.fetchAll(db, sql: "SELECT entity_id, alias FROM entity_alias WHERE document_id = ?",
                                    arguments: [documentID]) {
            aliasChanges[AliasCountKey(entityID: row[0], alias: row[1]), default: 0] -= 1
        }
        // A relationship of this transaction that loses evidence is recomputed from what is left.
        for id in affected {
            let n = Int(id - firstNewRelationship)
            if n >= 0, n < newRelationships.count { newRelationships[n] = ConfidenceTally() }
        }
        touchedRelationships.formUnion(affected)
        try db.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [documentID])
        removedSomething = true
        nextSentenceID = try DocumentWriter.nextRowID(db, table: "sentence")
    }

    /// Tables whose secondary indexes a first import builds after loading, not row by row.
    /// `event` too: a first import finds events again in ``LoadedEvents``, not through
    /// `event_identity`. The UNIQUE constraints the upserts need are automatic indexes and stay.
    static let bulkLoadedTables = ["mention", "entity_alias", "entity_alias_count", "fact_evidence", "event", "event_evidence",
                                   "event_participant", "entity", "relationship"]

    /// For a load into an empty knowledge base, the bulk-loaded tables' secondary indexes are
    /// dropped, and returned for ``finish()`` to create again (from the same SQL) before the commit:
    /// one sort per index instead of a B-tree insert per row into pages spread over the file.
    /// Readers never see the difference; a rollback restores them with everything else.
    ///
    /// Kept: the indexes whose first column is `document_id`. Documents get ascending ids and
    /// their rows are written one document after the other, so those indexes only grow at their
    /// right edge, whose pages stay cached: an append per row costs about what its share of a
    /// sort would (2 MB: the writer's load +98 M instructions, its end −90 M), and is paid while
    /// the extraction threads keep the other core busy, where the sort ran at the end of the
    /// import with that core idle.
    static func deferIndexes(_ db: Database) throws -> [(name: String, sql: String)] {
        let tables = DocumentWriter.bulkLoadedTables.map { "'\($0)'" }.joined(separator: ", ")
        let indexes: [(name: String, sql: String)] = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (\(tables))
              AND (SELECT name FROM pragma_index_info(sqlite_master.name) WHERE seqno = 0) IS NOT 'document_id'
            ORDER BY name
            """).map { ($0["name"], $0["sql"]) }
        for index in indexes { try db.execute(sql: "DROP INDEX \"\(index.name)\"") }
        return indexes
    }

    /// Removes orphans and recomputes confidences; called once before the commit.
    mutating func finish() throws {
        // The builder indexes the stored sentences while this thread sorts the deferred indexes.
        fullText?.close()
        try flushFTS()
        // Before the index sorts: the alias index is built over these rows, not updated row by row.
        try writeAliasChanges()
        // The loaded pages go to the WAL (a first import: to the file) now, not committed, so
        // that the smaller cache frees them for the index sorts instead of holding both. Should
        // SQLite refuse (busy), the pages stay cached until the commit writes them: memory, not
        // correctness.
        if let connection = db.sqliteConnection { _ = sqlite3_db_cacheflush(connection) }
        try db.execute(sql: DocumentWriter.sortingSettings)
        if fullText == nil && rebuildsFullText { try rebuildFullText() }
        for index in deferredIndexes { try db.execute(sql: index.sql) }
        deferredIndexes = []
        // After the sorts, which the builder's index overlaps. Should the builder have
        // failed (its scratch file could not be written, say), the rebuild makes the same index
        // from the stored sentences; it starts by emptying what a failed copy left.
        if let fullText {
            do {
                try fullText.finish()
                try fullText.copy(into: db)
            } catch {
                try rebuildFullText()
            }
        }
        try db.execute(sql: DocumentWriter.restingSettings)
        // Before the orphans go: an entity left without mentions then takes its counts with it.
        try writeStatsChanges()
        if removedSomething {
            try db.execute(sql: """
                DELETE FROM entity_alias_count WHERE documents <= 0;
                DELETE FROM relationship WHERE NOT EXISTS (SELECT 1 FROM fact_evidence WHERE relationship_id = relationship.id);
                DELETE FROM event WHERE NOT EXISTS (SELECT 1 FROM event_evidence WHERE event_id = event.id);
                DELETE FROM entity WHERE NOT EXISTS (SELECT 1 FROM mention WHERE entity_id = entity.id)
                  AND NOT EXISTS (SELECT 1 FROM relationship WHERE subject_id = entity.id OR object_id = entity.id);
                """)
        }
        try updateConfidences()
        try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('tool_version', ?), ('last_import', ?)",
                       arguments: [Store.toolVersion, DocumentWriter.now()])
        #if DEBUG
        // What release builds trust after a load without foreign-key checks, the tests verify.
        if !checksForeignKeys, let dangling = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") {
            preconditionFailure("a load without foreign-key checks wrote a dangling reference: \(dangling)")
        }
        #endif
    }

    /// FTS5's in-memory index while ``rebuildFullText()`` runs: 16 MiB, not FTS5's 1 MiB. FTS5
    /// writes a segment whenever its in-memory index fills and merges segments as they pile up;
    /// sixteen times fewer segments meant less merging (the rebuild of 100 MB of text: 2.95 →
    /// 2.16 s; 32 MiB was no faster and 64 MiB put the peak memory 60 MB up). It runs after
    /// ``sortingSettings`` have shrunk the page cache to 8 MiB, so the two do not add up (peak
    /// 34 MB for the rebuild alone against 77 MB with the 48 MiB cache, 5 % slower).
    static let rebuildHashBytes = 16 << 20

    /// Indexes every stored sentence at once (``rebuildsFullText``), then sets FTS5's
    /// `hashsize` back to its default for the row-by-row inserts of later imports.
    mutating func rebuildFullText() throws {
        try db.execute(sql: "INSERT INTO sentence_fts(sentence_fts, rank) VALUES ('hashsize', \(DocumentWriter.rebuildHashBytes))")
        try db.execute(sql: "INSERT INTO sentence_fts(sentence_fts) VALUES ('rebuild')")
        try db.execute(sql: "INSERT INTO sentence_fts(sentence_fts, rank) VALUES ('hashsize', 1048576)")
    }

    /// Writes the confidence of every relationship this transaction made (``newRelationships``,
    /// folded in memory) whose row does not hold it already (``ConfidenceTally/written``), then recomputes that of every older one that gained or lost evidence, in one
    /// statement: ``Confidence/combine(_:)`` as an SQL aggregate over the best rule precision of
    /// each supporting document. (A query and an update per relationship was 84,000 instructions
    /// each, serial at the end of every import.) A relationship left without evidence keeps its
    /// value; the orphan sweep has removed it.
    ///
    /// The ids go in as one JSON array (`json_each`), not through a temporary table: a connection
    /// with a temporary table could not switch `temp_store` in the next batch's transaction.
    mutating func updateConfidences() throws {
        if !newRelationships.isEmpty {
            let update = try BoundInsert(db, sql: "UPDATE relationship SET confidence = ? WHERE id = ?")
            for n in newRelationships.indices where !newRelationships[n].isEmpty {
                let confidence = newRelationships[n].confidence
                guard confidence != newRelationships[n].written else { continue }
                try update.run(confidence, firstNewRelationship + Int64(n))
            }
            newRelationships = []
        }
        guard !touchedRelationships.isEmpty else { return }
        let ids = "[" + touchedRelationships.sorted().map(String.init).joined(separator: ",") + "]"
        try db.execute(sql: """
            UPDATE relationship SET confidence = coalesce((
                SELECT gazette_confidence(p) FROM (
                    SELECT max(rule_precision) AS p FROM fact_evidence
                    WHERE relationship_id = relationship.id GROUP BY document_id)), confidence)
            WHERE id IN (SELECT value FROM json_each(?))
            """, arguments: [ids])
        touchedRelationships = []
    }

    /// Adds this transaction's changes to `entity_stats`.
    mutating func writeStatsChanges() throws {
        let upsert = try BoundInsert(db, sql: """
            INSERT INTO entity_stats(entity_id, mentions, documents) VALUES (?, ?, ?)
            ON CONFLICT(entity_id) DO UPDATE SET mentions = mentions + excluded.mentions,
                                                 documents = documents + excluded.documents
            """)
        for (entityID, change) in statsChanges.sorted(by: { $0.key < $1.key }) where !change.isEmpty {
            try upsert.run(entityID, change.mentions, change.documents)
        }
        statsChanges = [:]
    }

    /// Adds the waiting alias count changes to `entity_alias_count`, in key order (rows that
    /// reach zero documents are removed by ``finish()``).
    mutating func writeAliasChanges() throws {
        guard !aliasChanges.isEmpty else { return }
        let upsert = try BoundInsert(db, sql: """
            INSERT INTO entity_alias_count(entity_id, alias, documents) VALUES (?, ?, ?)
            ON CONFLICT(entity_id, alias) DO UPDATE SET documents = documents + excluded.documents
            """)
        let sorted = aliasChanges.sorted { $0.key.entityID != $1.key.entityID ? $0.key.entityID < $1.key.entityID : $0.key.alias < $1.key.alias }
        for (key, change) in sorted where change != 0 {
            try upsert.run(key.entityID, key.alias, change)
        }
        aliasChanges = [:]
    }

    /// The row id SQLite gives the next row of `table` (one of the writer's tables, named in code):
    /// one more than the largest.
    static func nextRowID(_ db: Database, table: String) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) + 1 FROM \(table)") ?? 1
    }

    /// Writes the waiting full-text rows in one burst.
    mutating func flushFTS() throws {
        guard !pendingFTS.isEmpty else { return }
        for row in pendingFTS {
            try statements.sentenceText.run(row.id, row.text)
        }
        pendingFTS.removeAll(keepingCapacity: true)
        pendingFTSBytes = 0
    }

    static func json(_ attributes: [String: String]) -> String {
        guard !attributes.isEmpty else { return "{}" }
        if attributes.count == 1, let (key, value) = attributes.first, isPlainJSON(key), isPlainJSON(value) {
            return "{\"" + key + "\":\"" + value + "\"}"
        }
        guard let data = try? JSONSerialization.data(withJSONObject: attributes, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Whether `text` goes into a JSON string as it is: printable ASCII without the quote, the
    /// backslash and the slash (which `JSONSerialization` escapes). A fact's attributes are
    /// mostly one such pair (`{"role":"mayor"}`), which ``json(_:)`` then writes itself:
    /// `JSONSerialization` took about 35,000 instructions for it.
    static func isPlainJSON(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") && $0 != UInt8(ascii: "/") }
    }

    static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }
}

/// A row the writer remembers, and how often it used it since its cache was last swept.
struct CacheEntry<Value> {
    var value: Value
    var uses: Int32
}

/// What makes a relationship row unique (its UNIQUE constraint), as the writer caches it.
struct RelationshipIdentity: Hashable {
    var subject: Int64
    /// The case, not its name: an enum hashes its case number, a `String` every byte.
    var predicate: RelationPredicate
    var object: Int64
    var attributes: String
}

/// An entity's alias, the key of `entity_alias_count`.
struct AliasCountKey: Hashable {
    var entityID: Int64
    var alias: String
}

/// How one entity's `entity_stats` counts change in a transaction.
struct EntityStatsChange {
    var mentions = 0
    var documents = 0

    var isEmpty: Bool { mentions == 0 && documents == 0 }

    mutating func add(mentions: Int, documents: Int) {
        self.mentions += mentions
        self.documents += documents
    }
}

/// What decides whether another document's view of an entity can change its row, under the
/// upsert's rules: the name (the smallest wins unless the entity has a reference), which of the
/// columns that are only ever filled are filled, and the rank of its country's source. Kept small:
/// the writer holds one per entity of the transaction.
struct EntityRow: Equatable {
    var name: String
    var hasReference: Bool
    var hasSubtype: Bool
    var hasRegion: Bool
    var hasAdmin1: Bool
    var countryRank: Int8

    init(name: String, subtype: String?, countrySource: String?, region: String?, admin1: String?, reference: String?) {
        self.name = name
        hasReference = reference != nil
        hasSubtype = subtype != nil
        hasRegion = region != nil
        hasAdmin1 = admin1 != nil
        countryRank = countrySource.flatMap(CountrySource.init(rawValue:))?.rank ?? 0
    }

    /// The row after the entity upsert with `entity`: the same rules as its `ON CONFLICT` clause
    /// (names compare as SQLite compares text, byte by byte).
    func merged(with entity: ResolvedEntity) -> EntityRow {
        var out = self
        out.hasAdmin1 = hasAdmin1 || entity.admin1 != nil
        if !hasReference, EntityRow.bytesPrecede(entity.name, name) { out.name = entity.name }
        out.hasSubtype = hasSubtype || entity.subtype != nil
        let rank = entity.countrySource?.rank ?? 0
        if rank > countryRank {
            out.countryRank = rank
            out.hasRegion = entity.region != nil
        } else {
            out.hasRegion = hasRegion || entity.region != nil
        }
        return out
    }

    /// Whether `a`'s UTF-8 bytes sort before `b`'s, as SQLite's `BINARY` collation orders text:
    /// `memcmp` on the strings' bytes in place. `utf8.lexicographicallyPrecedes` walked both
    /// views generically, 1,350 instructions a comparison (8 M of the writer's 985 M on 2 MB).
    static func bytesPrecede(_ a: String, _ b: String) -> Bool {
        let inPlace = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Bool in
                let common = min(x.count, y.count)
                guard common > 0, let px = x.baseAddress, let py = y.baseAddress else { return x.count < y.count }
                let order = memcmp(px, py, common)
                return order < 0 || (order == 0 && x.count < y.count)
            }
        }
        return (inPlace ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
