-- Confirmed minutes are a legal record: the database itself refuses to change them.
CREATE TRIGGER minutes_confirmed_locked BEFORE UPDATE ON minutes
WHEN OLD.status = 'confirmed'
BEGIN
    SELECT RAISE(ABORT, 'confirmed minutes cannot be changed; record an amendment instead');
END;

CREATE TRIGGER minutes_confirmed_kept BEFORE DELETE ON minutes
WHEN OLD.status = 'confirmed'
BEGIN
    SELECT RAISE(ABORT, 'confirmed minutes cannot be deleted');
END;

CREATE TRIGGER resolutions_confirmed_no_insert BEFORE INSERT ON resolutions
WHEN (SELECT status FROM minutes WHERE id = NEW.minute_id) = 'confirmed'
BEGIN
    SELECT RAISE(ABORT, 'confirmed minutes cannot be changed; record an amendment instead');
END;

CREATE TRIGGER resolutions_confirmed_no_update BEFORE UPDATE ON resolutions
WHEN (SELECT status FROM minutes WHERE id = OLD.minute_id) = 'confirmed'
  OR (SELECT status FROM minutes WHERE id = NEW.minute_id) = 'confirmed'
BEGIN
    SELECT RAISE(ABORT, 'confirmed minutes cannot be changed; record an amendment instead');
END;

CREATE TRIGGER resolutions_confirmed_no_delete BEFORE DELETE ON resolutions
WHEN (SELECT status FROM minutes WHERE id = OLD.minute_id) = 'confirmed'
BEGIN
    SELECT RAISE(ABORT, 'confirmed minutes cannot be changed; record an amendment instead');
END;

CREATE TRIGGER amendments_kept BEFORE UPDATE ON amendments
BEGIN
    SELECT RAISE(ABORT, 'amendments are a permanent record');
END;

CREATE TRIGGER amendments_not_deleted BEFORE DELETE ON amendments
BEGIN
    SELECT RAISE(ABORT, 'amendments are a permanent record');
END;

CREATE INDEX agenda_items_status ON agenda_items(meeting_id, status);
CREATE INDEX minutes_year ON minutes(committee_id, municipal_year);
CREATE INDEX actions_resolution ON actions(resolution_id);
