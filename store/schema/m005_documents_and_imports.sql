-- Documents are kept inside the database (one file holds everything), with their page count.
-- appendix_label and first_page are NULL while the agenda is being built (computed from the
-- order of items); publishing the agenda writes them, so the published pack never changes.
-- 'to-follow' is a report listed before it arrives; 'imported' is one seen in an imported pack.
CREATE TABLE documents_new (
    id INTEGER PRIMARY KEY,
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN
        ('pdf', 'markdown', 'text', 'minutes', 'work-programme', 'to-follow', 'imported')),
    appendix_label TEXT,
    first_page INTEGER CHECK (first_page >= 1),
    title TEXT NOT NULL CHECK (trim(title) <> ''),
    path TEXT,
    pages INTEGER CHECK (pages >= 0),
    content BLOB,
    sha256 TEXT,
    added_at TEXT
) STRICT;
INSERT INTO documents_new (id, agenda_item_id, position, kind, appendix_label, title, path, pages)
    SELECT id, agenda_item_id, position, kind, appendix_label, title, path, pages FROM documents;
DROP TABLE documents;
ALTER TABLE documents_new RENAME TO documents;
CREATE INDEX documents_item ON documents(agenda_item_id, position);

-- One row per file imported, so importing the same file again changes nothing.
CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    file_name TEXT NOT NULL,
    committee_id INTEGER REFERENCES committees(id),
    imported_at TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT ''
) STRICT;
