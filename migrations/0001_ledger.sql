-- The forecast ledger: questions, owners, forecasts, resolution events, document provenance and
-- the tamper-evident journal. Instants are milliseconds since 1970-01-01 UTC (`*_ms`); the text a
-- person or a document gave is kept beside them (`made_on`, `resolved_on`) with its precision.
-- Forecasts and resolutions are append-only: a correction is a new row, never an edit.

CREATE TABLE owners (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0)
);

CREATE TABLE questions (
    id            INTEGER PRIMARY KEY,
    claim         TEXT NOT NULL CHECK (length(trim(claim)) > 0),
    -- The day by which it resolves; a document may name none.
    deadline      TEXT CHECK (deadline IS NULL OR deadline GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    -- For windows such as "in three to five years": the thing is not expected before this day.
    earliest      TEXT CHECK (earliest IS NULL OR earliest GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    -- When the question opened (its first forecast, or the source tracker's open time).
    opened_at_ms  INTEGER NOT NULL,
    -- The question's identity in another tracker ('predictionbook:123'), for idempotent imports.
    external_ref  TEXT,
    recorded_at   TEXT NOT NULL
);
-- Unique where given; partial, so that questions without one cost no index entry.
CREATE UNIQUE INDEX questions_by_external_ref ON questions(external_ref) WHERE external_ref IS NOT NULL;
CREATE INDEX questions_by_deadline ON questions(deadline);
CREATE INDEX questions_by_claim ON questions(claim, deadline);

CREATE TABLE question_tags (
    question_id INTEGER NOT NULL REFERENCES questions(id),
    tag         TEXT NOT NULL CHECK (length(trim(tag)) > 0),
    PRIMARY KEY (question_id, tag)
) WITHOUT ROWID;
CREATE INDEX question_tags_by_tag ON question_tags(tag, question_id);

CREATE TABLE forecasts (
    id               INTEGER PRIMARY KEY,
    question_id      INTEGER NOT NULL REFERENCES questions(id),
    owner_id         INTEGER NOT NULL REFERENCES owners(id),
    probability      REAL NOT NULL CHECK (probability BETWEEN 0 AND 1),
    -- A stated range ("10 - 20%") keeps both ends; probability is its midpoint.
    probability_low  REAL CHECK (probability_low IS NULL OR probability_low BETWEEN 0 AND probability),
    probability_high REAL CHECK (probability_high IS NULL OR probability_high BETWEEN probability AND 1),
    -- numeric: a number was stated; verbal: read from words ("highly likely").
    basis            TEXT NOT NULL DEFAULT 'numeric' CHECK (basis IN ('numeric', 'verbal')),
    made_on          TEXT NOT NULL CHECK (made_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]*'),
    made_at_ms       INTEGER NOT NULL,
    note             TEXT,
    external_ref     TEXT,
    recorded_at      TEXT NOT NULL
);
-- Unique where given (a tracker's forecast), as for questions.
CREATE UNIQUE INDEX forecasts_by_external_ref ON forecasts(external_ref) WHERE external_ref IS NOT NULL;
CREATE INDEX forecasts_by_question ON forecasts(question_id, owner_id, made_at_ms);

CREATE TABLE resolutions (
    id           INTEGER PRIMARY KEY,
    question_id  INTEGER NOT NULL REFERENCES questions(id),
    -- Spelled with OR: SQLite builds a temporary table per row to check an IN list of three or more.
    outcome      TEXT NOT NULL CHECK (outcome = 'yes' OR outcome = 'no' OR outcome = 'ambiguous' OR outcome = 'annulled'),
    resolved_on  TEXT NOT NULL CHECK (resolved_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]*'),
    -- For a bare day, its last millisecond: forecasts made that day still count.
    resolved_at_ms INTEGER NOT NULL,
    note         TEXT,
    recorded_at  TEXT NOT NULL
);
CREATE INDEX resolutions_by_question ON resolutions(question_id, id);

-- The outcome in force: the latest resolution event of each question.
CREATE VIEW current_resolutions AS
SELECT r.*
FROM resolutions r
WHERE r.id = (SELECT max(latest.id) FROM resolutions latest WHERE latest.question_id = r.question_id);

-- A document forecasts were extracted from, known by its content so that a re-import adds nothing.
CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    path          TEXT NOT NULL,
    sha256        TEXT UNIQUE,
    recorded_at   TEXT NOT NULL
);

-- Provenance: the exact quote a forecast was read from. One forecast may have several sources.
CREATE TABLE forecast_sources (
    forecast_id  INTEGER NOT NULL REFERENCES forecasts(id),
    document_id  INTEGER NOT NULL REFERENCES documents(id),
    quote        TEXT NOT NULL,
    line         INTEGER CHECK (line IS NULL OR line > 0),
    PRIMARY KEY (forecast_id, document_id)
) WITHOUT ROWID;
CREATE INDEX forecast_sources_by_document ON forecast_sources(document_id);

-- The hash chain: one entry per recorded event, in the order they were recorded. Each hash is
-- SHA-256 of the previous entry's hash and the event's canonical content, so changing, removing
-- or reordering any earlier event changes every hash after it.
CREATE TABLE journal (
    seq        INTEGER PRIMARY KEY,
    -- Spelled with OR: SQLite builds a temporary table per row to check an IN list of three or more.
    kind       TEXT NOT NULL CHECK (kind = 'question' OR kind = 'forecast' OR kind = 'resolution' OR kind = 'source'),
    -- The row the event recorded: its id, or for a source the forecast id (with document_id).
    entity_id  INTEGER NOT NULL,
    document_id INTEGER,
    hash       BLOB NOT NULL CHECK (length(hash) = 32)
);
-- No index: entries are only appended, and read in order by verify, which looks rows up in the
-- journal in one pass per kind. An index would cost every recorded event an entry.

-- Append-only: history is corrected by new events, never by editing old ones.
CREATE TRIGGER forecasts_are_append_only_update BEFORE UPDATE ON forecasts
BEGIN SELECT RAISE(ABORT, 'forecasts are append-only: record a new forecast instead'); END;
CREATE TRIGGER forecasts_are_append_only_delete BEFORE DELETE ON forecasts
BEGIN SELECT RAISE(ABORT, 'forecasts are append-only: record a new forecast instead'); END;
CREATE TRIGGER resolutions_are_append_only_update BEFORE UPDATE ON resolutions
BEGIN SELECT RAISE(ABORT, 'resolutions are append-only: resolve again to correct an outcome'); END;
CREATE TRIGGER resolutions_are_append_only_delete BEFORE DELETE ON resolutions
BEGIN SELECT RAISE(ABORT, 'resolutions are append-only: resolve again to correct an outcome'); END;
CREATE TRIGGER journal_is_append_only_update BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER journal_is_append_only_delete BEFORE DELETE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
