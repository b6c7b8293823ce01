/** Comparing adult-ras 2009-pilot with 2010-revised over a generated cohort, in a real browser. */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPage, consoleForFile, fromMenu, openHome } from '../support/browser.js';
import { call } from '../support/server.js';

const file = consoleForFile();

/** Deletes every stored cohort, for a test that starts from none. */
async function deleteAllCohorts(): Promise<void> {
  const { url, tokens } = file.ui.server;
  const cohorts = (await call(url, 'GET', '/api/cohorts', tokens.scrutiny)) as Array<{ id: string }>;
  for (const cohort of cohorts) await call(url, 'DELETE', `/api/cohorts/${cohort.id}`, tokens.scrutiny);
}

describe('comparing versions', () => {
  it('offers to make a cohort when there is none', async () => {
    await deleteAllCohorts();
    const page = await file.ui.freshPage('scrutiny');
    await openHome(page, file.ui.server.url);
    await fromMenu(page, 'Compare');
    await page.getByRole('heading', { name: 'Compare versions over a cohort' }).waitFor();
    await page.getByText('There are no cohorts yet').waitFor();
    await checkPage(page, 'compare-empty');
  });

  it('shows gainers and losers between the 2009 pilot and the 2010 revision, and downloads the CSV', async () => {
    const page = await file.ui.freshPage('scrutiny');
    await openHome(page, file.ui.server.url);
    await fromMenu(page, 'Compare');
    await page.getByRole('heading', { name: 'Compare versions over a cohort' }).waitFor();
    await page.getByLabel('Scheme', { exact: true }).selectOption('adult-ras');
    await expect.poll(() => page.getByRole('checkbox', { name: '2009-pilot (superseded)' }).isChecked()).toBe(true);
    await expect(page.getByRole('checkbox', { name: '2010-revised (ratified)' }).isChecked()).resolves.toBe(true);
    await page.getByLabel('Number of people').fill('400');
    await page.getByLabel('Seed').fill('7');
    await page.getByRole('button', { name: 'Generate a synthetic cohort' }).click();
    await page.getByText('with 400 people, and chose it above').waitFor();
    await page.getByLabel('As at (uplifts in force on this date apply)').fill('2010-06-01');
    await page.getByRole('button', { name: 'Run the comparison' }).click();
    await page.getByRole('heading', { name: 'Results' }).waitFor({ timeout: 30_000 });

    const figures = await page.getByTestId('gainers-losers-2010-revised').textContent();
    expect(figures).toMatch(/Gain\d[\d,]* people/);
    expect(figures).toMatch(/Lose\d[\d,]* people/);
    await expect(page.getByRole('heading', { name: '2010-revised compared with 2009-pilot' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('Weight of', { exact: false }).first().isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: 'By client group' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: 'Largest losses' }).isVisible()).resolves.toBe(true);
    await checkPage(page, 'compare-results');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV (one row per person)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8').split('\r\n');
    expect(csv[0]).toContain('ref,clientGroup,ageBand,compared,2009-pilot (£ a year),2010-revised (£ a year)');
    expect(csv.filter((line) => line.length > 0).length).toBe(401);
  });
});
