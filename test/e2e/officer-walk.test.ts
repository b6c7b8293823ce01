/**
 * The two walks a council's officers take without reading JSON, start to finish in a real browser:
 *
 * 1. A policy officer clones the children's RAS in force, raises Band 1 from £160 to £165 a month in
 *    pounds, sees the two worked examples in Band 1 fail, accepts one new result with a reason, corrects
 *    the other's hand figures, and submits.
 * 2. A ratifier opens the submitted version, reads the comparison with the version in force over the
 *    reference cohort and the changes in words, and ratifies it.
 *
 * The figures are worked by hand below, from the policy: Band 1 is £165.00 a month (16,500p); a year is
 * 12 months and 52.1429 weeks; amounts round to the penny, halves up; the uplift is 1.7% from 1 April 2013.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import { checkPage, consoleForFile, openVersion, screenshot, submitVersion } from '../support/browser.js';
import { call, request } from '../support/server.js';

const file = consoleForFile();

// The scheme has a reference cohort, chosen by scrutiny before the draft is submitted (it is then locked).
beforeAll(async () => {
  const { server } = file.ui;
  const cohort = await call(server.url, 'POST', '/api/cohorts/generate', server.tokens.scrutiny, {
    policyId: 'childrens-ras',
    version: '2013-revised',
    name: "Children's reference cohort",
    size: 300,
    seed: 7,
  });
  await call(server.url, 'PUT', '/api/policies/childrens-ras/reference-cohort', server.tokens.scrutiny, { cohortId: cohort.id });
});
const DRAFT = '2014-band-1';
const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const apiPath = `/api/policies/childrens-ras/versions/${DRAFT}`;

describe("the officer's walk: clone, change a price in pounds, settle the worked examples, submit", () => {
  it('clones the version in force, asked for its title and what it changes', async () => {
    const page = await file.ui.freshPage('officer');
    await openVersion(page, file.ui.server.url, '2013-revised');
    await page.getByRole('button', { name: 'Clone to new draft' }).click();
    await page.getByLabel('New version name').fill(DRAFT);
    await page.getByLabel('Title of the new version').fill("Children's RAS: 2014 Band 1");
    await page.getByLabel('What this version changes').fill('Band 1 rises to £165 a month.');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.getByRole('heading', { name: `Edit Children's RAS: 2014 Band 1, version ${DRAFT}`, level: 1 }).waitFor();

    // Band 1 is the second band of the table (the first gives no indicative budget): typed in pounds.
    const band1 = page.getByRole('textbox', { name: 'Amount' }).nth(1);
    expect(await band1.inputValue()).toBe('160.00');
    await band1.fill('165');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText(`Draft ${DRAFT} saved.`).waitFor();
    await screenshot(page, 'officer-walk-1-saved');
    const saved = await request(file.ui.server.url, 'GET', apiPath, file.ui.server.tokens.officer);
    expect(saved.body.document.pricing.default.bands[1].pence).toBe(16_500);

    // What changed since the version it was copied from, in words drawn from the two documents.
    await openVersion(page, file.ui.server.url, DRAFT, 'What changed');
    const changes = page.getByTestId('policy-changes');
    await changes.waitFor();
    expect(await changes.textContent()).toMatch(/Band 1.*£160\.00 → £165\.00/);
    await checkPage(page, 'officer walk: what changed');
  });

  it('submits, is led to the two failing worked examples, accepts one with a reason and corrects the other by hand', async () => {
    const page = await file.ui.freshPage('officer');
    await openVersion(page, file.ui.server.url, DRAFT);
    await submitVersion(page);
    await page.getByRole('tab', { name: 'Worked examples', selected: true }).waitFor();
    const summary = page.getByTestId('examples-summary');
    await expect
      .poll(() => summary.textContent(), { timeout: 10_000 })
      .toBe('2 of 8 worked examples do not give what they expect. Correct the policy, or accept the new result with a reason.');
    await screenshot(page, 'officer-walk-2-two-failing');

    // Before the uplift: £165.00 a month; a year 16,500 × 12 = 198,000p; a week 198,000 ÷ 52.1429 = 3,797.26 -> £37.97.
    const before = page.getByTestId('example-row').filter({ hasText: 'Primary age 11, 24 points' });
    expect(await before.textContent()).toContain('Weekly amount: £37.97');
    await before.getByRole('button', { name: 'Accept the new result' }).click();
    await page.getByLabel('Reason').fill('Cabinet agreed Band 1 at £165 a month for 2014-15.');
    await page.getByRole('button', { name: 'Accept the new result' }).last().click();
    await expect
      .poll(() => summary.textContent(), { timeout: 10_000 })
      .toBe('1 of 8 worked examples do not give what they expect. Correct the policy, or accept the new result with a reason.');

    // After the uplift, by hand: 16,500 × 1.7% = 280.5p -> 281p (half up); 16,500 + 281 = 16,781p = £167.81 a month;
    // a year 16,781 × 12 = 201,372p = £2,013.72; a week 201,372 ÷ 52.1429 = 3,861.93 -> £38.62.
    const after = page.getByTestId('example-row').filter({ hasText: 'Early years, 15 points after the 1.7% uplift' });
    await after.getByRole('button', { name: 'Correct the hand figures' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Amount a month (£)').fill('167.81');
    await dialog.getByLabel('Weekly amount (£)').fill('38.62');
    await dialog.getByLabel('Monthly amount (£)').fill('167.81');
    await dialog.getByLabel('Annual amount (£)').fill('2,013.72');
    await dialog
      .getByLabel('How it is worked out (a line for each step)')
      .fill(
        '15 points is in Band 1: 16500p a month\nuplift 1.7%: 280.5p -> 281p; 16500 + 281 = 16781p\nannual 16781 x 12 = 201372p; weekly 201372 / 52.1429 = 3861.93 -> 3862p',
      );
    await dialog.getByLabel('Reason').fill('Worked again by hand at the new Band 1 amount.');
    await checkPage(page, 'officer walk: correcting the hand figures');
    await dialog.getByRole('button', { name: 'Save the hand figures' }).click();
    await expect.poll(() => summary.textContent(), { timeout: 10_000 }).toBe('All 8 worked examples give what they expect.');

    const examples = (await request(file.ui.server.url, 'GET', apiPath, file.ui.server.tokens.officer)).body.examples;
    const corrected = examples.find((e: { name: string }) => e.name.startsWith('Early years, 15 points after'));
    expect(corrected.expect).toMatchObject({
      allocation: { period: 'month', pence: 16_781 },
      weeklyPence: 3862,
      monthlyPence: 16_781,
      annualPence: 201_372,
    });
    expect(corrected.arithmetic).toHaveLength(3);

    await submitVersion(page);
    await page.getByText(`Version ${DRAFT} submitted for ratification.`).waitFor();
    await screenshot(page, 'officer-walk-3-submitted');
    const audit = await request(
      file.ui.server.url,
      'GET',
      `/api/audit?target=version:childrens-ras/${DRAFT}&action=version.edit-examples`,
      file.ui.server.tokens.admin,
    );
    expect(audit.body.map((e: { details: { reason: string } }) => e.details.reason)).toEqual([
      "Accepted the new result of 'Primary age 11, 24 points, assessed before the 1 April 2013 uplift: revised Band 1 £160, no uplift': Cabinet agreed Band 1 at £165 a month for 2014-15.",
      "Corrected the hand figures of 'Early years, 15 points after the 1.7% uplift: revised Band 1 £160 plus uplift': Worked again by hand at the new Band 1 amount.",
    ]);
  });
});

describe("the ratifier's walk: the comparison and the changes in words, then the decision", () => {
  it('reads who gains and what changed against the version in force, and ratifies', async () => {
    const { server } = file.ui;
    const page = await file.ui.freshPage('ratifier');
    await openVersion(page, file.ui.server.url, DRAFT);
    // The comparison is on the version's page, read before pressing Ratify.
    const preview = page.getByTestId('ratification-preview');
    await preview.getByText(/^Of 300 people/).waitFor({ timeout: 20_000 });
    // Band 1 only rises: whoever is in Band 1 gains, and nobody loses.
    expect(await preview.textContent()).toMatch(
      /Of 300 people in the reference cohort, [1-9]\d* (person|people) would be better off, 0 people worse off/,
    );
    expect(await preview.getByTestId('policy-changes').textContent()).toMatch(/Band 1.*£160\.00 → £165\.00/);
    await page.getByRole('button', { name: 'Ratify' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Deciding body').fill("Children's Services Cabinet");
    await dialog.getByLabel('Minute reference').fill('CS/2026/14');
    await dialog.getByLabel('Effective from').fill(daysFromToday(120));
    await dialog.getByLabel('Rationale').fill('Band 1 rises to £165 a month to meet the cost of short breaks.');
    await checkPage(page, 'ratifier walk: the dialog');
    await dialog.getByRole('button', { name: 'Ratify' }).click();
    await page.getByText(`Version ${DRAFT} ratified.`).waitFor();
    expect((await request(server.url, 'GET', apiPath, server.tokens.ratifier)).body.status).toBe('ratified');
    await screenshot(page, 'ratifier-walk-ratified');
  });
});
