/**
 * A new installation in a real browser: no users yet, so the sign-in page offers the first-run setup.
 * The one-time setup code the server printed, a name and a password make the first administrator, who
 * is then signed in: no curl, no JSON.
 */

import { describe, expect, it } from 'vitest';
import { checkPage, consoleForFile } from '../support/browser.js';
import { SETUP_CODE } from '../support/server.js';

const file = consoleForFile({ users: false });

describe('first run', () => {
  it('creates the first administrator from the sign-in page, saying what is wrong in words, and signs them in', async () => {
    const page = await file.ui.freshPage();
    await page.goto(file.ui.server.url);
    await page.getByRole('heading', { name: 'Set up the console' }).waitFor();
    await checkPage(page, 'first run');

    const fill = async (code: string, password: string) => {
      await page.getByLabel('Setup code').fill(code);
      await page.getByLabel('Username').fill('council-admin');
      await page.getByLabel('Your name').fill('Sam Admin');
      await page.locator('input[name="password"]').fill(password);
      await page.getByLabel('Password again').fill(password);
      await page.getByRole('button', { name: 'Create the administrator and sign in' }).click();
    };
    await fill('not-the-code', 'a long enough passphrase 2026');
    await page.getByText('The setup code is wrong: use the one printed when the server started.').waitFor();

    await page.getByLabel('Password again').fill('something else entirely');
    await page.getByRole('button', { name: 'Create the administrator and sign in' }).click();
    await page.getByText('The two passwords are not the same.').waitFor();

    await fill(SETUP_CODE, 'a long enough passphrase 2026');
    // Signed in as the new administrator: the console's menu, with user management.
    await page.getByRole('menuitem', { name: 'Users' }).waitFor();
    const setup = await fetch(`${file.ui.server.url}/api/setup`).then((r) => r.json());
    expect(setup).toEqual({ needed: false });
  });
});
