/** The calculator in a real browser: the adult RAS worked example, typed in, gives its published amount. */

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkPage, consoleForFile, fromMenu, openHome } from '../support/browser.js';

const EXAMPLES = new URL('../../rules/examples/adult-ras/2010-revised/', import.meta.url).pathname;
const policy = JSON.parse(readFileSync(`${EXAMPLES}policy.json`, 'utf8'));
const example = JSON.parse(readFileSync(`${EXAMPLES}examples/older-person-uplift-in-force.json`, 'utf8'));

/** The radio's label as the calculator writes it: "Some help (10 points)". */
const label = (a: { text: string; points: number }) => `${a.text} (${a.points === 1 ? '1 point' : `${a.points} points`})`;

const file = consoleForFile();

async function openCalculator(page: Page): Promise<void> {
  await openHome(page, file.ui.server.url);
  await fromMenu(page, 'Calculator');
  await page.getByRole('heading', { name: 'Work out an indicative budget' }).waitFor();
  await page.getByLabel('Scheme', { exact: true }).selectOption('adult-ras');
  await page.getByLabel('Version', { exact: true }).selectOption('2010-revised');
}

describe('the calculator', () => {
  it('gives £363.00 a week for the older person with the 2.5% uplift in force (adult-ras 2010-revised worked example)', async () => {
    const page = await file.ui.freshPage('officer');
    await openCalculator(page);
    await page.getByLabel('Client group').selectOption(example.assessment.clientGroup);
    await page.getByLabel('Assessment date').fill(example.assessment.assessmentDate);
    await page.locator('input[name="age"]').fill(String(example.assessment.age));

    const questions = policy.questionnaires.find((q: { id: string }) => q.id === example.assessment.questionnaire).questions;
    for (const [questionId, answerId] of Object.entries(example.assessment.answers as Record<string, string>)) {
      const question = questions.find((q: { id: string }) => q.id === questionId);
      const answer = question.answers.find((a: { id: string }) => a.id === answerId);
      await page
        .getByRole('group', { name: question.text, exact: true })
        .getByRole('radio', { name: label(answer), exact: true })
        .check();
    }
    await page.getByLabel('The person has an unpaid carer (family or a friend)').check();
    await page.getByRole('group', { name: 'Is the carer willing to carry on caring?' }).getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('group', { name: 'Is the carer able to carry on caring?' }).getByRole('radio', { name: 'Yes' }).check();
    await page.getByLabel('How much support the carer gives').selectOption(example.assessment.carer.supportLevel);
    await page.getByLabel('Impact of caring on the carer').selectOption(example.assessment.carer.impact);

    // 80.5 points × 502p = 40 411p; −12.5% carer = 35 359p; +2.5% uplift = 36 243p; up to the pound = 36 300p.
    const amounts = page.getByTestId('amounts');
    await expect.poll(() => amounts.textContent(), { timeout: 10_000 }).toContain('£363.00');
    expect(await amounts.textContent()).toContain('£1,573.00');
    expect(await amounts.textContent()).toContain('£18,876.00');
    const steps = await page.getByTestId('steps').textContent();
    expect(steps).toContain('80.5 points × £5.02 a point = £404.11 a week');
    expect(steps).toContain('reduced by 12.5%: £404.11 − £50.52 = £353.59');
    expect(steps).toContain('Uplift of 2.5% from 1 April 2010');
    expect(steps).toContain('£362.43 becomes £363.00');
    await expect(page.getByText('No flags were raised.').isVisible()).resolves.toBe(true);

    await checkPage(page, 'calculator');
  });

  it('shows a problem next to the field it names', async () => {
    const page = await file.ui.freshPage('officer');
    await openCalculator(page);
    await page.locator('input[name="age"]').fill('12');
    // No adult questionnaire applies to a 12-year-old: the page says so before asking the server.
    await page.getByText('No questionnaire in this version applies to someone aged 12').waitFor();
    await expect
      .poll(() => page.locator('#calc-age-help').textContent(), { timeout: 10_000 })
      .toContain('no questionnaire of this policy applies to age 12');
    await checkPage(page, 'calculator-problem');
  });
});
