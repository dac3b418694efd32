-- The forecast ledger on PostgreSQL: the same tables, constraints and rules as SQLite's
-- migrations/0001_ledger.sql (recorded under the same name, 0001_ledger), spelled for PostgreSQL.
-- Differences, each for a reason:
-- * ids are BIGINT keys that foretell fills with the highest plus one under its write lock (as
--   SQLite does for an INTEGER PRIMARY KEY), not a sequence, which would leave gaps;
-- * text is COLLATE "C" (byte order, as SQLite's BINARY), so that sorting and uniqueness do not
--   depend on the server's locale;
-- * probabilities are DOUBLE PRECISION (SQLite's REAL is 8 bytes; PostgreSQL's REAL is 4);
-- * GLOB patterns are regular expressions; append-only rules are triggers calling one function;
-- * the index on claims is a hash index, which takes a claim of any length.

CREATE TABLE owners (
    id          BIGINT PRIMARY KEY,
    name        TEXT COLLATE "C" NOT NULL UNIQUE CHECK (length(trim(name)) > 0)
);

CREATE TABLE questions (
    id            BIGINT PRIMARY KEY,
    claim         TEXT COLLATE "C" NOT NULL CHECK (length(trim(claim)) > 0),
    deadline      TEXT COLLATE "C" CHECK (deadline IS NULL OR deadline ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'),
    earliest      TEXT COLLATE "C" CHECK (earliest IS NULL OR earliest ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'),
    opened_at_ms  BIGINT NOT NULL,
    external_ref  TEXT COLLATE "C",
    recorded_at   TEXT COLLATE "C" NOT NULL
);
CREATE UNIQUE INDEX questions_by_external_ref ON questions(external_ref) WHERE external_ref IS NOT NULL;
CREATE INDEX questions_by_deadline ON questions(deadline);
-- A hash index: a B-tree entry holds at most about 2.7 kB, and a claim may be a megabyte long.
CREATE INDEX questions_by_claim ON questions USING hash (claim);

CREATE TABLE question_tags (
    question_id BIGINT NOT NULL REFERENCES questions(id),
    tag         TEXT COLLATE "C" NOT NULL CHECK (length(trim(tag)) > 0),
    PRIMARY KEY (question_id, tag)
);
CREATE INDEX question_tags_by_tag ON question_tags(tag, question_id);

CREATE TABLE forecasts (
    id               BIGINT PRIMARY KEY,
    question_id      BIGINT NOT NULL REFERENCES questions(id),
    owner_id         BIGINT NOT NULL REFERENCES owners(id),
    probability      DOUBLE PRECISION NOT NULL CHECK (probability BETWEEN 0 AND 1),
    probability_low  DOUBLE PRECISION CHECK (probability_low IS NULL OR probability_low BETWEEN 0 AND probability),
    probability_high DOUBLE PRECISION CHECK (probability_high IS NULL OR probability_high BETWEEN probability AND 1),
    basis            TEXT COLLATE "C" NOT NULL DEFAULT 'numeric' CHECK (basis IN ('numeric', 'verbal')),
    made_on          TEXT COLLATE "C" NOT NULL CHECK (made_on ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]'),
    made_at_ms       BIGINT NOT NULL,
    note             TEXT COLLATE "C",
    external_ref     TEXT COLLATE "C",
    recorded_at      TEXT COLLATE "C" NOT NULL
);
CREATE UNIQUE INDEX forecasts_by_external_ref ON forecasts(external_ref) WHERE external_ref IS NOT NULL;
CREATE INDEX forecasts_by_question ON forecasts(question_id, owner_id, made_at_ms);

CREATE TABLE resolutions (
    id             BIGINT PRIMARY KEY,
    question_id    BIGINT NOT NULL REFERENCES questions(id),
    outcome        TEXT COLLATE "C" NOT NULL CHECK (outcome IN ('yes', 'no', 'ambiguous', 'annulled')),
    resolved_on    TEXT COLLATE "C" NOT NULL CHECK (resolved_on ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]'),
    resolved_at_ms BIGINT NOT NULL,
    note           TEXT COLLATE "C",
    recorded_at    TEXT COLLATE "C" NOT NULL
);
CREATE INDEX resolutions_by_question ON resolutions(question_id, id);

CREATE VIEW current_resolutions AS
SELECT r.*
FROM resolutions r
WHERE r.id = (SELECT max(latest.id) FROM resolutions latest WHERE latest.question_id = r.question_id);

CREATE TABLE documents (
    id            BIGINT PRIMARY KEY,
    path          TEXT COLLATE "C" NOT NULL,
    sha256        TEXT COLLATE "C" UNIQUE,
    recorded_at   TEXT COLLATE "C" NOT NULL
);

CREATE TABLE forecast_sources (
    forecast_id  BIGINT NOT NULL REFERENCES forecasts(id),
    document_id  BIGINT NOT NULL REFERENCES documents(id),
    quote        TEXT COLLATE "C" NOT NULL,
    line         BIGINT CHECK (line IS NULL OR line > 0),
    PRIMARY KEY (forecast_id, document_id)
);
CREATE INDEX forecast_sources_by_document ON forecast_sources(document_id);

CREATE TABLE journal (
    seq         BIGINT PRIMARY KEY,
    kind        TEXT COLLATE "C" NOT NULL CHECK (kind IN ('question', 'forecast', 'resolution', 'source')),
    entity_id   BIGINT NOT NULL,
    document_id BIGINT,
    hash        BYTEA NOT NULL CHECK (length(hash) = 32)
);

-- Append-only: history is corrected by new events, never by editing old ones. TRUNCATE skips row
-- triggers, so it is refused by a statement trigger of its own.
CREATE FUNCTION foretell_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0];
END;
$$;
CREATE TRIGGER forecasts_are_append_only BEFORE UPDATE OR DELETE ON forecasts FOR EACH ROW
EXECUTE FUNCTION foretell_refuse_change('forecasts are append-only: record a new forecast instead');
CREATE TRIGGER forecasts_are_not_truncated BEFORE TRUNCATE ON forecasts FOR EACH STATEMENT
EXECUTE FUNCTION foretell_refuse_change('forecasts are append-only: record a new forecast instead');
CREATE TRIGGER resolutions_are_append_only BEFORE UPDATE OR DELETE ON resolutions FOR EACH ROW
EXECUTE FUNCTION foretell_refuse_change('resolutions are append-only: resolve again to correct an outcome');
CREATE TRIGGER resolutions_are_not_truncated BEFORE TRUNCATE ON resolutions FOR EACH STATEMENT
EXECUTE FUNCTION foretell_refuse_change('resolutions are append-only: resolve again to correct an outcome');
CREATE TRIGGER journal_is_append_only BEFORE UPDATE OR DELETE ON journal FOR EACH ROW
EXECUTE FUNCTION foretell_refuse_change('the journal is append-only');
CREATE TRIGGER journal_is_not_truncated BEFORE TRUNCATE ON journal FOR EACH STATEMENT
EXECUTE FUNCTION foretell_refuse_change('the journal is append-only');
