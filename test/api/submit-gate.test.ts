/**
 * What stops a draft from going forward: its worked examples must all pass and there must be at least
 * one, and an invalid document is never stored in the first place.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, cloneVersion, editDocument, ok, replaceExamples, versionPath } from '../support/api-client.js';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
  server.remove();
});

const officer = () => as(server, server.tokens.officer);
const pointers = (body: { errors?: Array<{ pointer: string }> }) => (body.errors ?? []).map((e) => e.pointer);

describe('submitting a draft whose worked examples no longer match', () => {
  const path = versionPath('adult-ras', 'repriced');
  let examples: Array<{ name: string; assessment: { clientGroup: string } }>;

  beforeEach(async () => {
    await cloneVersion(server, server.tokens.officer, 'adult-ras', '2010-revised', 'repriced');
    // The default price changes from 502p to 510p; the learning disability table (545p) does not.
    await editDocument(server, server.tokens.officer, 'adult-ras', 'repriced', (d) => {
      d.pricing.default.pencePerPoint = 510;
    });
    examples = ok(await officer().get(path)).examples;
  });

  it('is refused with 422 examples_failed, one error at /examples/<i> for each failing example', async () => {
    const res = await officer().post(`${path}/submit`);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ type: '/problems/examples_failed', status: 422 });
    const expected = examples.flatMap((e, i) => (e.assessment.clientGroup === 'learning-disability' ? [] : [`/examples/${i}`]));
    expect(expected.length).toBe(examples.length - 1);
    expect(pointers(res.body)).toEqual(expected);
    expect(res.body.errors.every((e: { code: string }) => e.code === 'example_failed')).toBe(true);
    expect(res.body.detail).toContain(`${expected.length} of ${examples.length}`);
  });

  it('names the example and the amount it expected and got', async () => {
    const res = await officer().post(`${path}/submit`);
    const index = examples.findIndex((e: any) => e.assessment.assessmentDate === '2010-06-01' && !e.asOf);
    const error = res.body.errors.find((e: { pointer: string }) => e.pointer === `/examples/${index}`);
    expect(error.message).toContain(examples[index]!.name);
    // 80.5 points x 510p ... = 36900p a week (see lifecycle.test.ts), not the 36300p the example expects.
    expect(error.message).toContain('weeklyPence expected 36300, got 36900');
  });

  it('leaves the draft a draft', async () => {
    const stored = ok(await officer().get(path));
    expect(stored).toMatchObject({ status: 'draft', submittedBy: null });
    const actions = ok(await officer().get(`${path}/audit`)).map((e: { action: string }) => e.action);
    expect(actions).not.toContain('version.submit');
  });

  it('reports the same failures when the examples are run on request', async () => {
    const run = ok(await officer().post(`${path}/examples/run`));
    expect(run.passed).toBe(false);
    expect(run.examples.map((e: { passed: boolean }) => e.passed)).toEqual(
      examples.map((e) => e.assessment.clientGroup === 'learning-disability'),
    );
  });

  it('goes through once the examples are corrected', async () => {
    const ld = examples.find((e) => e.assessment.clientGroup === 'learning-disability')!;
    await replaceExamples(server, server.tokens.officer, 'adult-ras', 'repriced', [ld]);
    const res = await officer().post(`${path}/submit`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('submitted');
  });
});

describe('submitting a draft with no worked examples', () => {
  const path = versionPath('adult-ras', 'no-examples');

  beforeEach(async () => {
    await cloneVersion(server, server.tokens.officer, 'adult-ras', '2010-revised', 'no-examples');
    await replaceExamples(server, server.tokens.officer, 'adult-ras', 'no-examples', []);
  });

  it('is refused with 422 examples_required pointing at /examples', async () => {
    const res = await officer().post(`${path}/submit`);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ type: '/problems/examples_required', status: 422 });
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/examples', code: 'examples_required' })]);
    expect(ok(await officer().get(path)).status).toBe('draft');
  });
});

describe('an invalid document', () => {
  const path = versionPath('childrens-ras', 'band-edit');
  let before: { etag: string; body: any };

  beforeEach(async () => {
    await cloneVersion(server, server.tokens.officer, 'childrens-ras', '2013-revised', 'band-edit');
    const res = await officer().get(path);
    before = { etag: res.headers.get('etag')!, body: res.body };
  });

  async function putDocument(change: (d: any) => void) {
    const document = structuredClone(before.body.document);
    change(document);
    return officer().put(path, document, { 'if-match': before.etag });
  }

  async function expectUnchanged() {
    const after = await officer().get(path);
    expect(after.headers.get('etag')).toBe(before.etag);
    expect(after.body.document).toEqual(before.body.document);
    expect(after.body.updatedAt).toBe(before.body.updatedAt);
    const actions = ok(await officer().get(`${path}/audit`)).map((e: { action: string }) => e.action);
    expect(actions).toEqual(['version.create']);
  }

  it('is refused when its bands leave a gap, pointing at the band that starts too late', async () => {
    // Band 1 ends at 24 points; band 2 now starts at 26, so a total of 25 would have no band.
    const res = await putDocument((d) => {
      d.pricing.default.bands[2].from = 26;
    });
    expect(res.status).toBe(422);
    expect(res.body.type).toBe('/problems/validation_failed');
    expect(res.body.errors).toContainEqual(expect.objectContaining({ pointer: '/pricing/default/bands/2/from', code: 'band_gap' }));
    await expectUnchanged();
  });

  it('is refused when its bands overlap', async () => {
    const res = await putDocument((d) => {
      d.pricing.default.bands[2].from = 24;
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ pointer: '/pricing/default/bands/2/from', code: 'band_overlap' }));
    await expectUnchanged();
  });

  it('is refused when the top band is closed, since there is no ceiling', async () => {
    const res = await putDocument((d) => {
      d.pricing.default.bands.at(-1).to = 120;
    });
    expect(res.status).toBe(422);
    expect(pointers(res.body)).toContain(`/pricing/default/bands/${before.body.document.pricing.default.bands.length - 1}/to`);
    await expectUnchanged();
  });

  it('is refused when a value breaks the schema, pointing at that value', async () => {
    const res = await putDocument((d) => {
      d.pricing.default.bands[1].pence = 'a lot';
    });
    expect(res.status).toBe(422);
    expect(pointers(res.body)).toContain('/pricing/default/bands/1/pence');
    await expectUnchanged();
  });

  it('is refused when its version differs from the URL', async () => {
    const res = await putDocument((d) => {
      d.version = 'somewhere-else';
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/version', code: 'version_mismatch' })]);
    await expectUnchanged();
  });

  it('is refused when its id names another policy', async () => {
    const res = await putDocument((d) => {
      d.id = 'adult-ras';
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/id', code: 'id_mismatch' })]);
    await expectUnchanged();
  });

  it('is refused as a new version too, and no version is created', async () => {
    const document = structuredClone(before.body.document);
    document.version = 'gap-version';
    document.pricing.default.bands[2].from = 26;
    const res = await officer().post('/api/policies/childrens-ras/versions', document);
    expect(res.status).toBe(422);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ pointer: '/pricing/default/bands/2/from', code: 'band_gap' }));
    expect((await officer().get(versionPath('childrens-ras', 'gap-version'))).status).toBe(404);
  });
});

describe('worked examples that are not examples', () => {
  it('are refused with pointers into the examples array', async () => {
    await cloneVersion(server, server.tokens.officer, 'adult-ras', '2010-revised', 'bad-examples');
    const res = await officer().put(
      `${versionPath('adult-ras', 'bad-examples')}/examples`,
      { examples: [{ name: 'no assessment', expect: { weeklyPence: 1 } }] },
      { 'if-match': `"${ok(await officer().get(versionPath('adult-ras', 'bad-examples'))).contentHash}"` },
    );
    expect(res.status).toBe(422);
    expect(pointers(res.body).some((p) => p.startsWith('/examples/0'))).toBe(true);
    expect(ok(await officer().get(versionPath('adult-ras', 'bad-examples'))).examples).toHaveLength(7);
  });
});
