/**
 * Reading versions in the console, and the edits it must refuse: a scrutiny user cannot change a draft, and
 * a save over someone else's newer change is stopped with a plain message.
 */

import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, openConsole, screenshot, signIn, signOut, type ConsoleUnderTest } from '../support/browser.js';
import { request } from '../support/server.js';

let ui: ConsoleUnderTest;
let page: Page;
beforeAll(async () => {
  ui = await openConsole();
  page = ui.page;
  const res = await request(ui.server.url, 'POST', '/api/policies/adult-ras/versions/2010-revised/clone', ui.server.tokens.officer, {
    version: '2011-draft',
  });
  expect(res.status).toBe(201);
});
afterAll(async () => {
  await ui?.close();
});
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await screenshot(page, `versions-failed-${task.name.slice(0, 40)}`);
});

async function check(name: string) {
  await screenshot(page, name);
  expect(await accessibilityViolations(page)).toEqual([]);
}

const url = (version: string, view: 'show' | 'edit', policy = 'adult-ras') =>
  `${ui.server.url}/#/versions/${encodeURIComponent(`${policy}:${version}`)}/${view}`;
const DRAFT = '/api/policies/adult-ras/versions/2011-draft';

describe('reading versions', () => {
  it('lists every version with its status and marks the one in force', async () => {
    await signIn(page, ui.server.url, 'officer');
    await page.goto(`${ui.server.url}/#/versions`);
    await page.getByText('2011-draft').waitFor();
    await expect(page.getByText('In force', { exact: true }).count()).resolves.toBe(2);
    await expect(page.getByText('Superseded', { exact: true }).count()).resolves.toBe(2);
    await check('versions-list');
  });

  it('shows a price-per-point RAS in full: questions, weights, prices, carers, uplifts, rules and its ratification', async () => {
    await page.goto(url('2010-revised', 'show'));
    await page.getByRole('heading', { name: 'Adult social care RAS: 2010 revision', level: 1 }).waitFor();
    await expect(page.getByText('£5.02', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('× 1.5').isVisible()).resolves.toBe(true);
    await expect(
      page.getByRole('table', { name: 'Carer reduction by support level and impact' }).getByText('12.5%').isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByText('When the weekly budget is more than £1,000.00.').isVisible()).resolves.toBe(true);
    await expect(page.getByText('ASC/2010/07').isVisible()).resolves.toBe(true);
    await expect(page.getByText('In force today').isVisible()).resolves.toBe(true);
    await check('versions-show-adult');
  });

  it('shows a band table RAS with its questionnaires by age', async () => {
    await page.goto(url('2013-revised', 'show', 'childrens-ras'));
    await page.getByRole('table', { name: 'Allocation table: bands' }).waitFor();
    await expect(page.getByText('For people aged 0 to 4.', { exact: false }).first().isVisible()).resolves.toBe(true);
    await check('versions-show-childrens');
  });
});

describe('a stale save', () => {
  it('is stopped with a message to reload when someone else saved the draft first', async () => {
    await page.goto(url('2011-draft', 'edit'));
    const title = page.getByRole('textbox', { name: 'Title', exact: true });
    await title.waitFor();
    // Meanwhile someone else saves the same draft through the API.
    const current = await request(ui.server.url, 'GET', DRAFT, ui.server.tokens.officer);
    const changed = { ...current.body.document, title: 'Changed by someone else' };
    const put = await request(ui.server.url, 'PUT', DRAFT, ui.server.tokens.officer, changed, { 'If-Match': current.headers.get('etag')! });
    expect(put.status).toBe(200);
    await title.fill('My own title');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page
      .locator('#main-content')
      .getByRole('alert')
      .filter({ hasText: 'Someone else changed this version since you opened it' })
      .waitFor();
    await check('versions-stale-save');
    await page.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => title.inputValue()).toBe('Changed by someone else');
  });
});

describe('a scrutiny user', () => {
  it('sees no edit, submit or ratify buttons on a draft', async () => {
    await signOut(page, ui.server.url);
    await signIn(page, ui.server.url, 'scrutiny');
    await page.goto(url('2011-draft', 'show'));
    await page.getByRole('heading', { name: 'Changed by someone else', level: 1 }).waitFor();
    for (const name of ['Edit draft', 'Submit', 'Ratify', 'Clone to new draft', 'Delete draft', 'Withdraw']) {
      await expect(page.getByRole('button', { name }).count()).resolves.toBe(0);
      await expect(page.getByRole('link', { name }).count()).resolves.toBe(0);
    }
    await check('versions-scrutiny-show');
  });

  it('is refused a change by the server, and the console shows the refusal', async () => {
    const current = await request(ui.server.url, 'GET', DRAFT, ui.server.tokens.scrutiny);
    const put = await request(ui.server.url, 'PUT', DRAFT, ui.server.tokens.scrutiny, current.body.document, {
      'If-Match': current.headers.get('etag')!,
    });
    expect(put.status).toBe(403);
    await page.goto(url('2011-draft', 'edit'));
    await page.getByText('only a policy officer can change it').waitFor();
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Scrutiny tries a change');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText(/This needs one of the roles 'officer'/).waitFor();
    await check('versions-scrutiny-refused');
    const after = await request(ui.server.url, 'GET', DRAFT, ui.server.tokens.scrutiny);
    expect(after.body.document.title).toBe('Changed by someone else');
  });

  it('loads nothing from outside this machine', () => {
    expect(ui.externalRequests).toEqual([]);
  });
});
