/**
 * The ATRS record of every ratified example version, read without signing in: tiers 1 and 2 drawn from
 * the version and its ratification record, the data it uses, the human oversight, and what the council
 * must still write; a draft has none.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transparencyRecord, type TransparencyRecord } from '../../server/transparency/atrs-record.js';
import type { Policy } from '../../engine/index.js';
import { as, editDocument } from '../support/api-client.js';
import { exampleVersions } from '../support/examples.js';
import { removeStore, startServer, type TestServer } from '../support/server.js';

/** An audit public key (the record only names it). */
const AUDIT_KEY = 'A'.repeat(43);

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
  removeStore(server.where);
});

const ratificationOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'ratification.json'), 'utf8'));

const record = (policyId: string, version: string) =>
  fetch(`${server.url}/api/public/policies/${policyId}/versions/${version}/transparency-record`);
const read = async (res: Response) => (await res.json()) as TransparencyRecord;

describe('the transparency record', () => {
  for (const { scheme, version, dir } of exampleVersions()) {
    const ratification = JSON.parse(readFileSync(join(dir, 'ratification.json'), 'utf8'));
    it(`of ${scheme} ${version} has every required field, from the version and its ratification`, async () => {
      const res = await record(scheme, version);
      expect(res.status).toBe(200);
      const body = await read(res);
      const { tier1, tier2 } = body;
      for (const field of ['name', 'organisation', 'description', 'purpose', 'humanDecision'] as const)
        expect(tier1[field], field).toMatch(/\S/);
      expect(tier1.howItWorks.length).toBeGreaterThan(1);
      expect(tier2.owner).toMatchObject({ decidedBy: ratification.body, minuteReference: ratification.minuteReference });
      expect(tier2.dataUsed).toEqual(expect.arrayContaining(['Client group', 'Age, or date of birth']));
      expect(tier2.humanOversight[0]).toBe(
        'The amount is indicative: the final budget is agreed in support planning, and the reason for any difference is recorded.',
      );
      // The examples have no publication section: the record says what the council must still write.
      expect(body.toBeCompletedByTheCouncil).toHaveLength(3);
    });
  }

  it('names the data a scheme uses: the carer situation, the stated facts, the amount asked for', async () => {
    const carers = await read(await record('carers-one-off-payment', '2024-25'));
    expect(carers.tier2.dataUsed).toEqual(
      expect.arrayContaining([
        'Hours spent caring in a typical week',
        "Carer's payments already made this financial year",
        'The cost of what you asked for',
      ]),
    );
    expect(carers.tier2.humanOversight).toContain(
      'Above the maximum: Carers panel. If what you need costs more than £400, your carer support worker can ask the carers panel to consider a higher payment.',
    );
    const adult = await read(await record('adult-ras', '2010-revised'));
    expect(adult.tier2.dataUsed).toContain(
      'The unpaid carer’s situation: willing and able to continue, how much support they give, its impact on them',
    );
  });

  it('takes purpose, risks and contact from the publication section, and then needs nothing more', () => {
    const adult = exampleVersions().find((v) => v.scheme === 'adult-ras' && v.version === '2010-revised')!;
    const made = transparencyRecord(
      {
        policyId: 'adult-ras',
        version: '2010-revised',
        contentHash: `sha256:${'0'.repeat(64)}`,
        document: {
          ...(adult.policy as Policy),
          publication: { purpose: 'Fair budgets.', risks: 'Answers misread: reviewed.', contact: { name: 'Adult Social Care' } },
        },
      },
      { ...ratificationOf(adult.dir), ratifiedBy: 'r', ratifiedAt: '2010-03-01T00:00:00Z' },
      AUDIT_KEY,
    );
    expect(made.tier1.purpose).toBe('Fair budgets.');
    expect(made.tier2.risksAndMitigations.risks).toBe('Answers misread: reviewed.');
    expect(made.tier1.contact).toEqual({ name: 'Adult Social Care' });
    expect(made.toBeCompletedByTheCouncil).toEqual([]);
  });

  it('shows the comparison a ratification kept, without any group under ten people', () => {
    const adult = exampleVersions().find((v) => v.scheme === 'adult-ras' && v.version === '2010-revised')!;
    const stats = (people: number, losers: number) => ({
      people,
      gainers: 0,
      losers,
      unchanged: people - losers,
      totalChangePence: -losers * 100,
    });
    const made = transparencyRecord(
      { policyId: 'adult-ras', version: '2010-revised', contentHash: `sha256:${'0'.repeat(64)}`, document: adult.policy as Policy },
      {
        ...ratificationOf(adult.dir),
        comparison: {
          against: '2009-pilot',
          people: 120,
          overall: stats(120, 30),
          byClientGroup: { 'older-people': stats(112, 29), 'mental-health': stats(8, 1) },
          byAgeBand: { '65-74': stats(120, 30) },
        },
      },
      AUDIT_KEY,
    );
    expect(made.tier2.impactAssessment).toEqual({
      comparedWith: '2009-pilot',
      cohortPeople: 120,
      overall: { people: 120, betterOff: 0, worseOff: 30, unchanged: 90, totalChangePence: -3000 },
      byClientGroup: {
        'older-people': { people: 112, betterOff: 0, worseOff: 29, unchanged: 83, totalChangePence: -2900 },
        'mental-health': 'fewer than 10 people',
      },
      byAgeBand: { '65-74': { people: 120, betterOff: 0, worseOff: 30, unchanged: 90, totalChangePence: -3000 } },
    });
  });

  it('states a calibrated price per point exactly as the policy does, never rounded to the penny', () => {
    const pilot = exampleVersions().find((v) => v.scheme === 'adult-ras' && v.version === '2009-pilot')!;
    const howItWorks = (pencePerPoint: number) => {
      const document = structuredClone(pilot.policy) as Policy;
      document.pricing.default = { method: 'price-per-point', period: 'week', pencePerPoint };
      const version = { policyId: 'adult-ras', version: '2009-pilot', contentHash: `sha256:${'0'.repeat(64)}`, document };
      return transparencyRecord(version, ratificationOf(pilot.dir), AUDIT_KEY).tier1.howItWorks;
    };
    // By hand: 488.3417p is £4.883417 (pence ÷ 100, every digit kept), not £4.88.
    expect(howItWorks(488.3417)).toContain('The total becomes money at a price per point (£4.883417 a point in the standard table).');
    // 123,456.7891p is £1,234.567891; a whole-penny price keeps its two decimals: 502p is £5.02.
    expect(howItWorks(123_456.7891)).toContain(
      'The total becomes money at a price per point (£1,234.567891 a point in the standard table).',
    );
    expect(howItWorks(502)).toContain('The total becomes money at a price per point (£5.02 a point in the standard table).');
  });

  it('exists only for a published version: a draft has none', async () => {
    await as(server, server.tokens.officer).post('/api/policies/adult-ras/versions/2010-revised/clone', { version: 'draft-no-record' });
    await editDocument(server, server.tokens.officer, 'adult-ras', 'draft-no-record', (d) => {
      d.title = 'A draft';
    });
    expect((await record('adult-ras', 'draft-no-record')).status).toBe(404);
  });
});
