-- Who attended, who came and went, who else was there and what interests were declared are
-- part of the signed minutes: once a meeting's minutes are confirmed the database refuses to
-- change them, as m002 refuses the minutes' text. The lock is "the meeting has a confirmed
-- minute" (a status m002 locks), not meetings.status: a meeting reaches 'minutes-confirmed'
-- with no minutes in clerk (confirmed elsewhere), and its attendance can still be filled in.
--
-- Each table refuses an INSERT for a confirmed meeting, an UPDATE from or to one, a DELETE
-- from one, and an INSERT OR REPLACE (or UPDATE OR REPLACE) whose id is a locked row's: a
-- REPLACE deletes the old row without DELETE triggers on a connection without PRAGMA
-- recursive_triggers, which is every SQLite client but clerk's own.

-- attendance ---------------------------------------------------------------------------
CREATE TRIGGER attendance_confirmed_no_insert BEFORE INSERT ON attendance
WHEN EXISTS (SELECT 1 FROM minutes WHERE meeting_id = NEW.meeting_id AND status = 'confirmed')
  OR EXISTS (SELECT 1 FROM attendance a JOIN minutes n ON n.meeting_id = a.meeting_id
             WHERE a.id = NEW.id AND n.status = 'confirmed')
BEGIN
    SELECT RAISE(ABORT, 'confirmed minutes cannot be changed: attendance is part of the signed record');
END;

CREATE TRIGGER attendance_confirmed_no_update BEFORE UPDATE ON attendance
WHEN EXISTS (SELECT 1 FROM minutes WHERE meeting_id = OLD.meeting_id AND status = 'confirmed')
  OR EXISTS (SELECT 1 FROM minutes WHERE meeting_id = NEW.meeting_id AND status = 'confirmed')
  OR (NEW.id IS NOT OLD.id AND EXISTS (SELECT 1 FROM attendance a JOIN minutes n ON n.meeting_id = a.meeting_id
                                       WHERE a.id = NEW.id AND n.status = 'confirmed'))
BEGIN
    SELECT RAISE(ABORT, 'confirmed minutes cannot be changed: attendance is part of the signed record');
END;

CREATE TRIGGER attendance_confirmed_no_delete BEFORE DELETE ON attendance
WHEN EXISTS (SELECT 1 FROM minutes WHERE meeting_id = OLD.meeting_id AND status = 'confirmed')
BEGIN
    SELECT RAISE(ABORT, 'confirmed minutes cannot be changed: attendance is part of the signed record');
END;

-- others present ("In attendance:") ------------------------------------------------------
CREATE TRIGGER others_present_confirmed_no_insert BEFORE INSERT ON others_present
WHEN EXISTS (SELECT 1 FROM minutes WHERE meeting_id = NEW.meeting_id AND status = 'confirmed')
  OR EXISTS (SELECT 1 FROM others_present o JOIN minutes n ON n.meeting_id = o.meeting_id
             WHERE o.id = NEW.id AND n.status = 'confirmed')
BEGIN
    SELECT RAISE(ABORT, 'confirmed minutes cannot be changed: attendance is part of the signed record');
END;

CREATE TRIGGER others_present_confirmed_no_update BEFORE UPDATE ON others_present
WHEN EXISTS (SELECT 1 FROM minutes WHERE meeting_id = OLD.meeting_id AND status = 'confirmed')
  OR EXISTS (SELECT 1 FROM minutes WHERE meeting_id = NEW.meeting_id AND status = 'confirmed')
  OR (NEW.id IS NOT OLD.id AND EXISTS (SELECT 1 FROM others_present o JOIN minutes n ON n.meeting_id = o.meeting_id
                                       WHERE o.id = NEW.id AND n.status = 'confirmed'))
BEGIN
    SELECT RAISE(ABORT, 'confirmed minutes cannot be changed: attendance is part of the signed record');
END;

CREATE TRIGGER others_present_confirmed_no_delete BEFORE DELETE ON others_present
WHEN EXISTS (SELECT 1 FROM minutes WHERE meeting_id = OLD.meeting_id AND status = 'confirmed')
BEGIN
    SELECT RAISE(ABORT, 'confirmed minutes cannot be changed: attendance is part of the signed record');
END;

-- arrivals and departures ------------------------------------------------------------------
CREATE TRIGGER movements_confirmed_no_insert BEFORE INSERT ON movements
WHEN EXISTS (SELECT 1 FROM minutes WHERE meeting_id = NEW.meeting_id AND status = 'confirmed')
  OR EXISTS (SELECT 1 FROM movements v JOIN minutes n ON n.meeting_id = v.meeting_id
             WHERE v.id = NEW.id AND n.status = 'confirmed')
BEGIN
    SELECT RAISE(ABORT, 'confirmed minutes cannot be changed: attendance is part of the signed record');
END;

CREATE TRIGGER movements_confirmed_no_update BEFORE UPDATE ON movements
WHEN EXISTS (SELECT 1 FROM minutes WHERE meeting_id = OLD.meeting_id AND status = 'confirmed')
  OR EXISTS (SELECT 1 FROM minutes WHERE meeting_id = NEW.meeting_id AND status = 'confirmed')
  OR (NEW.id IS NOT OLD.id AND EXISTS (SELECT 1 FROM movements v JOIN minutes n ON n.meeting_id = v.meeting_id
                                       WHERE v.id = NEW.id AND n.status = 'confirmed'))
BEGIN
    SELECT RAISE(ABORT, 'confirmed minutes cannot be changed: attendance is part of the signed record');
END;

CREATE TRIGGER movements_confirmed_no_delete BEFORE DELETE ON movements
WHEN EXISTS (SELECT 1 FROM minutes WHERE meeting_id = OLD.meeting_id AND status = 'confirmed')
BEGIN
    SELECT RAISE(ABORT, 'confirmed minutes cannot be changed: attendance is part of the signed record');
END;

-- declarations of interest ------------------------------------------------------------------
-- interest_id only points at the register entry the declaration was taken from: removing that
-- entry from the register (store/interests.py) clears it, and the declaration keeps its words.
CREATE TRIGGER declarations_confirmed_no_insert BEFORE INSERT ON declarations
WHEN EXISTS (SELECT 1 FROM minutes WHERE meeting_id = NEW.meeting_id AND status = 'confirmed')
  OR EXISTS (SELECT 1 FROM declarations d JOIN minutes n ON n.meeting_id = d.meeting_id
             WHERE d.id = NEW.id AND n.status = 'confirmed')
BEGIN
    SELECT RAISE(ABORT, 'confirmed minutes cannot be changed: declarations of interest are part of the signed record');
END;

CREATE TRIGGER declarations_confirmed_no_update
BEFORE UPDATE OF id, meeting_id, person_id, agenda_item_id, position, category, nature, action ON declarations
WHEN EXISTS (SELECT 1 FROM minutes WHERE meeting_id = OLD.meeting_id AND status = 'confirmed')
  OR EXISTS (SELECT 1 FROM minutes WHERE meeting_id = NEW.meeting_id AND status = 'confirmed')
  OR (NEW.id IS NOT OLD.id AND EXISTS (SELECT 1 FROM declarations d JOIN minutes n ON n.meeting_id = d.meeting_id
                                       WHERE d.id = NEW.id AND n.status = 'confirmed'))
BEGIN
    SELECT RAISE(ABORT, 'confirmed minutes cannot be changed: declarations of interest are part of the signed record');
END;

CREATE TRIGGER declarations_confirmed_no_delete BEFORE DELETE ON declarations
WHEN EXISTS (SELECT 1 FROM minutes WHERE meeting_id = OLD.meeting_id AND status = 'confirmed')
BEGIN
    SELECT RAISE(ABORT, 'confirmed minutes cannot be changed: declarations of interest are part of the signed record');
END;

-- REPLACE over the minutes, resolutions and amendments m002 locks ----------------------------
-- A new row (or a draft's new id or number) that clashes with a confirmed minute would have
-- the REPLACE delete the confirmed one; a plain INSERT or UPDATE is refused by the clash anyway.
CREATE TRIGGER minutes_confirmed_not_replaced BEFORE INSERT ON minutes
WHEN EXISTS (SELECT 1 FROM minutes WHERE id = NEW.id AND status = 'confirmed')
  OR EXISTS (SELECT 1 FROM minutes WHERE committee_id = NEW.committee_id AND municipal_year = NEW.municipal_year
             AND number = NEW.number AND status = 'confirmed')
BEGIN
    SELECT RAISE(ABORT, 'confirmed minutes cannot be replaced; record an amendment instead');
END;

CREATE TRIGGER minutes_confirmed_not_replaced_by_update
BEFORE UPDATE OF id, committee_id, municipal_year, number ON minutes
WHEN (NEW.id IS NOT OLD.id AND EXISTS (SELECT 1 FROM minutes WHERE id = NEW.id AND status = 'confirmed'))
  OR EXISTS (SELECT 1 FROM minutes WHERE committee_id = NEW.committee_id AND municipal_year = NEW.municipal_year
             AND number = NEW.number AND status = 'confirmed' AND id IS NOT OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'confirmed minutes cannot be replaced; record an amendment instead');
END;

CREATE TRIGGER resolutions_confirmed_not_replaced BEFORE INSERT ON resolutions
WHEN EXISTS (SELECT 1 FROM resolutions r JOIN minutes n ON n.id = r.minute_id
             WHERE r.id = NEW.id AND n.status = 'confirmed')
BEGIN
    SELECT RAISE(ABORT, 'confirmed minutes cannot be replaced; record an amendment instead');
END;

CREATE TRIGGER resolutions_confirmed_not_replaced_by_update BEFORE UPDATE OF id ON resolutions
WHEN NEW.id IS NOT OLD.id AND EXISTS (SELECT 1 FROM resolutions r JOIN minutes n ON n.id = r.minute_id
                                      WHERE r.id = NEW.id AND n.status = 'confirmed')
BEGIN
    SELECT RAISE(ABORT, 'confirmed minutes cannot be replaced; record an amendment instead');
END;

CREATE TRIGGER amendments_not_replaced BEFORE INSERT ON amendments
WHEN EXISTS (SELECT 1 FROM amendments WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'amendments are a permanent record');
END;
