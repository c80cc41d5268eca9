-- The public SQL interface of shared/knowledge-model.md: five names every database has.
-- JSON columns are JSON arrays built with json_group_array, never comma-joined text.

CREATE VIEW documents AS
SELECT name, title, published, dateline, source, language, sha256,
       url, word_count, source_key, id AS document_id
FROM document;

CREATE VIEW entity_summary AS
SELECT entity.name, entity.type, entity.subtype, entity.country, entity.country_source, entity.region,
       (SELECT json_group_array(alias) FROM (
            SELECT DISTINCT alias FROM entity_alias
            WHERE entity_alias.entity_id = entity.id AND alias <> entity.name ORDER BY alias)) AS aliases,
       (SELECT json_group_array(name) FROM (
            SELECT DISTINCT document.name FROM mention JOIN document ON document.id = mention.document_id
            WHERE mention.entity_id = entity.id ORDER BY document.name)) AS documents,
       (SELECT count(*) FROM mention WHERE mention.entity_id = entity.id) AS mentions,
       entity.key, entity.reference, entity.latitude, entity.longitude, entity.id AS entity_id
FROM entity;

CREATE VIEW facts AS
SELECT relationship.id AS fact_id,
       subject.name AS subject, relationship.predicate, object.name AS object,
       relationship.attributes, relationship.confidence,
       document.name AS document,
       substr(document.text, sentence.start + 1, sentence."end" - sentence.start) AS sentence,
       sentence.start, sentence."end", fact_evidence.rule,
       subject.type AS subject_type, object.type AS object_type
FROM relationship
JOIN entity AS subject ON subject.id = relationship.subject_id
JOIN entity AS object ON object.id = relationship.object_id
JOIN fact_evidence ON fact_evidence.relationship_id = relationship.id
JOIN document ON document.id = fact_evidence.document_id
JOIN sentence ON sentence.id = fact_evidence.sentence_id;

CREATE VIEW timeline AS
SELECT event.id AS event_id, event.type AS event_type,
       event.date_start, event.date_end, event.date_precision,
       place.name AS place,
       (SELECT json_group_array(json_object('name', participant.name, 'role', event_participant.role))
          FROM event_participant JOIN entity AS participant ON participant.id = event_participant.entity_id
         WHERE event_participant.event_id = event.id) AS participants,
       document.name AS document,
       substr(document.text, sentence.start + 1, sentence."end" - sentence.start) AS sentence,
       sentence.start, sentence."end", event_evidence.rule
FROM event
LEFT JOIN entity AS place ON place.id = event.place_id
JOIN event_evidence ON event_evidence.event_id = event.id
JOIN document ON document.id = event_evidence.document_id
JOIN sentence ON sentence.id = event_evidence.sentence_id;

CREATE VIEW joint_ventures AS
SELECT firm.name AS firm, firm.country AS firm_country, firm.region AS firm_region,
       place.name AS place, place.country AS place_country,
       document.name AS document,
       substr(document.text, sentence.start + 1, sentence."end" - sentence.start) AS sentence,
       relationship.confidence, relationship.id AS fact_id
FROM relationship
JOIN entity AS firm ON firm.id = relationship.subject_id
JOIN entity AS place ON place.id = relationship.object_id
JOIN fact_evidence ON fact_evidence.relationship_id = relationship.id
JOIN document ON document.id = fact_evidence.document_id
JOIN sentence ON sentence.id = fact_evidence.sentence_id
WHERE relationship.predicate = 'has_joint_venture_in';
