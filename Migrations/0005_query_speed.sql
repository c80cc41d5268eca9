-- Indexes the query layer's lookups need so that a question on a large knowledge base reads index
-- ranges, not tables (`gazette jv`, `show`, `query … within`).

-- "Lies within" walks down from a container to what is located_in/part_of/headquartered_in it:
-- with the predicate and the subject in the index, a busy place (a country is the object of
-- thousands of facts) no longer costs a table read per fact. Replaces relationship_object.
DROP INDEX relationship_object;
CREATE INDEX relationship_object ON relationship(object_id, predicate, subject_id);

-- The reference hierarchy of "lies within" keeps only the entity types a chain can pass through
-- (places and zones for a place): the type in the index answers that without reading the row.
DROP INDEX entity_country;
CREATE INDEX entity_country ON entity(country, type);
DROP INDEX entity_region;
CREATE INDEX entity_region ON entity(region, type);
DROP INDEX entity_admin1;
CREATE INDEX entity_admin1 ON entity(admin1, type);

-- `gazette jv --region Europe` lists a region's firms by name: one index range in the order shown,
-- so the first rows come without sorting every joint venture.
CREATE INDEX entity_region_name ON entity(region COLLATE NOCASE, name COLLATE NOCASE);

-- An entity's events as the place where they happened (`gazette show`).
CREATE INDEX event_place ON event(place_id);

-- A fact's evidence in document order with its sentence, from the index alone: `jv` and `query`
-- pick and cut their rows on it before reading any document. Replaces fact_evidence_relationship.
DROP INDEX fact_evidence_relationship;
CREATE INDEX fact_evidence_relationship ON fact_evidence(relationship_id, document_id, match_start, sentence_id);

-- An entity's mentions by document: `show` lists its first documents and mentions from the
-- index alone (its counts are kept in entity_stats, migration 0006). Replaces mention_entity.
DROP INDEX mention_entity;
CREATE INDEX mention_entity ON mention(entity_id, document_id);
