-- Covering indexes for placing search hits: searching orders every match by its meeting's date
-- and its minute's number (and filters on exempt), and reading those from the minutes' rows
-- themselves means one page of minute text per match. store/search.py names them (INDEXED BY).
CREATE INDEX IF NOT EXISTS minutes_placing ON minutes(id, meeting_id, number, agenda_item_id, exempt_paragraph);
CREATE INDEX IF NOT EXISTS resolutions_placing ON resolutions(id, minute_id);
