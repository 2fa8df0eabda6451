-- A meeting whose minutes are confirmed is part of the signed record itself: the database
-- refuses to delete it, and to change what the signed minutes print of it, as m002 refuses
-- the minutes' text and m008 the attendance and declarations. "Confirmed" is m008's: the
-- meeting has a confirmed minute (a status m002 locks), not meetings.status.
--
-- Locked: its id, committee (the heading "Minutes of the Meeting of the …"), date and start
-- time ("Held: TUESDAY, 19 JANUARY 2021 at 5:30 pm") and closing time ("The meeting closed at
-- 8:11 pm"); store/meetings.py refuses the same changes in plain English. Cancelling it is
-- refused too: a meeting with signed minutes was held. Free: its status otherwise (the app
-- sets 'minutes-confirmed' after confirming), place, livestream, agenda-setting and
-- publication fields, which the minutes do not print.
--
-- As in m008, an INSERT OR REPLACE (or UPDATE OR REPLACE) that would delete a locked meeting
-- without DELETE triggers, by its id or by the one-meeting-a-day index, is refused.

CREATE TRIGGER IF NOT EXISTS meetings_confirmed_no_delete BEFORE DELETE ON meetings
WHEN EXISTS (SELECT 1 FROM minutes WHERE meeting_id = OLD.id AND status = 'confirmed')
BEGIN
    SELECT RAISE(ABORT, 'confirmed minutes cannot be changed: the meeting is part of the signed record');
END;

CREATE TRIGGER IF NOT EXISTS meetings_confirmed_no_update BEFORE UPDATE ON meetings
WHEN EXISTS (SELECT 1 FROM minutes WHERE meeting_id = OLD.id AND status = 'confirmed')
 AND (NEW.id IS NOT OLD.id
      OR NEW.committee_id IS NOT OLD.committee_id
      OR NEW.date IS NOT OLD.date
      OR NEW.start_time IS NOT OLD.start_time
      OR NEW.closed_at IS NOT OLD.closed_at
      OR (NEW.status = 'cancelled' AND OLD.status IS NOT 'cancelled'))
BEGIN
    SELECT RAISE(ABORT, 'confirmed minutes cannot be changed: the meeting is part of the signed record');
END;

CREATE TRIGGER IF NOT EXISTS meetings_confirmed_not_replaced BEFORE INSERT ON meetings
WHEN EXISTS (SELECT 1 FROM meetings m JOIN minutes n ON n.meeting_id = m.id
             WHERE n.status = 'confirmed'
               AND (m.id = NEW.id
                    OR (m.committee_id = NEW.committee_id AND m.date = NEW.date
                        AND m.status <> 'cancelled' AND NEW.status <> 'cancelled')))
BEGIN
    SELECT RAISE(ABORT, 'confirmed minutes cannot be changed: the meeting is part of the signed record');
END;

CREATE TRIGGER IF NOT EXISTS meetings_confirmed_not_replaced_by_update
BEFORE UPDATE OF id, committee_id, date, status ON meetings
WHEN EXISTS (SELECT 1 FROM meetings m JOIN minutes n ON n.meeting_id = m.id
             WHERE n.status = 'confirmed' AND m.id IS NOT OLD.id
               AND (m.id = NEW.id
                    OR (m.committee_id = NEW.committee_id AND m.date = NEW.date
                        AND m.status <> 'cancelled' AND NEW.status <> 'cancelled')))
BEGIN
    SELECT RAISE(ABORT, 'confirmed minutes cannot be changed: the meeting is part of the signed record');
END;
