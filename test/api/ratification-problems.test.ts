/**
 * A ratification's problems come back all at once, each at its field and in words, so the ratifier puts them
 * all right in one go; and the scheme's reference cohort is chosen by a policy officer (or scrutiny, or a
 * ratifier), with an audit entry, never by an administrator.
 *
 * The reference cohort: OP-1 older person 75-84 and OP-2 older person 65-74, both needing some help washing
 * (10 points; OP-2 also some help with physical health, 8 × 1.5). At 490p a point instead of 2010-revised's
 * 502p both are worse off (OP-1 −£52 a year, OP-2 −£156: losers-need-a-reason.test.ts has the arithmetic).
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { longDate } from '../../engine/index.js';
import { adult, cohortDocument, NO_NEEDS } from '../support/adult-cohort.js';
import { as, cloneVersion, editDocument, ok, ratify, replaceExamples, today, versionPath } from '../support/api-client.js';
import { createPerson, login, startServer, type TestServer } from '../support/server.js';

function useServer(): () => TestServer {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    await server?.close();
    if (server) server.remove();
  });
  return () => server;
}

const PEOPLE = [
  adult('OP-1', 'older-people', '75-84', { 'pc-washing': 'some-help' }),
  adult('OP-2', 'older-people', '65-74', { 'pc-washing': 'some-help', 'he-physical': 'some-help' }),
];

async function referenceCohort(server: TestServer, token: string): Promise<string> {
  const cohort = ok(await as(server, server.tokens.scrutiny).post('/api/cohorts', cohortDocument('Two older people', PEOPLE)), 'cohort');
  ok(await as(server, token).put('/api/policies/adult-ras/reference-cohort', { cohortId: cohort.id }), 'reference cohort');
  return cohort.id;
}

/** 2010-revised at 490p a point, with a worked example that passes (10 points: 4900 + 123 = 5023 → £51 a week), submitted. */
async function submitCut(server: TestServer, version: string): Promise<void> {
  const officer = server.tokens.officer;
  await cloneVersion(server, officer, 'adult-ras', '2010-revised', version);
  await editDocument(server, officer, 'adult-ras', version, (d) => {
    d.pricing.default.pencePerPoint = 490;
  });
  await replaceExamples(server, officer, 'adult-ras', version, [
    {
      name: 'Older person needing some help washing',
      assessment: {
        reference: 'EX-1',
        assessmentDate: '2011-06-01',
        age: 80,
        clientGroup: 'older-people',
        questionnaire: 'adult-sdaq',
        answers: { ...NO_NEEDS, 'pc-washing': 'some-help' },
      },
      expect: { totalPoints: 10, weeklyPence: 5_100 },
    },
  ]);
  ok(await as(server, officer).post(`${versionPath('adult-ras', version)}/submit`), 'submit');
}

function tomorrow(): string {
  const d = new Date(`${today()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

describe('ratifying: every problem at once', () => {
  const server = useServer();

  it('answers a short rationale, a decision date after today, an unconfirmed backdated effective date and a missing equality note in one answer, each at its field, in words', async () => {
    await referenceCohort(server(), server().tokens.officer);
    await submitCut(server(), 'cut-2011');
    const res = await ratify(server(), server().tokens.ratifier, 'adult-ras', 'cut-2011', {
      body: 'Adult Social Care Cabinet',
      decisionDate: tomorrow(),
      minuteReference: 'ASC/2011/7',
      rationale: 'ok',
      effectiveFrom: '2011-04-01',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.type).toBe('/problems/ratification_incomplete');
    const errors = res.body.errors as Array<{ pointer: string; code: string; message: string }>;
    expect(errors.map((e) => [e.pointer, e.code])).toEqual([
      ['/rationale', 'reason_required'],
      ['/decisionDate', 'decision_date_in_future'],
      ['/effectiveFrom', 'effective_from_unusual'],
      ['/equalityImpact', 'equality_impact_required'],
    ]);
    const [rationale, decisionDate, effectiveFrom, equality] = errors.map((e) => e.message);
    expect(rationale).toContain('Write the rationale in words');
    expect(decisionDate).toBe(
      `The decision date, ${longDate(tomorrow())}, is after today (${longDate(today())}): a ratification records a decision already taken.`,
    );
    expect(effectiveFrom).toContain('would be in force from 1 April 2011, before today');
    // Both older people are worse off, each in their own age band; groups by their names.
    expect(equality).toContain('Older people: 2 of 2 worse off; aged 65-74: 1 of 1 worse off; aged 75-84: 1 of 1 worse off');
    // In words: no ISO dates, no field names, no client group ids.
    for (const e of errors) {
      expect(e.message).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(e.message).not.toMatch(/confirmEffectiveFrom|older-people/);
    }
    expect(res.body.detail).toMatch(/^4 things must be put right before version cut-2011 can be ratified/);
    // Nothing changed.
    expect(ok(await as(server(), server().tokens.ratifier).get(versionPath('adult-ras', 'cut-2011'))).status).toBe('submitted');
  });

  it('answers a rationale left out together with a decision date after today, not one on each try', async () => {
    await submitCut(server(), 'cut-2011');
    const res = await ratify(server(), server().tokens.ratifier, 'adult-ras', 'cut-2011', {
      body: 'Adult Social Care Cabinet',
      decisionDate: tomorrow(),
      minuteReference: 'ASC/2011/7',
      effectiveFrom: '2011-04-01',
    } as never);
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    const errors = res.body.errors as Array<{ pointer: string; code: string; message: string }>;
    expect(errors.map((e) => [e.pointer, e.code])).toEqual([
      ['/rationale', 'schema_required'],
      ['/decisionDate', 'decision_date_in_future'],
      ['/effectiveFrom', 'effective_from_unusual'],
    ]);
    expect(errors[1]!.message).toBe(
      `The decision date, ${longDate(tomorrow())}, is after today (${longDate(today())}): a ratification records a decision already taken.`,
    );
    expect(ok(await as(server(), server().tokens.ratifier).get(versionPath('adult-ras', 'cut-2011'))).status).toBe('submitted');
  });

  it('once each is put right, it is ratified', async () => {
    await referenceCohort(server(), server().tokens.officer);
    await submitCut(server(), 'cut-2011');
    const res = await ratify(server(), server().tokens.ratifier, 'adult-ras', 'cut-2011', {
      body: 'Adult Social Care Cabinet',
      decisionDate: '2011-03-20',
      minuteReference: 'ASC/2011/7',
      rationale: 'The price per point falls to match the new care market rates.',
      effectiveFrom: '2011-04-01',
      confirmEffectiveFrom: true,
      equalityImpact: 'Older people lose up to £156 a year; transitional protection applies for one year.',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('ratified');
  });

  it('one problem alone is answered as it always was', async () => {
    await submitCut(server(), 'cut-2011');
    const res = await ratify(server(), server().tokens.ratifier, 'adult-ras', 'cut-2011', {
      body: 'Adult Social Care Cabinet',
      decisionDate: '2011-03-20',
      minuteReference: 'ASC/2011/7',
      rationale: 'The price per point falls to match the new care market rates.',
      effectiveFrom: '2011-04-01',
      confirmEffectiveFrom: true,
    });
    expect(res.status).toBe(422);
    expect(res.body.type).toBe('/problems/comparison_waiver_required');
    expect(res.body.errors).toEqual([
      { pointer: '/comparisonWaiver', code: 'comparison_waiver_required', message: 'say why this is done without a comparison' },
    ]);
    expect(res.body.detail).toContain('(the scheme has no reference cohort)');
  });

  it('the person who submitted a version is not offered ratifying it, even with the ratifier role, and is refused if they try', async () => {
    await createPerson(server().url, server().tokens.admin, {
      username: 'both.roles',
      displayName: 'Bo Throles',
      roles: ['officer', 'ratifier'],
    });
    const both = await login(server().url, 'both.roles');
    await cloneVersion(server(), both, 'adult-ras', '2010-revised', 'same-2011');
    ok(await as(server(), both).post(`${versionPath('adult-ras', 'same-2011')}/submit`), 'submit');
    const asSubmitter = ok(await as(server(), both).get(versionPath('adult-ras', 'same-2011')));
    expect(asSubmitter.steps).not.toContain('ratify');
    expect(asSubmitter.steps).toContain('return-to-draft');
    expect(ok(await as(server(), server().tokens.ratifier).get(versionPath('adult-ras', 'same-2011'))).steps).toContain('ratify');
    const refused = await ratify(server(), both, 'adult-ras', 'same-2011', {
      body: 'Adult Social Care Cabinet',
      decisionDate: today(),
      minuteReference: 'ASC/2011/8',
      rationale: 'An unchanged copy, ratified to test four eyes.',
      effectiveFrom: today(),
      comparisonWaiver: 'The scheme has no reference cohort yet; the committee read the worked examples.',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.type).toBe('/problems/four_eyes');
    expect(refused.body.detail).toBe('You submitted version same-2011, so someone else must ratify it.');
  });
});

describe('choosing the reference cohort', () => {
  const server = useServer();

  it('a policy officer chooses it, the audit log says who and which, and an administrator is refused', async () => {
    const cohortId = await referenceCohort(server(), server().tokens.officer);
    expect(ok(await as(server(), server().tokens.ratifier).get('/api/policies/adult-ras')).referenceCohortId).toBe(cohortId);
    const entries = ok(await as(server(), server().tokens.scrutiny).get('/api/audit?action=policy.reference-cohort')) as Array<{
      actor: string;
      target: string;
      details: { cohortId: string };
    }>;
    expect(entries.map((e) => [e.actor, e.target, e.details.cohortId])).toEqual([['officer', 'policy:adult-ras', cohortId]]);
    const refused = await as(server(), server().tokens.admin).put('/api/policies/adult-ras/reference-cohort', { cohortId: null });
    expect(refused.status).toBe(403);
    expect(ok(await as(server(), server().tokens.ratifier).get('/api/policies/adult-ras')).referenceCohortId).toBe(cohortId);
  });
});
