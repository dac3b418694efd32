-- Mirrors 0003_extraction_provenance.sql. Which engine found a document forecast's quote ('rules',
-- 'llm', or 'rules+llm' for one both found) and, when a language model did, the model's name as the
-- server knows it. NULL for sources recorded before this migration and for quotes that came in
-- through CSV.
ALTER TABLE forecast_sources ADD COLUMN engine TEXT COLLATE "C"
    CHECK (engine IS NULL OR engine = 'rules' OR engine = 'llm' OR engine = 'rules+llm');
ALTER TABLE forecast_sources ADD COLUMN model TEXT COLLATE "C";
