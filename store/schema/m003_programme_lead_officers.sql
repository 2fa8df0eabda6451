-- A work-programme topic can have several lead officers ("TR/KG" in the fixture).
CREATE TABLE work_programme_leads (
    id INTEGER PRIMARY KEY,
    work_programme_item_id INTEGER NOT NULL REFERENCES work_programme_items(id) ON DELETE CASCADE,
    officer_id INTEGER NOT NULL REFERENCES officers(id),
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (work_programme_item_id, officer_id)
) STRICT;
CREATE INDEX agenda_items_programme ON agenda_items(work_programme_item_id);
CREATE INDEX actions_programme ON actions(work_programme_item_id);
