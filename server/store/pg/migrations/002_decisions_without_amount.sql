-- Policy format 2: a decision may have no indicative amount (not eligible, or a band whose outcome,
-- such as universal services or an individual assessment, has none). Null, never 0.
ALTER TABLE ras_decisions ALTER COLUMN weekly_pence DROP NOT NULL;
