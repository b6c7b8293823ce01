/**
 * README's "First steps with the API", written as an integrating developer would write them: types
 * generated from nothing but the served OpenAPI document (openapi-typescript, into ./generated), calls
 * made with openapi-fetch, and no cast anywhere. test/integrator/generated-client.test.ts generates the
 * types, type-checks this file with `tsc --strict`, and runs it against a new server.
 *
 *   node --import tsx readme-flow.ts <base URL> <setup code>
 *
 * It prints one JSON line: the indicative budget a week, in pence, and the version that gave it.
 */

import createClient from 'openapi-fetch';
import type { paths } from './generated/api.js';
import { sampleAssessments } from './generated/bodies.js';

const [baseUrl, setupCode] = process.argv.slice(2);
if (!baseUrl || !setupCode) throw new Error('usage: readme-flow.ts <base URL> <setup code>');

const api = createClient<paths>({ baseUrl });
const password = 'correct horse battery staple 2026';

const setup = await api.POST('/api/setup', { body: { code: setupCode, username: 'admin', password } });
if (setup.error) throw new Error(`setup: ${setup.error.title}`);

const signIn = await api.POST('/api/auth/login', { body: { username: 'admin', password } });
if (signIn.error) throw new Error(`sign-in: ${signIn.error.title}`);
const asAdmin = { headers: { Authorization: `Bearer ${signIn.data.token}` } };

const account = await api.POST('/api/users', {
  ...asAdmin,
  body: { username: 'case-system', displayName: 'Case system', roles: ['api-client'] },
});
if (account.error) throw new Error(`account: ${account.error.title}`);

const issued = await api.POST('/api/users/{userId}/api-keys', {
  ...asAdmin,
  params: { path: { userId: account.data.id } },
  body: { label: 'case system' },
});
if (issued.error) throw new Error(`API key: ${issued.error.title}`);
if (!('key' in issued.data)) throw new Error('the key waits for a second admin, but this council has one');

const evaluated = await api.POST('/api/policies/{id}/evaluate', {
  headers: { Authorization: `ApiKey ${issued.data.key}` },
  params: { path: { id: 'adult-ras' } },
  body: sampleAssessments['adult-older-person'],
});
if (evaluated.error) throw new Error(`evaluate: ${evaluated.error.title}`);

const { weeklyPence, provenance } = evaluated.data;
console.log(JSON.stringify({ weeklyPence, version: provenance.version }));
