/**
 * Accounts in a real browser, reached as people reach them (signed in through the sign-in page, then by
 * the names on Home, the menus and the buttons): nobody sets another person's password. An admin makes a
 * person's account and is shown a one-time code once; the person sets their own password with it from
 * the sign-in page and signs in; their account page says who did what. (With a second administrator:
 * second-admin.test.ts, on a server of its own.)
 */

import { describe, expect, it } from 'vitest';
import { checkPage, consoleForFile, signIn, signOut } from '../support/browser.js';
import { createPerson, request } from '../support/server.js';

const file = consoleForFile();

/** A password a person might choose: long, and not one an attacker would try first. */
const OWN_PASSWORD = 'lantern orchard pebble mosaic';

describe('a new person', () => {
  it('is added from the Users menu, with a one-time code shown once; they set their own password from the sign-in page and sign in', async () => {
    const { url } = file.ui.server;
    const page = await file.ui.freshPage();
    await signIn(page, url, 'admin');
    await page.getByRole('menuitem', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Add a user' }).first().click();
    await page.getByRole('heading', { name: 'Add a user', level: 1 }).waitFor();
    // The admin never chooses the password: there is no field for one.
    expect(await page.getByLabel(/password/i).count()).toBe(0);
    await page.getByRole('textbox', { name: 'User name' }).fill('j.patel');
    await page.getByRole('textbox', { name: 'Display name' }).fill('Jaya Patel');
    await page.getByLabel('Scrutiny: reads versions and the audit log, and compares versions over a cohort').check();
    await checkPage(page, 'accounts-1-create');
    await page.getByRole('button', { name: 'Save' }).click();

    await page.getByRole('heading', { name: 'Account made for Jaya Patel', level: 1 }).waitFor();
    const panel = page.getByTestId('one-time-code-panel');
    expect(await panel.textContent()).toMatch(
      /^Give this code to Jaya Patel\. They set their own password with it on the sign-in page, under “Set your password with a one-time code”, with the username j\.patel\. It works once, until \d+ \w+ \d{4}, \d\d:\d\d\./,
    );
    const code = ((await page.getByTestId('one-time-code').textContent()) ?? '').trim();
    expect(code.length).toBeGreaterThanOrEqual(16);
    await page.getByText('This code will not be shown again.', { exact: false }).waitFor();
    await checkPage(page, 'accounts-2-code-shown-once');

    // On the account's page: the code's status, never the code.
    await page.getByRole('link', { name: "Go to Jaya Patel's account" }).click();
    await page.getByRole('heading', { name: 'Jaya Patel', level: 1, exact: true }).waitFor();
    const status = page.getByTestId('code-status');
    expect(await status.textContent()).toMatch(/^A one-time code for the new account was given by admin on .+ and has not been used yet\./);
    expect(await page.getByText(code).count()).toBe(0);
    await page
      .getByRole('region', { name: 'Account history' })
      .getByText(/admin created the account with the role Scrutiny and gave a one-time code to set a password, working until/)
      .waitFor();
    // A person's account has no API keys.
    expect(await page.getByRole('button', { name: 'Issue an API key' }).count()).toBe(0);
    await checkPage(page, 'accounts-3-user-page');
    await signOut(page);

    // The person, at the sign-in page.
    await page.getByRole('link', { name: 'Set your password with a one-time code' }).click();
    await page.getByRole('heading', { name: 'Set your password with a one-time code' }).waitFor();
    await checkPage(page, 'accounts-4-set-password');
    await page.getByRole('textbox', { name: 'Username' }).fill('j.patel');
    await page.getByRole('textbox', { name: 'One-time code' }).fill('not-the-code-at-all');
    await page.locator('input[name="password"]').fill(OWN_PASSWORD);
    await page.locator('input[name="confirm"]').fill(OWN_PASSWORD);
    await page.getByRole('button', { name: 'Set my password' }).click();
    await page.getByRole('alert').filter({ hasText: 'This one-time code does not work for this username' }).waitFor();

    await page.getByRole('textbox', { name: 'One-time code' }).fill(code);
    await page.getByRole('button', { name: 'Set my password' }).click();
    await page.getByText('Your password is set. Sign in with it now.').waitFor();
    expect(await page.locator('input[name="username"]').inputValue()).toBe('j.patel');
    await page.locator('input[name="password"]').fill(OWN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Welcome, Jaya Patel', level: 1 }).waitFor();

    // Their own account: their role in words, and who did what to the account.
    await page.getByRole('menuitem', { name: 'My account' }).click();
    await page.getByRole('heading', { name: 'My account', level: 1 }).waitFor();
    await page.getByText('Scrutiny: you can read every version and the audit log, and compare versions over a cohort.').waitFor();
    const history = page.getByRole('region', { name: 'What has been done to your account' });
    await history.getByText(/admin created the account with the role Scrutiny/).waitFor();
    await history.getByText(/You set your password with the one-time code admin gave on /).waitFor();
    await checkPage(page, 'accounts-5-my-account');

    // The code worked once.
    const again = await request(url, 'POST', '/api/auth/enrol', undefined, { username: 'j.patel', code, password: OWN_PASSWORD });
    expect(again.status).toBe(403);
  });

  it('gets a new sign-in code from their page when they forget their password, shown once, and sets a new password with it', async () => {
    const { url, tokens } = file.ui.server;
    await createPerson(url, tokens.admin, { username: 'm.forgetful', displayName: 'Morgan Forgetful', roles: ['scrutiny'] });
    const page = await file.ui.freshPage();
    await signIn(page, url, 'admin');
    await page.getByRole('menuitem', { name: 'Users' }).click();
    await page.getByRole('cell', { name: 'm.forgetful' }).click();
    await page.getByRole('heading', { name: 'Morgan Forgetful', level: 1, exact: true }).waitFor();
    expect(await page.getByTestId('code-status').textContent()).toBe('No one-time code is waiting to be used.');
    await page.getByRole('button', { name: 'Give a new sign-in code' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Give a new sign-in code' }).click();
    const dialog = page.getByRole('dialog', { name: 'A new sign-in code for Morgan Forgetful' });
    const code = ((await dialog.getByTestId('one-time-code').textContent()) ?? '').trim();
    expect(code.length).toBeGreaterThanOrEqual(16);
    await checkPage(page, 'accounts-6-new-code');
    await dialog.getByRole('button', { name: 'I have noted the code' }).click();
    await expect
      .poll(() => page.getByTestId('code-status').textContent())
      .toMatch(/^A one-time code for a new password was given by admin/);
    expect(await page.getByText(code).count()).toBe(0);
    await signOut(page);

    await page.getByRole('link', { name: 'Set your password with a one-time code' }).click();
    await page.getByRole('textbox', { name: 'Username' }).fill('m.forgetful');
    await page.getByRole('textbox', { name: 'One-time code' }).fill(code);
    await page.locator('input[name="password"]').fill(OWN_PASSWORD);
    await page.locator('input[name="confirm"]').fill(OWN_PASSWORD);
    await page.getByRole('button', { name: 'Set my password' }).click();
    await page.getByText('Your password is set. Sign in with it now.').waitFor();
    await page.locator('input[name="password"]').fill(OWN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Welcome, Morgan Forgetful', level: 1 }).waitFor();
  });
});

describe('a person given a code they did not ask for', () => {
  it('sees it on My account, with who gave it, and turns it down: it then works for nobody', async () => {
    const { url, tokens } = file.ui.server;
    const { id } = await createPerson(url, tokens.admin, { username: 'k.careful', displayName: 'Kim Careful', roles: ['scrutiny'] });
    // An admin gives a code for Kim's account (in a council with one admin, at once).
    const given = await request(url, 'POST', `/api/users/${id}/password-reset`, tokens.admin);
    expect(given.status).toBe(201);
    const code = given.body.oneTimeCode.code as string;

    const page = await file.ui.freshPage();
    await signIn(page, url, 'k.careful');
    await page.getByRole('menuitem', { name: 'My account' }).click();
    await page.getByRole('heading', { name: 'My account', level: 1 }).waitFor();
    const warning = page.getByRole('alert').filter({ hasText: 'admin gave a one-time code to set a new password for your account' });
    await warning.waitFor();
    await checkPage(page, 'accounts-7-code-not-asked-for');
    await warning.getByRole('button', { name: 'Turn this code down' }).click();
    await warning.waitFor({ state: 'detached' });
    await page
      .getByRole('region', { name: 'What has been done to your account' })
      .getByText(/turned down/i)
      .first()
      .waitFor();

    const used = await request(url, 'POST', '/api/auth/enrol', undefined, { username: 'k.careful', code, password: OWN_PASSWORD });
    expect(used.status).toBe(403);
  });
});
