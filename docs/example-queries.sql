-- Example queries on a Gazette knowledge base, for the sqlite3 shell, Datasette or any SQLite client:
--   sqlite3 -readonly -box gazette.db < docs/example-queries.sql
-- Each statement reads only the public views (documents, entity_summary, facts, timeline,
-- joint_ventures) and the self-describing tables (queries, schema_doc, meta).
-- scripts/clients/check_clients.sh runs every statement on the seeds' database.

-- Which European firms have joint ventures in which place? (the headline question)
SELECT DISTINCT firm, firm_country, place FROM joint_ventures WHERE firm_region = 'Europe' ORDER BY place, firm;

-- German organizations, and where their country came from (text, reference data or a rule).
SELECT name, subtype, country_source, mentions FROM entity_summary
WHERE type = 'organization' AND country = 'Germany' ORDER BY name;

-- Who holds which position, with the sentence that says so.
SELECT subject AS person, json_extract(attributes, '$.role') AS role, object AS organization_or_place, sentence
FROM facts WHERE predicate = 'holds_position' ORDER BY person;

-- Friendship cities of Shenyang: symmetric facts are stored once, so read both directions.
SELECT DISTINCT CASE WHEN subject = 'Shenyang' THEN object ELSE subject END AS partner
FROM facts WHERE predicate = 'friendship_city_of' AND 'Shenyang' IN (subject, object) ORDER BY partner;

-- Who is in talks with whom (planned cooperation, never counted as a joint venture).
SELECT DISTINCT subject, object, document FROM facts WHERE predicate = 'in_talks_with' ORDER BY subject, object;

-- Events of 2023, oldest first, with their participants (a JSON array).
SELECT date_start, event_type, place, participants FROM timeline
WHERE date_start LIKE '2023%' GROUP BY event_id ORDER BY date_start;

-- Every alias of every organization (JSON arrays unnest with json_each).
SELECT entity_summary.name, alias.value AS alias
FROM entity_summary, json_each(entity_summary.aliases) AS alias
WHERE entity_summary.type = 'organization' ORDER BY entity_summary.name, alias.value;

-- Facts supported by more than one sentence, most supported first.
SELECT fact_id, subject, predicate, object, count(*) AS sentences, max(confidence) AS confidence
FROM facts GROUP BY fact_id HAVING count(*) > 1 ORDER BY sentences DESC, fact_id;

-- Everything located in Liaoning, following located_in/part_of facts transitively.
WITH RECURSIVE inside(name) AS (
  SELECT 'Liaoning'
  UNION
  SELECT facts.subject FROM facts JOIN inside ON facts.object = inside.name
  WHERE facts.predicate IN ('located_in', 'part_of', 'headquartered_in')
)
SELECT name FROM inside ORDER BY name;

-- Places with coordinates, for a map.
SELECT name, country, latitude, longitude FROM entity_summary
WHERE type = 'place' AND latitude IS NOT NULL ORDER BY name;

-- The named questions stored in the file (gazette ask, Datasette canned queries).
SELECT name, title, parameters FROM queries ORDER BY name;

-- What a view's columns hold.
SELECT column_name, description FROM schema_doc WHERE object = 'facts' AND column_name <> '' ORDER BY column_name;

-- Which Gazette wrote this file, and the reference data's attribution.
SELECT key, value FROM meta WHERE key IN ('schema_version', 'tool_version', 'reference_attribution') ORDER BY key;
