/**
 * What the console prints, read back from the PDF with pdftotext as the committee clerk's or the case
 * file's copy would be: a version and a decision, each reached from Home and the menus. The printed
 * copy has the page's content whole, numbered pages, and no menu, button or form.
 */

import { describe, expect, it } from 'vitest';
import { consoleForFile, fromMenu, openHome, openVersion, printedPages } from '../support/browser.js';
import { exampleVersions } from '../support/examples.js';
import { call } from '../support/server.js';

const file = consoleForFile();

const MENU = ['Policies', 'Versions', 'Calculator', 'Compare', 'Decisions', 'Audit log', 'Users', 'Published RAS', 'My account'];

/** Numbered "Page n of N" on every page, with no menu entry alone on a line and no button. */
function expectPaper(pages: string[], buttons: string[]): string {
  expect(pages.length).toBeGreaterThan(0);
  for (const [i, p] of pages.entries()) expect(p, `page ${i + 1} is numbered`).toMatch(`Page ${i + 1} of ${pages.length}`);
  const printed = pages.join('\f');
  for (const entry of MENU) expect(printed, `the menu's ${entry}`).not.toMatch(new RegExp(`^\\s*${entry}\\s*$`, 'm'));
  for (const button of buttons) expect(printed, `the button ${button}`).not.toContain(button);
  return printed;
}

describe('printing', () => {
  it("prints a ratified version as a paper: its RAS in full, from the Versions list's row", async () => {
    const page = await file.ui.freshPage('ratifier');
    await openVersion(page, file.ui.server.url, '2010-revised');
    await page.getByRole('heading', { name: 'Pricing: from points to money' }).waitFor();
    const printed = expectPaper(await printedPages(page, 'print-version-2010-revised'), ['Print', 'Clone', 'Propose withdrawal']);
    expect(printed).toContain('Adult social care RAS: 2010 revision');
    // The price per point of each table, whole: the standard £5.02 and learning disability's £5.45.
    expect(printed).toContain('£5.02');
    expect(printed).toContain('£5.45');
    // The tabs are for the screen; the paper is the RAS itself.
    expect(printed).not.toMatch(/^\s*Worked examples\s+History\s*$/m);
  });

  it("prints a decision for the case file, reached from Home's Decisions menu", async () => {
    const { server } = file.ui;
    const example = exampleVersions()
      .find((v) => v.scheme === 'adult-ras' && v.version === '2010-revised')!
      .examples.find((e) => e.name === 'high-need-panel-nhs-safeguarding')!.json;
    await call(server.url, 'POST', '/api/decisions', server.tokens['api-client'], {
      policyId: 'adult-ras',
      assessment: { ...example.assessment, reference: 'PRINT-77' },
    });
    const page = await file.ui.freshPage('officer');
    await openHome(page, server.url);
    await fromMenu(page, 'Decisions');
    await page.getByRole('cell', { name: 'PRINT-77' }).click();
    await page.getByRole('heading', { name: '£1,300.00 a week', level: 1 }).waitFor();
    const printed = expectPaper(await printedPages(page, 'print-decision'), ['Open the letter to the person']);
    expect(printed).toContain('£1,300.00 a week');
    expect(printed).toContain('Reference PRINT-77');
  });
});
