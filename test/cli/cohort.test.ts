/** `ras cohort generate` and `ras cohort check`, run as a user runs them: real processes and files. */

import { join } from 'node:path';
import { ras, ROOT, tempFile } from '../support/cli.js';
import { describe, expect, it } from 'vitest';
import { decodePerson, importCohortCsv } from '../../engine/index.js';

const PILOT = join(ROOT, 'rules/examples/adult-ras/2009-pilot/policy.json');
const REVISED = join(ROOT, 'rules/examples/adult-ras/2010-revised/policy.json');
const CHILDREN = join(ROOT, 'rules/examples/childrens-ras/2013-revised/policy.json');

const HEADER = 'ref,clientGroup,ageBand,carerWilling,carerAble,carerSupportLevel,carerImpact,currentAnnualCost,pc-washing,pc-dressing';

describe('ras cohort generate', () => {
  it('writes a cohort.schema.json document that checks as valid, the same for the same seed', async () => {
    const first = await ras('cohort', 'generate', '--policy', PILOT, '--size', '40', '--seed', '7', '--name', 'Demo');
    expect(first.code).toBe(0);
    const doc = JSON.parse(first.stdout);
    expect(doc).toMatchObject({ schemaVersion: 1, name: 'Demo', policyId: 'adult-ras' });
    expect(doc.people).toHaveLength(40);
    expect(doc.people[0].ref).toBe('S-01');
    expect((await ras('cohort', 'generate', '--policy', PILOT, '--size', '40', '--seed', '7', '--name', 'Demo')).stdout).toBe(first.stdout);
    expect((await ras('cohort', 'generate', '--policy', PILOT, '--size', '40', '--seed', '8', '--name', 'Demo')).stdout).not.toBe(
      first.stdout,
    );

    const checked = await ras('cohort', 'check', tempFile('demo.json', first.stdout), '--policy', PILOT);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain('valid cohort of 40 people ("Demo") against adult-ras 2009-pilot');
  });

  it('writes the same people as CSV, which round-trips through check and import', async () => {
    const [json, csv] = await Promise.all([
      ras('cohort', 'generate', '--policy', CHILDREN, '--size', '60', '--seed', '3'),
      ras('cohort', 'generate', '--policy', CHILDREN, '--size', '60', '--seed', '3', '--format', 'csv'),
    ]);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n')[0]).toMatch(
      /^ref,clientGroup,ageBand,carerWilling,carerAble,carerSupportLevel,carerImpact,currentAnnualCost,ey-/,
    );
    const checked = await ras('cohort', 'check', tempFile('children.csv', csv.stdout), '--policy', CHILDREN);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain('valid cohort of 60 people');
    const imported = importCohortCsv(csv.stdout, { name: 'x' });
    if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
    expect(Array.from({ length: 60 }, (_, i) => decodePerson(imported.cohort, i))).toEqual(JSON.parse(json.stdout).people);
  });

  it.each([
    [['--size', '10', '--seed', '1'], 'needs exactly one --policy'],
    [['--policy', PILOT, '--seed', '1'], '--size is required'],
    [['--policy', PILOT, '--size', '0', '--seed', '1'], '--size must be a whole number from 1'],
    [['--policy', PILOT, '--size', '10', '--seed', 'x'], '--seed must be a whole number'],
    [['--policy', PILOT, '--size', '10', '--seed', '1', '--format', 'xml'], "--format must be csv or json, got 'xml'"],
  ])('refuses %j with usage, exit 2', async (args, message) => {
    const { code, stderr } = await ras('cohort', 'generate', ...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('Usage:');
  });
});

describe('ras cohort check', () => {
  it('accepts CSV with a BOM, CRLF line ends and quoted cells, without policies', async () => {
    const file = tempFile(
      'excel.csv',
      `\uFEFF${HEADER}\r\n"A-1",older-people,75-84,Yes,No,substantial,moderate,"£12,345.67",some-help,\r\nA-2,mental-health,25-44,,,,,"1,000",,"independent"\r\n`,
    );
    const { code, stdout } = await ras('cohort', 'check', file);
    expect(code).toBe(0);
    expect(stdout).toContain('valid cohort of 2 people ("excel")');
  });

  it('counts a short row ending in LF in a CRLF file as its own values (it was run into the next row: 3 + 10 - 1 = 12)', async () => {
    const file = tempFile('mixed.csv', `${HEADER}\r\nA-1,older-people,75-84\nA-2,older-people,75-84,,,,,,some-help,\r\n`);
    const { code, stdout, stderr } = await ras('cohort', 'check', file);
    expect(code).toBe(1);
    expect(`${stdout}${stderr}`).toContain(
      'row 1, line 2: the row has 3 values but the heading row names 10 columns: every row needs a value (or an empty one) for each column',
    );
    expect(`${stdout}${stderr}`).toContain('invalid cohort, 1 problem');
  });

  it('lists every bad row with its row, line, column and what would be valid, and exits 1', async () => {
    const file = tempFile(
      'bad.csv',
      [
        HEADER,
        'A-1,older-people,75-84,,,,,,some-help,',
        'A-2,older-people,84-75,,,,,,some-help,',
        'A-3,aliens,75-84,,,,,,some-help,',
        'A-4,older-people,75-84,,,,,,washy,',
        'A-5,older-people,75-84,yes,,substantial,,,some-help,',
        'A-6,older-people,75-84,,,,,12.345,some-help,',
        'A-7,older-people,75-84,,,,,abc,some-help,',
        'A-1,older-people,75-84,,,,,,some-help,',
      ].join('\n'),
    );
    const { code, stdout, stderr } = await ras('cohort', 'check', file, '--policy', PILOT, '--policy', REVISED);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines).toEqual([
      `${file}: row 2, line 3, ageBand: '84-75' is not an age band: write whole years youngest first, like 65-74, or 85+ for an open top band (at most 130)`,
      `${file}: row 3, line 4, clientGroup: client group 'aliens' is not one of the versions' client groups: 'older-people', 'physical-disability', 'learning-disability', 'mental-health'`,
      `${file}: row 4, line 5, pc-washing: 'washy' is not an answer to question 'pc-washing': valid answers are 'independent', 'prompting', 'some-help', 'full-help', 'two-people'`,
      `${file}: row 5, line 6, carer: the carer details are incomplete: carerAble, carerImpact are empty while carerWilling, carerSupportLevel are filled; fill all four carer columns, or leave all four empty for no carer`,
      `${file}: row 6, line 7, currentAnnualCost: '12.345' has 3 decimal places: pounds have at most 2 (pence)`,
      `${file}: row 7, line 8, currentAnnualCost: 'abc' is not an amount in pounds: write it like 12345.67 or £12,345.67`,
      `${file}: row 8, line 9, ref: ref 'A-1' is already used by row 1: each person needs a reference of their own`,
      `${file}: invalid cohort, 7 problems`,
    ]);
  });

  it('reads a file larger than one piece as a stream: every person, and a bad row far down named by its line', async () => {
    // 12,000 people at about 235 characters a row: about 2.8 MB, so the file is read in three 1 MiB pieces.
    const generated = await ras('cohort', 'generate', '--policy', PILOT, '--size', '12000', '--seed', '11', '--format', 'csv');
    expect(generated.code).toBe(0);
    const good = tempFile('many.csv', generated.stdout);
    const checked = await ras('cohort', 'check', good, '--policy', PILOT);
    expect(checked.stdout).toContain('valid cohort of 12,000 people ("many")');
    // Row 11,500 (line 11,501, after the header) gets an age band the wrong way round.
    const lines = generated.stdout.split('\r\n');
    const cells = lines[11_500]!.split(',');
    cells[2] = '74-65';
    lines[11_500] = cells.join(',');
    const bad = await ras('cohort', 'check', tempFile('many-bad.csv', lines.join('\r\n')), '--policy', PILOT);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("many-bad.csv: row 11500, line 11501, ageBand: '74-65' is not an age band");
    expect(bad.stderr).toContain('invalid cohort, 1 problem');
  });

  it('refuses bytes that are not UTF-8 (exit 2), in the first piece or far past it, rather than reading them as another character', async () => {
    // 40,000 rows of about 40 bytes: 1.6 MB, so row 39,000 is in the second 1 MiB piece.
    const rows = Array.from({ length: 40_000 }, (_, i) => `R-${i + 1},older-people,75-84,,,,,,some-help,`);
    const text = `${HEADER}\n${rows.join('\n')}\n`;
    expect((await ras('cohort', 'check', tempFile('fine.csv', text), '--policy', PILOT)).stdout).toContain('valid cohort of 40,000 people');
    const withBadByte = (row: number) => {
      const bytes = Buffer.from(text, 'utf8');
      bytes[text.indexOf(`R-${row},`) + 2] = 0xff;
      return bytes;
    };
    for (const row of [2, 39_000]) {
      const file = tempFile('latin.csv', withBadByte(row));
      const { code, stderr } = await ras('cohort', 'check', file, '--policy', PILOT);
      expect(code, stderr).toBe(2);
      expect(stderr).toContain(`${file}: not UTF-8 text`);
    }
    const policy = Buffer.from(JSON.stringify({ schemaVersion: 1, name: 'caf\u00e9' }), 'utf8');
    policy[policy.indexOf(0xc3)] = 0xe9; // Latin-1's é where UTF-8's two bytes were
    const badPolicy = tempFile('latin-policy.json', policy);
    const refused = await ras('cohort', 'check', tempFile('ok.csv', text), '--policy', badPolicy);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${badPolicy}: not UTF-8 text`);
  });

  it('reports a missing column as a header problem', async () => {
    const { code, stderr } = await ras(
      'cohort',
      'check',
      tempFile('nohead.csv', 'ref,clientGroup,pc-washing\nA-1,older-people,some-help\n'),
    );
    expect(code).toBe(1);
    expect(stderr).toContain("header, line 1, ageBand: the header has no 'ageBand' column; it is required");
  });

  it('names the person and field of a bad JSON cohort', async () => {
    const doc = {
      schemaVersion: 1,
      name: 'json',
      people: [
        {
          ref: 'A-1',
          clientGroup: 'older-people',
          ageBand: '75-84',
          answers: { 'pc-washing': 'some-help' },
          carer: { willingToContinue: true, ableToContinue: true, supportLevel: 'regular', impact: 'dire' },
        },
      ],
    };
    const { code, stderr } = await ras('cohort', 'check', tempFile('bad.json', JSON.stringify(doc)), '--policy', PILOT);
    expect(code).toBe(1);
    expect(stderr).toContain(
      "bad.json: row 1, carer.impact: carer impact 'dire' is not in the carer table: valid impacts are 'low', 'moderate', 'high', 'critical'",
    );
    expect(stderr).toContain('invalid cohort, 1 problem');
  });

  it('says a missing file is missing (exit 2) and an invalid policy is invalid (exit 1)', async () => {
    const missing = await ras('cohort', 'check', '/nonexistent/cohort.csv');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('/nonexistent/cohort.csv: no such file');
    const badPolicy = tempFile('policy.json', JSON.stringify({ schemaVersion: 1 }));
    const invalid = await ras('cohort', 'check', tempFile('ok.csv', `${HEADER}\nA-1,older-people,75-84,,,,,,,\n`), '--policy', badPolicy);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain(`${badPolicy}: invalid policy`);
  });
});
