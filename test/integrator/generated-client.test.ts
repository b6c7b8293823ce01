/**
 * The API document as an integrating developer uses it: linted by Redocly's recommended rules, turned
 * into types by openapi-typescript, and a client written against nothing but those types
 * (client/readme-flow.ts, README's first steps) type-checked with `tsc --strict` and run against a new
 * server. Every example policy and sample assessment is written out as a typed literal, so a valid
 * request body that needs a cast to fit the generated types fails here.
 *
 * The client is its own npm workspace: openapi-typescript drives TypeScript's JS API, which the project's
 * TypeScript 7 does not have, so the client has TypeScript 5, as an integrator's project would.
 */

import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleVersions } from '../support/examples.js';
import { SETUP_CODE, startServer, type TestServer } from '../support/server.js';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const client = join(root, 'test/integrator/client');
const generated = join(client, 'generated');
const bin = (where: string, name: string) => join(where, 'node_modules/.bin', name);

let server: TestServer;

beforeAll(async () => {
  server = await startServer({ users: false });
  rmSync(generated, { recursive: true, force: true });
  mkdirSync(generated, { recursive: true });
  const document = await (await fetch(`${server.url}/api/openapi.json`)).text();
  writeFileSync(join(generated, 'openapi.json'), document);
}, 120_000);
afterAll(() => server?.close());

describe('an integrator reading the API document', () => {
  it("passes Redocly's recommended rules with no error", async () => {
    const { stdout } = await run(bin(root, 'redocly'), ['lint', join(generated, 'openapi.json'), '--format=json'], {
      maxBuffer: 64 * 1024 * 1024,
    }).catch((failed: { stdout: string }) => failed);
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as {
      totals: { errors: number };
      problems: Array<{ ruleId: string; severity: string; message: string; location: Array<{ pointer: string }> }>;
    };
    const errors = report.problems
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);
    expect(errors).toEqual([]);
    expect(report.totals.errors).toBe(0);
  });

  it('generates types that a strict TypeScript client, and every example policy and assessment, type-check against', async () => {
    await run(bin(client, 'openapi-typescript'), [join(generated, 'openapi.json'), '-o', join(generated, 'api.d.ts')]);
    writeFileSync(join(generated, 'bodies.ts'), typedLiterals());
    const checked = await run(bin(client, 'tsc'), ['-p', join(client, 'tsconfig.json')]).catch((failed: { stdout: string }) => failed);
    expect(checked.stdout).toBe('');
  }, 120_000);

  it("walks README's first steps with the generated client: setup, sign-in, an API key, an evaluation", async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', join(client, 'readme-flow.ts'), server.url, SETUP_CODE], {
      cwd: client,
    });
    // README: £363.00 a week under adult-ras 2010-revised, the version in force on the assessment date.
    expect(JSON.parse(stdout)).toEqual({ weeklyPence: 36_300, version: '2010-revised' });
  }, 60_000);
});

/** Each example policy, and the assessment of each worked example and sample, as a literal checked against its generated type. */
function typedLiterals(): string {
  const versions = exampleVersions();
  const samples = readdirSync(join(root, 'rules/sample-assessments')).filter((f) => f.endsWith('.json'));
  const entries = (items: Array<[string, unknown]>) => items.map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)},`);
  return [
    '/* Written by test/integrator/generated-client.test.ts: every example policy and assessment, typed. */',
    "import type { components } from './api.js';",
    '',
    'export const examplePolicies = {',
    ...entries(versions.map((v) => [`${v.scheme}/${v.version}`, v.policy])),
    "} satisfies Record<string, components['schemas']['Policy']>;",
    '',
    'export const workedExampleAssessments = {',
    ...entries(
      versions.flatMap((v) => v.examples.map((e): [string, unknown] => [`${v.scheme}/${v.version}/${e.name}`, e.json.assessment])),
    ),
    "} satisfies Record<string, components['schemas']['Assessment']>;",
    '',
    'export const sampleAssessments = {',
    ...entries(samples.map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(root, 'rules/sample-assessments', f), 'utf8'))])),
    "} satisfies Record<string, components['schemas']['Assessment']>;",
    '',
  ].join('\n');
}
