/**
 * Where a person reads, people are named by their names and dates are said in words: a user's page and
 * My account never name someone by user name (not even to a person who cannot list users), and the
 * Versions and Users lists say when in words ("3 Dec 2026, 14:05"), never "03/12/2026". A file of its own:
 * its server has a second administrator, and its admin is renamed 'Ada Admin', so that a user name and
 * a name never look alike.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkPage, consoleForFile, fromMenu, signIn } from '../support/browser.js';
import { createPerson, login, request } from '../support/server.js';

const file = consoleForFile();

/** The user names of the admins: never on screen as a person's name ("administrator" is no match). */
const ADMIN_USERNAMES = /\badmin2?\b/;
/** A date as react-admin's DateField writes it. */
const NUMERIC_DATE = /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/;
/** A moment in words, as the console's MomentField writes it. */
const MOMENT_IN_WORDS = /^\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d\d:\d\d$/;

beforeAll(async () => {
  const { url, tokens } = file.ui.server;
  const users = (await request(url, 'GET', '/api/users', tokens.admin)).body as Array<{ id: string; username: string }>;
  const adminId = users.find((u) => u.username === 'admin')!.id;
  expect((await request(url, 'PATCH', `/api/users/${adminId}`, tokens.admin, { displayName: 'Ada Admin' })).status).toBe(200);
  await createPerson(url, tokens.admin, { username: 'admin2', displayName: 'Sam Second', roles: ['admin'] });

  // Kofi's code is not used yet, and the ratifier role asked for waits for the second admin.
  const kofi = (
    await request(url, 'POST', '/api/users', tokens.admin, { username: 'k.osei', displayName: 'Kofi Osei', roles: ['scrutiny'] })
  ).body as { id: string };
  expect((await request(url, 'PATCH', `/api/users/${kofi.id}`, tokens.admin, { roles: ['scrutiny', 'ratifier'] })).status).toBe(202);

  // Jaya set her password with the admin's code; then the admin asked for a new code, and the second admin gave it.
  const jaya = await createPerson(url, tokens.admin, { username: 'j.patel', displayName: 'Jaya Patel', roles: ['scrutiny'] });
  expect((await request(url, 'POST', `/api/users/${jaya.id}/password-reset`, tokens.admin, {})).status).toBe(202);
  const admin2 = await login(url, 'admin2');
  const read = await request(url, 'GET', `/api/users/${jaya.id}`, admin2);
  const agreed = await request(
    url,
    'POST',
    `/api/users/${jaya.id}/pending/approve`,
    admin2,
    {},
    { 'If-Match': read.headers.get('etag') ?? '' },
  );
  expect(agreed.status).toBe(200);
});

// The page as it reads (innerText, not textContent: cells and lines apart, as a person sees them).
const mainText = (page: Page): Promise<string> => page.locator('main').innerText();

describe("a user's page", () => {
  it('names who made the account, who gave its code and who asked for the change waiting by their names, never by user name', async () => {
    const { url } = file.ui.server;
    const page = await file.ui.freshPage();
    await signIn(page, url, 'admin2');
    await fromMenu(page, 'Users');
    await page.getByRole('cell', { name: 'k.osei' }).click();
    await page.getByRole('heading', { name: 'Kofi Osei', level: 1, exact: true }).waitFor();
    await page
      .getByRole('region', { name: 'Waiting for a second administrator' })
      .getByText(/^Ada Admin asked on .+ for Kofi Osei to have/)
      .waitFor();
    expect(await page.getByTestId('code-status').textContent()).toMatch(/^A one-time code for the new account was given by Ada Admin on /);
    const history = page.getByRole('region', { name: 'Account history' });
    await history.getByText(/: Ada Admin created the account with the role Scrutiny/).waitFor();
    await history.getByText(/: Ada Admin asked for the account to have the roles Scrutiny and Ratifier/).waitFor();
    expect(await mainText(page)).not.toMatch(ADMIN_USERNAMES);
    await checkPage(page, 'names-1-user-page');
  });
});

describe('My account, for a person who cannot list users', () => {
  it('names the administrators by their names: who made the account, whose code set the password, who gave the code waiting', async () => {
    const { url } = file.ui.server;
    const page = await file.ui.freshPage();
    await signIn(page, url, 'j.patel');
    await fromMenu(page, 'My account');
    await page.getByRole('heading', { name: 'My account', level: 1 }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Sam Second gave a one-time code to set a new password for your account' }).waitFor();
    const history = page.getByRole('region', { name: 'What has been done to your account' });
    await history.getByText(/: Ada Admin created the account with the role Scrutiny/).waitFor();
    await history.getByText(/: You set your password with the one-time code Ada Admin gave on /).waitFor();
    await history
      .getByText(/: Sam Second agreed, as the second administrator, to Ada Admin's request and gave a new one-time code/)
      .waitFor();
    expect(await mainText(page)).not.toMatch(ADMIN_USERNAMES);
    await checkPage(page, 'names-2-my-account');
  });
});

describe('the lists', () => {
  it('say when in words, with the console’s numbers for their pages: Versions and Users', async () => {
    const { url } = file.ui.server;
    const page = await file.ui.freshPage();
    await signIn(page, url, 'admin');
    for (const [menu, column] of [
      ['Versions', 'Last changed'],
      ['Users', 'Created'],
    ] as const) {
      await fromMenu(page, menu);
      await page.getByRole('columnheader', { name: column }).waitFor();
      await page.locator('tbody tr').first().waitFor();
      const cells = (await page.locator('tbody td').allInnerTexts()).map((text) => text.trim());
      expect(cells.filter((text) => MOMENT_IN_WORDS.test(text)).length, `${menu}: moments in words`).toBeGreaterThan(0);
      expect(
        cells.filter((text) => NUMERIC_DATE.test(text)),
        `${menu}: numeric dates`,
      ).toEqual([]);
      expect(await page.getByText(/^1–\d+ of \d+$/).count(), `${menu}: the pages' range`).toBe(1);
    }
  });
});
