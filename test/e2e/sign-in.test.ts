/** Signing in to the console in a real browser, against the real server. */

import { describe, expect, it } from 'vitest';
import { checkPage, consoleForFile, signIn } from '../support/browser.js';
import { call, PASSWORD } from '../support/server.js';

const file = consoleForFile();

describe('signing in', () => {
  it('shows the sign-in page, accessible, to someone not signed in', async () => {
    const page = await file.ui.freshPage();
    await page.goto(`${file.ui.server.url}/`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await checkPage(page, 'sign-in');
  });

  it('lets an officer in, to a home page: what is in force today and what waits for them', async () => {
    const { server } = file.ui;
    await call(server.url, 'POST', '/api/policies/adult-ras/versions/2010-revised/clone', server.tokens.officer, { version: 'home-draft' });
    const page = await file.ui.freshPage();
    await signIn(page, server.url, 'officer');
    const inForce = page.getByRole('region', { name: 'In force today' });
    await inForce.getByRole('link', { name: /version 2010-revised$/ }).waitFor();
    const waiting = page.getByRole('region', { name: 'Waiting for you' });
    await waiting.getByRole('link', { name: 'Adult social care RAS: 2010 revision, version home-draft' }).waitFor();
    expect(await waiting.textContent()).toContain('a draft to finish and submit');
    await page.getByRole('region', { name: 'Recent decisions' }).waitFor();
    // An officer may not read the audit log: no check offered.
    expect(await page.getByRole('region', { name: 'The audit log' }).count()).toBe(0);
    await checkPage(page, 'home, officer');
  });

  it('shows a ratifier what waits for their decision, and checks the audit log on request', async () => {
    const { server } = file.ui;
    await call(server.url, 'POST', '/api/policies/adult-ras/versions/2010-revised/clone', server.tokens.officer, {
      version: 'home-submitted',
    });
    await call(server.url, 'POST', '/api/policies/adult-ras/versions/home-submitted/submit', server.tokens.officer);
    const page = await file.ui.freshPage('ratifier');
    await page.goto(server.url);
    const waiting = page.getByRole('region', { name: 'Waiting for you' });
    await waiting.getByRole('link', { name: 'Adult social care RAS: 2010 revision, version home-submitted' }).waitFor();
    expect(await waiting.textContent()).not.toContain('home-draft');
    await page.getByRole('button', { name: 'Check the audit log now' }).click();
    await page.getByText(/^Intact: all \d+ entries check out\.$/).waitFor();
    await checkPage(page, 'home, ratifier');
  });

  it('does not list a version as waiting for the ratifier who submitted it: another ratifier decides it', async () => {
    const { server } = file.ui;
    // officer2 is an officer and a ratifier: they clone and submit, so they may not ratify it.
    const { token } = (await call(server.url, 'POST', '/api/auth/login', undefined, { username: 'officer2', password: PASSWORD })) as {
      token: string;
    };
    await call(server.url, 'POST', '/api/policies/adult-ras/versions/2010-revised/clone', token, { version: 'home-own' });
    await call(server.url, 'POST', '/api/policies/adult-ras/versions/home-own/submit', token);
    // From another source: a copy of home-own's content would be officer2's work too (the server counts content, not names).
    await call(server.url, 'POST', '/api/policies/adult-ras/versions/2009-pilot/clone', server.tokens.officer, { version: 'home-other' });
    await call(server.url, 'POST', '/api/policies/adult-ras/versions/home-other/submit', server.tokens.officer);
    const page = await file.ui.freshPage();
    await signIn(page, server.url, 'officer2');
    const waiting = page.getByRole('region', { name: 'Waiting for you' });
    await waiting.getByRole('link', { name: 'Adult social care RAS: 2009 pilot, version home-other' }).waitFor();
    expect(await waiting.textContent()).toContain('home-other: submitted, for you to ratify or return');
    expect(await waiting.getByRole('link', { name: /home-own/ }).count()).toBe(0);
  });

  it('refuses a wrong password and says so', async () => {
    const page = await file.ui.freshPage();
    await page.goto(`${file.ui.server.url}/#/login`);
    await page.locator('input[name="username"]').fill('officer');
    await page.locator('input[name="password"]').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'The username or password is not right' }).waitFor();
    expect(page.url()).toContain('#/login');
  });
});
