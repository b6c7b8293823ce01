/** The published RAS: what anyone can read without signing in, and what stays private. */

import { exampleVersions } from '../support/examples.js';
import { createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, request, startServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
  await call(server.url, 'POST', '/api/policies/adult-ras/versions/2010-revised/clone', server.tokens.officer, {
    version: 'private-draft',
  });
});
const auditKey = () => server.store.trustedKeys[0]!;

afterAll(async () => {
  await server.close();
  server.remove();
});

describe('the published RAS', () => {
  it('lists each scheme with its version in force and its ratified versions only', async () => {
    const res = await request(server.url, 'GET', '/api/public/policies');
    expect(res.status).toBe(200);
    const adult = res.body.find((p: { id: string }) => p.id === 'adult-ras');
    expect(adult.versions).toEqual([
      { version: '2009-pilot', status: 'superseded', effectiveFrom: '2009-04-01' },
      { version: '2010-revised', status: 'ratified', effectiveFrom: '2010-04-01' },
    ]);
  });

  it('shows a ratified version with its ratification record, but not who edited or ratified it', async () => {
    const res = await request(server.url, 'GET', '/api/public/policies/adult-ras/versions/2010-revised');
    expect(res.status).toBe(200);
    expect(res.body.document.pricing.default.pencePerPoint).toBe(502);
    expect(res.body.ratification).toEqual({
      body: 'Adult Social Care Cabinet (example council)',
      decisionDate: '2010-03-09',
      minuteReference: 'ASC/2010/07',
      effectiveFrom: '2010-04-01',
      rationale: expect.stringContaining('Recalibrates the price per point'),
      // Seeded before anything else was recorded: the chain stood at its start.
      auditAnchor: { seq: 0, hash: '0'.repeat(64) },
      // The same point signed with the council's audit key when it was seeded, as a line to keep.
      checkpoint: expect.stringMatching(
        new RegExp(`^ras-checkpoint v1 commit=0 entry=0 head=0{64} at=2026-01-01T00:00:00.000Z key=${auditKey()} sig=[A-Za-z0-9_-]{86}$`),
      ),
    });
    expect(res.body.auditKey).toBe(auditKey());
    expect(JSON.stringify(res.body)).not.toMatch(/ratifiedBy|createdBy|submittedBy/);
  });

  it("publishes its first worked example worked out, without the person's reference (it may be a real case)", async () => {
    const res = await request(server.url, 'GET', '/api/public/policies/adult-ras/versions/2010-revised');
    expect(res.body.workedExample.result.person.reference).toBeNull();
    const references = exampleVersions()
      .find((v) => v.scheme === 'adult-ras' && v.version === '2010-revised')!
      .examples.map((e) => (e.json.assessment as { reference?: string }).reference)
      .filter((r): r is string => typeof r === 'string');
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) expect(JSON.stringify(res.body)).not.toContain(reference);
  });

  it("publishes the council's audit key and each ratification's checkpoint, signed with that key", async () => {
    const res = await request(server.url, 'GET', '/api/public/checkpoints');
    expect(res.status).toBe(200);
    expect(res.body.auditKey).toBe(auditKey());
    const lines: Array<{ policyId: string; version: string; line: string }> = res.body.checkpoints;
    expect(lines.map((c) => `${c.policyId}/${c.version}`)).toContain('adult-ras/2010-revised');
    expect(lines.some((c) => c.version === 'private-draft')).toBe(false);
    // Checked as anyone would with node's crypto alone: the signature is of the line before ' sig='.
    const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: auditKey() }, format: 'jwk' });
    for (const { line } of lines) {
      const [signed, signature] = line.split(' sig=');
      expect(verify(null, Buffer.from(signed!), publicKey, Buffer.from(signature!, 'base64url'))).toBe(true);
      expect(verify(null, Buffer.from(signed!.replace('entry=0', 'entry=1')), publicKey, Buffer.from(signature!, 'base64url'))).toBe(false);
    }
  });

  it('never shows a draft', async () => {
    const res = await request(server.url, 'GET', '/api/public/policies/adult-ras/versions/private-draft');
    expect(res.status).toBe(404);
    expect(res.body.type).toBe('/problems/not_published');
  });

  it('answers which version is in force on a date', async () => {
    expect((await request(server.url, 'GET', '/api/public/policies/adult-ras/in-force?asOf=2009-12-31')).body.version).toBe('2009-pilot');
    expect((await request(server.url, 'GET', '/api/public/policies/adult-ras/in-force?asOf=2010-04-01')).body.version).toBe('2010-revised');
  });
});
