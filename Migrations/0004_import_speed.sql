-- Indexes the importer's own lookups need so that its cost stays linear in the corpus size.

-- Another report of an event already known is found by type, place and a date that is a prefix
-- or an extension of its own (DocumentWriter.sameEvent): index ranges, not a scan of every event.
CREATE INDEX event_identity ON event(type, place_id, date_start);
