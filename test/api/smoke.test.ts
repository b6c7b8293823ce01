import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, startServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
  server.remove();
});

describe('a new server', () => {
  it('has the example policies in force', async () => {
    const res = await request(server.url, 'GET', '/api/policies/adult-ras/in-force?asOf=2010-06-01', server.tokens.officer);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ policyId: 'adult-ras', version: '2010-revised', status: 'ratified' });
  });

  it('evaluates an assessment with the version in force on its date', async () => {
    const example = (
      await request(server.url, 'GET', '/api/policies/adult-ras/versions/2009-pilot', server.tokens.officer)
    ).body.examples.find((e: { name: string }) => e.name.startsWith('Older person'));
    const res = await request(server.url, 'POST', '/api/policies/adult-ras/evaluate', server.tokens['api-client'], example.assessment);
    expect(res.status).toBe(200);
    expect(res.body.provenance).toMatchObject({ policyId: 'adult-ras', version: '2009-pilot' });
    expect(res.body.weeklyPence).toBe(example.expect.weeklyPence);
  });
});
