/** The published RAS, read without signing in. */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPage, consoleForFile, fromMenu, openHome } from '../support/browser.js';

const file = consoleForFile();

describe('the published RAS', () => {
  it('lists each scheme with the version in force today, to someone not signed in', async () => {
    const page = await file.ui.freshPage();
    await page.goto(`${file.ui.server.url}/#/published`);
    await page.getByRole('heading', { level: 1, name: 'Published resource allocation schemes' }).waitFor();
    await page.getByRole('link', { name: 'version 2010-revised' }).waitFor();
    await expect(page.getByRole('link', { name: 'version 2009-pilot' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'version 2013-revised' }).isVisible()).resolves.toBe(true);
    expect(await page.evaluate('localStorage.getItem("ras.token")')).toBeNull();
    expect(await page.getByRole('link', { name: 'Back to the console' }).count()).toBe(0);
    await checkPage(page, 'published-index');
  });

  it('is reached by staff from the console menu, with a way back to the console', async () => {
    const page = await file.ui.freshPage('officer');
    await openHome(page, file.ui.server.url);
    await fromMenu(page, 'Published RAS');
    await page.getByRole('heading', { level: 1, name: 'Published resource allocation schemes' }).waitFor();
    await page.getByRole('link', { name: 'Back to the console' }).click();
    await page.getByRole('region', { name: 'In force today' }).waitFor();
  });

  it('shows the adult RAS in plain words: points, price per point, the carer table, uplifts and the ratification record', async () => {
    const page = await file.ui.freshPage();
    await page.goto(`${file.ui.server.url}/#/published`);
    await page.getByRole('link', { name: 'version 2010-revised' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByText('Each point is worth £5.02 a week').first().waitFor();
    await expect(page.getByRole('main').isVisible()).resolves.toBe(true);
    await expect(page.getByText('but only when your carer is both willing and able to carry on caring').isVisible()).resolves.toBe(true);
    await expect(page.getByText('2.5% more from 1 April 2010', { exact: false }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('Minute reference').isVisible()).resolves.toBe(true);
    await expect(page.getByText('I need some help from someone (10 points)').first().isVisible()).resolves.toBe(true);
    // One case followed in pounds: the version's first worked example, as its hand computation gives it.
    const example = JSON.parse(
      readFileSync(
        new URL('../../rules/examples/adult-ras/2010-revised/examples/high-need-panel-nhs-safeguarding.json', import.meta.url),
        'utf8',
      ),
    );
    const pounds = (pence: number) => `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2 })}`;
    expect(await page.getByTestId('example-amount').textContent()).toBe(
      `The indicative budget: ${pounds(example.expect.weeklyPence)} a week, ${pounds(example.expect.monthlyPence)} a month, ${pounds(example.expect.annualPence)} a year.`,
    );
    await checkPage(page, 'published-adult-ras');
  });

  it("shows the children's RAS band table", async () => {
    const page = await file.ui.freshPage();
    await page.goto(`${file.ui.server.url}/#/published/childrens-ras/2013-revised`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('rowheader', { name: 'Band 8' }).first().waitFor();
    // Beside each amount as agreed, what it pays today after the 1.7% uplift from 1 April 2013, rounded half-up:
    // £160.00 × 1.017 = £162.72; £235.00 + £3.995 (rounded to £4.00) = £239.00.
    await page.getByRole('columnheader', { name: 'Paid today, after the uplifts from 1 April 2013' }).first().waitFor();
    expect(
      await page
        .getByRole('row', { name: /^Band 1 / })
        .first()
        .textContent(),
    ).toContain('£160.00£162.72');
    expect(
      await page
        .getByRole('row', { name: /^Band 2 / })
        .first()
        .textContent(),
    ).toContain('£235.00£239.00');
    await checkPage(page, 'published-childrens-ras');
  });

  it('says plainly when a version is not published', async () => {
    const page = await file.ui.freshPage();
    await page.goto(`${file.ui.server.url}/#/published/adult-ras/no-such-version`);
    await page.getByRole('heading', { level: 1, name: 'Scheme not found' }).waitFor();
    await checkPage(page, 'published-not-found');
  });

  it('links the published scheme to its algorithmic transparency record, readable without signing in', async () => {
    const page = await file.ui.freshPage();
    await page.goto(`${file.ui.server.url}/#/published/adult-ras/2010-revised`);
    await page.getByRole('link', { name: 'the algorithmic transparency record' }).click();
    await page.getByRole('heading', { level: 1, name: /^Algorithmic transparency record: / }).waitFor();
    for (const part of ['What it is and why it is used', 'How it works', 'Who is responsible', 'The information it uses'])
      await page.getByRole('heading', { level: 2, name: part }).waitFor();
    await page.getByText('The amount is indicative: the final budget is agreed in support planning', { exact: false }).first().waitFor();
    await checkPage(page, 'published transparency record');
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      await checkPage(page, 'published transparency record on a phone');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('shows a short-breaks table whose bottom and top give no amount, in words', async () => {
    const page = await file.ui.freshPage();
    await page.goto(`${file.ui.server.url}/#/published/childrens-short-breaks/2024-25`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByText('No amount: Universal and targeted services').waitFor();
    await page.getByText('Above the last priced band the table gives no figure: individual assessment.', { exact: false }).waitFor();
    await checkPage(page, 'published short breaks');
  });

  it('words the periods from the policy itself, says what happens next, and keeps the fingerprint in a part to open', async () => {
    const page = await file.ui.freshPage();
    await page.goto(`${file.ui.server.url}/#/published/childrens-ras/2013-revised`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    // A monthly table: yearly = monthly × 12, weekly = yearly ÷ 52.1429 weeks, as the engine works them out (not 52.143).
    await page
      .getByText(
        'The table gives a monthly amount. The yearly amount is the monthly amount times 12, and the weekly amount is the yearly amount divided by 52.1429 weeks.',
        { exact: false },
      )
      .waitFor();
    await page.getByRole('heading', { level: 2, name: '7. What happens next' }).waitFor();
    await page.getByText('If you think your budget is wrong').waitFor();
    const fingerprint = page.getByText(/^Fingerprint: sha256:/);
    expect(await fingerprint.isVisible()).toBe(false);
    await page.getByText('Check this version').click();
    expect(await fingerprint.isVisible()).toBe(true);
    // The ratification's checkpoint, to keep, and the key it is signed with.
    const key = file.ui.server.store.trustedKeys[0]!;
    await page.getByText(new RegExp(`^ras-checkpoint v1 commit=\\d+ entry=\\d+ head=[0-9a-f]{64} at=\\S+ key=${key} sig=`)).waitFor();
    await page.getByText(`The council's audit key (public): ${key}`).waitFor();
  });

  it('reads on a 375 px phone: nothing wider than the screen, tables scroll in their own box, reachable by keyboard', async () => {
    const page = await file.ui.freshPage();
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      await page.goto(`${file.ui.server.url}/#/published/adult-ras/2010-revised`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByRole('region', { name: 'Carer reductions (scrolls sideways on a small screen)' }).waitFor();
      await checkPage(page, 'published adult RAS on a phone');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});
