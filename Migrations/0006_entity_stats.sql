-- Per-entity counts the importer keeps up to date, so that `gazette show` on an entity with a
-- hundred thousand mentions does not count them on every call (DocumentWriter adds a document's
-- counts when it writes it and takes them away when it replaces or removes it).
CREATE TABLE entity_stats (
    entity_id INTEGER PRIMARY KEY REFERENCES entity(id) ON DELETE CASCADE,
    mentions  INTEGER NOT NULL,   -- its rows in mention
    documents INTEGER NOT NULL    -- the distinct documents of those mentions
);

INSERT INTO entity_stats(entity_id, mentions, documents)
SELECT entity_id, count(*), count(DISTINCT document_id) FROM mention GROUP BY entity_id;
