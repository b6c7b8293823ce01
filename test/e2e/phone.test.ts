/**
 * The console on a 375 px phone, in a real browser: every main page fits the screen (a wide list or table
 * scrolls in its own box) and has no serious accessibility finding.
 */

import { describe, it } from 'vitest';
import { checkPage, consoleForFile } from '../support/browser.js';

const file = consoleForFile();

describe('the console on a phone', () => {
  it('fits every main page to a 375 px screen, accessibly', async () => {
    const page = await file.ui.freshPage('officer');
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      const version = encodeURIComponent('adult-ras:2010-revised');
      for (const [path, heading] of [
        ['/#/', 'Welcome'],
        ['/#/policies', 'Policies'],
        ['/#/versions', 'Policy versions'],
        [`/#/versions/${version}/show`, 'Adult social care RAS: 2010 revision'],
        [`/#/versions/${version}/show?tab=examples`, 'Worked examples'],
        ['/#/calculator', 'Work out an indicative budget'],
        ['/#/decisions', 'Decisions'],
      ] as const) {
        await page.goto(`${file.ui.server.url}${path}`);
        await page.getByRole('heading', { name: heading }).filter({ visible: true }).first().waitFor();
        await checkPage(page, `phone ${path}`);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});
