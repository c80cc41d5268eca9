-- What `gazette show` needs to answer at once for an entity with a hundred thousand mentions.

-- Per-entity counts the importer keeps up to date, instead of counting them on every call
-- (DocumentWriter adds a document's counts when it writes it and takes them away when it
-- replaces or removes it).
CREATE TABLE entity_stats (
    entity_id INTEGER PRIMARY KEY REFERENCES entity(id) ON DELETE CASCADE,
    mentions  INTEGER NOT NULL,   -- its rows in mention
    documents INTEGER NOT NULL    -- the distinct documents of those mentions
);

INSERT INTO entity_stats(entity_id, mentions, documents)
SELECT entity_id, count(*), count(DISTINCT document_id) FROM mention GROUP BY entity_id;

-- An entity's distinct aliases, one seek each (`gazette show`): the primary key puts the document
-- before the alias, so listing them read every (document, alias) row of a busy entity.
CREATE INDEX entity_alias_entity ON entity_alias(entity_id, alias);
