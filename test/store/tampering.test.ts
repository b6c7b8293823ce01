/**
 * History nobody can rewrite unseen. Each test tampers with a copy of a real data directory as someone
 * with write access to it but without the audit key would (a system administrator, a backup restored
 * wrongly, an attacker on the host), and asks both verifiers, `ras audit verify` and the API's
 * GET /api/audit/verify on a server started on the copy, given the checkpoint the council kept in its
 * minutes before the tampering. Every form must be found, with the finding that names it.
 */

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpointLine, signCheckpoint } from '../../server/audit/checkpoint.js';
import { auditKeyOf, newAuditKeyPem } from '../../server/audit/signing-key.js';
import { chainEntry } from '../../server/audit/chain.js';
import { changesByTarget, digestsByTarget } from '../../server/store/commit-content.js';
import { encodeBatch, encodeLine } from '../../server/store/journal.js';
import { journalPath } from '../../server/store/layout.js';
import { as, cloneVersion, editDocument, ok, ratificationFor, ratify, versionPath } from '../support/api-client.js';
import { ras } from '../support/cli.js';
import { exampleVersions } from '../support/examples.js';
import { type Line, readJournal, writeJournal } from '../support/journal.js';
import {
  editLinesKeepingSignatures,
  removeFilesBesideJournal,
  rewriteConsistently,
  writeRewrittenRecord,
} from '../support/record-rewrite.js';
import { login, removeStore, startServer } from '../support/server.js';
import { onPostgres } from '../support/store-under-test.js';

let pristine: string;
/** The checkpoint line the committee clerk pasted into the minutes, and the minutes. */
let kept: string;
let minutes: string;
let auditKey: string;
let decisionId: string;
const dirs: string[] = [];

beforeAll(async () => {
  if (onPostgres()) return; // test/postgres tampers with a database's tables
  const server = await startServer();
  try {
    const officer = as(server, server.tokens.officer);
    const assessment = exampleVersions()
      .find((v) => v.version === '2010-revised')!
      .examples.find((e) => e.name === 'older-person-uplift-in-force')!.json.assessment;
    // A decision and its final budget, then a version drafted by the officer and ratified by the ratifier.
    const decision = ok(await as(server, server.tokens['api-client']).post('/api/decisions', { policyId: 'adult-ras', assessment }));
    decisionId = decision.id;
    ok(
      await officer.put(
        `/api/decisions/${decisionId}/final-budget`,
        { weeklyPence: 38_000, reason: 'Support plan agreed at £380 a week.' },
        { 'if-match': `"${decision.revision}"` },
      ),
    );
    await cloneVersion(server, server.tokens.officer, 'adult-ras', '2010-revised', 'tampered');
    await editDocument(server, server.tokens.officer, 'adult-ras', 'tampered', (d) => {
      d.title = 'A revision to tamper with';
    });
    ok(await officer.post(`${versionPath('adult-ras', 'tampered')}/submit`));
    ok(await ratify(server, server.tokens.ratifier, 'adult-ras', 'tampered', ratificationFor('2011-04-01')));
    // A few sign-ins after it, so that the last ten commits reach back past the ratification.
    for (let i = 0; i < 6; i++) await login(server.url, 'officer2');

    const signed = ok(await as(server, server.tokens.scrutiny).get('/api/audit/checkpoint'));
    kept = signed.line;
    auditKey = server.store.trustedKeys[0]!;
    expect(signed.checkpoint.key).toBe(auditKey);
  } finally {
    await server.close();
  }
  pristine = mkdtempSync(join(tmpdir(), 'ras-tamper-pristine-'));
  dirs.push(pristine);
  cpSync(server.where, pristine, { recursive: true });
  server.remove();
  minutes = join(pristine, '..', `${pristine.split('/').at(-1)}-minutes.txt`);
  writeFileSync(minutes, `Adult Social Care Cabinet, minute ASC/2011/12.\nThe record stood at:\n${kept}\nResolved: noted.\n`);
  dirs.push(minutes);
});

afterAll(() => {
  for (const dir of dirs) removeStore(dir);
});

function copyOfRecord(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ras-tampered-'));
  cpSync(pristine, dir, { recursive: true });
  dirs.push(dir);
  return dir;
}

interface Finding {
  code: string;
  message: string;
}

/** `ras audit verify --checkpoints <the minutes>`: its exit status and each finding. */
async function offline(dir: string, ...more: string[]): Promise<{ code: number; findings: Finding[]; stdout: string; stderr: string }> {
  const run = await ras('audit', 'verify', '--data-dir', dir, '--checkpoints', minutes, ...more);
  const findings = run.stderr
    .split('\n')
    .filter((l) => l.startsWith('  '))
    .map((l) => {
      const [code, ...message] = l.trim().split(': ');
      return { code: code!, message: message.join(': ') };
    });
  return { ...run, findings };
}

/** A server started on the record, and its GET /api/audit/verify given the kept checkpoint. */
async function online(dir: string): Promise<{ ok: boolean; problems: Finding[] }> {
  const server = await startServer({ where: dir });
  try {
    return ok(await as(server, server.tokens.scrutiny).get(`/api/audit/verify?checkpoint=${encodeURIComponent(kept)}`));
  } finally {
    await server.close();
  }
}

const codes = (findings: readonly Finding[]) => [...new Set(findings.map((f) => f.code))].sort();
const finding = (code: string, words: string | RegExp) =>
  expect.objectContaining({ code, message: typeof words === 'string' ? expect.stringContaining(words) : expect.stringMatching(words) });
const keptCommit = () => Number(/commit=(\d+)/.exec(kept)![1]);

describe.skipIf(onPostgres())('an untouched record', () => {
  it('verifies with the checkpoint the council kept, offline and on the server, and with the ones a running service publishes', async () => {
    const run = await offline(copyOfRecord());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\d+ signed checkpoints in the record \(the last at commit \d+\), 1 kept outside it, all found as kept/);
    expect(await online(copyOfRecord())).toMatchObject({ ok: true, problems: [] });

    // The published pages of the live service, checked against a copy of its record (a backup, say).
    const live = await startServer({ where: copyOfRecord() });
    try {
      const published = await ras('audit', 'verify', '--data-dir', copyOfRecord(), '--published', live.url);
      expect(published.stderr).toBe('');
      expect(published.stdout).toMatch(/, [1-9]\d* kept outside it, all found as kept/);
    } finally {
      await live.close();
    }
  });

  it('the line for the minutes, from `ras audit checkpoint`, is signed with the audit key and accepted back', async () => {
    const dir = copyOfRecord();
    const run = await ras('audit', 'checkpoint', '--data-dir', dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `^ras-checkpoint v1 commit=${keptCommit()} entry=\\d+ head=[0-9a-f]{64} at=\\S+ key=${auditKey} sig=[A-Za-z0-9_-]{86}\\n$`,
      ),
    );
    const file = join(dir, '..', `${dir.split('/').at(-1)}.line`);
    writeFileSync(file, run.stdout);
    dirs.push(file);
    expect((await ras('audit', 'verify', '--data-dir', dir, '--checkpoints', file)).code).toBe(0);
  });
});

describe.skipIf(onPostgres())('a crash between the journal and the files beside it', () => {
  it('leaves head.json and the collection files a commit behind, genuinely signed: not a finding, and nothing to set aside', async () => {
    const dir = copyOfRecord();
    const behind = new Map(['head.json', 'versions.json', 'users.json', 'sessions.json'].map((f) => [f, readFileSync(join(dir, f))]));
    const server = await startServer({ where: dir });
    await login(server.url, 'officer2');
    await server.close();
    // Put back as a crash would leave them: the journal holds commits the files beside it do not show yet.
    for (const [file, bytes] of behind) writeFileSync(join(dir, file), bytes);
    const run = await offline(dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = await online(dir);
    expect(report).toMatchObject({ ok: true, problems: [] });
  });
});

describe.skipIf(onPostgres())('commits removed, and what beside the journal would show it', () => {
  it('the last commit, with head.json and the collection files deleted: the files are missing, and the kept checkpoint is not in the record', async () => {
    const dir = copyOfRecord();
    writeJournal(dir, readJournal(dir).slice(0, -1));
    removeFilesBesideJournal(dir);
    const run = await offline(dir);
    expect(run.code).toBe(1);
    expect(run.findings).toContainEqual(
      finding('file_missing', 'head.json is missing, so nothing beside the journal shows where the record ended'),
    );
    expect(run.findings).toContainEqual(finding('file_missing', 'versions.json is missing'));
    expect(run.findings).toContainEqual(
      finding('checkpoint_not_in_record', `a checkpoint kept outside the record (commit ${keptCommit()}`),
    );
    expect(run.findings.find((f) => f.code === 'checkpoint_not_in_record')!.message).toContain(`ends at commit ${keptCommit() - 1}`);

    // The server starts (refusing would restore nothing), and records what it found for good; its own
    // commits since carry the record past the kept checkpoint's commit, with another head there.
    const report = await online(dir);
    expect(report.ok).toBe(false);
    expect(codes(report.problems)).toEqual(['checkpoint_mismatch', 'recorded_finding']);
    expect(report.problems).toContainEqual(finding('recorded_finding', 'head.json is missing'));
  });

  it('the last ten commits, with head.json written again without the key: it carries no signed checkpoint', async () => {
    const dir = copyOfRecord();
    const lines = readJournal(dir).slice(0, -10);
    // The ratification was among them: the version is gone as if never ratified.
    expect(lines.flatMap((l) => l.header.audit).some((e) => e.action === 'version.ratify' && e.target.endsWith('/tampered'))).toBe(false);
    writeRewrittenRecord(dir, lines, { strip: true });
    const run = await offline(dir);
    expect(run.code).toBe(1);
    expect(codes(run.findings)).toEqual(['checkpoint_not_in_record', 'checkpoint_unsigned']);
    expect(run.findings).toContainEqual(finding('checkpoint_unsigned', 'head.json carries no signed checkpoint'));

    const report = await online(dir);
    expect(codes(report.problems)).toEqual(['checkpoint_not_in_record', 'recorded_finding']);
    expect(report.problems).toContainEqual(finding('recorded_finding', 'head.json carries no signed checkpoint'));
  });

  it('the whole journal emptied and the files beside it deleted: every file missing, the kept checkpoint not in the record', async () => {
    const dir = copyOfRecord();
    writeFileSync(journalPath(dir), '');
    removeFilesBesideJournal(dir);
    const run = await offline(dir);
    expect(run.code).toBe(1);
    expect(codes(run.findings)).toEqual(['checkpoint_not_in_record', 'file_missing']);
    expect(run.findings.filter((f) => f.code === 'file_missing')).toHaveLength(6);
    expect(run.findings).toContainEqual(finding('checkpoint_not_in_record', 'which ends at commit 0'));

    const report = await online(dir);
    expect(codes(report.problems)).toEqual(['checkpoint_not_in_record', 'recorded_finding']);
  });

  it('the whole data directory removed: nothing to verify, where the minutes show a record', async () => {
    const dir = copyOfRecord();
    rmSync(dir, { recursive: true });
    const run = await offline(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`holds no record, but a checkpoint kept outside shows one of at least ${keptCommit()} commits`);
  });

  it('the journal removed and head.json left: the journal is missing, not "no data directory"', async () => {
    const dir = copyOfRecord();
    rmSync(journalPath(dir));
    const run = await ras('audit', 'verify', '--data-dir', dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `journal.jsonl is missing, but head.json is there (a record of ${keptCommit()} commits): the journal has been removed`,
    );
  });

  it('the last line cut mid-way and head.json deleted: not taken for a crash, since a signed checkpoint shows the commit', async () => {
    const dir = copyOfRecord();
    const text = readFileSync(journalPath(dir), 'utf8');
    writeFileSync(journalPath(dir), text.slice(0, text.length - 40));
    rmSync(join(dir, 'head.json'));
    const run = await offline(dir);
    expect(run.code).toBe(1);
    expect(codes(run.findings)).toEqual(['checkpoint_not_in_record', 'file_missing', 'journal_truncated']);
    expect(run.findings).toContainEqual(finding('file_missing', 'head.json is missing'));
    // The collection files were written after that commit: they show it was there.
    expect(run.findings).toContainEqual(
      finding('journal_truncated', `was written at commit ${keptCommit()}, but journal.jsonl ends at commit ${keptCommit() - 1}`),
    );
    await expect(startServer({ where: dir })).rejects.toThrow(/commits have been removed/);

    // With the collection files gone too, only the kept checkpoint shows it: the server starts, and says so.
    removeFilesBesideJournal(dir);
    const report = await online(dir);
    expect(codes(report.problems)).toEqual(['checkpoint_mismatch', 'recorded_finding']);
  });
});

describe.skipIf(onPostgres())('a full consistent rewrite: every digest, hash, anchor, head and file made again', () => {
  /** The record rewritten after `change`, its checkpoints stripped or signed with a key of the tamperer's own. */
  function rewritten(change: (lines: Line[]) => void, signWithOwnKey = false): string {
    const dir = copyOfRecord();
    const lines = readJournal(dir);
    change(lines);
    const signatures = signWithOwnKey ? { signWith: auditKeyOf(newAuditKeyPem(), 'the tamperer’s key') } : ({ strip: true } as const);
    rewriteConsistently(lines, signatures);
    writeRewrittenRecord(dir, lines, signatures);
    return dir;
  }

  const lowerFinalBudget = (lines: Line[]) => {
    const set = lines.find((l) => l.header.finalBudgets.some((b) => b.id === decisionId))!;
    set.header.finalBudgets[0]!.finalBudget.weeklyPence = 18_000;
  };

  it('an early final budget lowered, the signatures stripped: the head is unsigned, and the kept checkpoint no longer matches', async () => {
    const dir = rewritten(lowerFinalBudget);
    const run = await offline(dir);
    expect(run.code).toBe(1);
    expect(codes(run.findings)).toEqual(['checkpoint_mismatch', 'checkpoint_unsigned']);
    expect(run.findings).toContainEqual(finding('checkpoint_mismatch', 'does not match this record, which holds another hash at entry'));

    // Opened by a server, a record with no signature anywhere looks like one from before checkpoints;
    // the kept checkpoint still finds it.
    const report = await online(dir);
    expect(report.problems).toContainEqual(finding('checkpoint_mismatch', 'the record has been rewritten since'));
  });

  it('the same, signed with a key of the tamperer’s own: the signatures are not the council’s', async () => {
    const dir = rewritten(lowerFinalBudget, true);
    // Given only the published audit key, not even a kept checkpoint.
    const keyOnly = await ras('audit', 'verify', '--data-dir', dir, '--public-key', auditKey);
    expect(keyOnly.code).toBe(1);
    expect(keyOnly.stderr).toMatch(
      /key_unknown: head\.json's checkpoint \(commit \d+, .*\) is signed by key [A-Za-z0-9_-]{43}, which is not the council's audit key/,
    );
    const run = await offline(dir);
    expect(codes(run.findings)).toEqual(['checkpoint_mismatch', 'key_unknown']);

    const report = await online(dir);
    expect(codes(report.problems)).toEqual(['checkpoint_mismatch', 'key_unknown', 'recorded_finding']);
    expect(report.problems).toContainEqual(finding('recorded_finding', /head\.json's checkpoint .* is signed by key/));
  });

  it('given the published audit key, no other key is trusted: not that of a line signed by the tamperer and added to the minutes', async () => {
    const theirKey = auditKeyOf(newAuditKeyPem(), 'the tamperer’s key');
    const dir = copyOfRecord();
    const lines = readJournal(dir);
    lowerFinalBudget(lines);
    rewriteConsistently(lines, { signWith: theirKey });
    writeRewrittenRecord(dir, lines, { signWith: theirKey });
    const head = lines.flatMap((l) => l.header.audit).at(-1)!;
    const forgedMinutes = join(dir, '..', `${dir.split('/').at(-1)}-forged-minutes.txt`);
    writeFileSync(
      forgedMinutes,
      checkpointLine(signCheckpoint(theirKey, { commit: lines.length, seq: head.seq, hash: head.hash }, new Date().toISOString())),
    );
    dirs.push(forgedMinutes);
    const run = await ras('audit', 'verify', '--data-dir', dir, '--public-key', auditKey, '--checkpoints', forgedMinutes);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /key_unknown: a checkpoint kept outside the record \(commit \d+, .*\) is signed by key [A-Za-z0-9_-]{43}, which is not the council's audit key/,
    );
  });

  it('a decision deleted', async () => {
    const dir = rewritten((lines) => {
      for (const { header, body } of lines) {
        header.decisions = header.decisions.filter((d) => d.id !== decisionId);
        header.finalBudgets = header.finalBudgets.filter((b) => b.id !== decisionId);
        header.audit = header.audit.filter((e) => e.target !== `decision:${decisionId}`);
        if (body.decisions) body.decisions = body.decisions.filter((d) => d.id !== decisionId);
      }
    });
    const run = await offline(dir);
    // Its entries gone, the chain is shorter than the kept checkpoint shows.
    expect(codes(run.findings)).toEqual(['checkpoint_not_in_record', 'checkpoint_unsigned']);
    const report = await online(dir);
    expect(codes(report.problems)).toEqual(['checkpoint_mismatch']);
  });

  it("a version's own author made its ratifier: the rule is found broken on replay, whatever the hashes say", async () => {
    const dir = rewritten((lines) => {
      for (const { header } of lines) {
        for (const change of header.changes) {
          const ratification = (change.row as { ratification?: { ratifiedBy: string } | null } | null)?.ratification;
          if (change.k === 'adult-ras/tampered' && ratification) ratification.ratifiedBy = 'officer';
        }
        for (const entry of header.audit)
          if (entry.action === 'version.ratify' && entry.target.endsWith('/tampered')) entry.actor = 'officer';
      }
    }, true);
    const run = await offline(dir);
    expect(run.findings).toContainEqual(
      finding('rule_broken', 'version adult-ras/tampered was ratified by officer, who authored its content: someone else must ratify it'),
    );
    expect(codes(run.findings)).toEqual(['checkpoint_mismatch', 'key_unknown', 'rule_broken']);
    const report = await online(dir);
    expect(report.problems).toContainEqual(finding('rule_broken', 'was ratified by officer, who authored its content'));
  });

  it('without the kept checkpoint or the key, a record stripped of every signature is only known not to be vouched for', async () => {
    const dir = rewritten(lowerFinalBudget);
    const bare = await ras('audit', 'verify', '--data-dir', dir);
    expect(bare.code).toBe(1);
    expect(bare.stderr).toContain('checkpoint_unsigned: head.json carries no signed checkpoint');
  });
});

describe.skipIf(onPostgres())('what an outside reviewer tried', () => {
  it('a commit appended, with the genuine head.json of the commit before kept: the journal goes past its last signed batch', async () => {
    const dir = copyOfRecord();
    const lines = readJournal(dir);
    const last = lines.at(-1)!.header;
    const head = lines.flatMap((l) => l.header.audit).at(-1)!;
    // A final budget of £1,500 a week, chained and digested as the service would record one.
    const forged = {
      commit: last.commit + 1,
      at: last.at,
      changes: [],
      decisions: [],
      finalBudgets: [
        {
          id: decisionId,
          revision: last.commit + 1,
          finalBudget: {
            weeklyPence: 150_000,
            reason: 'Panel agreed a residential placement.',
            recordedBy: 'officer',
            recordedAt: last.at,
          },
        },
      ],
    };
    const digest = digestsByTarget(changesByTarget(forged, {})).get(`decision:${decisionId}`)!;
    const entry = chainEntry(
      head,
      { at: last.at, actor: 'officer', action: 'decision.final-budget', target: `decision:${decisionId}` },
      digest,
    );
    writeFileSync(
      journalPath(dir),
      Buffer.concat([readFileSync(journalPath(dir)), encodeBatch([encodeLine({ ...forged, audit: [entry] }, {})]).data]),
    );

    const bare = await ras('audit', 'verify', '--data-dir', dir);
    expect(bare.code).toBe(1);
    expect(bare.stderr).toContain(
      `checkpoint_unsigned: commits ${last.commit + 1} to ${last.commit + 1} follow the journal's last signed batch (which ends at commit ${last.commit}): they were written by someone without the audit key`,
    );
    const report = await online(dir);
    expect(report.problems).toContainEqual(finding('recorded_finding', "follow the journal's last signed batch"));
  });

  it("a decision's listed final budget or amount changed in place, where no digest reached: found against its recorded result", async () => {
    const dir = copyOfRecord();
    editLinesKeepingSignatures(dir, ({ header }) => {
      for (const summary of header.decisions) if (summary.id === decisionId) summary.weeklyPence = 99_900;
    });
    const run = await offline(dir);
    expect(run.findings).toEqual([
      finding('digest_mismatch', `lists decision ${decisionId} with an amount, flags or reference other than its recorded decision`),
    ]);
  });

  it("a decision's listed reference changed in place, to hide it from a search by the person's reference: found against its assessment", async () => {
    const dir = copyOfRecord();
    editLinesKeepingSignatures(dir, ({ header }) => {
      for (const summary of header.decisions) if (summary.id === decisionId) summary.reference = 'SOMEONE-ELSE';
    });
    const run = await offline(dir);
    expect(run.findings).toEqual([
      finding('digest_mismatch', `lists decision ${decisionId} with an amount, flags or reference other than its recorded decision`),
    ]);
  });

  it('a later commit marked as imported, to switch its checks off, and its ratifier made the author: both found', async () => {
    const dir = copyOfRecord();
    editLinesKeepingSignatures(dir, ({ header }) => {
      if (!header.audit.some((e) => e.action === 'version.ratify' && e.target.endsWith('/tampered'))) return;
      header.import = true;
      for (const change of header.changes) {
        const ratification = (change.row as { ratification?: { ratifiedBy: string } | null } | null)?.ratification;
        if (change.k === 'adult-ras/tampered' && ratification) ratification.ratifiedBy = 'officer';
      }
    });
    const run = await offline(dir);
    expect(run.findings).toContainEqual(
      finding('change_unaudited', "is marked as imported from before the journal, which only a store's first commit can be"),
    );
    expect(run.findings).toContainEqual(
      finding('rule_broken', 'version adult-ras/tampered was ratified by officer, who authored its content'),
    );
    expect(run.findings).toContainEqual(finding('digest_mismatch', 'version:adult-ras/tampered'));
  });
});
