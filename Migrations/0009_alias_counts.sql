-- Every distinct name of an entity once, with the number of documents that gave it.
--
-- `entity_alias` has a row per (entity, document, alias): at 100 MB of text 1.3 million rows for
-- 124,000 distinct (entity, alias) pairs. Every look-up by name and every alias list wants the
-- distinct pairs, and the two indexes that served them (`entity_alias_alias`,
-- `entity_alias_entity`) were the largest sorts of a first import: 2.0 s of the 3.9 s its
-- deferred indexes took, serial at the end of the import while the extraction threads sit idle.
-- The writer keeps `documents` up to date (added and removed documents, counted in memory and
-- written at the end of the transaction), so `entity_alias` itself is only appended to and read
-- by document: the provenance of each alias, and what a replaced document takes away.
CREATE TABLE entity_alias_count (
    entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    documents INTEGER NOT NULL,   -- rows of entity_alias with this entity and alias
    PRIMARY KEY (entity_id, alias)
) WITHOUT ROWID;
INSERT INTO entity_alias_count(entity_id, alias, documents)
SELECT entity_id, alias, count(*) FROM entity_alias GROUP BY entity_id, alias;
CREATE INDEX entity_alias_count_alias ON entity_alias_count(alias COLLATE NOCASE);
DROP INDEX entity_alias_alias;
DROP INDEX entity_alias_entity;

-- The same view as 0002, reading the distinct aliases from the new table.
DROP VIEW entity_summary;
CREATE VIEW entity_summary AS
SELECT entity.name, entity.type, entity.subtype, entity.country, entity.country_source, entity.region,
       (SELECT json_group_array(alias) FROM (
            SELECT alias FROM entity_alias_count
            WHERE entity_alias_count.entity_id = entity.id AND alias <> entity.name ORDER BY alias)) AS aliases,
       (SELECT json_group_array(name) FROM (
            SELECT DISTINCT document.name FROM mention JOIN document ON document.id = mention.document_id
            WHERE mention.entity_id = entity.id ORDER BY document.name)) AS documents,
       (SELECT count(*) FROM mention WHERE mention.entity_id = entity.id) AS mentions,
       entity.key, entity.reference, entity.latitude, entity.longitude, entity.id AS entity_id
FROM entity;
