-- Up Migration

-- The record: every commit, in order, as the embedded store's journal holds it. A commit's header is
-- kept as JSON text exactly as written (the json type keeps text and key order; the audit digests are
-- of that text's values), and each decision's assessment and result in ras_decisions.
CREATE TABLE ras_commits (
  commit bigint PRIMARY KEY CHECK (commit > 0),
  at timestamptz NOT NULL,
  header json NOT NULL
);

-- The commit and audit entry every server has reached; the row is locked by each commit, so commits
-- are made one at a time, in order, across every server.
CREATE TABLE ras_head (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  commit bigint NOT NULL,
  audit_seq bigint NOT NULL,
  audit_hash text NOT NULL
);
INSERT INTO ras_head (commit, audit_seq, audit_hash) VALUES (0, 0, repeat('0', 64));

-- The audit chain, one row an entry, for queries; each entry is also in its commit's header.
CREATE TABLE ras_audit (
  seq bigint PRIMARY KEY,
  commit bigint NOT NULL REFERENCES ras_commits (commit),
  -- As the entry has it (its hash covers this text).
  at text NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  target text NOT NULL,
  details jsonb NOT NULL,
  digest text,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX ras_audit_target ON ras_audit (target);
CREATE INDEX ras_audit_actor ON ras_audit (actor);
CREATE INDEX ras_audit_action ON ras_audit (action);

-- Decisions, appended: input and output as written (json keeps them as text), the summary in columns.
-- Only the final budget and the revision it gives the decision ever change.
CREATE TABLE ras_decisions (
  id text PRIMARY KEY,
  commit bigint NOT NULL REFERENCES ras_commits (commit),
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  policy_id text NOT NULL,
  version text NOT NULL,
  content_hash text NOT NULL,
  weekly_pence bigint NOT NULL,
  revision bigint NOT NULL,
  final_budget jsonb,
  assessment json NOT NULL,
  result json NOT NULL
);
CREATE INDEX ras_decisions_policy ON ras_decisions (policy_id, commit);

-- The collections as they now are (policies, versions, users, sessions, cohorts): copies of what the
-- commits say, for people to query, checked against the commits by verification.
CREATE TABLE ras_rows (
  collection text NOT NULL,
  key text NOT NULL,
  revision bigint,
  row jsonb NOT NULL,
  PRIMARY KEY (collection, key)
);

-- Large documents kept apart from the collections (a cohort's people). One is written before the commit
-- that records it; one no commit recorded within the hour was left by a request that failed. A document
-- is kept in parts of a megabyte, so reading one of many megabytes never holds a server's event loop for
-- long (each part's hex is decoded in turn), and none comes near bytea's limit of a gigabyte.
CREATE TABLE ras_documents (
  kind text NOT NULL,
  id text NOT NULL,
  parts integer NOT NULL,
  written_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, id)
);
CREATE TABLE ras_document_parts (
  kind text NOT NULL,
  id text NOT NULL,
  part integer NOT NULL,
  bytes bytea NOT NULL,
  PRIMARY KEY (kind, id, part),
  FOREIGN KEY (kind, id) REFERENCES ras_documents (kind, id) ON DELETE CASCADE
);

-- Down Migration
DROP TABLE ras_document_parts;
DROP TABLE ras_documents;
DROP TABLE ras_rows;
DROP TABLE ras_decisions;
DROP TABLE ras_audit;
DROP TABLE ras_head;
DROP TABLE ras_commits;
