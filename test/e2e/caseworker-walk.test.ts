/**
 * A caseworker's walk, as a person takes it: signed in, from Home to Decisions by the menu, a person's
 * decision found by the reference typed in the search box, opened, its flags read in words, and its letter
 * opened; the letter carries no flag meant for staff. Every page is checked at 1280 px and at 375 px
 * (checkPage: screenshot, axe, nothing wider than the window). The case system records the decisions over the API,
 * as it does in a council.
 */

import { describe, expect, it } from 'vitest';
import { checkPage, consoleForFile, fromMenu, openHome } from '../support/browser.js';
import { exampleVersions } from '../support/examples.js';
import { call } from '../support/server.js';

const file = consoleForFile();

/** 2010-revised's worked example that raises all three of its flags: panel, NHS continuing healthcare, safeguarding. */
const highNeed = exampleVersions()
  .find((v) => v.scheme === 'adult-ras' && v.version === '2010-revised')!
  .examples.find((e) => e.name === 'high-need-panel-nhs-safeguarding')!.json;

describe("a caseworker finds a person's decision by their reference", () => {
  it('opens it from the Decisions menu, reads its flags in words, and opens a letter with no staff flag', async () => {
    const { server } = file.ui;
    const record = (reference: string) =>
      call(server.url, 'POST', '/api/decisions', server.tokens['api-client'], {
        policyId: 'adult-ras',
        assessment: { ...highNeed.assessment, reference },
      }) as Promise<{ id: string }>;
    await record('CW-1000');
    await record('CW-4821');
    await record('CW-2000');

    const page = await file.ui.freshPage('officer');
    await openHome(page, server.url);
    // Home says whose each recent decision is, by the person's reference.
    await page
      .getByRole('region', { name: 'Recent decisions' })
      .getByText(/ for CW-2000, /)
      .waitFor();
    await fromMenu(page, 'Decisions');
    await page.getByRole('heading', { name: 'Decisions', level: 1 }).waitFor();
    await page.getByRole('cell', { name: 'CW-2000' }).waitFor();
    await checkPage(page, 'caseworker-decisions');

    await page.getByLabel("Person's reference").fill('cw-4821');
    await page.getByRole('cell', { name: 'CW-1000' }).waitFor({ state: 'detached' });
    const rows = page.getByRole('row').filter({ has: page.getByRole('cell') });
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('CW-4821');
    await checkPage(page, 'caseworker-decision-found');

    await page.getByRole('cell', { name: 'CW-4821' }).click();
    // 252.5 points × £5.02 a point = £1,267.55; the 2.5% uplift from 1 April 2010 adds £31.69 = £1,299.24; rounded up to the pound: £1,300.00 a week.
    await page.getByRole('heading', { name: '£1,300.00 a week', level: 1 }).waitFor();
    const flags = page.getByTestId('staff-flags');
    expect(await flags.getByRole('heading', { name: 'Flags for staff' }).count()).toBe(1);
    expect((await flags.getByRole('listitem').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
      'For review: Indicative budget above £1,000 a week: refer to the resource allocation panel.',
      'For review: High health needs: complete the NHS continuing healthcare checklist.',
      'Act on this: The person is at risk of harm from others: consider a safeguarding referral today.',
    ]);
    expect(await flags.textContent()).toContain('For staff only: the letter to the person never includes these.');
    expect(await page.textContent('main')).toContain('Reference CW-4821');
    await checkPage(page, 'caseworker-decision');

    const [letter] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('button', { name: 'Open the letter to the person' }).click(),
    ]);
    await letter.waitForLoadState();
    const words = (await letter.textContent('body'))!.replace(/\s+/g, ' ');
    expect(words).toContain('Your indicative personal budget is £1,300.00 a week (£5,633.33 a month, £67,600.00 a year).');
    expect(words).toContain('Reference CW-4821');
    expect(words).toContain(
      'Before your personal budget is agreed, someone from the council will go through your assessment with you and talk about the support you need.',
    );
    for (const staffWords of ['safeguarding', 'refer to the resource allocation panel', 'continuing healthcare checklist', 'For review'])
      expect(words.toLowerCase(), staffWords).not.toContain(staffWords.toLowerCase());
    await checkPage(letter, 'caseworker-letter');
    await letter.close();
  });
});
