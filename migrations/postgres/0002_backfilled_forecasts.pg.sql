-- Mirrors 0002_backfilled_forecasts.sql. Hindsight: a forecast recorded after its question's
-- outcome was recorded, and dated before that outcome, could be written knowing the answer.
-- `foretell forecast --backfill` records one anyway, marked here (1) so that it is shown as such and
-- left out of scores unless asked for; every other forecast is 0. The mark is part of the
-- forecast's journal entry, so clearing it fails `verify`. BIGINT like every other integer column,
-- so that rows read back as the same Int64 on both backends.
ALTER TABLE forecasts ADD COLUMN backfilled BIGINT NOT NULL DEFAULT 0 CHECK (backfilled IN (0, 1));
