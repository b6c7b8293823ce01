/**
 * A version's whole life in the console, in a real browser against the real server: an officer clones the
 * version in force, edits it in the form and in the JSON editor, submits it, and a ratifier ratifies it.
 * Each step starts from the state it needs, made through the API, so each test stands alone.
 */

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkPage, consoleForFile, editVersion, openVersion, replaceInJsonEditor, submitVersion } from '../support/browser.js';
import { call, request } from '../support/server.js';

const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
/** Dates a ratification takes without a confirmation: decided a week ago, in force in about four months. */
const DAYS_AGO_7 = daysFromToday(-7);
const DAYS_AHEAD_120 = daysFromToday(120);
const longDate = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );

const file = consoleForFile();

const apiPath = (version: string) => `/api/policies/adult-ras/versions/${version}`;

async function cloneThroughApi(version: string): Promise<void> {
  await call(file.ui.server.url, 'POST', `${apiPath('2010-revised')}/clone`, file.ui.server.tokens.officer, { version });
}

async function openEditor(page: Page, version: string): Promise<void> {
  await editVersion(page, file.ui.server.url, version);
  await page.getByRole('heading', { name: `Edit Adult social care RAS: 2010 revision, version ${version}`, level: 1 }).waitFor();
}

describe('an officer drafts a new version', () => {
  it('clones 2010-revised and sees the draft open in the editor', async () => {
    const page = await file.ui.freshPage('officer');
    await openVersion(page, file.ui.server.url, '2010-revised');
    await page.getByRole('heading', { name: 'Adult social care RAS: 2010 revision', level: 1 }).waitFor();
    await checkPage(page, 'workflow-1-show-2010-revised');
    await page.getByRole('button', { name: 'Clone to new draft' }).click();
    await page.getByLabel('New version name').fill('2011-cloned');
    // The dialog asks what the new version is: its title starts as the source's, to be changed.
    const title = page.getByLabel('Title of the new version');
    expect(await title.inputValue()).toBe('Adult social care RAS: 2010 revision');
    await title.fill('Adult social care RAS: 2011 revision');
    await page.getByLabel('What this version changes').fill('A new price per point for 2011-12.');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.getByRole('heading', { name: 'Edit Adult social care RAS: 2011 revision, version 2011-cloned', level: 1 }).waitFor();
    await checkPage(page, 'workflow-2-edit-form');
    const created = await request(file.ui.server.url, 'GET', apiPath('2011-cloned'), file.ui.server.tokens.officer);
    expect(created.body.status).toBe('draft');
    expect(created.body.basedOn.version).toBe('2010-revised');
    expect(created.body.document).toMatchObject({
      title: 'Adult social care RAS: 2011 revision',
      description: 'A new price per point for 2011-12.',
    });
  });

  it('changes the price per point in the form and the uplift in the JSON, and saves both', async () => {
    await cloneThroughApi('2011-price-rise');
    const page = await file.ui.freshPage('officer');
    await openEditor(page, '2011-price-rise');
    await page.getByRole('textbox', { name: 'Price per point (£)' }).first().fill('5.10');
    await replaceInJsonEditor(page, '"percent": 2.5', '"percent": 3');
    await page.getByText('No problems against the policy schema.').waitFor();
    await checkPage(page, 'workflow-3-edit-json');
    // The form shows the JSON's change too.
    await page.getByRole('tab', { name: 'Form' }).click();
    await expect(page.getByRole('spinbutton', { name: 'Percent', exact: true }).first().inputValue()).resolves.toBe('3');
    await expect(page.getByRole('textbox', { name: 'Price per point (£)' }).first().inputValue()).resolves.toBe('5.10');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft 2011-price-rise saved.').waitFor();
    // A new price moves the worked examples' amounts: the officer is told at once, not only on their tab.
    await page.getByText(/^Draft 2011-price-rise saved\. [1-7] of 7 worked examples now give a different result: correct them/).waitFor();
    await page.getByText('£5.10', { exact: true }).waitFor();
    await expect(
      page.getByRole('region', { name: 'Uplifts, rounding and periods' }).getByText('3%', { exact: true }).isVisible(),
    ).resolves.toBe(true);
    await checkPage(page, 'workflow-4-saved');
    const saved = await request(file.ui.server.url, 'GET', apiPath('2011-price-rise'), file.ui.server.tokens.officer);
    expect(saved.body.document.pricing.default.pencePerPoint).toBe(510);
    expect(saved.body.document.uplifts[0].percent).toBe(3);
  });

  it('cannot submit a draft whose worked examples no longer add up, and says why', async () => {
    await cloneThroughApi('2011-wrong-examples');
    const { url, tokens } = file.ui.server;
    const current = await request(url, 'GET', apiPath('2011-wrong-examples'), tokens.officer);
    const document = current.body.document;
    document.pricing.default.pencePerPoint = 510;
    await call(url, 'PUT', apiPath('2011-wrong-examples'), tokens.officer, document, { 'If-Match': current.headers.get('etag')! });

    const page = await file.ui.freshPage('officer');
    await openVersion(page, file.ui.server.url, '2011-wrong-examples');
    await submitVersion(page);
    // The refusal leads to the worked examples, each failing one with its expected and new figures in pounds.
    await page.getByRole('tab', { name: 'Worked examples', selected: true }).waitFor();
    await page.getByText(/^\d+ of \d+ worked examples do not give what they expect\./).waitFor();
    expect(await page.getByTestId('example-row').filter({ hasText: 'Fails' }).count()).toBeGreaterThan(0);
    await checkPage(page, 'workflow-5-submit-refused');
    await page.getByRole('button', { name: 'Delete draft' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete draft' }).click();
    await page.getByText('Draft 2011-wrong-examples deleted.').waitFor();
    await expect(request(url, 'GET', apiPath('2011-wrong-examples'), tokens.officer).then((r) => r.status)).resolves.toBe(404);
  });

  it('edits the wording only (title in the form, help text in the JSON) and submits it', async () => {
    await cloneThroughApi('2011-wording');
    const page = await file.ui.freshPage('officer');
    await openEditor(page, '2011-wording');
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Adult social care RAS: 2011 wording');
    await replaceInJsonEditor(
      page,
      '"text": "Washing, bathing and using the toilet",',
      '"text": "Washing, bathing and using the toilet", "help": "Include help with continence.",',
    );
    await page.getByText('No problems against the policy schema.').waitFor();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft 2011-wording saved.').waitFor();
    await page.getByRole('heading', { name: 'Adult social care RAS: 2011 wording', level: 1, exact: true }).waitFor();
    // The questionnaire renders after the heading: wait for the help text rather than look once.
    await page.getByText('Include help with continence.').waitFor();
    await submitVersion(page);
    await page.getByText('Version 2011-wording submitted for ratification.').waitFor();
    await page.getByText('Submitted for ratification', { exact: true }).first().waitFor();
    await expect(page.getByRole('button', { name: 'Ratify' }).count()).resolves.toBe(0);
    await checkPage(page, 'workflow-6-submitted');
  });
});

describe('a save, whatever answers when', () => {
  it('shows the version as saved even when a read of it begun before the save answers after it (as under load)', async () => {
    await cloneThroughApi('2011-slow-read');
    const page = await file.ui.freshPage('officer');
    await openVersion(page, file.ui.server.url, '2011-slow-read');
    // The editor re-reads the version as it opens; that read is answered late, with the version as it was then,
    // after the officer has saved: as a loaded server answers. It must not put the old version back on screen.
    let late: Promise<void> | undefined;
    await page.route(`**${apiPath('2011-slow-read')}`, async (route) => {
      if (route.request().method() !== 'GET' || late) return route.continue();
      late = (async () => {
        const before = await route.fetch();
        await new Promise((resolve) => setTimeout(resolve, 4000));
        await route.fulfill({ response: before }).catch(() => {});
      })();
      await late;
    });
    await page.getByRole('link', { name: 'Edit draft' }).click();
    await page.getByRole('button', { name: 'Save draft' }).waitFor();
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Adult social care RAS: 2011 slow read');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft 2011-slow-read saved.').waitFor();
    await page.getByRole('heading', { name: 'Adult social care RAS: 2011 slow read', level: 1, exact: true }).waitFor();
    expect(late, 'the editor read the version as it opened').toBeDefined();
    await late;
    await page.waitForTimeout(300);
    await expect(page.getByRole('heading', { name: 'Adult social care RAS: 2011 slow read', level: 1, exact: true }).count()).resolves.toBe(
      1,
    );
    await page.unroute(`**${apiPath('2011-slow-read')}`);
  });
});

describe('a ratifier ratifies it', () => {
  it('is refused, with the reason, when the version changed after the ratifier opened it', async () => {
    await cloneThroughApi('2011-changed-under-review');
    await call(file.ui.server.url, 'POST', `${apiPath('2011-changed-under-review')}/submit`, file.ui.server.tokens.officer);
    const page = await file.ui.freshPage('ratifier');
    await openVersion(page, file.ui.server.url, '2011-changed-under-review');
    await page.getByRole('button', { name: 'Ratify' }).click();
    // Meanwhile the version goes back to draft and is submitted again.
    const { url, tokens } = file.ui.server;
    await call(url, 'POST', `${apiPath('2011-changed-under-review')}/return-to-draft`, tokens.ratifier);
    await call(url, 'POST', `${apiPath('2011-changed-under-review')}/submit`, tokens.officer);
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Deciding body').fill('Adult Social Care Cabinet');
    await dialog.getByLabel('Minute reference').fill('ASC/2026/43');
    await dialog.getByLabel('Effective from').fill(DAYS_AHEAD_120);
    await dialog.getByLabel('Rationale').fill('Reviewed before it changed.');
    await dialog.getByLabel('Why there is no comparison').fill('No reference cohort.');
    await dialog.getByRole('button', { name: 'Ratify' }).click();
    await dialog.getByText(/has changed since you read it/).waitFor();
    const stored = await request(url, 'GET', apiPath('2011-changed-under-review'), tokens.officer);
    expect(stored.body.status).toBe('submitted');
  });

  it('refuses an effective date in the past at its field until the ratifier confirms it, and records the confirmation', async () => {
    await cloneThroughApi('2011-backdated');
    await call(file.ui.server.url, 'POST', `${apiPath('2011-backdated')}/submit`, file.ui.server.tokens.officer);
    const page = await file.ui.freshPage('ratifier');
    await openVersion(page, file.ui.server.url, '2011-backdated');
    await page.getByRole('button', { name: 'Ratify' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel('Decision date').getAttribute('max')).toBe(daysFromToday(0));
    await dialog.getByLabel('Deciding body').fill('Adult Social Care Cabinet');
    await dialog.getByLabel('Minute reference').fill('ASC/2026/44');
    await dialog.getByLabel('Effective from').fill(DAYS_AGO_7);
    await dialog.getByLabel('Rationale').fill('Backdated to the start of the financial period.');
    await dialog.getByLabel('Why there is no comparison').fill('No reference cohort.');
    await dialog.getByRole('button', { name: 'Ratify' }).click();
    await dialog
      .getByText(/before today/)
      .first()
      .waitFor();
    await dialog.getByLabel('The effective date is before today or more than a year ahead, and that is intended').check();
    await dialog.getByRole('button', { name: 'Ratify' }).click();
    await page.getByText('Version 2011-backdated ratified.').waitFor();
    const stored = await request(file.ui.server.url, 'GET', apiPath('2011-backdated'), file.ui.server.tokens.officer);
    expect(stored.body.ratification).toMatchObject({ effectiveFrom: DAYS_AGO_7, effectiveFromConfirmed: true });
  });

  it('records the decision through the dialog and the version shows as ratified with its record', async () => {
    await cloneThroughApi('2011-to-ratify');
    await call(file.ui.server.url, 'POST', `${apiPath('2011-to-ratify')}/submit`, file.ui.server.tokens.officer);
    const page = await file.ui.freshPage('ratifier');
    await openVersion(page, file.ui.server.url, '2011-to-ratify');
    await page.getByRole('button', { name: 'Ratify' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Deciding body').fill('Adult Social Care Cabinet');
    await dialog.getByLabel('Decision date').fill(DAYS_AGO_7);
    await dialog.getByLabel('Minute reference').fill('ASC/2026/42');
    await dialog.getByLabel('Effective from').fill(DAYS_AHEAD_120);
    await dialog.getByLabel('Rationale').fill('Clearer wording; no change to any amount.');
    await dialog
      .getByLabel('Why there is no comparison')
      .fill('The scheme has no reference cohort yet; the worked examples show no amount changes.');
    await checkPage(page, 'workflow-7-ratify-dialog');
    await dialog.getByRole('button', { name: 'Ratify' }).click();
    await page.getByText('Version 2011-to-ratify ratified.').waitFor();
    await page.getByText('Ratified', { exact: true }).first().waitFor();
    // The record and the timeline load after the status: wait for each.
    await page.getByText('ASC/2026/42', { exact: true }).waitFor();
    await page.getByText('Adult Social Care Cabinet').first().waitFor();
    await page.getByText(longDate(DAYS_AHEAD_120)).first().waitFor();
    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByText(/ratified it \(Adult Social Care Cabinet/).waitFor();
    await page.getByRole('tab', { name: 'The RAS' }).click();
    await page.getByText('The scheme has no reference cohort yet', { exact: false }).first().waitFor();
    await checkPage(page, 'workflow-8-ratified');
  });
});
