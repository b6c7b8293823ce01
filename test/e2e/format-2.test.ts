/**
 * Policy format 2 in the console, in a real browser: a draft with a base amount, a maximum with its route
 * and the lesser of a requested amount, worked through the calculator and shown on the version's page.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cloneVersion, editDocument } from '../support/api-client.js';
import { checkPage, consoleForFile } from '../support/browser.js';

const PILOT = new URL('../../rules/examples/adult-ras/2009-pilot/', import.meta.url).pathname;
const example = JSON.parse(readFileSync(`${PILOT}examples/older-person-carer-reduction.json`, 'utf8'));
const policy = JSON.parse(readFileSync(`${PILOT}policy.json`, 'utf8'));
const ROUTE = { id: 'panel', label: 'Resource panel', words: 'Your social worker can take your support plan to the resource panel.' };

const file = consoleForFile();

describe('a format-2 draft in the console', () => {
  it('the calculator shows the base, the maximum with its route, the lesser of a requested amount and the contribution split', async () => {
    const { server } = file.ui;
    await cloneVersion(server, server.tokens.officer, 'adult-ras', '2009-pilot', 'format-two');
    await editDocument(server, server.tokens.officer, 'adult-ras', 'format-two', (d) => {
      d.schemaVersion = 2;
      d.pricing.default.basePence = 2000;
      d.maximum = { pence: 33_000, period: 'week', route: ROUTE };
      d.lesserOfRequested = { label: 'The cost of the support you asked for' };
      d.contribution = { label: 'Your assessed contribution' };
    });

    const page = await file.ui.freshPage('officer');
    await page.goto(`${server.url}/#/calculator`);
    await page.getByLabel('Scheme', { exact: true }).selectOption('adult-ras');
    await page.getByLabel('Version', { exact: true }).selectOption('format-two');
    const { assessment } = example;
    await page.getByLabel('Client group').selectOption(assessment.clientGroup);
    await page.getByLabel('Assessment date').fill(assessment.assessmentDate);
    await page.locator('input[name="age"]').fill(String(assessment.age));
    const questions = policy.questionnaires.find(
      (q: { id: string }) => q.id === (assessment.questionnaire ?? policy.questionnaires[0].id),
    ).questions;
    for (const [questionId, answerId] of Object.entries(assessment.answers as Record<string, string>)) {
      const question = questions.find((q: { id: string }) => q.id === questionId);
      const answer = question.answers.find((a: { id: string }) => a.id === answerId);
      const name = `${answer.text} (${answer.points === 1 ? '1 point' : `${answer.points} points`})`;
      await page.getByRole('group', { name: question.text, exact: true }).getByRole('radio', { name, exact: true }).check();
    }
    await page.getByLabel('The person has an unpaid carer (family or a friend)').check();
    await page.getByRole('group', { name: 'Is the carer willing to carry on caring?' }).getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('group', { name: 'Is the carer able to carry on caring?' }).getByRole('radio', { name: 'Yes' }).check();
    await page.getByLabel('How much support the carer gives').selectOption(assessment.carer.supportLevel);
    await page.getByLabel('Impact of caring on the carer').selectOption(assessment.carer.impact);

    // 77 × 488p = 37 576p + base 2 000p = 39 576p; −15% (5 937p) = 33 639p; up to the pound 33 700p; maximum 33 000p
    const steps = page.getByTestId('steps');
    await expect
      .poll(() => steps.textContent(), { timeout: 10_000 })
      .toContain('A base of £20.00, plus 77 points × £4.88 a point (£375.76) = £395.76 a week.');
    expect(await steps.textContent()).toContain(
      'This scheme pays at most £330.00 a week, so the amount is limited to it: £337.00 − £7.00 = £330.00. To ask for more: Resource panel.',
    );
    await expect.poll(() => page.getByTestId('amounts').textContent()).toContain('£330.00');

    // Asking for less: £250.00 a week is paid.
    await page.getByLabel('The cost of the support you asked for (£, optional)').fill('250');
    await expect
      .poll(() => steps.textContent(), { timeout: 10_000 })
      .toContain('The cost of the support you asked for: £250.00 a week, less than £330.00, so £250.00 is paid.');
    await expect.poll(() => page.getByTestId('amounts').textContent()).toContain('£250.00');

    // The person's contribution splits the budget, which stays £250.00.
    await page.getByLabel('Your assessed contribution (£, optional)').fill('50.00');
    await expect
      .poll(() => steps.textContent(), { timeout: 10_000 })
      .toContain("Your assessed contribution: £50.00 a week of the £250.00 is the person's to pay; the council pays £200.00.");
    await checkPage(page, 'calculator, format 2');
  });
});
