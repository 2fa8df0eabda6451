-- The whole data model of design.md. Later capabilities fill in behaviour, not tables.
CREATE TABLE bodies (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (trim(name) <> ''),
    website TEXT
) STRICT;

CREATE TABLE committees (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES bodies(id),
    name TEXT NOT NULL CHECK (trim(name) <> ''),
    quorum_rule TEXT NOT NULL DEFAULT 'quarter-min-3'
        CHECK (quorum_rule IN ('quarter-min-3', 'third', 'half', 'fixed')),
    quorum_number INTEGER,
    year_start_month INTEGER NOT NULL DEFAULT 5 CHECK (year_start_month BETWEEN 1 AND 12),
    year_start_day INTEGER NOT NULL DEFAULT 1 CHECK (year_start_day BETWEEN 1 AND 28),
    clear_days INTEGER NOT NULL DEFAULT 5 CHECK (clear_days BETWEEN 0 AND 30),
    holiday_region TEXT NOT NULL DEFAULT 'england-wales'
        CHECK (holiday_region IN ('england-wales', 'scotland', 'northern-ireland', 'none')),
    skip_weekends INTEGER NOT NULL DEFAULT 1 CHECK (skip_weekends IN (0, 1)),
    agenda_setting_days INTEGER CHECK (agenda_setting_days BETWEEN 1 AND 90),
    resolution_word TEXT NOT NULL DEFAULT 'AGREED',
    declaration_categories TEXT NOT NULL DEFAULT
        '["Disclosable Pecuniary Interest", "Other Disclosable Interest", "Non-registrable Interest"]',
    default_time TEXT,
    default_place TEXT,
    livestream_url TEXT,
    public_information TEXT,
    starting_minute_number INTEGER CHECK (starting_minute_number >= 1),
    starting_minute_year INTEGER,
    UNIQUE (body_id, name)
) STRICT;

CREATE TABLE standard_items (
    id INTEGER PRIMARY KEY,
    committee_id INTEGER NOT NULL REFERENCES committees(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    placement TEXT NOT NULL CHECK (placement IN ('opening', 'closing')),
    key TEXT NOT NULL,
    title TEXT NOT NULL CHECK (trim(title) <> ''),
    description TEXT,
    recommendation TEXT
) STRICT;
CREATE INDEX standard_items_committee ON standard_items(committee_id, placement, position);

CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL DEFAULT 'Councillor',
    name TEXT NOT NULL CHECK (trim(name) <> ''),
    full_name TEXT,
    party TEXT,
    email TEXT
) STRICT;

CREATE TABLE memberships (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    committee_id INTEGER NOT NULL REFERENCES committees(id),
    role TEXT NOT NULL
        CHECK (role IN ('chair', 'vice-chair', 'member', 'substitute', 'standing-invitee')),
    voting INTEGER NOT NULL DEFAULT 1 CHECK (voting IN (0, 1)),
    start_date TEXT,
    end_date TEXT,
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
) STRICT;
CREATE INDEX memberships_committee ON memberships(committee_id);
CREATE INDEX memberships_person ON memberships(person_id);

CREATE TABLE officers (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES bodies(id),
    name TEXT NOT NULL CHECK (trim(name) <> ''),
    initials TEXT,
    job_title TEXT,
    phone TEXT,
    email TEXT
) STRICT;

CREATE TABLE committee_officers (
    id INTEGER PRIMARY KEY,
    committee_id INTEGER NOT NULL REFERENCES committees(id) ON DELETE CASCADE,
    officer_id INTEGER NOT NULL REFERENCES officers(id),
    role TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (committee_id, officer_id)
) STRICT;

CREATE TABLE interests (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    category TEXT NOT NULL,
    nature TEXT NOT NULL CHECK (trim(nature) <> ''),
    registered_on TEXT,
    removed_on TEXT
) STRICT;
CREATE INDEX interests_person ON interests(person_id);

CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    committee_id INTEGER NOT NULL REFERENCES committees(id),
    date TEXT NOT NULL,
    start_time TEXT,
    place TEXT,
    livestream_url TEXT,
    status TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN
        ('scheduled', 'agenda-published', 'held', 'minutes-confirmed', 'cancelled')),
    agenda_setting_date TEXT,
    published_at TEXT,
    closed_at TEXT,
    cancelled_reason TEXT
) STRICT;
CREATE UNIQUE INDEX meetings_one_a_day ON meetings(committee_id, date) WHERE status <> 'cancelled';
CREATE INDEX meetings_date ON meetings(date);

CREATE TABLE agenda_items (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL DEFAULT 'business' CHECK (kind IN ('standard', 'business', 'urgent')),
    standard_key TEXT,
    title TEXT NOT NULL CHECK (trim(title) <> ''),
    description TEXT,
    recommendation TEXT,
    lead_officer_id INTEGER REFERENCES officers(id),
    verbal_update INTEGER NOT NULL DEFAULT 0 CHECK (verbal_update IN (0, 1)),
    exempt_paragraph INTEGER CHECK (exempt_paragraph BETWEEN 1 AND 7),
    supplementary INTEGER NOT NULL DEFAULT 0 CHECK (supplementary IN (0, 1)),
    urgency_reasons TEXT,
    work_programme_item_id INTEGER REFERENCES work_programme_items(id),
    status TEXT NOT NULL DEFAULT 'listed' CHECK (status IN ('listed', 'withdrawn', 'deferred'))
) STRICT;
CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id, position);

CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('pdf', 'markdown', 'text', 'minutes', 'work-programme')),
    appendix_label TEXT,
    title TEXT NOT NULL,
    path TEXT,
    pages INTEGER CHECK (pages >= 0)
) STRICT;
CREATE INDEX documents_item ON documents(agenda_item_id, position);

CREATE TABLE attendance (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id),
    status TEXT NOT NULL CHECK (status IN ('present', 'apologies', 'absent', 'substitute')),
    substitute_for_id INTEGER REFERENCES people(id),
    UNIQUE (meeting_id, person_id),
    CHECK (status <> 'substitute' OR substitute_for_id IS NOT NULL)
) STRICT;

CREATE TABLE others_present (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    officer_id INTEGER REFERENCES officers(id),
    name TEXT NOT NULL,
    role TEXT
) STRICT;

CREATE TABLE movements (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id),
    minute_id INTEGER REFERENCES minutes(id),
    kind TEXT NOT NULL CHECK (kind IN ('arrived', 'left', 'withdrew', 'returned')),
    at_time TEXT,
    reason TEXT
) STRICT;
CREATE INDEX movements_meeting ON movements(meeting_id);

CREATE TABLE declarations (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id),
    agenda_item_id INTEGER REFERENCES agenda_items(id),
    interest_id INTEGER REFERENCES interests(id),
    position INTEGER NOT NULL DEFAULT 0,
    category TEXT NOT NULL,
    nature TEXT NOT NULL,
    action TEXT NOT NULL DEFAULT 'remained'
        CHECK (action IN ('remained', 'withdrew', 'did-not-vote'))
) STRICT;
CREATE INDEX declarations_meeting ON declarations(meeting_id);

CREATE TABLE minutes (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    agenda_item_id INTEGER REFERENCES agenda_items(id),
    committee_id INTEGER NOT NULL REFERENCES committees(id),
    municipal_year INTEGER NOT NULL,
    position INTEGER NOT NULL,
    number INTEGER,
    title TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'confirmed')),
    exempt_paragraph INTEGER CHECK (exempt_paragraph BETWEEN 1 AND 7),
    confirmed_at TEXT
) STRICT;
CREATE UNIQUE INDEX minutes_number_once_a_year
    ON minutes(committee_id, municipal_year, number) WHERE number IS NOT NULL;
CREATE INDEX minutes_meeting ON minutes(meeting_id, position);

CREATE TABLE resolutions (
    id INTEGER PRIMARY KEY,
    minute_id INTEGER NOT NULL REFERENCES minutes(id),
    position INTEGER NOT NULL,
    text TEXT NOT NULL
) STRICT;
CREATE INDEX resolutions_minute ON resolutions(minute_id, position);

CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    committee_id INTEGER NOT NULL REFERENCES committees(id),
    resolution_id INTEGER REFERENCES resolutions(id),
    work_programme_item_id INTEGER REFERENCES work_programme_items(id),
    description TEXT NOT NULL,
    owner TEXT,
    owner_officer_id INTEGER REFERENCES officers(id),
    target_meeting_id INTEGER REFERENCES meetings(id),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
    progress TEXT
) STRICT;
CREATE INDEX actions_committee ON actions(committee_id, status);

CREATE TABLE work_programme_items (
    id INTEGER PRIMARY KEY,
    committee_id INTEGER NOT NULL REFERENCES committees(id),
    meeting_id INTEGER REFERENCES meetings(id),
    municipal_year INTEGER,
    list TEXT NOT NULL DEFAULT 'programme' CHECK (list IN ('programme', 'possible', 'watching')),
    position INTEGER NOT NULL DEFAULT 0,
    topic TEXT NOT NULL CHECK (trim(topic) <> ''),
    lead_officer_id INTEGER REFERENCES officers(id),
    actions_arising TEXT,
    progress TEXT,
    status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN
        ('proposed', 'scheduled', 'on-agenda', 'considered', 'dropped'))
) STRICT;
CREATE INDEX work_programme_committee ON work_programme_items(committee_id, meeting_id);

CREATE TABLE amendments (
    id INTEGER PRIMARY KEY,
    table_name TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    field TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    reason TEXT NOT NULL CHECK (trim(reason) <> ''),
    amended_at TEXT NOT NULL,
    amended_by TEXT
) STRICT;
CREATE INDEX amendments_row ON amendments(table_name, row_id);

CREATE TABLE ui_state (
    key TEXT PRIMARY KEY,
    value TEXT
) STRICT;
