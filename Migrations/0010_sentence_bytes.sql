-- Each sentence's offsets in bytes as well as in characters, so that a sentence is cut out of its
-- document in constant time.
--
-- `substr()` over TEXT counts characters from the start of the document for every row: reading
-- every sentence through `sentence_text` (what FTS5's `rebuild` does at the end of a first import)
-- took 0.86 s at 100 MB of text, of which the character counting was most; over the bytes, 0.31 s.
-- The character offsets (`start`, `end`) stay what the public views show; `byte_start` and
-- `byte_end` are the same span in bytes of the UTF-8 text, written by the importer. Filling them
-- for an older file counts characters once per sentence: about 8 s, once, for 100 MB of text.
ALTER TABLE sentence ADD COLUMN byte_start INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sentence ADD COLUMN byte_end INTEGER NOT NULL DEFAULT 0;
UPDATE sentence SET (byte_start, byte_end) = (
    SELECT length(CAST(substr(document.text, 1, sentence.start) AS BLOB)),
           length(CAST(substr(document.text, 1, sentence."end") AS BLOB))
    FROM document WHERE document.id = sentence.document_id);

-- The same views as 0001 and 0002, cutting the sentence by its bytes.
DROP VIEW sentence_text;
CREATE VIEW sentence_text AS
SELECT sentence.id AS id, sentence.document_id AS document_id,
       CAST(substr(CAST(document.text AS BLOB), sentence.byte_start + 1, sentence.byte_end - sentence.byte_start) AS TEXT) AS text
FROM sentence JOIN document ON document.id = sentence.document_id;

DROP VIEW facts;
CREATE VIEW facts AS
SELECT relationship.id AS fact_id,
       subject.name AS subject, relationship.predicate, object.name AS object,
       relationship.attributes, relationship.confidence,
       document.name AS document,
       CAST(substr(CAST(document.text AS BLOB), sentence.byte_start + 1, sentence.byte_end - sentence.byte_start) AS TEXT) AS sentence,
       sentence.start, sentence."end", fact_evidence.rule,
       subject.type AS subject_type, object.type AS object_type
FROM relationship
JOIN entity AS subject ON subject.id = relationship.subject_id
JOIN entity AS object ON object.id = relationship.object_id
JOIN fact_evidence ON fact_evidence.relationship_id = relationship.id
JOIN document ON document.id = fact_evidence.document_id
JOIN sentence ON sentence.id = fact_evidence.sentence_id;

DROP VIEW timeline;
CREATE VIEW timeline AS
SELECT event.id AS event_id, event.type AS event_type,
       event.date_start, event.date_end, event.date_precision,
       place.name AS place,
       (SELECT json_group_array(json_object('name', participant.name, 'role', event_participant.role))
          FROM event_participant JOIN entity AS participant ON participant.id = event_participant.entity_id
         WHERE event_participant.event_id = event.id) AS participants,
       document.name AS document,
       CAST(substr(CAST(document.text AS BLOB), sentence.byte_start + 1, sentence.byte_end - sentence.byte_start) AS TEXT) AS sentence,
       sentence.start, sentence."end", event_evidence.rule
FROM event
LEFT JOIN entity AS place ON place.id = event.place_id
JOIN event_evidence ON event_evidence.event_id = event.id
JOIN document ON document.id = event_evidence.document_id
JOIN sentence ON sentence.id = event_evidence.sentence_id;

DROP VIEW joint_ventures;
CREATE VIEW joint_ventures AS
SELECT firm.name AS firm, firm.country AS firm_country, firm.region AS firm_region,
       place.name AS place, place.country AS place_country,
       document.name AS document,
       CAST(substr(CAST(document.text AS BLOB), sentence.byte_start + 1, sentence.byte_end - sentence.byte_start) AS TEXT) AS sentence,
       relationship.confidence, relationship.id AS fact_id
FROM relationship
JOIN entity AS firm ON firm.id = relationship.subject_id
JOIN entity AS place ON place.id = relationship.object_id
JOIN fact_evidence ON fact_evidence.relationship_id = relationship.id
JOIN document ON document.id = fact_evidence.document_id
JOIN sentence ON sentence.id = fact_evidence.sentence_id
WHERE relationship.predicate = 'has_joint_venture_in';
