-- Base tables of a Gazette knowledge base. Offsets (`start`, `end`) count Unicode scalars into
-- document.text, so `substr(text, start + 1, end - start)` returns the span in SQL.
-- The public interface (documents, entity_summary, facts, timeline, joint_ventures) is in 0002.

-- Key/value facts about the file itself: schema version, the tool that wrote it, attribution.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- One imported document, its normalized text and its metadata.
CREATE TABLE document (
    id          INTEGER PRIMARY KEY,
    source_key  TEXT NOT NULL UNIQUE,   -- where it came from: a path, or path#line for JSONL, or a URL
    name        TEXT NOT NULL,          -- file name (or JSONL title/url), as documents.name shows it
    title       TEXT,
    published   TEXT,                   -- ISO date as precise as known: 2017-11-17, 2020-03, 2020
    dateline    TEXT,                   -- dateline city, e.g. Panjin
    source      TEXT,                   -- publisher or wire, e.g. PR Newswire
    url         TEXT,
    language    TEXT NOT NULL,          -- en, de
    sha256      TEXT NOT NULL,          -- of the normalized text
    text        TEXT NOT NULL,          -- normalized text (NFC, boilerplate removed)
    word_count  INTEGER NOT NULL,
    imported_at TEXT NOT NULL
);
CREATE INDEX document_sha256 ON document(sha256);

-- One sentence, as offsets into its document's text (the text is stored once).
CREATE TABLE sentence (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,       -- 0-based order in the document
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    UNIQUE (document_id, position)
);

-- The sentence text, derived; also the content table of the full-text index.
CREATE VIEW sentence_text AS
SELECT sentence.id AS id, sentence.document_id AS document_id,
       substr(document.text, sentence.start + 1, sentence."end" - sentence.start) AS text
FROM sentence JOIN document ON document.id = sentence.document_id;

-- Full-text index over sentences. Rows are written by the importer with an explicit INSERT
-- (a sync trigger costs about 8x, see docs/performance.md) and removed with the 'delete' command.
CREATE VIRTUAL TABLE sentence_fts USING fts5(
    text,
    content = 'sentence_text',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- A resolved entity, shared by all documents. `key` is derived from content (a reference id such
-- as geonames:2035715 or iso:DE, or type:normalized-name), never from import order.
CREATE TABLE entity (
    id             INTEGER PRIMARY KEY,
    key            TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,       -- canonical, English where one exists
    type           TEXT NOT NULL,       -- organization, person, place, zone, facility, program, product
    subtype        TEXT,
    country        TEXT,                -- English country name
    country_source TEXT,                -- text, reference, rule
    region         TEXT,                -- continent-level region of the entity or of its country
    reference      TEXT,                -- reference-data id: geonames:ID, iso:CC, admin1:CC.NN, org:NAME
    latitude       REAL,
    longitude      REAL
);
CREATE INDEX entity_name ON entity(name COLLATE NOCASE);

-- Every surface form an entity was seen under in a document, and the rule that linked it.
CREATE TABLE entity_alias (
    entity_id   INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    alias       TEXT NOT NULL,
    PRIMARY KEY (entity_id, document_id, alias)
) WITHOUT ROWID;
CREATE INDEX entity_alias_document ON entity_alias(document_id);

-- One mention of an entity in a sentence.
CREATE TABLE mention (
    id          INTEGER PRIMARY KEY,
    entity_id   INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    sentence_id INTEGER NOT NULL REFERENCES sentence(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    rule        TEXT NOT NULL           -- <lang>/<file>#<id>
);
CREATE INDEX mention_entity ON mention(entity_id);
CREATE INDEX mention_document ON mention(document_id);

-- One relationship between two entities; symmetric predicates are stored once, subject key first.
CREATE TABLE relationship (
    id          INTEGER PRIMARY KEY,
    subject_id  INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
    predicate   TEXT NOT NULL,
    object_id   INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
    attributes  TEXT NOT NULL DEFAULT '{}',   -- JSON object, e.g. {"role":"mayor"}
    confidence  REAL NOT NULL,
    UNIQUE (subject_id, predicate, object_id, attributes)
);
CREATE INDEX relationship_object ON relationship(object_id);
CREATE INDEX relationship_predicate ON relationship(predicate);

-- A sentence that supports a relationship.
CREATE TABLE fact_evidence (
    id              INTEGER PRIMARY KEY,
    relationship_id INTEGER NOT NULL REFERENCES relationship(id) ON DELETE CASCADE,
    document_id     INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    sentence_id     INTEGER NOT NULL REFERENCES sentence(id) ON DELETE CASCADE,
    match_start     INTEGER NOT NULL,   -- the matched words, for highlighting
    match_end       INTEGER NOT NULL,
    rule            TEXT NOT NULL,
    rule_precision  REAL NOT NULL       -- measured precision of the rule when it fired
);
CREATE INDEX fact_evidence_relationship ON fact_evidence(relationship_id);
CREATE INDEX fact_evidence_document ON fact_evidence(document_id);

-- One event; several reports of the same event share it through event_evidence.
CREATE TABLE event (
    id             INTEGER PRIMARY KEY,
    key            TEXT NOT NULL UNIQUE, -- type|date|place: derived from content
    type           TEXT NOT NULL,        -- visit, meeting, agreement, membership, launch, investment, exhibition
    date_start     TEXT,
    date_end       TEXT,
    date_precision TEXT,                 -- day, month, year, range
    place_id       INTEGER REFERENCES entity(id) ON DELETE SET NULL
);
CREATE INDEX event_date ON event(date_start);

CREATE TABLE event_participant (
    event_id  INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
    role      TEXT NOT NULL,             -- actor, target, host
    PRIMARY KEY (event_id, entity_id, role)
) WITHOUT ROWID;
CREATE INDEX event_participant_entity ON event_participant(entity_id);

CREATE TABLE event_evidence (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    sentence_id INTEGER NOT NULL REFERENCES sentence(id) ON DELETE CASCADE,
    match_start INTEGER NOT NULL,
    match_end   INTEGER NOT NULL,
    rule        TEXT NOT NULL
);
CREATE INDEX event_evidence_event ON event_evidence(event_id);
CREATE INDEX event_evidence_document ON event_evidence(document_id);
