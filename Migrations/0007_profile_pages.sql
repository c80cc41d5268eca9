-- What `gazette show` needs to answer at once for the busiest entity of a large file. A fresh
-- process reads every page it touches from the file; `show China` on a 100 MB import read 2,000
-- pages and sorted 4,800 events to print the first 20.

-- The names of the entities on the other side of a busy entity's facts, to sort them: 550 subjects
-- of "located_in China" are 550 entity rows on as many pages, or a few hundred pages of this index.
CREATE INDEX entity_id_name ON entity(id, name);

-- Each participant row keeps its event's date (the writer updates it when a later report makes
-- the date more precise), so an entity's first events by date are the first entries of an index
-- range, for participants and for places alike, instead of every event read and sorted.
ALTER TABLE event_participant ADD COLUMN date_start TEXT;
UPDATE event_participant SET date_start = (SELECT date_start FROM event WHERE event.id = event_participant.event_id);
DROP INDEX event_participant_entity;
CREATE INDEX event_participant_date ON event_participant(entity_id, date_start, event_id);
DROP INDEX event_place;
CREATE INDEX event_place_date ON event(place_id, date_start);
