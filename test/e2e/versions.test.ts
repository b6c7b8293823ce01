/**
 * Reading versions in the console, and the edits it must refuse: a scrutiny user cannot change a draft, and
 * a save over someone else's newer change is stopped with a plain message.
 */

import { describe, expect, it } from 'vitest';
import { checkPage, consoleForFile, editVersion, fromMenu, openHome, openVersion } from '../support/browser.js';
import { call, request } from '../support/server.js';

const file = consoleForFile();

const url = (version: string, view: 'show' | 'edit', policy = 'adult-ras') =>
  `${file.ui.server.url}/#/versions/${encodeURIComponent(`${policy}:${version}`)}/${view}`;

/** A new draft of the adult RAS, cloned from 2010-revised through the API; returns its API path. */
async function newDraft(version: string): Promise<string> {
  await call(file.ui.server.url, 'POST', '/api/policies/adult-ras/versions/2010-revised/clone', file.ui.server.tokens.officer, { version });
  return `/api/policies/adult-ras/versions/${version}`;
}

describe('reading versions', () => {
  it('lists every version with its status and marks the one in force', async () => {
    await newDraft('2011-listed');
    const page = await file.ui.freshPage('officer');
    await openHome(page, file.ui.server.url);
    await fromMenu(page, 'Versions');
    await page.getByText('2011-listed').waitFor();
    // Which version is in force is asked separately: the marks may follow the list a moment later.
    await expect.poll(() => page.getByText('In force', { exact: true }).count()).toBe(4); // one version of each of the four seeded schemes
    await expect.poll(() => page.getByText('Superseded', { exact: true }).count()).toBe(2);
    await checkPage(page, 'versions-list');
  });

  it('shows a price-per-point RAS in full: questions, weights, prices, carers, uplifts, rules and its ratification', async () => {
    const page = await file.ui.freshPage('officer');
    await openVersion(page, file.ui.server.url, '2010-revised');
    await page.getByRole('heading', { name: 'Adult social care RAS: 2010 revision', level: 1 }).waitFor();
    await expect(page.getByText('£5.02', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('× 1.5').isVisible()).resolves.toBe(true);
    await expect(
      page.getByRole('table', { name: 'Carer reduction by support level and impact' }).getByText('12.5%').isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByText('When the weekly budget is more than £1,000.00.').isVisible()).resolves.toBe(true);
    await expect(page.getByText('ASC/2010/07').isVisible()).resolves.toBe(true);
    await expect(page.getByText('In force today').isVisible()).resolves.toBe(true);
    await checkPage(page, 'versions-show-adult');
  });

  it('shows a band table RAS with its questionnaires by age', async () => {
    const page = await file.ui.freshPage('officer');
    await openVersion(page, file.ui.server.url, '2013-revised');
    await page.getByRole('table', { name: 'Allocation table: bands' }).waitFor();
    await expect(page.getByText('For people aged 0 to 4.', { exact: false }).first().isVisible()).resolves.toBe(true);
    await checkPage(page, 'versions-show-childrens');
  });
});

describe('a stale save', () => {
  it('is stopped with a message to reload when someone else saved the draft first', async () => {
    const draft = await newDraft('2011-stale');
    const page = await file.ui.freshPage('officer');
    await editVersion(page, file.ui.server.url, '2011-stale');
    const title = page.getByRole('textbox', { name: 'Title', exact: true });
    await title.waitFor();
    // Meanwhile someone else saves the same draft through the API.
    const current = await request(file.ui.server.url, 'GET', draft, file.ui.server.tokens.officer);
    const changed = { ...current.body.document, title: 'Changed by someone else' };
    const put = await request(file.ui.server.url, 'PUT', draft, file.ui.server.tokens.officer, changed, {
      'If-Match': current.headers.get('etag')!,
    });
    expect(put.status).toBe(200);
    await title.fill('My own title');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page
      .locator('#main-content')
      .getByRole('alert')
      .filter({ hasText: 'Someone else changed this version since you opened it' })
      .waitFor();
    await checkPage(page, 'versions-stale-save');
    await page.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => title.inputValue()).toBe('Changed by someone else');
  });
});

describe('domain weights in the form', () => {
  it('shows the weight that applies to every domain, 1 where the document gives none, and a save changes nothing it was not told to', async () => {
    const draft = await newDraft('2011-weights');
    const before = (await request(file.ui.server.url, 'GET', draft, file.ui.server.tokens.officer)).body;
    // 2010-revised weights only its third domain (health, 1.5); the other seven give no weight and so count once.
    const given = before.document.domains.map((d: { weight?: number }) => d.weight);
    expect(given).toEqual([undefined, undefined, 1.5, undefined, undefined, undefined, undefined, undefined]);
    const page = await file.ui.freshPage('officer');
    await editVersion(page, file.ui.server.url, '2011-weights');
    const weights = page.getByRole('spinbutton', { name: 'Weight' });
    await expect.poll(() => weights.count()).toBe(8);
    expect(await weights.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual([
      '1',
      '1',
      '1.5',
      '1',
      '1',
      '1',
      '1',
      '1',
    ]);
    // Nothing typed, nothing to save. A title changed and saved, then changed back and saved: no weight is
    // written where there was none, and the document, its content hash and worked examples are as before.
    await expect(page.getByRole('button', { name: 'Save draft' }).isDisabled()).resolves.toBe(true);
    const title = page.getByRole('textbox', { name: 'Title', exact: true });
    const original = await title.inputValue();
    await title.fill(`${original} (draft)`);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft 2011-weights saved.').waitFor();
    const changed = (await request(file.ui.server.url, 'GET', draft, file.ui.server.tokens.officer)).body;
    expect(changed.document.title).toBe(`${original} (draft)`);
    expect(changed.document.domains).toEqual(before.document.domains);
    expect(changed.document.domains.filter((d: object) => 'weight' in d)).toHaveLength(1);
    await editVersion(page, file.ui.server.url, '2011-weights');
    await title.fill(original);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect
      .poll(async () => (await request(file.ui.server.url, 'GET', draft, file.ui.server.tokens.officer)).body.document.title)
      .toBe(original);
    const after = (await request(file.ui.server.url, 'GET', draft, file.ui.server.tokens.officer)).body;
    expect(after.document).toEqual(before.document);
    expect(after.contentHash).toBe(before.contentHash);
    expect(after.workedExamples).toEqual(before.workedExamples);

    // A weight typed in is written, as the person chose it.
    await editVersion(page, file.ui.server.url, '2011-weights');
    await weights.first().fill('2');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect
      .poll(async () => (await request(file.ui.server.url, 'GET', draft, file.ui.server.tokens.officer)).body.document.domains[0].weight)
      .toBe(2);
  });
});

describe('a scrutiny user', () => {
  it('sees no edit, submit or ratify buttons on a draft', async () => {
    await newDraft('2011-scrutiny-reads');
    const page = await file.ui.freshPage('scrutiny');
    await openVersion(page, file.ui.server.url, '2011-scrutiny-reads');
    await page.getByRole('heading', { name: 'Adult social care RAS: 2010 revision', level: 1 }).waitFor();
    for (const name of [
      'Edit draft',
      'Submit',
      'Ratify',
      'Clone to new draft',
      'Delete draft',
      'Propose withdrawal',
      'Confirm withdrawal',
      'Cancel proposal',
    ]) {
      await expect(page.getByRole('button', { name }).count()).resolves.toBe(0);
      await expect(page.getByRole('link', { name }).count()).resolves.toBe(0);
    }
    await checkPage(page, 'versions-scrutiny-show');
  });

  it('is refused a change by the server, and the console gives a reading view instead of a form', async () => {
    const draft = await newDraft('2011-scrutiny-writes');
    const { url: base, tokens } = file.ui.server;
    const current = await request(base, 'GET', draft, tokens.scrutiny);
    const put = await request(base, 'PUT', draft, tokens.scrutiny, current.body.document, { 'If-Match': current.headers.get('etag')! });
    expect(put.status).toBe(403);
    const page = await file.ui.freshPage('scrutiny');
    // No button leads a scrutiny member to the form: only its address does, and it shows no form.
    await page.goto(url('2011-scrutiny-writes', 'edit'));
    await page.getByText('only a policy officer can change it').waitFor();
    expect(await page.getByRole('textbox', { name: 'Title', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save draft' }).count()).toBe(0);
    await checkPage(page, 'versions-scrutiny-refused');
    const after = await request(base, 'GET', draft, tokens.scrutiny);
    expect(after.body.document.title).toBe(current.body.document.title);
  });
});
