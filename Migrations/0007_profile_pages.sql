-- Narrow copies of two columns, so that `gazette show` on a busy entity reads a few hundred index
-- pages instead of most of two tables. A fresh process reads every page it touches from the file;
-- the cost of `show China` on a 100 MB import was its page reads (2,000, nearly all of its time).

-- The names of the entities on the other side of a busy entity's facts, to sort them: 550 subjects
-- of "located_in China" are 550 entity rows on as many pages, or a few hundred pages of this index.
CREATE INDEX entity_id_name ON entity(id, name);

-- The dates of a busy entity's events, to pick the oldest: 4,800 events of China are most pages of
-- the event table, or all 250 pages of this index.
CREATE INDEX event_id_date ON event(id, date_start);
