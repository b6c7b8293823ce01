/**
 * The editor speaks the officer's language, in a real browser: a refused save gives the GOV.UK error
 * summary, naming each problem by the labels on screen and linking to the field; unsaved changes are
 * not lost silently; and someone who may not change a draft reads it instead of getting a form.
 */

import { describe, expect, it } from 'vitest';
import { cloneVersion } from '../support/api-client.js';
import { checkPage, consoleForFile, editVersion } from '../support/browser.js';

const file = consoleForFile();
const editUrl = (version: string) => `${file.ui.server.url}/#/versions/${encodeURIComponent(`childrens-ras:${version}`)}/edit`;

describe('the editor', () => {
  it('lists what the server refused in plain English, by the labels on screen, each a link to its field', async () => {
    const { server } = file.ui;
    await cloneVersion(server, server.tokens.officer, 'childrens-ras', '2012-pilot', 'errors-walk');
    const page = await file.ui.freshPage('officer');
    await editVersion(page, file.ui.server.url, 'errors-walk');
    await page
      .getByRole('heading', { name: "Edit Children's SEND personal budgets RAS: 2012 pilot, version errors-walk", level: 1 })
      .waitFor();
    await page.getByLabel('Title', { exact: true }).fill('');
    // Band 2 starts at 30, leaving 25 to 29 with no band.
    await page.getByRole('spinbutton', { name: 'From (points)' }).nth(2).fill('30');
    await page.getByRole('button', { name: 'Save draft' }).click();

    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    // The shape comes first: a title is needed before the bands are checked.
    expect(await summary.textContent()).toBe('There is a problemThe draft was not saved. Correct this:Title: This must be filled in.');
    await page.getByLabel('Title', { exact: true }).fill("Children's RAS with a gap");
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => summary.textContent()).toContain("Pricing, the standard table, band 'Band 2': from (points): ");
    const text = await summary.textContent();
    expect(text).toContain("Band 'Band 2' starts at 30 points but band 'Band 1' ends at 24");
    // No JSON Pointers, patterns or schema words.
    expect(text).not.toMatch(/\/pricing|\/title|must match|is required here|'title'/);

    await summary.getByRole('button', { name: /^Pricing, the standard table, band 'Band 2'/ }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('document.pricing.default.bands.2.from');
    await checkPage(page, 'editor, error summary');
  });

  it('asks before leaving with unsaved changes', async () => {
    const { server } = file.ui;
    await cloneVersion(server, server.tokens.officer, 'childrens-ras', '2012-pilot', 'unsaved-walk');
    const page = await file.ui.freshPage('officer');
    await editVersion(page, file.ui.server.url, 'unsaved-walk');
    await page.getByLabel('Title', { exact: true }).fill('A title not yet saved');
    const editing = page.url();
    let asked = '';
    page.once('dialog', async (dialog) => {
      asked = dialog.message();
      await dialog.dismiss();
    });
    await page.getByRole('link', { name: 'Cancel' }).click();
    await expect.poll(() => asked).not.toBe('');
    // Staying keeps the edit, on the editing form's own address.
    expect(page.url()).toBe(editing);
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('A title not yet saved');
  });

  it('is a reading view for someone who may not change the draft: no form, no save', async () => {
    const { server } = file.ui;
    await cloneVersion(server, server.tokens.officer, 'childrens-ras', '2012-pilot', 'read-only-walk');
    const page = await file.ui.freshPage('scrutiny');
    // The editing form has no button for them: they reach it only by its address, which still shows no form.
    await page.goto(editUrl('read-only-walk'));
    await page.getByText('You can read this draft, but only a policy officer can change it.').waitFor();
    expect(await page.getByRole('button', { name: 'Save draft' }).count()).toBe(0);
    expect(await page.getByLabel('Title', { exact: true }).count()).toBe(0);
  });
});
