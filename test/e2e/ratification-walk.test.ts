/**
 * A version's way from a policy officer to a ratifier, walked as people walk it: each signs in and reaches
 * every task from Home and the menus by the names on the screen, never by an address. The officer chooses
 * the scheme's reference cohort, clones the version in force, changes a price (in pounds) and a domain's
 * weight in the form, corrects every worked example that then fails, in the form, and submits; a ratifier
 * finds it under "Waiting for you", reads the comparison over the reference cohort on the version's page, is
 * told every problem of the decision at once (blank fields and dates alike), puts them right and ratifies. While
 * the version is submitted, the reference cohort is not offered for change. A person with both roles is not offered ratifying what
 * they submitted. Every page visited is checked at 1280 px and at 375 px (screenshot, axe, page width).
 *
 * The setup a council has before the walk is made over the API: a cohort of 300 generated people made for
 * the scheme, and an account with both roles.
 */

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkPage, consoleForFile, fromMenu, openHome, signIn, submitVersion } from '../support/browser.js';
import { adult, cohortCsv } from '../support/adult-cohort.js';
import { call, createPerson, request } from '../support/server.js';
import { typedPounds, UUID } from '../support/walk.js';

const file = consoleForFile();
const apiPath = (version: string) => `/api/policies/adult-ras/versions/${version}`;
const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

interface Difference {
  field: string;
  expected: unknown;
  actual: unknown;
}

/** The Versions list, reached from Home by the menu, then the version's row. */
async function openFromVersions(page: Page, version: string): Promise<void> {
  await openHome(page, file.ui.server.url);
  await fromMenu(page, 'Versions');
  await page.getByRole('cell', { name: version, exact: true }).first().click();
  await page.getByRole('tab', { name: 'The RAS' }).waitFor();
}

/**
 * What the console says must be words: no ids, no JSON, no user names. (Pence may appear only where a council
 * wrote them in a version's own description, as the seeded 2010-revised does: the console reprints that as written.)
 */
async function expectWords(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(UUID);
  expect(text).not.toMatch(/@@react-admin@@|[{]"|system:seed|by officer\b|by ratifier\b/);
}

/** Types the figures this version works out into the correction dialog, as an officer who worked them again by hand. */
async function correctFigures(page: Page, differences: Difference[], flagMessages: Record<string, string>): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Reason').waitFor();
  for (const d of differences) {
    if (d.field === 'totalPoints') await dialog.getByLabel('Total points').fill(String(d.actual));
    else if (d.field === 'allocation')
      await dialog.getByLabel('Amount a week (£)').fill(typedPounds((d.actual as { pence: number }).pence));
    else if (d.field === 'weeklyPence') await dialog.getByLabel('Weekly amount (£)').fill(typedPounds(d.actual as number));
    else if (d.field === 'monthlyPence') await dialog.getByLabel('Monthly amount (£)').fill(typedPounds(d.actual as number));
    else if (d.field === 'annualPence') await dialog.getByLabel('Annual amount (£)').fill(typedPounds(d.actual as number));
    else if (d.field === 'carerReductionApplied')
      await dialog.getByLabel('Carer reduction').selectOption(d.actual ? 'Applied' : 'Not applied');
    else if (d.field === 'flags')
      for (const [code, message] of Object.entries(flagMessages))
        await dialog.getByLabel(`Flag: ${message}`).setChecked((d.actual as string[]).includes(code));
    else throw new Error(`The walk does not know how to correct ${d.field}`);
  }
}

describe('from a policy officer to a ratifier', () => {
  it('the officer chooses the reference cohort, clones, changes a price and a weight, corrects every example, submits; a ratifier ratifies from Home', async () => {
    const { url, tokens } = file.ui.server;
    const cohort = (await call(url, 'POST', '/api/cohorts/generate', tokens.officer, {
      policyId: 'adult-ras',
      version: '2010-revised',
      name: 'Walk cohort',
      size: 300,
      seed: 11,
    })) as { id: string };

    // The officer: Home -> Versions -> 2010-revised, and the scheme's reference cohort chosen there.
    const page = await file.ui.freshPage('officer');
    await openHome(page, url);
    await checkPage(page, 'walk-01-officer-home');
    await openFromVersions(page, '2010-revised');
    await expect(page.getByTestId('reference-cohort').innerText()).resolves.toContain('This scheme has no reference cohort');
    await page.getByRole('button', { name: 'Choose the reference cohort' }).click();
    await page.getByRole('radio', { name: /^“Walk cohort”, 300 people, made / }).check();
    await checkPage(page, 'walk-02-choose-reference-cohort');
    await page.getByRole('button', { name: 'Use this cohort' }).click();
    await page.getByText('The reference cohort is chosen').waitFor();
    await page.getByText('it is compared with the version in force over “Walk cohort”, 300 people.').waitFor();
    expect((await request(url, 'GET', '/api/policies/adult-ras', tokens.officer)).body.referenceCohortId).toBe(cohort.id);
    await checkPage(page, 'walk-03-version-in-force');
    await expectWords(page);

    // Clone: the new draft asks what it changes, rather than repeating what 2010-revised changed.
    await page.getByRole('button', { name: 'Clone to new draft' }).click();
    await page.getByLabel('New version name').fill('walk-2011');
    await page.getByLabel('Title of the new version').fill('Adult social care RAS: 2011 revision');
    expect(await page.getByLabel('What this version changes').inputValue()).toBe('');
    await page.getByLabel('What this version changes').fill('A new price per point and more weight on physical and mental wellbeing.');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.getByRole('button', { name: 'Save draft' }).waitFor();

    // In the form, in pounds: a bad entry is told in words, then the new price and a heavier health weight.
    const price = page.getByRole('textbox', { name: 'Price per point (£)' }).first();
    await price.fill('five pounds ten');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Write an amount in pounds, such as 160 or £160.50').first().waitFor();
    await expectWords(page);
    await price.fill('5.10');
    const healthWeight = page.getByRole('spinbutton', { name: 'Weight' }).nth(2);
    expect(await healthWeight.inputValue()).toBe('1.5');
    await healthWeight.fill('2');
    await checkPage(page, 'walk-04-edit-form');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft walk-2011 saved.').waitFor();
    const saved = (await request(url, 'GET', apiPath('walk-2011'), tokens.officer)).body;
    expect(saved.document.pricing.default.pencePerPoint).toBe(510);
    expect(saved.document.domains.find((d: { id: string }) => d.id === 'health').weight).toBe(2);

    // Every worked example now fails on its points and amounts: each is corrected in the form, in pounds.
    await page.getByRole('tab', { name: 'Worked examples' }).click();
    await page.getByText('7 of 7 worked examples do not give what they expect.', { exact: false }).waitFor();
    await checkPage(page, 'walk-05-examples-failing');
    const report = (await request(url, 'POST', `${apiPath('walk-2011')}/examples/run`, tokens.officer, {})).body as {
      examples: Array<{ name: string; passed: boolean; differences: Difference[] }>;
    };
    const flagMessages = Object.fromEntries(
      (saved.document.rules as Array<{ event: { type: string; params: { message: string } } }>).map((r) => [
        r.event.type,
        r.event.params.message,
      ]),
    );
    for (const [i, example] of report.examples.entries()) {
      expect(example.passed).toBe(false);
      expect(example.differences.map((d) => d.field)).toContain('totalPoints');
      await page.getByTestId('example-row').nth(i).getByRole('button', { name: 'Correct the hand figures' }).click();
      const dialog = page.getByRole('dialog');
      // The working is pre-filled in words and pounds: question and area names, never ids or pence.
      const working = await dialog.getByLabel('How it is worked out (a line for each step)').inputValue();
      expect(working).toContain('Physical and mental wellbeing');
      // Each answer that scores is named by its question's own words.
      const questions = (saved.document.questionnaires as Array<{ questions: Array<{ text: string }> }>).flatMap((q) => q.questions);
      expect(questions.some((q) => working.includes(`${q.text}: “`))).toBe(true);
      expect(working).toMatch(/£/);
      expect(working).not.toMatch(/\d+p\b|he-physical|pc-washing/);
      await correctFigures(page, example.differences, flagMessages);
      await dialog.getByLabel('Reason').fill('Worked again by hand at £5.10 a point with wellbeing weighted 2.');
      if (i === 0) await checkPage(page, 'walk-06-correct-example');
      await dialog.getByRole('button', { name: 'Save the hand figures' }).click();
      await page.getByText(`'${example.name}' is corrected: it now gives what it expects.`).waitFor();
      await dialog.waitFor({ state: 'detached' });
    }
    await page.getByText('All 7 worked examples give what they expect.').waitFor();
    await checkPage(page, 'walk-07-examples-passing');
    await submitVersion(page);
    await page.getByText('Version walk-2011 submitted for ratification.').waitFor();
    await expect(page.getByRole('button', { name: 'Ratify' }).count()).resolves.toBe(0);
    // While it is submitted the reference cohort cannot change: no control is offered, and the page says why.
    await page
      .getByTestId('reference-cohort-locked')
      .getByText(
        'The reference cohort cannot change while version walk-2011 is submitted: it is compared over it. Return it to draft first to change it.',
      )
      .waitFor();
    await expect(page.getByRole('button', { name: /reference cohort/ }).count()).resolves.toBe(0);

    // The ratifier: Home -> "Waiting for you" -> the version, Ratify.
    const ratifier = await file.ui.freshPage('ratifier');
    await openHome(ratifier, url);
    const waiting = ratifier.getByRole('region', { name: 'Waiting for you' });
    await waiting.getByRole('link', { name: /walk-2011/ }).click();
    await ratifier.getByText('Submitted by Test officer').waitFor();
    // The comparison is on the version's page, read before pressing Ratify: over the reference cohort by its
    // name and size, who is better or worse off, client groups by their names.
    const comparison = ratifier.getByRole('region', { name: 'Before it is ratified: who is better or worse off' });
    await comparison.getByText('The reference cohort is “Walk cohort”, 300 people.').waitFor({ timeout: 20_000 });
    expect(await comparison.innerText()).toMatch(
      /Of 300 people in the reference cohort, [\d,]+ (person|people) would be better off, [\d,]+/,
    );
    await comparison.getByText('By client group').waitFor();
    await comparison.getByText('Older people', { exact: true }).waitFor();
    await checkPage(ratifier, 'walk-08-ratifier-version');
    await expectWords(ratifier);
    await ratifier.getByRole('button', { name: 'Ratify' }).click();
    const dialog = ratifier.getByRole('dialog');
    await dialog.getByLabel('Deciding body').waitFor();
    // There is a comparison, so the ratifier is not asked why there is none; and it is on the page once.
    await expect(dialog.getByLabel('Why there is no comparison').count()).resolves.toBe(0);
    await expect(ratifier.getByTestId('ratification-preview').count()).resolves.toBe(1);
    await checkPage(ratifier, 'walk-09-ratify-dialog');
    expect(await dialog.innerText()).not.toMatch(UUID);

    // One press tells every problem: a rationale left blank, a decision date after today and a backdated
    // effective date not confirmed, each at its field.
    await dialog.getByLabel('Deciding body').fill('Adult Social Care Cabinet');
    await dialog.getByLabel('Decision date').fill(daysFromToday(3));
    await dialog.getByLabel('Minute reference').fill('ASC/2026/51');
    await dialog.getByLabel('Effective from').fill(daysFromToday(-30));
    await dialog.getByRole('button', { name: 'Ratify' }).click();
    const summary = dialog.getByTestId('dialog-error-summary');
    await summary.getByText('There are 3 things to put right.').waitFor();
    await expect(summary.getByRole('button').allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/^Decision date: The decision date, \d{1,2} \w+ \d{4}, is after today/),
      expect.stringMatching(/^Effective from: The version would be in force from \d{1,2} \w+ \d{4}, before today/),
      'Rationale: This must be filled in.',
    ]);
    expect(await summary.innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}|decisionDate|rationale'/);

    // Two problems at once: a rationale too short to be a reason and a backdated effective date not confirmed.
    await dialog.getByLabel('Decision date').fill(daysFromToday(0));
    await dialog.getByLabel('Rationale').fill('ok');
    await dialog.getByRole('button', { name: 'Ratify' }).click();
    await summary.getByText('There are 2 things to put right.').waitFor();
    await expect(summary.getByRole('button').allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/^Effective from: The version would be in force from \d{1,2} \w+ \d{4}, before today/),
      expect.stringMatching(/^Rationale: Write the rationale in words/),
    ]);
    await expect(summary.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(summary.isVisible()).resolves.toBe(true);
    expect(await summary.innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}|confirmEffectiveFrom/);
    await checkPage(ratifier, 'walk-10-ratify-problems');

    // Put right, ratified.
    await dialog.getByLabel('Effective from').fill(daysFromToday(120));
    await dialog.getByLabel('Rationale').fill('New market rates for care and a heavier weight on health needs, as consulted on.');
    await dialog.getByRole('button', { name: 'Ratify' }).click();
    await ratifier.getByText('Version walk-2011 ratified.').waitFor();
    await ratifier.getByText(/^Test ratifier, \d{1,2} \w{3} \d{4}, \d\d:\d\d$/).waitFor();
    await ratifier.getByText(/Compared with 2010-revised over the reference cohort “Walk cohort”, 300 people/).waitFor();
    await checkPage(ratifier, 'walk-11-ratified');
    await expectWords(ratifier);
    const ratified = (await request(url, 'GET', apiPath('walk-2011'), tokens.ratifier)).body;
    expect(ratified.status).toBe('ratified');
    expect(ratified.ratification.comparison.cohortId).toBe(cohort.id);
    // Two people's whole walk, a dozen pages each checked twice: longer than one page's test.
  }, 240_000);

  it('a person with both roles who submitted a version is not offered ratifying it', async () => {
    const { url, tokens } = file.ui.server;
    await createPerson(url, tokens.admin, { username: 'bo.both', displayName: 'Bo Both', roles: ['officer', 'ratifier'] });
    const page = await file.ui.freshPage();
    await signIn(page, url, 'bo.both');
    await openFromVersions(page, '2010-revised');
    await page.getByRole('button', { name: 'Clone to new draft' }).click();
    await page.getByLabel('New version name').fill('both-2011');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.getByRole('button', { name: 'Save draft' }).waitFor();
    await page.getByRole('link', { name: 'Cancel' }).click();
    await submitVersion(page);
    await page.getByText('Version both-2011 submitted for ratification.').waitFor();
    await page.getByText('Submitted by Bo Both').waitFor();
    await page.getByRole('button', { name: 'Return to draft' }).waitFor();
    await expect(page.getByRole('button', { name: 'Ratify' }).count()).resolves.toBe(0);
    await checkPage(page, 'walk-12-both-roles-submitted');
  });

  it("an officer uploads a CSV file as the reference cohort from a version's page", async () => {
    const { url, tokens } = file.ui.server;
    // Nothing submitted may be waiting: the reference cohort cannot change under a version being decided.
    await call(url, 'POST', `${apiPath('both-2011')}/return-to-draft`, tokens.ratifier);
    const page = await file.ui.freshPage('officer');
    await openFromVersions(page, '2010-revised');
    await page.getByRole('button', { name: 'Change the reference cohort' }).click();
    await page.getByRole('radio', { name: 'Upload a cohort as a CSV file' }).check();
    // Three people, exported by a case system: an older person, an adult with a learning disability, one with no needs.
    const csv = cohortCsv([
      adult('U-1', 'older-people', '75-84', { 'pc-washing': 'some-help' }),
      adult('U-2', 'learning-disability', '18-64', { 'pc-washing': 'full-help' }),
      adult('U-3', 'mental-health', '18-64'),
    ]);
    await page.getByLabel('Name of the cohort').fill('Case system export, March');
    await page
      .getByLabel('CSV file of anonymised assessments')
      .setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await checkPage(page, 'walk-13-upload-reference-cohort');
    await page.getByRole('button', { name: 'Use this cohort' }).click();
    await page.getByText('it is compared with the version in force over “Case system export, March”, 3 people.').waitFor();
    const policy = (await request(url, 'GET', '/api/policies/adult-ras', tokens.officer)).body;
    const cohort = (await request(url, 'GET', `/api/cohorts/${policy.referenceCohortId}`, tokens.officer)).body;
    expect(cohort).toMatchObject({ name: 'Case system export, March', people: 3, policyId: 'adult-ras', source: 'csv' });
  });
});
