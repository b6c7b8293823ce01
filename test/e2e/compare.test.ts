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

  it('downloads a template CSV for a version, which uploads as it is; a short row is named plainly', async () => {
    const page = await file.ui.freshPage('scrutiny');
    await openHome(page, file.ui.server.url);
    await fromMenu(page, 'Compare');
    await page.getByRole('heading', { name: 'Compare versions over a cohort' }).waitFor();
    await page.getByLabel('Scheme', { exact: true }).selectOption('adult-ras');
    await page.getByLabel('Template for version').selectOption('2009-pilot');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download a template CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('adult-ras-2009-pilot-cohort-template.csv');
    const path = (await download.path())!;
    const lines = readFileSync(path, 'utf8').split('\r\n');
    // The fixed 8 columns, then the pilot's 18 questions; one example person; the file ends with a line end.
    const header = lines[0]!.split(',');
    expect(header.slice(0, 8)).toEqual([
      'ref',
      'clientGroup',
      'ageBand',
      'carerWilling',
      'carerAble',
      'carerSupportLevel',
      'carerImpact',
      'currentAnnualCost',
    ]);
    expect(header).toHaveLength(26);
    expect(header).toContain('pc-washing');
    expect(lines).toHaveLength(3);
    expect(lines[1]!.split(',')).toHaveLength(26);

    await page.locator('#cmp-csv-file').setInputFiles(path);
    await page.getByLabel('Cohort name').fill('From the template');
    await page.getByRole('button', { name: 'Upload the CSV' }).click();
    await page.getByText('Uploaded "From the template" with 1 person, and chose it above.').waitFor();

    // The template with its example cut to its first 8 values: the row of the file and the counts, in words.
    const short = `${lines[0]}\r\n${lines[1]!.split(',').slice(0, 8).join(',')}\n`;
    await page.locator('#cmp-csv-file').setInputFiles({ name: 'short.csv', mimeType: 'text/csv', buffer: Buffer.from(short) });
    await page.getByLabel('Cohort name').fill('Short row');
    await page.getByRole('button', { name: 'Upload the CSV' }).click();
    await page.getByText('The cohort has 1 problem; nothing was imported.').waitFor();
    await page
      .getByText(
        'Row 2 has 8 values but the heading row names 26 columns: every row needs a value (or an empty one) for each column, and a value with a comma in it needs quotes.',
      )
      .waitFor();
  });
});
