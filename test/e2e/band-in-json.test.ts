/**
 * A band table edited in the JSON editor: an officer clones the children's scheme, raises one band's
 * monthly amount in Monaco, saves, and the version page shows the new band table.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, openConsole, screenshot, signIn, type ConsoleUnderTest } from '../support/browser.js';

let ui: ConsoleUnderTest;
beforeAll(async () => {
  ui = await openConsole();
});
afterAll(async () => {
  await ui?.close();
});

describe('editing a band in the JSON editor', () => {
  it("raises band 3 of the children's table from £235.00 to £240.00 a month and saves it", async () => {
    const { page } = ui;
    await signIn(page, ui.server.url, 'officer');
    await page.goto(`${ui.server.url}/#/versions/${encodeURIComponent('childrens-ras:2013-revised')}/show`);
    await page.getByRole('button', { name: 'Clone to new draft' }).click();
    await page.getByLabel('New version name').fill('2014-band-3');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.getByRole('heading', { name: 'Edit childrens-ras 2014-band-3', level: 1 }).waitFor();

    await page.getByRole('tab', { name: 'JSON' }).click();
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+H');
    await page.getByRole('textbox', { name: 'Find' }).fill('"pence": 23500');
    await page.getByRole('textbox', { name: 'Replace' }).fill('"pence": 24000');
    await page.getByRole('button', { name: /^Replace All/ }).click();
    await page.keyboard.press('Escape');
    await page.getByText('No problems against the policy schema.').waitFor();
    await screenshot(page, 'band-in-json-edit');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft 2014-band-3 saved.').waitFor();
    await page.getByText('£240.00').first().waitFor();
    await expect(page.getByText('£235.00').count()).resolves.toBe(0);
    await screenshot(page, 'band-in-json-saved');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('stored the change on the server', async () => {
    const res = await fetch(`${ui.server.url}/api/policies/childrens-ras/versions/2014-band-3`, {
      headers: { authorization: `Bearer ${ui.server.tokens.officer}` },
    });
    const version = (await res.json()) as { document: { pricing: { default: { bands: Array<{ pence: number }> } } } };
    expect(version.document.pricing.default.bands.map((b: { pence: number }) => b.pence)).toContain(24000);
    expect(version.document.pricing.default.bands.map((b: { pence: number }) => b.pence)).not.toContain(23500);
  });
});
