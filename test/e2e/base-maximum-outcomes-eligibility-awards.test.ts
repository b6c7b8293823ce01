/**
 * What a policy may say beyond points and prices (schemaVersion 2), in the console, in a real browser: a
 * base amount, a maximum with its route, the lesser of a requested amount and the person's contribution
 * worked through the calculator; points given instead of answers, bands without an amount, a pro-rata
 * award, facts and eligibility conditions in the calculator; and outcomes, facts, eligibility reasons,
 * the award and what people are told, edited in the form.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cloneVersion, editDocument } from '../support/api-client.js';
import { checkPage, consoleForFile, editVersion } from '../support/browser.js';
import { call } from '../support/server.js';

const PILOT = new URL('../../rules/examples/adult-ras/2009-pilot/', import.meta.url).pathname;
const example = JSON.parse(readFileSync(`${PILOT}examples/older-person-carer-reduction.json`, 'utf8'));
const policy = JSON.parse(readFileSync(`${PILOT}policy.json`, 'utf8'));
const ROUTE = { id: 'panel', label: 'Resource panel', words: 'Your social worker can take your support plan to the resource panel.' };

const file = consoleForFile();

describe('base amounts, maximum, outcomes, eligibility and awards in the console', () => {
  it('the calculator shows the base, the maximum with its route, the lesser of a requested amount and the contribution split', async () => {
    const { server } = file.ui;
    await cloneVersion(server, server.tokens.officer, 'adult-ras', '2009-pilot', 'base-and-maximum');
    await editDocument(server, server.tokens.officer, 'adult-ras', 'base-and-maximum', (d) => {
      d.schemaVersion = 2;
      d.pricing.default.basePence = 2000;
      d.maximum = { pence: 33_000, period: 'week', route: ROUTE };
      d.lesserOfRequested = { label: 'The cost of the support you asked for' };
      d.contribution = { label: 'Your assessed contribution' };
    });

    const page = await file.ui.freshPage('officer');
    // From Home, by the menu, as a person goes.
    await page.goto(`${server.url}/`);
    await page.getByRole('menuitem', { name: 'Calculator' }).click();
    await page.getByLabel('Scheme', { exact: true }).selectOption('adult-ras');
    await page.getByLabel('Version', { exact: true }).selectOption('base-and-maximum');
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
      .toContain('Your assessed contribution: £50.00 a week of the £250.00 is yours to pay; the council pays £200.00.');
    await checkPage(page, 'calculator, base, maximum, requested amount and contribution');
  });

  it('the calculator takes a total given instead of answers and a start date, and shows universal services, a pro-rata award and an individual assessment', async () => {
    const { server } = file.ui;
    const page = await file.ui.freshPage('officer');
    // From Home, by the menu, as a person goes.
    await page.goto(`${server.url}/`);
    await page.getByRole('menuitem', { name: 'Calculator' }).click();
    await page.getByLabel('Scheme', { exact: true }).selectOption('childrens-short-breaks');
    await page.getByLabel('Version', { exact: true }).selectOption('2024-25');
    await page.getByLabel('Assessment date').fill('2024-05-20');
    await page.locator('input[name="age"]').fill('9');
    await page.getByRole('radio', { name: 'Enter the total' }).check();
    // The questionnaire is not asked for when the total is given.
    await expect
      .poll(() => page.getByRole('group', { name: 'Help with personal care, compared with a child of the same age' }).count())
      .toBe(0);

    await page.getByLabel('Total points').fill('5');
    const noAmount = page.getByTestId('no-amount');
    await expect.poll(() => noAmount.textContent(), { timeout: 10_000 }).toContain('Universal and targeted services');
    expect(await noAmount.textContent()).toContain('No indicative amount is worked out');
    expect(await page.getByTestId('amounts').count()).toBe(0);

    // 25 points: Band B, £1,000 a year; from 15 June 10 of 12 months are left: £833.33
    await page.getByLabel('Total points').fill('25');
    await page.getByLabel('Award starts on (optional)').fill('2024-06-15');
    await expect.poll(() => page.getByTestId('award').textContent(), { timeout: 10_000 }).toContain('£833.33');
    expect(await page.getByTestId('steps').textContent()).toContain('£1,000.00 × 10/12 = £833.33 is paid for this year.');

    await page.getByLabel('Total points').fill('45');
    await expect.poll(() => noAmount.textContent(), { timeout: 10_000 }).toContain('Individual assessment');
    await checkPage(page, 'calculator, band without an amount');
  });

  it('the calculator asks for the facts a scheme tests, and shows a person who does not meet a condition as not eligible, with the reason', async () => {
    const { server } = file.ui;
    const page = await file.ui.freshPage('officer');
    // From Home, by the menu, as a person goes.
    await page.goto(`${server.url}/`);
    await page.getByRole('menuitem', { name: 'Calculator' }).click();
    await page.getByLabel('Scheme', { exact: true }).selectOption('carers-one-off-payment');
    await page.getByLabel('Version', { exact: true }).selectOption('2024-25');
    await page.getByLabel('Assessment date').fill('2024-07-01');
    await page.locator('input[name="age"]').fill('58');
    const answer = async (question: string, text: string) =>
      page
        .getByRole('group', { name: question, exact: true })
        .getByRole('radio', { name: new RegExp(`^${text}`) })
        .check();
    await answer('How much of the day caring takes', 'All day and at night');
    await answer('The care given', 'Intensive personal or nursing care');
    await answer("The effect of caring on the carer's health", 'At breaking point');
    await answer('Time for themselves', 'Never');
    await page.getByLabel('Hours spent caring in a typical week').fill('50');
    await page.getByLabel("Carer's payments already made this financial year").fill('0');
    // 35 points: £100 + 35 × £10 = £450, limited to the £400 maximum; paid once
    await expect.poll(() => page.getByTestId('award').textContent(), { timeout: 10_000 }).toContain('Paid once: £400.00.');

    await page.getByLabel("Carer's payments already made this financial year").fill('1');
    const noAmount = page.getByTestId('no-amount');
    await expect.poll(() => noAmount.textContent(), { timeout: 10_000 }).toContain('Not eligible');
    expect(await noAmount.textContent()).toContain(
      'No payment yet this financial year: not met. A carer can have one payment in a financial year',
    );
    await checkPage(page, 'calculator, not eligible');
  });

  it('the form shows a band without an amount as its outcome, and amounts in pounds', async () => {
    const { server } = file.ui;
    await cloneVersion(server, server.tokens.officer, 'childrens-short-breaks', '2024-25', 'form-bands');
    const page = await file.ui.freshPage('officer');
    await editVersion(page, server.url, 'form-bands');
    const gives = page.getByRole('combobox', { name: 'Gives' });
    await gives.first().waitFor();
    // Five bands: universal services, three priced, an individual assessment.
    expect(await gives.count()).toBe(5);
    expect(await gives.nth(0).textContent()).toContain('No amount: Universal and targeted services');
    expect(await gives.nth(4).textContent()).toContain('No amount: Individual assessment');
    const amounts = page.getByRole('textbox', { name: 'Amount (£)' });
    expect(await amounts.count()).toBe(3);
    expect(await amounts.nth(0).inputValue()).toBe('500.00');
    await checkPage(page, 'edit form, bands without an amount');
  });

  it('the form edits outcomes, facts, eligibility reasons (conditions in words), the award and what people are told', async () => {
    const { server } = file.ui;
    await cloneVersion(server, server.tokens.officer, 'carers-one-off-payment', '2024-25', 'form-eligibility-award');
    const page = await file.ui.freshPage('officer');
    await editVersion(page, server.url, 'form-eligibility-award');
    const eligibility = page.getByRole('region', { name: 'Who is eligible' });
    await eligibility.getByText('Met when “Hours spent caring in a typical week” is at least 20.').waitFor();
    await eligibility
      .getByLabel('Reason given when it is not met')
      .first()
      .fill('This payment is for carers who care for 20 hours a week or more.');
    await page.getByRole('combobox', { name: 'The amount is paid' }).click();
    await page.getByRole('option', { name: 'yearly, pro rata for a late start' }).click();
    await page.getByLabel('What happens next').fill('Your carer support worker will phone you within ten working days.');
    await page.getByLabel('Contact: team or service').fill('Carers Support Team');
    await checkPage(page, 'edit form, outcomes, facts, eligibility, award and what people are told');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft form-eligibility-award saved.').waitFor();

    const saved = await call(
      server.url,
      'GET',
      '/api/policies/carers-one-off-payment/versions/form-eligibility-award',
      server.tokens.officer,
    );
    expect(saved.document.eligibility[0].reason).toBe('This payment is for carers who care for 20 hours a week or more.');
    expect(saved.document.award).toEqual({ kind: 'yearly', proRata: 'whole-months' });
    expect(saved.document.publication).toEqual({
      nextSteps: 'Your carer support worker will phone you within ten working days.',
      contact: { name: 'Carers Support Team' },
    });
  });
});
