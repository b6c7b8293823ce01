/**
 * Decisions in the console, in a real browser: an officer finds a recorded decision, reads how it was
 * worked out, opens the letter to the person and downloads it as a PDF.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPage, consoleForFile, fromMenu, openHome } from '../support/browser.js';
import { call } from '../support/server.js';

const file = consoleForFile();
const carerCase = JSON.parse(
  readFileSync(new URL('../../rules/examples/adult-ras/2009-pilot/examples/older-person-carer-reduction.json', import.meta.url), 'utf8'),
);

describe('a recorded decision', () => {
  it('is listed, read, and gives the letter to the person as a page and as a PDF', async () => {
    const { server } = file.ui;
    const decision = await call(server.url, 'POST', '/api/decisions', server.tokens['api-client'], {
      policyId: 'adult-ras',
      version: '2009-pilot',
      assessment: carerCase.assessment,
      // Assessed under 2009-pilot, no longer in force: recording it says why.
      reason: 'Recorded late, from the paper assessment made at the time.',
    });
    const page = await file.ui.freshPage('officer');
    await openHome(page, server.url);
    await fromMenu(page, 'Decisions');
    await page.getByRole('heading', { name: 'Decisions', level: 1 }).waitFor();
    await checkPage(page, 'decisions');
    await page.getByRole('cell', { name: '£320.00 a week' }).first().click();
    await page.getByRole('heading', { name: '£320.00 a week', level: 1 }).waitFor();
    expect(await page.getByTestId('steps').textContent()).toContain('reduced by 15%');
    await checkPage(page, 'decision');

    const [letter] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('button', { name: 'Open the letter to the person' }).click(),
    ]);
    await letter.waitForLoadState();
    expect(await letter.textContent('body')).toContain(
      'Your indicative personal budget is £320.00 a week (£1,386.67 a month, £16,640.00 a year).',
    );
    // Read on a phone: accessible, one main heading, nothing wider than the screen.
    await letter.setViewportSize({ width: 375, height: 800 });
    await checkPage(letter, 'letter on a phone');
    expect(await letter.getByRole('heading', { level: 1 }).count()).toBe(1);
    await letter.close();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the letter as a PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`letter-${decision.id}.pdf`);
  });

  it('is not offered to a scrutiny member, who may not read decisions', async () => {
    const page = await file.ui.freshPage('scrutiny');
    await openHome(page, file.ui.server.url);
    await page.getByRole('menuitem', { name: 'Policies' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Decisions' }).count()).toBe(0);
  });
});
