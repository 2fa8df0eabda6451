-- Indexes for looking up a minute or a declaration from its agenda item: search resolves every
-- agenda hit to its minute, and without them each lookup scans the whole archive's minutes.
CREATE INDEX IF NOT EXISTS minutes_agenda_item ON minutes(agenda_item_id);
CREATE INDEX IF NOT EXISTS declarations_agenda_item ON declarations(agenda_item_id);
CREATE INDEX IF NOT EXISTS resolutions_minute_only ON resolutions(minute_id);
