/** Signing in to the console in a real browser, against the real server. */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, openConsole, screenshot, signIn, type ConsoleUnderTest } from '../support/browser.js';

let ui: ConsoleUnderTest;
beforeAll(async () => {
  ui = await openConsole();
});
afterAll(async () => {
  await ui?.close();
});

describe('signing in', () => {
  it('shows the sign-in page, accessible, to someone not signed in', async () => {
    await ui.page.goto(`${ui.server.url}/`);
    await ui.page.getByRole('button', { name: 'Sign in' }).waitFor();
    await screenshot(ui.page, 'sign-in');
    expect(await accessibilityViolations(ui.page)).toEqual([]);
  });

  it('lets an officer in, to the policies with the version in force today', async () => {
    await signIn(ui.page, ui.server.url, 'officer');
    await ui.page.getByText('adult-ras').first().waitFor();
    await expect(ui.page.getByText('2010-revised').first().isVisible()).resolves.toBe(true);
    await screenshot(ui.page, 'policies');
    expect(await accessibilityViolations(ui.page)).toEqual([]);
  });

  it('loads nothing from outside this machine', () => {
    expect(ui.externalRequests).toEqual([]);
  });
});
