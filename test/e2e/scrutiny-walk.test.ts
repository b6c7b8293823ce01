/**
 * A scrutiny committee's officer, from Home: compares the 2009 pilot with the 2010 revision over a
 * synthetic cohort, reads the result in words (the scheme and client groups by name, age bands in
 * order, axes labelled), and prints it. The printed copy is read back with pdftotext, as a committee
 * clerk's PDF would be: the results whole, with page numbers, and no menu or form.
 */

import { describe, expect, it } from 'vitest';
import { checkPage, consoleForFile, fromMenu, openHome, printedPages } from '../support/browser.js';

const file = consoleForFile();

describe('scrutiny compares two versions and prints the result', () => {
  it('reaches Compare from Home, reads the result by names, and prints it without the menu or the form', async () => {
    const page = await file.ui.freshPage('scrutiny');
    await openHome(page, file.ui.server.url);
    await fromMenu(page, 'Compare');
    await page.getByLabel('Scheme', { exact: true }).selectOption({ label: 'Adult social care RAS: 2010 revision' });
    await expect.poll(() => page.getByRole('checkbox', { name: '2009-pilot (superseded)' }).isChecked()).toBe(true);
    await page.getByLabel('Number of people').fill('1200');
    await page.getByLabel('Seed').fill('11');
    await page.getByRole('button', { name: 'Generate a synthetic cohort' }).click();
    await page.getByText('with 1,200 people, and chose it above').waitFor();
    await page.getByLabel('As at (uplifts in force on this date apply)').fill('2010-06-01');
    await checkPage(page, 'scrutiny-compare-form');
    await page.getByRole('button', { name: 'Run the comparison' }).click();
    await page.getByRole('heading', { name: 'Results' }).waitFor({ timeout: 30_000 });

    const results = page.getByRole('region', { name: 'Results' });
    const text = ((await results.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('1,200 of 1,200 people');
    expect(text).toContain('compared under 2009-pilot and 2010-revised of Adult social care RAS: 2010 revision, as at 1 June 2010');
    expect(text).not.toContain('adult-ras');
    // Client groups by their names, never their ids.
    const byGroup = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Client group' }) });
    await expect(byGroup.getByRole('rowheader', { name: 'Older people' }).count()).resolves.toBe(1);
    expect(await byGroup.textContent()).not.toMatch(/older-people|learning-disability/);
    // Age bands from the youngest, by the numbers in them.
    const byAge = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Age band' }) });
    const bands = await byAge.getByRole('rowheader').allInnerTexts();
    const lowest = bands.map((b) => Number.parseInt(b, 10));
    expect(lowest).toEqual([...lowest].sort((a, b) => a - b));
    expect(bands.length).toBeGreaterThan(2);
    // The histograms say what their axes are.
    const chart = page.getByRole('img', { name: /^Histogram of annual allocations under 2010-revised/ });
    expect(await chart.locator('text').allTextContents()).toEqual(expect.arrayContaining(['People', 'Annual amount']));
    await checkPage(page, 'scrutiny-compare-results');

    // Printed as the browser prints it, and read back from the PDF.
    const pages = await printedPages(page, 'scrutiny-comparison');
    const printed = pages.join('\f');
    expect(pages.length).toBeGreaterThan(1);
    for (const [i, p] of pages.entries()) expect(p, `page ${i + 1} is numbered`).toMatch(`Page ${i + 1} of ${pages.length}`);
    for (const menu of ['Versions', 'Audit log', 'Published RAS', 'My account'])
      expect(printed).not.toMatch(new RegExp(`^\\s*${menu}\\s*$`, 'm'));
    expect(printed).not.toContain('Run the comparison');
    // Tables whole: the last column of the client-group table is printed with every row.
    // Tables whole: each of the four client groups' rows is printed to its last column, the average change.
    const section = printed.slice(printed.indexOf('By client group'), printed.indexOf('By age band'));
    expect(section).toMatch(/^Older people\s+[\d,]+\s+[\d,]+ \([\d.]+%\).*[+−]?£[\d,]+\.\d\d\s*$/m);
    expect(section.match(/[+−]?£[\d,]+\.\d\d\s+[+−]?£[\d,]+\.\d\d\s*$/gm)).toHaveLength(4);
  });

  it('offers a ratifier the comparison but not the making of cohorts, which their role does not allow', async () => {
    const page = await file.ui.freshPage('ratifier');
    await openHome(page, file.ui.server.url);
    await fromMenu(page, 'Compare');
    await page.getByRole('heading', { name: 'Compare versions over a cohort' }).waitFor();
    await page.getByText('Cohorts are added by policy officers and scrutiny members').waitFor();
    expect(await page.getByRole('button', { name: 'Generate a synthetic cohort' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Run the comparison' }).waitFor();
    await checkPage(page, 'ratifier-compare');
  });
});
