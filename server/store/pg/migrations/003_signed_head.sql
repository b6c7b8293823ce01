-- Up Migration

-- The head row carries a checkpoint of the record's end signed with the audit key, written with each
-- batch of commits: whoever can change the tables but does not hold the key cannot sign a record they
-- rewrote or cut short. Null in a record from before checkpoints, until its next commit.
ALTER TABLE ras_head ADD COLUMN checkpoint json;

-- Down Migration
ALTER TABLE ras_head DROP COLUMN checkpoint;
