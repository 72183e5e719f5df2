"""The schema, as an ordered list of migrations.

MIGRATIONS[n] takes a database from user_version n to n + 1. Never edit a migration that has
shipped: append a new one, and add a fixture built at the old version to tests/data/schemas/.
"""

from __future__ import annotations

V1 = """
CREATE TABLE person (
    id            INTEGER PRIMARY KEY,
    full_name     TEXT NOT NULL,
    given_name    TEXT,
    family_name   TEXT,
    email         TEXT,
    company       TEXT,
    title         TEXT,
    phone         TEXT,
    linkedin_url  TEXT,
    notes         TEXT NOT NULL DEFAULT '',
    is_sample     INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX person_email ON person (lower(email)) WHERE email IS NOT NULL;
CREATE INDEX person_sort ON person (full_name COLLATE NOCASE);

CREATE TABLE event (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    starts_at   TEXT NOT NULL,            -- UTC, ISO 8601
    ends_at     TEXT NOT NULL CHECK (ends_at > starts_at),
    timezone    TEXT NOT NULL,            -- IANA name, e.g. Europe/Lisbon
    venue       TEXT NOT NULL DEFAULT '',
    url         TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',
    is_sample   INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX event_start ON event (starts_at);

CREATE TABLE goal (
    id            INTEGER PRIMARY KEY,
    event_id      INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    text          TEXT NOT NULL,
    network_type  TEXT NOT NULL CHECK (network_type IN ('operational', 'personal', 'strategic')),
    target_count  INTEGER NOT NULL DEFAULT 1 CHECK (target_count >= 0),
    keywords      TEXT NOT NULL DEFAULT '[]',   -- JSON arrays of strings
    roles         TEXT NOT NULL DEFAULT '[]',
    companies     TEXT NOT NULL DEFAULT '[]',
    priority      INTEGER NOT NULL DEFAULT 0,
    position      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX goal_event ON goal (event_id, position);

CREATE TABLE attendance (
    id              INTEGER PRIMARY KEY,
    event_id        INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    person_id       INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    role            TEXT NOT NULL DEFAULT 'attendee',
    tier            TEXT NOT NULL DEFAULT 'nice-to-meet',
    status          TEXT NOT NULL DEFAULT 'to-meet'
                    CHECK (status IN ('to-meet', 'met', 'skipped')),
    research_notes  TEXT NOT NULL DEFAULT '',
    talking_points  TEXT NOT NULL DEFAULT '',
    offer           TEXT NOT NULL DEFAULT '',
    ask             TEXT NOT NULL DEFAULT '',
    UNIQUE (event_id, person_id)
);
CREATE INDEX attendance_person ON attendance (person_id);

CREATE TABLE attendance_goal (
    attendance_id  INTEGER NOT NULL REFERENCES attendance (id) ON DELETE CASCADE,
    goal_id        INTEGER NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
    PRIMARY KEY (attendance_id, goal_id)
) WITHOUT ROWID;
CREATE INDEX attendance_goal_goal ON attendance_goal (goal_id);

CREATE TABLE checklist_item (
    id               INTEGER PRIMARY KEY,
    event_id         INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    text             TEXT NOT NULL,
    due_offset_days  INTEGER NOT NULL DEFAULT 0,
    done             INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
    position         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX checklist_event ON checklist_item (event_id, position);

CREATE TABLE interaction (
    id           INTEGER PRIMARY KEY,
    occurred_at  TEXT NOT NULL,          -- UTC, ISO 8601
    timezone     TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('in-person', 'call', 'email', 'message')),
    place        TEXT NOT NULL DEFAULT '',
    notes        TEXT NOT NULL DEFAULT '',
    event_id     INTEGER REFERENCES event (id) ON DELETE SET NULL
);
CREATE INDEX interaction_event ON interaction (event_id);

CREATE TABLE interaction_person (
    interaction_id  INTEGER NOT NULL REFERENCES interaction (id) ON DELETE CASCADE,
    person_id       INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    PRIMARY KEY (interaction_id, person_id)
) WITHOUT ROWID;
CREATE INDEX interaction_person_person ON interaction_person (person_id);

CREATE TABLE follow_up (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    event_id    INTEGER REFERENCES event (id) ON DELETE SET NULL,
    due         TEXT NOT NULL,           -- ISO date
    action      TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'done', 'snoozed', 'cancelled')),
    uid         TEXT NOT NULL UNIQUE,    -- calendar UID, stable across re-exports
    sequence    INTEGER NOT NULL DEFAULT 0,
    notes       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX follow_up_due ON follow_up (status, due);
CREATE INDEX follow_up_event ON follow_up (event_id);
CREATE INDEX follow_up_person ON follow_up (person_id);

CREATE TABLE app_state (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
"""

# Checklists that can go to a calendar, generated from an editable routine.
V2 = """
ALTER TABLE checklist_item ADD COLUMN uid TEXT;
ALTER TABLE checklist_item ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE checklist_item ADD COLUMN template_key TEXT;
UPDATE checklist_item
    SET uid = lower(hex(randomblob(16))) || '@networking-planner.local' WHERE uid IS NULL;
CREATE UNIQUE INDEX checklist_uid ON checklist_item (uid);

-- Set once an event's checklist was filled from the routine, so deleting items is final.
ALTER TABLE event ADD COLUMN checklist_generated INTEGER NOT NULL DEFAULT 0;
UPDATE event SET checklist_generated = 1
    WHERE EXISTS (SELECT 1 FROM checklist_item c WHERE c.event_id = event.id);

CREATE TABLE checklist_template (
    id           INTEGER PRIMARY KEY,
    key          TEXT NOT NULL UNIQUE,
    phase        TEXT NOT NULL,
    text         TEXT NOT NULL CHECK (length(trim(text)) > 0),
    offset_days  INTEGER NOT NULL,
    position     INTEGER NOT NULL DEFAULT 0,
    enabled      INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1))
);
"""

# Attendee import: the column choices remembered per header layout, and the rows that looked
# like someone already known but not surely, waiting for the user to say.
V3 = """
CREATE TABLE import_mapping (
    signature   TEXT PRIMARY KEY,     -- header_signature() of the file's headers
    mapping     TEXT NOT NULL,        -- JSON object: column index (as text) -> field name
    headers     TEXT NOT NULL,        -- JSON array of the headers, as the file had them
    updated_at  TEXT NOT NULL
);

CREATE TABLE import_review (
    id                  INTEGER PRIMARY KEY,
    event_id            INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    source              TEXT NOT NULL,         -- the file name the row came from
    line                INTEGER NOT NULL,      -- where the row starts in that file
    new_person_id       INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    existing_person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    score               REAL NOT NULL CHECK (score BETWEEN 0 AND 100),
    created_at          TEXT NOT NULL,
    CHECK (new_person_id != existing_person_id)
);
CREATE INDEX import_review_event ON import_review (event_id, id);
CREATE INDEX import_review_new ON import_review (new_person_id);
CREATE INDEX import_review_existing ON import_review (existing_person_id);
"""

# The sample's people found at once: the app asks whether any are left when it starts and after
# every change, which read every person (10 ms for 143,000 people; now 0.02 ms).
V4 = """
CREATE INDEX person_sample ON person (id) WHERE is_sample;
"""

# When an import last wrote a person's values, as long as nobody has edited the person since
# (an edit sets it back to NULL): only then may an import replace values that changed in the
# file (a new job title). Until this version nobody could edit a person by hand, so every
# person outside the sample holds what imports wrote.
V5 = """
ALTER TABLE person ADD COLUMN imported_at TEXT;
UPDATE person SET imported_at = updated_at WHERE NOT is_sample;
"""

# Pairs of people the user has said are not the same person, so the search for duplicates in
# the network stops proposing them (first_id < second_id; gone with either person).
V6 = """
CREATE TABLE not_duplicate (
    first_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    second_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    PRIMARY KEY (first_id, second_id),
    CHECK (first_id < second_id)
) WITHOUT ROWID;
CREATE INDEX not_duplicate_second ON not_duplicate (second_id);
"""

# Whom to meet. An attendance's tier is now the one the user pinned (NULL: the ranking suggests
# one from the score), and "skip" is a tier; the old `tier` column is no longer read (a user's
# must and should are carried over as pins; nice to meet was the default, so it is not).
# How far the research on each attendee has gone. Tags and links on people. A full-text index
# over people (name, company, title, tags, notes, email) kept by triggers, folding case and
# accents, for searching as one types; its rows are people's ids.
V7 = """
ALTER TABLE attendance ADD COLUMN pinned_tier TEXT
    CHECK (pinned_tier IN ('must-meet', 'should-meet', 'nice-to-meet', 'skip'));
UPDATE attendance SET pinned_tier = tier WHERE tier IN ('must-meet', 'should-meet');
ALTER TABLE attendance ADD COLUMN research_status TEXT NOT NULL DEFAULT 'not-started'
    CHECK (research_status IN ('not-started', 'in-progress', 'done'));

CREATE TABLE person_tag (
    person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    tag        TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(tag)) > 0),
    PRIMARY KEY (person_id, tag)
) WITHOUT ROWID;
CREATE INDEX person_tag_tag ON person_tag (tag);

CREATE TABLE person_link (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    label      TEXT NOT NULL DEFAULT '',
    url        TEXT NOT NULL CHECK (url LIKE 'http://%' OR url LIKE 'https://%'),
    position   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX person_link_person ON person_link (person_id, position);

CREATE VIRTUAL TABLE person_search USING fts5(
    full_name, company, title, tags, notes, email,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
INSERT INTO person_search (rowid, full_name, company, title, tags, notes, email)
    SELECT id, full_name, coalesce(company, ''), coalesce(title, ''), '', notes,
           coalesce(email, '')
    FROM person;

CREATE TRIGGER person_search_insert AFTER INSERT ON person BEGIN
    INSERT INTO person_search (rowid, full_name, company, title, tags, notes, email)
    VALUES (new.id, new.full_name, coalesce(new.company, ''), coalesce(new.title, ''),
            coalesce((SELECT group_concat(tag, ' ') FROM person_tag WHERE person_id = new.id), ''),
            new.notes, coalesce(new.email, ''));
END;
CREATE TRIGGER person_search_update
AFTER UPDATE OF full_name, company, title, notes, email ON person BEGIN
    UPDATE person_search
    SET full_name = new.full_name, company = coalesce(new.company, ''),
        title = coalesce(new.title, ''), notes = new.notes, email = coalesce(new.email, '')
    WHERE rowid = new.id;
END;
CREATE TRIGGER person_search_delete AFTER DELETE ON person BEGIN
    DELETE FROM person_search WHERE rowid = old.id;
END;
CREATE TRIGGER person_search_tag_insert AFTER INSERT ON person_tag BEGIN
    UPDATE person_search
    SET tags = (SELECT group_concat(tag, ' ') FROM person_tag WHERE person_id = new.person_id)
    WHERE rowid = new.person_id;
END;
CREATE TRIGGER person_search_tag_delete AFTER DELETE ON person_tag BEGIN
    UPDATE person_search
    SET tags = coalesce(
        (SELECT group_concat(tag, ' ') FROM person_tag WHERE person_id = old.person_id), '')
    WHERE rowid = old.person_id;
END;
"""

MIGRATIONS: tuple[str, ...] = (V1, V2, V3, V4, V5, V6, V7)
SCHEMA_VERSION = len(MIGRATIONS)
