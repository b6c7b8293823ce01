/**
 * A version's answer lists the steps its reader may take on it now, so the console offers those and
 * restates no rule. The steps follow the roles (the permissions table), the version's status (the
 * transition table) and the four-eyes rules: whoever wrote a version does not ratify it, whoever proposed
 * a withdrawal does not confirm it. Each step offered is one the server then takes; one not offered, it
 * refuses.
 *
 * 'officer2' holds both the officer and the ratifier roles; 'ratifier' only the ratifier role.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, cloneVersion, NOTHING_IN_FORCE_NOTE, ok, ratificationFor, signIn, versionPath, withdraw } from '../support/api-client.js';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;
let officer2: string;
beforeAll(async () => {
  server = await startServer();
  officer2 = await signIn(server, 'officer2');
});
afterAll(async () => {
  await server.close();
  server.remove();
});

const REASON = 'The committee asked for the scheme to be looked at again.';
const stepsOf = async (token: string, version: string) => ok(await as(server, token).get(versionPath('adult-ras', version))).steps;

describe('the steps a version offers its reader', () => {
  it('on a draft: its officers may edit, submit, clone and delete it; nobody else may take a step', async () => {
    await cloneVersion(server, server.tokens.officer, 'adult-ras', '2010-revised', 'steps-draft');
    expect(await stepsOf(server.tokens.officer, 'steps-draft')).toEqual(['edit', 'edit-examples', 'delete', 'clone', 'submit']);
    expect(await stepsOf(officer2, 'steps-draft')).toEqual(['edit', 'edit-examples', 'delete', 'clone', 'submit']);
    expect(await stepsOf(server.tokens.ratifier, 'steps-draft')).toEqual([]);
    expect(await stepsOf(server.tokens.scrutiny, 'steps-draft')).toEqual([]);
    expect(await stepsOf(server.tokens.admin, 'steps-draft')).toEqual([]);
  });

  it('on a submitted version: a ratifier who wrote none of it may ratify; its author, holding the ratifier role too, may only return it', async () => {
    await cloneVersion(server, officer2, 'adult-ras', '2010-revised', 'steps-submitted');
    ok(await as(server, officer2).post(`${versionPath('adult-ras', 'steps-submitted')}/submit`, {}));
    expect(await stepsOf(server.tokens.ratifier, 'steps-submitted')).toEqual(['return-to-draft', 'ratify']);
    expect(await stepsOf(officer2, 'steps-submitted')).toEqual(['clone', 'return-to-draft']);
    expect(await stepsOf(server.tokens.officer, 'steps-submitted')).toEqual(['clone', 'return-to-draft']);

    // Not offered, and refused: officer2 wrote it.
    const reviewed = await as(server, officer2).get(versionPath('adult-ras', 'steps-submitted'));
    const refused = await as(server, officer2).post(
      `${versionPath('adult-ras', 'steps-submitted')}/ratify`,
      ratificationFor('2031-04-01'),
      { 'if-match': reviewed.headers.get('etag')! },
    );
    expect(refused.status).toBe(403);
    expect(refused.body.type).toBe('/problems/four_eyes');
  });

  it('on a version in force: a ratifier may propose its withdrawal; once proposed, only another ratifier may confirm it, and any may cancel it', async () => {
    expect(await stepsOf(server.tokens.ratifier, '2010-revised')).toEqual(['propose-withdrawal']);
    expect(await stepsOf(server.tokens.officer, '2010-revised')).toEqual(['clone']);
    ok(await as(server, server.tokens.ratifier).post(`${versionPath('adult-ras', '2010-revised')}/withdrawal`, { reason: REASON }));
    expect(await stepsOf(server.tokens.ratifier, '2010-revised')).toEqual(['cancel-withdrawal']);
    expect(await stepsOf(officer2, '2010-revised')).toEqual(['clone', 'cancel-withdrawal', 'confirm-withdrawal']);
    ok(await as(server, server.tokens.ratifier).del(`${versionPath('adult-ras', '2010-revised')}/withdrawal`));
    expect(await stepsOf(server.tokens.ratifier, '2010-revised')).toEqual(['propose-withdrawal']);
  });

  it('on a withdrawn version: nobody may take a step but cloning it', async () => {
    const withdrawn = await withdraw(server, { proposer: server.tokens.ratifier, confirmer: officer2 }, 'adult-ras', '2009-pilot', REASON, {
      equalityImpact: NOTHING_IN_FORCE_NOTE,
    });
    expect(ok(withdrawn).status).toBe('withdrawn');
    expect(await stepsOf(server.tokens.ratifier, '2009-pilot')).toEqual([]);
    expect(await stepsOf(officer2, '2009-pilot')).toEqual(['clone']);
    expect(await stepsOf(server.tokens.admin, '2009-pilot')).toEqual([]);
  });
});
