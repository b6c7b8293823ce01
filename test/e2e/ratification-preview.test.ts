/**
 * Before ratifying, the ratifier reads what the version does, in a real browser: the dialog compares
 * it with the version in force over the scheme's reference cohort (who gains, who loses, the cost, by
 * client group) and lists every change to the policy in words.
 */

import { describe, expect, it } from 'vitest';
import { editDocument } from '../support/api-client.js';
import { checkPage, consoleForFile, openVersion } from '../support/browser.js';
import { call } from '../support/server.js';

const file = consoleForFile();

describe('the ratification dialog', () => {
  it('shows the comparison with the version in force and the changes in words', async () => {
    const { server } = file.ui;
    const { officer } = server.tokens;
    const cohort = await call(server.url, 'POST', '/api/cohorts/generate', officer, {
      policyId: 'adult-ras',
      version: '2010-revised',
      name: 'Reference cohort for the dialog',
      size: 400,
      seed: 11,
    });
    await call(server.url, 'PUT', '/api/policies/adult-ras/reference-cohort', server.tokens.scrutiny, { cohortId: cohort.id });
    await call(server.url, 'POST', '/api/policies/adult-ras/versions/2010-revised/clone', officer, { version: 'kinder-to-carers' });
    // Regular support with a low impact on the carer: a 5% reduction instead of 10%. No worked example has
    // that carer, so the draft submits; in the cohort only people with such a carer gain, and nobody loses.
    await editDocument(server, officer, 'adult-ras', 'kinder-to-carers', (d) => {
      d.carerAdjustment.reductions.regular.low = 5;
    });
    await call(server.url, 'POST', '/api/policies/adult-ras/versions/kinder-to-carers/submit', officer);

    const page = await file.ui.freshPage('ratifier');
    await openVersion(page, server.url, 'kinder-to-carers');
    // On the version's page, before Ratify is pressed.
    const preview = page.getByTestId('ratification-preview');
    await preview.getByText(/^Of 400 people/).waitFor({ timeout: 20_000 });
    const text = (await preview.textContent()) ?? '';
    expect(text).toContain('Against 2010-revised, the version in force');
    expect(text).toMatch(/Of 400 people in the reference cohort, [1-9]\d* (person|people) would be better off, 0 people worse off/);
    expect(await page.getByTestId('policy-changes').textContent()).toMatch(/^Carer reduction for .+: 10% → 5%$/);
    await checkPage(page, 'submitted version with the comparison');
    await page.getByRole('button', { name: 'Ratify' }).click();

    // Ratified, the published scheme shows who gains and who loses by client group and age band.
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Deciding body').fill('Adult Social Care Cabinet');
    await dialog.getByLabel('Minute reference').fill('ASC/2026/51');
    await dialog.getByLabel('Effective from').fill(new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10));
    await dialog.getByLabel('Rationale').fill('A smaller reduction for carers giving regular support with a low impact.');
    await dialog.getByRole('button', { name: 'Ratify' }).click();
    await page.getByText('Version kinder-to-carers ratified.').waitFor();
    const reader = await file.ui.freshPage();
    await reader.goto(`${server.url}/#/published/adult-ras/kinder-to-carers`);
    const equalities = reader.getByTestId('equalities');
    await equalities.waitFor();
    expect(await equalities.textContent()).toContain('Against version 2010-revised, worked out for 400 people');
    await reader.getByRole('region', { name: 'By client group: who gains and who loses' }).waitFor();
    await reader.getByRole('region', { name: 'By age: who gains and who loses' }).waitFor();
    await checkPage(reader, 'published scheme with its equalities');
  });
});
