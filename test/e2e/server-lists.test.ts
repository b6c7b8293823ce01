/**
 * The console's lists are sorted, filtered and paged by the server, in a real browser: Policies -> a
 * scheme opens Versions with only that scheme's versions, and sorting a column or changing the page size
 * changes what the console asks the server for (the requests to GET /api/versions, as sent).
 */

import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { checkPage, consoleForFile, fromMenu, openHome } from '../support/browser.js';

const file = consoleForFile();

/** The query of each request to the versions list from now on, as name=value pairs. */
function versionRequests(page: Page): Array<Record<string, string>> {
  const seen: Array<Record<string, string>> = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === '/api/versions') seen.push(Object.fromEntries(url.searchParams));
  });
  return seen;
}

/** The version names in the list's rows, top to bottom. */
const versionsShown = (page: Page) => page.locator('tbody tr td.column-version').allTextContents();

describe("a scheme's versions", () => {
  it('are listed alone when the scheme is opened from Policies, sorted and paged by the server', async () => {
    const page = await file.ui.freshPage('officer');
    const asked = versionRequests(page);
    await openHome(page, file.ui.server.url);
    await fromMenu(page, 'Policies');
    await page.getByRole('cell', { name: "Children's SEND personal budgets RAS: 2013 revision" }).click();
    await page.getByRole('heading', { name: 'Policy versions' }).or(page.getByText('Policy versions')).first().waitFor();
    await page.getByRole('cell', { name: '2012-pilot', exact: true }).waitFor();
    // Only the scheme's two versions, newest first as the list starts; no other scheme's.
    expect(await versionsShown(page)).toEqual(['2013-revised', '2012-pilot']);
    expect(asked.at(-1)).toEqual({ policyId: 'childrens-ras', sort: 'createdAt', order: 'desc', offset: '0', limit: '25' });
    await checkPage(page, 'versions-of-one-scheme');

    // Sorting by a column asks the server for that order.
    const before = asked.length;
    await page
      .getByRole('button', { name: 'Version' })
      .or(page.getByText('Version', { exact: true }))
      .first()
      .click();
    await expect.poll(() => asked.slice(before).at(-1)?.sort).toBe('version');
    expect(asked.at(-1)).toMatchObject({ policyId: 'childrens-ras', sort: 'version', order: 'asc' });
    await expect.poll(() => versionsShown(page)).toEqual(['2012-pilot', '2013-revised']);

    // Changing the page size asks the server for that many.
    const sorted = asked.length;
    await page.getByRole('combobox', { name: /Rows per page/ }).click();
    await page.getByRole('option', { name: '10', exact: true }).click();
    await expect.poll(() => asked.slice(sorted).at(-1)?.limit).toBe('10');
    expect(asked.at(-1)).toMatchObject({ policyId: 'childrens-ras', sort: 'version', order: 'asc', offset: '0', limit: '10' });
  });
});

describe('the users list', () => {
  it('is searched by the server as an administrator types', async () => {
    const page = await file.ui.freshPage('admin');
    const asked: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/users') asked.push(url.search);
    });
    await openHome(page, file.ui.server.url);
    await fromMenu(page, 'Users');
    await page.getByRole('cell', { name: 'officer2', exact: true }).waitFor();
    await page.getByLabel('Search names').fill('second');
    await expect.poll(() => asked.at(-1)).toBe('?q=second&sort=username&order=asc&offset=0&limit=10');
    await page.getByRole('cell', { name: 'ratifier', exact: true }).waitFor({ state: 'detached' });
    expect(await page.locator('tbody tr td.column-username').allTextContents()).toEqual(['officer2']);
    await checkPage(page, 'users-searched');
  });
});
