/**
 * The console on a 375 px phone, in a real browser, reached as a person on a phone reaches it: Home, then
 * the menu button and a menu entry, then a row of a list. Every main page fits the screen (a wide list or
 * table scrolls in its own box) and has no serious accessibility finding.
 */

import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { checkPage, consoleForFile } from '../support/browser.js';

const file = consoleForFile();

/** A page from the side menu on a phone: the menu button opens it over the page, the entry closes it. */
async function fromPhoneMenu(page: Page, name: string, heading: string): Promise<void> {
  const open = page.getByRole('button', { name: 'Open menu' });
  if (await open.isVisible()) await open.click();
  await page.getByRole('menuitem', { name, exact: true }).click();
  await page.getByRole('heading', { name: heading }).filter({ visible: true }).first().waitFor();
  await checkPage(page, `phone ${name}`);
}

describe('the console on a phone', () => {
  it('fits every main page to a 375 px screen, accessibly', async () => {
    const page = await file.ui.freshPage('officer');
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      // The console's own address, as a person opens it; everything after is clicked.
      await page.goto(`${file.ui.server.url}/`);
      await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
      await checkPage(page, 'phone Home');
      await fromPhoneMenu(page, 'Policies', 'Policies');
      await fromPhoneMenu(page, 'Calculator', 'Work out an indicative budget');
      await fromPhoneMenu(page, 'Decisions', 'Decisions');
      await fromPhoneMenu(page, 'Versions', 'Policy versions');
      await page.getByRole('cell', { name: '2010-revised', exact: true }).first().click();
      await page.getByRole('heading', { name: 'Adult social care RAS: 2010 revision', level: 1 }).waitFor();
      await checkPage(page, 'phone version');
      await page.getByRole('tab', { name: 'Worked examples' }).click();
      await page.getByRole('heading', { name: 'Worked examples' }).filter({ visible: true }).first().waitFor();
      await checkPage(page, 'phone worked examples');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});
