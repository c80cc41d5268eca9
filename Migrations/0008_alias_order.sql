-- What a large import writes fastest. `entity_alias` was clustered by entity (primary key
-- entity_id, document_id, alias): each document's aliases went to as many places in a table of
-- 35 MB at 100 MB of text, which SQLite's 16 MiB page cache cannot hold, so the writer's cost per
-- word grew with the file. Clustered by document, an import appends to its end; the primary key
-- also serves what `entity_alias_document` did (a document's rows, for its removal), and
-- `entity_alias_entity` (0006) keeps serving the look-ups by entity.
--
-- Copied through a scratch table rather than renamed, so that the views naming `entity_alias`
-- (0002) never name a missing table.
CREATE TABLE entity_alias_copy AS SELECT entity_id, document_id, alias FROM entity_alias;
DROP TABLE entity_alias;
CREATE TABLE entity_alias (
    entity_id   INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    alias       TEXT NOT NULL,
    PRIMARY KEY (document_id, entity_id, alias)
) WITHOUT ROWID;
INSERT INTO entity_alias(entity_id, document_id, alias)
SELECT entity_id, document_id, alias FROM entity_alias_copy ORDER BY document_id, entity_id, alias;
DROP TABLE entity_alias_copy;
CREATE INDEX entity_alias_alias ON entity_alias(alias COLLATE NOCASE);
CREATE INDEX entity_alias_entity ON entity_alias(entity_id, alias);
