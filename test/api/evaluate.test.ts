/**
 * Evaluation over HTTP: by the assessment's own date (the version in force then), by a named version of
 * any status, with an asOf override, and in batches where each item succeeds or fails on its own.
 * Expected amounts come from the hand-computed worked examples in rules/examples and their golden results.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, cloneVersion, editDocument, ok, versionPath } from '../support/api-client.js';
import { exampleVersions, type WorkedExampleJson } from '../support/examples.js';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
  server.remove();
});

const client = () => as(server, server.tokens['api-client']);

interface Case {
  scheme: string;
  version: string;
  name: string;
  example: WorkedExampleJson;
  golden: unknown;
  effectiveFrom: string;
  nextEffectiveFrom: string | null;
}

const VERSIONS = exampleVersions().map((v) => ({
  ...v,
  effectiveFrom: (JSON.parse(readFileSync(join(v.dir, 'ratification.json'), 'utf8')) as { effectiveFrom: string }).effectiveFrom,
}));
const CASES: Case[] = VERSIONS.flatMap((v) =>
  v.examples.map((e) => ({
    scheme: v.scheme,
    version: v.version,
    name: e.name,
    example: e.json,
    golden: JSON.parse(readFileSync(join(v.dir, 'golden', `${e.name}.result.json`), 'utf8')),
    effectiveFrom: v.effectiveFrom,
    nextEffectiveFrom:
      VERSIONS.filter((o) => o.scheme === v.scheme && o.effectiveFrom > v.effectiveFrom)
        .map((o) => o.effectiveFrom)
        .sort()[0] ?? null,
  })),
);
/** Examples whose assessment date falls while their own version is in force, and with no asOf. */
const BY_DATE = CASES.filter(
  (c) =>
    !c.example.asOf &&
    c.example.assessment &&
    (c.example.assessment as { assessmentDate: string }).assessmentDate >= c.effectiveFrom &&
    (c.nextEffectiveFrom === null || (c.example.assessment as { assessmentDate: string }).assessmentDate < c.nextEffectiveFrom),
);

const example = (scheme: string, version: string, name: string) => {
  const found = CASES.find((c) => c.scheme === scheme && c.version === version && c.name === name);
  if (!found) throw new Error(`no worked example ${scheme}/${version}/${name}`);
  return found.example;
};
const amounts = (e: WorkedExampleJson) => ({
  weeklyPence: e.expect.weeklyPence,
  monthlyPence: e.expect.monthlyPence,
  annualPence: e.expect.annualPence,
  allocation: e.expect.allocation,
});

describe('the worked examples the server holds', () => {
  it('are the ones in rules/examples, for every seeded version', async () => {
    for (const v of VERSIONS) {
      const stored = ok(await as(server, server.tokens.officer).get(versionPath(v.scheme, v.version)));
      expect(stored.examples, `${v.scheme}/${v.version}`).toEqual(v.examples.map((e) => e.json));
    }
  });
});

describe('evaluating by the assessment date', () => {
  it('covers examples of every seeded version', () => {
    expect(new Set(BY_DATE.map((c) => `${c.scheme}/${c.version}`))).toEqual(new Set(VERSIONS.map((v) => `${v.scheme}/${v.version}`)));
  });

  it.each(BY_DATE.map((c) => [`${c.scheme}/${c.version}/${c.name}`, c] as const))(
    "%s gives the worked example's amounts with the version in force",
    async (_label, c) => {
      const res = await client().post(`/api/policies/${c.scheme}/evaluate`, c.example.assessment);
      expect(res.status).toBe(200);
      expect(res.body.provenance).toMatchObject({ policyId: c.scheme, version: c.version });
      expect(res.body).toMatchObject(amounts(c.example));
      expect(res.body.points.total).toBe(c.example.expect.totalPoints);
      expect(res.body.flags.map((f: { code: string }) => f.code)).toEqual(c.example.expect.flags);
      expect(res.body).toEqual(c.golden);
    },
  );

  it('uses the version in force on the date, not the newest one', async () => {
    // The 2010 revision's 15 March 2010 example falls before 2010-04-01, so the 2009 pilot prices it.
    const assessment = example('adult-ras', '2010-revised', 'older-person-before-uplift').assessment;
    const res = ok(await client().post('/api/policies/adult-ras/evaluate', assessment));
    expect(res.provenance.version).toBe('2009-pilot');
    const seededPilot = ok(await as(server, server.tokens.officer).get(versionPath('adult-ras', '2009-pilot')));
    expect(res.provenance.contentHash).toBe(seededPilot.contentHash);
  });

  it('answers 422 none_in_force, pointing at the date, when no version is in force then', async () => {
    const assessment = {
      ...(example('adult-ras', '2009-pilot', 'older-person-carer-reduction').assessment as object),
      assessmentDate: '2009-03-31',
    };
    const res = await client().post('/api/policies/adult-ras/evaluate', assessment);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ type: '/problems/none_in_force', status: 422 });
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/assessmentDate', code: 'none_in_force' })]);
  });

  it('answers 422 pointing at /assessmentDate when the date is not a real date', async () => {
    const assessment = {
      ...(example('adult-ras', '2009-pilot', 'older-person-carer-reduction').assessment as object),
      assessmentDate: '2009-02-29',
    };
    const res = await client().post('/api/policies/adult-ras/evaluate', assessment);
    expect(res.status).toBe(422);
    expect(res.body.type).toBe('/problems/assessment_invalid');
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/assessmentDate']);
  });

  it('answers 404 for a policy that does not exist', async () => {
    const res = await client().post(
      '/api/policies/no-such-policy/evaluate',
      example('adult-ras', '2009-pilot', 'older-person-carer-reduction').assessment,
    );
    expect(res.status).toBe(404);
    expect(res.body.type).toBe('/problems/policy_not_found');
  });
});

describe('evaluating with a named version', () => {
  it.each(CASES.map((c) => [`${c.scheme}/${c.version}/${c.name}`, c] as const))(
    '%s gives its golden result byte for byte',
    async (_label, c) => {
      const query = c.example.asOf ? `?asOf=${c.example.asOf}` : '';
      const res = await client().post(`${versionPath(c.scheme, c.version)}/evaluate${query}`, c.example.assessment);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject(amounts(c.example));
      expect(JSON.stringify(res.body, null, 2)).toBe(JSON.stringify(c.golden, null, 2));
    },
  );

  it('prices an assessment dated before the version took effect with that version when asked to', async () => {
    const e = example('adult-ras', '2010-revised', 'older-person-before-uplift');
    const res = ok(await client().post(`${versionPath('adult-ras', '2010-revised')}/evaluate`, e.assessment));
    expect(res.provenance.version).toBe('2010-revised');
    expect(res.weeklyPence).toBe(35400);
  });

  describe('a draft', () => {
    let draft: any;

    beforeAll(async () => {
      await cloneVersion(server, server.tokens.officer, 'adult-ras', '2010-revised', 'draft-510');
      draft = await editDocument(server, server.tokens.officer, 'adult-ras', 'draft-510', (d) => {
        d.pricing.default.pencePerPoint = 510;
      });
    });

    it("evaluates with the draft's own content, naming it in the provenance", async () => {
      // 80.5 x 510p = 41055p; carer 12.5% = 5131.875 -> 5132p, 35923p; uplift 2.5% = 898.075 -> 899p, 36822p;
      // up to the pound 36900p a week; x 52 = 1918800p a year; / 12 = 159900p a month.
      const res = await client().post(
        `${versionPath('adult-ras', 'draft-510')}/evaluate`,
        example('adult-ras', '2010-revised', 'older-person-uplift-in-force').assessment,
      );
      expect(res.status).toBe(200);
      expect(res.body.provenance).toMatchObject({ policyId: 'adult-ras', version: 'draft-510', contentHash: draft.contentHash });
      expect(res.body).toMatchObject({
        weeklyPence: 36900,
        monthlyPence: 159900,
        annualPence: 1918800,
        allocation: { period: 'week', pence: 36900 },
      });
    });

    it('is never used for evaluation by date', async () => {
      const res = ok(
        await client().post(
          '/api/policies/adult-ras/evaluate',
          example('adult-ras', '2010-revised', 'older-person-uplift-in-force').assessment,
        ),
      );
      expect(res.provenance.version).toBe('2010-revised');
      expect(res.weeklyPence).toBe(36300);
    });
  });

  it('answers 404 for a version that does not exist', async () => {
    const res = await client().post(
      `${versionPath('adult-ras', 'no-such-version')}/evaluate`,
      example('adult-ras', '2009-pilot', 'older-person-carer-reduction').assessment,
    );
    expect(res.status).toBe(404);
    expect(res.body.type).toBe('/problems/version_not_found');
  });
});

describe('the asOf override', () => {
  const beforeUplift = () => example('adult-ras', '2010-revised', 'older-person-before-uplift');
  const upliftInForce = () => example('adult-ras', '2010-revised', 'older-person-uplift-in-force');

  it("re-prices a named version's evaluation as of another date (the uplift applies from its first day)", async () => {
    const res = ok(await client().post(`${versionPath('adult-ras', '2010-revised')}/evaluate?asOf=2010-04-01`, beforeUplift().assessment));
    expect(res.asOf).toBe('2010-04-01');
    expect(res).toMatchObject(amounts(example('adult-ras', '2010-revised', 'older-person-repriced-as-of-uplift')));
    expect(res.weeklyPence).toBe(36300);
  });

  it('changes the evaluation date but not the version chosen by the assessment date', async () => {
    // Assessed on 2010-06-01 (2010-revised in force) but priced as of 2010-03-31, before the 2.5% uplift:
    // the same arithmetic as the before-uplift example, 35400p a week.
    const res = ok(await client().post('/api/policies/adult-ras/evaluate?asOf=2010-03-31', upliftInForce().assessment));
    expect(res.provenance.version).toBe('2010-revised');
    expect(res.asOf).toBe('2010-03-31');
    expect(res).toMatchObject(amounts(beforeUplift()));
  });

  it('defaults to the assessment date', async () => {
    const res = ok(await client().post('/api/policies/adult-ras/evaluate', upliftInForce().assessment));
    expect(res.asOf).toBe('2010-06-01');
    expect(res.weeklyPence).toBe(36300);
  });

  it.each(['2010-13-01', 'yesterday'])('refuses asOf=%s with 400 pointing at /query/asOf', async (asOf) => {
    const res = await client().post(`/api/policies/adult-ras/evaluate?asOf=${asOf}`, upliftInForce().assessment);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ type: '/problems/bad_date' });
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/query/asOf' })]);
  });
});

describe('an invalid assessment', () => {
  const valid = () => structuredClone(example('adult-ras', '2010-revised', 'older-person-uplift-in-force').assessment) as any;

  it('is refused with 422, pointing at an unknown answer', async () => {
    const assessment = valid();
    assessment.answers['pc-washing'] = 'hovering';
    const res = await client().post('/api/policies/adult-ras/evaluate', assessment);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: '/problems/assessment_invalid', status: 422 });
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/answers/pc-washing', code: 'unknown_answer' })]);
  });

  it('is refused with 422, pointing at an unknown question', async () => {
    const assessment = valid();
    assessment.answers['made-up-question'] = 'yes';
    const res = await client().post('/api/policies/adult-ras/evaluate', assessment);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/answers/made-up-question', code: 'unknown_question' })]);
  });

  it('is refused with 422, pointing at a client group the policy does not declare', async () => {
    const assessment = { ...valid(), clientGroup: 'martians' };
    const res = await client().post(`${versionPath('adult-ras', '2010-revised')}/evaluate`, assessment);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/clientGroup', code: 'unknown_client_group' })]);
  });

  it('is refused with 422 when a required answer is missing, pointing at it', async () => {
    const assessment = valid();
    delete assessment.answers['pc-dressing'];
    const res = await client().post('/api/policies/adult-ras/evaluate', assessment);
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/answers/pc-dressing');
  });
});

describe('evaluate-batch', () => {
  const pilot = () => example('adult-ras', '2009-pilot', 'older-person-carer-reduction');
  const revised = () => example('adult-ras', '2010-revised', 'older-person-uplift-in-force');

  it('evaluates each assessment on its own, with per-item results and problems pointing into /assessments/<i>', async () => {
    const badAnswer = structuredClone(revised().assessment) as any;
    badAnswer.answers['pc-washing'] = 'hovering';
    const tooEarly = { ...(pilot().assessment as object), assessmentDate: '2001-01-01' };
    const badDate = { ...(pilot().assessment as object), assessmentDate: 'not-a-date' };
    const res = await client().post('/api/policies/adult-ras/evaluate-batch', {
      assessments: [pilot().assessment, badAnswer, revised().assessment, tooEarly, badDate],
    });
    expect(res.status).toBe(200);
    const results = res.body.results;
    expect(results.map((r: { index: number; ok: boolean }) => [r.index, r.ok])).toEqual([
      [0, true],
      [1, false],
      [2, true],
      [3, false],
      [4, false],
    ]);

    expect(results[0].result.provenance.version).toBe('2009-pilot');
    expect(results[0].result).toMatchObject(amounts(pilot()));
    expect(results[2].result.provenance.version).toBe('2010-revised');
    expect(results[2].result).toMatchObject(amounts(revised()));

    expect(results[1].problem).toMatchObject({ type: '/problems/assessment_invalid', status: 422 });
    expect(results[1].problem.errors).toEqual([
      expect.objectContaining({ pointer: '/assessments/1/answers/pc-washing', code: 'unknown_answer' }),
    ]);
    expect(results[3].problem).toMatchObject({ type: '/problems/none_in_force', status: 422 });
    expect(results[3].problem.errors).toEqual([expect.objectContaining({ pointer: '/assessments/3/assessmentDate' })]);
    expect(results[4].problem.type).toBe('/problems/assessment_invalid');
    expect(results[4].problem.errors).toEqual([expect.objectContaining({ pointer: '/assessments/4/assessmentDate' })]);
  });

  it('gives each item the same result as a single evaluation', async () => {
    const single = ok(await client().post('/api/policies/adult-ras/evaluate', revised().assessment));
    const batch = ok(await client().post('/api/policies/adult-ras/evaluate-batch', { assessments: [revised().assessment] }));
    expect(batch.results[0].result).toEqual(single);
  });

  it('evaluates a batch with a named version and asOf', async () => {
    const res = ok(
      await client().post(`${versionPath('adult-ras', '2010-revised')}/evaluate-batch?asOf=2010-04-01`, {
        assessments: [example('adult-ras', '2010-revised', 'older-person-before-uplift').assessment, { clientGroup: 'older-people' }],
      }),
    );
    expect(res.results[0]).toMatchObject({ index: 0, ok: true, result: { asOf: '2010-04-01', weeklyPence: 36300 } });
    expect(res.results[1].ok).toBe(false);
    expect(res.results[1].problem.errors.every((e: { pointer: string }) => e.pointer.startsWith('/assessments/1'))).toBe(true);
  });

  it('refuses an empty batch with 422 pointing at /assessments', async () => {
    const res = await client().post('/api/policies/adult-ras/evaluate-batch', { assessments: [] });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/assessments');
  });
});

describe('who may evaluate', () => {
  it('refuses a user without an evaluating role', async () => {
    const res = await as(server, server.tokens.admin).post(
      '/api/policies/adult-ras/evaluate',
      example('adult-ras', '2010-revised', 'older-person-uplift-in-force').assessment,
    );
    expect(res.status).toBe(403);
    expect(res.body.type).toBe('/problems/role_required');
  });

  it('refuses a caller who is not signed in', async () => {
    const res = await as(server, '').post(
      '/api/policies/adult-ras/evaluate',
      example('adult-ras', '2010-revised', 'older-person-uplift-in-force').assessment,
    );
    expect(res.status).toBe(401);
  });
});
