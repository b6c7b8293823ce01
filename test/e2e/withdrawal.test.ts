/**
 * Withdrawing a version takes two ratifiers, in a real browser, reached as people reach it (signed in
 * through the sign-in page, then by the names on Home and the buttons): one proposes it with the reason,
 * and the page says what comes back into force for its dates; the proposer is not offered the
 * confirmation; a second ratifier (officer2) finds it from Home, reads it, and confirms it with the note
 * or waiver the case needs (the server's refusals shown at their fields), or cancels it.
 */

import { describe, expect, it } from 'vitest';
import { checkPage, consoleForFile, signIn, signOut } from '../support/browser.js';
import { call, request } from '../support/server.js';

const file = consoleForFile();

const versionPath = (policyId: string, version: string) => `/api/policies/${policyId}/versions/${version}`;

describe('withdrawing a version', () => {
  it('is proposed by one ratifier, who is not offered the confirmation; a second finds it from Home and confirms it with a waiver, as there is no reference cohort', async () => {
    const { url, tokens } = file.ui.server;
    const page = await file.ui.freshPage();
    await signIn(page, url, 'ratifier');
    await page
      .getByRole('region', { name: 'In force today' })
      .getByRole('link', { name: /version 2010-revised$/ })
      .click();
    await page.getByRole('heading', { name: 'Adult social care RAS: 2010 revision', level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: 'Withdraw', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Propose withdrawal' }).click();
    const propose = page.getByRole('dialog', { name: 'Propose withdrawing version 2010-revised' });
    // A reason that says nothing is refused at its field, in the server's words.
    await propose.getByLabel('Reason').fill('Error.');
    await propose.getByRole('button', { name: 'Propose withdrawal' }).click();
    await propose
      .getByText(/Write why the version is withdrawn in words: at least 2 words and 10 letters/)
      .first()
      .waitFor();
    await propose.getByLabel('Reason').fill('The 2010 price per point was set without the consultation the council must hold.');
    await checkPage(page, 'withdrawal-1-propose');
    await propose.getByRole('button', { name: 'Propose withdrawal' }).click();
    await page.getByText('Withdrawal of version 2010-revised proposed: another ratifier must confirm it.').waitFor();

    const proposal = page.getByRole('region', { name: 'Withdrawal proposed' });
    await proposal.getByText('The 2010 price per point was set without the consultation the council must hold.').waitFor();
    await proposal
      .getByText(
        /^Once version 2010-revised is withdrawn, version 2009-pilot is in force again from \d+ \w+ \d{4}, the first day version 2010-revised was in force\.$/,
      )
      .waitFor();
    await proposal.getByText('The scheme has no reference cohort', { exact: false }).waitFor();
    // The proposer may cancel, not confirm.
    await proposal.getByText('You proposed this withdrawal, so another ratifier must confirm it. You can cancel it.').waitFor();
    expect(await page.getByRole('button', { name: 'Confirm withdrawal' }).count()).toBe(0);
    await proposal.getByRole('button', { name: 'Cancel proposal' }).waitFor();
    // Until it is confirmed the version stays in force.
    await page.getByText('In force today', { exact: true }).waitFor();
    await checkPage(page, 'withdrawal-2-proposed');
    await signOut(page);

    await signIn(page, url, 'officer2');
    const waiting = page.getByRole('region', { name: 'Waiting for you' });
    await waiting.getByText(/withdrawal proposed on \d{1,2} \w+ \d{4} by another ratifier, to confirm or cancel/).waitFor();
    await waiting.getByRole('link', { name: 'Adult social care RAS: 2010 revision, version 2010-revised' }).click();
    const seen = page.getByRole('region', { name: 'Withdrawal proposed' });
    await seen.getByText(/^Test ratifier proposed on .+ to withdraw this version, because:$/).waitFor();
    await seen.getByRole('button', { name: 'Confirm withdrawal' }).click();
    const confirm = page.getByRole('dialog', { name: 'Confirm the withdrawal of version 2010-revised' });
    await confirm.getByLabel('Why there is no comparison').fill('None.');
    await confirm.getByRole('button', { name: 'Confirm withdrawal' }).click();
    await confirm
      .getByText(/Write why there is no comparison in words/)
      .first()
      .waitFor();
    await confirm
      .getByLabel('Why there is no comparison')
      .fill('The scheme has no reference cohort yet; the 2009 amounts were in force for a year without complaint.');
    await checkPage(page, 'withdrawal-3-confirm');
    await confirm.getByRole('button', { name: 'Confirm withdrawal' }).click();
    await page.getByText('Version 2010-revised withdrawn.').waitFor();
    await page
      .getByText(
        /^Withdrawn: this version counts for no date\. Test ratifier proposed it and Second officer confirmed it on .+\. Version 2009-pilot is in force again for its dates\.$/,
      )
      .waitFor();
    await page.getByText('Withdrawn without a comparison because').waitFor();
    expect(await page.getByRole('region', { name: 'Withdrawal proposed' }).count()).toBe(0);
    await checkPage(page, 'withdrawal-4-withdrawn');

    const stored = await request(url, 'GET', versionPath('adult-ras', '2010-revised'), tokens.officer);
    expect(stored.body.status).toBe('withdrawn');
    expect(stored.body.withdrawal).toMatchObject({ by: 'officer2', proposedBy: 'ratifier', restores: { version: '2009-pilot' } });
  });

  it('shows who gains and who loses if the earlier version comes back, over the reference cohort, and asks for an equality impact note where anyone is worse off', async () => {
    const { url, tokens } = file.ui.server;
    const cohort = (await call(url, 'POST', '/api/cohorts/generate', tokens.scrutiny, {
      policyId: 'childrens-ras',
      version: '2013-revised',
      name: "Children's reference cohort",
      size: 200,
      seed: 11,
    })) as { id: string };
    await call(url, 'PUT', '/api/policies/childrens-ras/reference-cohort', tokens.scrutiny, { cohortId: cohort.id });
    await call(url, 'POST', `${versionPath('childrens-ras', '2013-revised')}/withdrawal`, tokens.ratifier, {
      reason: 'The 2013 band table was adopted without an equality impact assessment.',
    });

    const page = await file.ui.freshPage();
    await signIn(page, url, 'officer2');
    await page
      .getByRole('region', { name: 'Waiting for you' })
      .getByRole('link', { name: "Children's SEND personal budgets RAS: 2013 revision, version 2013-revised" })
      .click();
    const proposal = page.getByRole('region', { name: 'Withdrawal proposed' });
    await proposal.getByText(/^Once version 2013-revised is withdrawn, version 2012-pilot is in force again from/).waitFor();
    const comparison = proposal.getByTestId('withdrawal-comparison');
    await comparison.waitFor({ timeout: 20_000 });
    expect(await comparison.textContent()).toMatch(
      /Who gains and who loses if version 2012-pilot comes backOf 200 people in the reference cohort, assessed on .+, \d+ (person|people) would be better off, [1-9]\d* (person|people) worse off/,
    );
    await comparison.getByText('whoever confirms the withdrawal must record an equality impact note', { exact: false }).waitFor();
    await checkPage(page, 'withdrawal-5-comparison');

    await proposal.getByRole('button', { name: 'Confirm withdrawal' }).click();
    const confirm = page.getByRole('dialog', { name: 'Confirm the withdrawal of version 2013-revised' });
    // There is a reference cohort: no waiver is asked for.
    expect(await confirm.getByLabel('Why there is no comparison').count()).toBe(0);
    await confirm.getByRole('button', { name: 'Confirm withdrawal' }).click();
    await confirm
      .getByText(/leaves people worse off/)
      .first()
      .waitFor();
    await confirm
      .getByLabel('Equality impact note')
      .fill('Families in the lower bands receive less under the 2012 table until a new version is ratified; reviewed case by case.');
    await confirm.getByRole('button', { name: 'Confirm withdrawal' }).click();
    await page.getByText('Version 2013-revised withdrawn.').waitFor();
    await page.getByText('Equality impact of the withdrawal').waitFor();
    await page.getByText('Comparison for the withdrawal').waitFor();
    const stored = await request(url, 'GET', versionPath('childrens-ras', '2013-revised'), tokens.officer);
    expect(stored.body.status).toBe('withdrawn');
    expect(stored.body.withdrawal.comparison).toMatchObject({ cohortId: cohort.id, against: '2013-revised', candidate: '2012-pilot' });
  });

  it('says when nothing will be in force for the dates, and a second ratifier may cancel the proposal', async () => {
    const { url, tokens } = file.ui.server;
    await call(url, 'POST', `${versionPath('carers-one-off-payment', '2024-25')}/withdrawal`, tokens.ratifier, {
      reason: 'Proposed in error while testing the console with the finance team.',
    });
    const page = await file.ui.freshPage();
    await signIn(page, url, 'officer2');
    await page
      .getByRole('region', { name: 'Waiting for you' })
      .getByRole('link', { name: "Carer's one-off payment: 2024-25, version 2024-25" })
      .click();
    const proposal = page.getByRole('region', { name: 'Withdrawal proposed' });
    // The cohort the proposal is compared over cannot change meanwhile: no control is offered, and the page says why.
    await page
      .getByTestId('reference-cohort-locked')
      .getByText(
        'The reference cohort cannot change while withdrawing version 2024-25 is proposed: the proposal is compared over it. Confirm or cancel the proposal first.',
      )
      .waitFor();
    expect(await page.getByRole('button', { name: /reference cohort$/ }).count()).toBe(0);
    await proposal
      .getByText(
        /^Once version 2024-25 is withdrawn, nothing will be in force for these dates: from .+, no assessment gets an indicative budget until another version is ratified\.$/,
      )
      .waitFor();
    await proposal.getByRole('button', { name: 'Confirm withdrawal' }).click();
    const confirm = page.getByRole('dialog', { name: 'Confirm the withdrawal of version 2024-25' });
    await confirm.getByText('Required: nothing will be in force for these dates.', { exact: false }).waitFor();
    await checkPage(page, 'withdrawal-6-nothing-back');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await proposal.getByRole('button', { name: 'Cancel proposal' }).click();
    await page.getByText('The proposal to withdraw version 2024-25 is cancelled: it stays in force as before.').waitFor();
    await expect.poll(() => page.getByRole('region', { name: 'Withdrawal proposed' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Propose withdrawal' }).waitFor();
    const stored = await request(url, 'GET', versionPath('carers-one-off-payment', '2024-25'), tokens.officer);
    expect(stored.body).toMatchObject({ status: 'ratified', withdrawalProposal: null });
  });
});
