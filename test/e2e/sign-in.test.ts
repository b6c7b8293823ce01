/** Signing in to the console in a real browser, against the real server. */

import { describe, expect, it } from 'vitest';
import { checkPage, consoleForFile, signIn } from '../support/browser.js';

const file = consoleForFile();

describe('signing in', () => {
  it('shows the sign-in page, accessible, to someone not signed in', async () => {
    const page = await file.ui.freshPage();
    await page.goto(`${file.ui.server.url}/`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await checkPage(page, 'sign-in');
  });

  it('lets an officer in, to the policies with the version in force today', async () => {
    const page = await file.ui.freshPage();
    await signIn(page, file.ui.server.url, 'officer');
    await page.getByText('adult-ras').first().waitFor();
    await expect(page.getByText('2010-revised').first().isVisible()).resolves.toBe(true);
    await checkPage(page, 'policies');
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
