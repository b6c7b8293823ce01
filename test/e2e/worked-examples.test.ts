/**
 * Worked examples in the console, in a real browser: a draft whose change moves one example's result
 * cannot be submitted; the submit leads to the Worked examples tab, which shows expected and worked-out
 * figures in pounds; the officer accepts the new result with a reason (kept in the audit log), keeps a
 * case from the calculator as a new example, and then submits.
 */

import { describe, expect, it } from 'vitest';
import { editDocument } from '../support/api-client.js';
import { checkPage, consoleForFile, fromMenu, openHome, openVersion, screenshot, submitVersion } from '../support/browser.js';
import { call, request } from '../support/server.js';

const file = consoleForFile();
const DRAFT = 'examples-walk';

describe('worked examples on a draft', () => {
  it('a change that moves one result stops the submit, and the officer accepts the new result with a reason, then submits', async () => {
    const { server } = file.ui;
    await call(server.url, 'POST', '/api/policies/adult-ras/versions/2009-pilot/clone', server.tokens.officer, { version: DRAFT });
    // The carer reduction for substantial support with a moderate impact rises from 15% to 20%: only the
    // worked example of an older person with a carer reduction has that carer, so only it moves.
    await editDocument(server, server.tokens.officer, 'adult-ras', DRAFT, (d) => {
      d.carerAdjustment.reductions.substantial.moderate = 20;
    });

    const page = await file.ui.freshPage('officer');
    await openVersion(page, server.url, DRAFT);
    await submitVersion(page);
    // The refused submit leads to the worked examples, not to a message of raw JSON.
    await page.getByRole('tab', { name: 'Worked examples', selected: true }).waitFor();
    const summary = page.getByTestId('examples-summary');
    await expect
      .poll(() => summary.textContent(), { timeout: 10_000 })
      .toBe('1 of 6 worked examples do not give what they expect. Correct the policy, or accept the new result with a reason.');
    const failing = page.getByTestId('example-row').filter({ hasText: 'Fails' });
    expect(await failing.count()).toBe(1);
    // 77 points × £4.88 = £375.76; less 20% (£75.16, rounded up) = £300.60; up to the pound: £301.00 a week, not £320.00
    const row = await failing.textContent();
    expect(row).toContain("Amount in the table's period: £320.00 a week");
    expect(row).toContain("Amount in the table's period: £301.00 a week");
    expect(row).toContain('Weekly amount: £301.00');
    expect(row).not.toMatch(/pence|weeklyPence|\{/);
    await screenshot(page, 'worked-examples-1-failing');
    await checkPage(page, 'worked examples, one failing');

    await failing.getByRole('button', { name: 'Accept the new result' }).click();
    await page.getByLabel('Reason').fill('The carers board agreed a 20% reduction for substantial support with a moderate impact.');
    await page.getByRole('button', { name: 'Accept the new result' }).last().click();
    await expect.poll(() => summary.textContent(), { timeout: 10_000 }).toBe('All 6 worked examples give what they expect.');

    const audit = await request(
      server.url,
      'GET',
      `/api/audit?target=${encodeURIComponent(`version:adult-ras/${DRAFT}`)}`,
      server.tokens.admin,
    );
    const accepted = audit.body.find((e: { action: string }) => e.action === 'version.edit-examples');
    expect(accepted.details.reason).toMatch(
      /^Accepted the new result of 'Older person.*': The carers board agreed a 20% reduction for substantial support with a moderate impact\.$/,
    );

    await submitVersion(page);
    await expect
      .poll(
        async () => (await request(server.url, 'GET', `/api/policies/adult-ras/versions/${DRAFT}`, server.tokens.officer)).body.status,
        {
          timeout: 10_000,
        },
      )
      .toBe('submitted');
  });

  it('a case worked out in the calculator is kept as a worked example of the draft, and passes', async () => {
    const { server } = file.ui;
    await call(server.url, 'POST', '/api/policies/adult-ras/versions/2009-pilot/clone', server.tokens.officer, { version: 'kept-case' });
    const page = await file.ui.freshPage('officer');
    await openHome(page, server.url);
    await fromMenu(page, 'Calculator');
    await page.getByLabel('Scheme', { exact: true }).selectOption('adult-ras');
    await page.getByLabel('Version', { exact: true }).selectOption('kept-case');
    await page.getByLabel('Client group').selectOption('older-people');
    await page.getByLabel('Assessment date').fill('2009-11-30');
    await page.locator('input[name="age"]').fill('80');
    // Answer every question with its first answer: the lowest-need case.
    for (const group of await page.getByRole('radiogroup').all()) await group.getByRole('radio').first().check();
    await page.getByRole('button', { name: 'Keep this case as a worked example' }).click();
    await page.getByLabel('Name of the example').fill('Lowest needs, no carer');
    await page.getByRole('button', { name: 'Keep it' }).click();
    await page.getByRole('link', { name: 'See the worked examples of kept-case' }).click();
    const summary = page.getByTestId('examples-summary');
    await expect.poll(() => summary.textContent(), { timeout: 10_000 }).toBe('All 7 worked examples give what they expect.');
    expect(await page.getByTestId('example-row').filter({ hasText: 'Lowest needs, no carer' }).textContent()).toContain('Passes');
    const examples = await request(server.url, 'GET', '/api/policies/adult-ras/versions/kept-case/examples', server.tokens.officer);
    expect(examples.body.examples.at(-1)).toMatchObject({ name: 'Lowest needs, no carer', expect: { flags: expect.any(Array) } });
  });

  it('is read-only for a ratifier: no accept button on a failing example', async () => {
    const { server } = file.ui;
    await call(server.url, 'POST', '/api/policies/adult-ras/versions/2009-pilot/clone', server.tokens.officer, { version: 'read-only' });
    await editDocument(server, server.tokens.officer, 'adult-ras', 'read-only', (d) => {
      d.carerAdjustment.reductions.substantial.moderate = 20;
    });
    const page = await file.ui.freshPage('ratifier');
    await openVersion(page, server.url, 'read-only', 'Worked examples');
    await expect.poll(() => page.getByTestId('examples-summary').textContent(), { timeout: 10_000 }).toContain('1 of 6');
    expect(await page.getByRole('button', { name: 'Accept the new result' }).count()).toBe(0);
  });
});
