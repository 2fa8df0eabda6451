-- The number an agenda item was published with: "10", or "10A" for an item added after
-- publication (the number of the item it follows, with a letter). The column
-- agenda_items.published_number is added by the step itself (store/migrations.py): it is NULL
-- while the agenda is being built, when items are numbered 1..n in agenda order
-- (store/appendix_layout.py). Publishing writes every item's number and an item added later
-- gets its own at once, so the numbers the public, the members and the minutes know never move
-- (as m005 keeps documents' appendix letters and first pages).
--
-- Once written, a number is never changed: the database refuses it, as m002 refuses a
-- confirmed minute's text.
CREATE TRIGGER IF NOT EXISTS agenda_items_published_number_kept
BEFORE UPDATE OF published_number ON agenda_items
WHEN OLD.published_number IS NOT NULL AND NEW.published_number IS NOT OLD.published_number
BEGIN
    SELECT RAISE(ABORT, 'a published agenda number cannot be changed: the agenda, the members and the minutes know the item by it');
END;
