/** Signing in to the console in a real browser, against the real server. */

import { describe, expect, it } from 'vitest';
import { checkPage, consoleForFile, signIn } from '../support/browser.js';
import { call } from '../support/server.js';

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
    await waiting.getByRole('link', { name: 'adult-ras home-draft' }).waitFor();
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
    await waiting.getByRole('link', { name: 'adult-ras home-submitted' }).waitFor();
    expect(await waiting.textContent()).not.toContain('home-draft');
    await page.getByRole('button', { name: 'Check the audit log now' }).click();
    await page.getByText(/^Intact: all \d+ entries check out\.$/).waitFor();
    await checkPage(page, 'home, ratifier');
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
