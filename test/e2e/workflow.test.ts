/**
 * A version's whole life in the console, in a real browser against the real server: an officer clones the
 * version in force, edits it in the form and in the JSON editor, submits it, and a ratifier ratifies it.
 */

import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, openConsole, screenshot, signIn, signOut, type ConsoleUnderTest } from '../support/browser.js';

let ui: ConsoleUnderTest;
let page: Page;
beforeAll(async () => {
  ui = await openConsole();
  page = ui.page;
});
afterAll(async () => {
  await ui?.close();
});
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await screenshot(page, `workflow-failed-${task.name.slice(0, 40)}`);
});

async function check(name: string) {
  await screenshot(page, name);
  expect(await accessibilityViolations(page)).toEqual([]);
}

const showUrl = (version: string) => `${ui.server.url}/#/versions/${encodeURIComponent(`adult-ras:${version}`)}/show`;

async function cloneTo(source: string, name: string) {
  await page.goto(showUrl(source));
  await page.getByRole('button', { name: 'Clone to new draft' }).click();
  await page.getByLabel('New version name').fill(name);
  await page.getByRole('button', { name: 'Create draft' }).click();
  await page.getByRole('heading', { name: `Edit adult-ras ${name}`, level: 1 }).waitFor();
}

/** Find and replace in Monaco, as a user would with Ctrl+H. */
async function replaceInJson(find: string, replacement: string) {
  await page.getByRole('tab', { name: 'JSON' }).click();
  await page.locator('.monaco-editor .view-lines').first().waitFor();
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+H');
  await page.getByRole('textbox', { name: 'Find' }).fill(find);
  await page.getByRole('textbox', { name: 'Replace' }).fill(replacement);
  await page.getByRole('button', { name: /^Replace All/ }).click();
  await page.keyboard.press('Escape');
}

describe('an officer drafts a new version', () => {
  it('clones 2010-revised and sees the draft open in the editor', async () => {
    await signIn(page, ui.server.url, 'officer');
    await page.goto(showUrl('2010-revised'));
    await page.getByRole('heading', { name: 'Adult social care RAS: 2010 revision' }).waitFor();
    await check('workflow-1-show-2010-revised');
    await cloneTo('2010-revised', '2011-price-rise');
    await check('workflow-2-edit-form');
  });

  it('changes the price per point in the form and the uplift in the JSON, and saves both', async () => {
    await page.getByRole('spinbutton', { name: 'Price per point (pence)' }).first().fill('510');
    await replaceInJson('"percent": 2.5', '"percent": 3');
    await screenshot(page, 'workflow-3-edit-json');
    await page.getByText('No problems against the policy schema.').waitFor();
    await check('workflow-3-edit-json');
    // The form shows the JSON's change too.
    await page.getByRole('tab', { name: 'Form' }).click();
    await expect(page.getByRole('spinbutton', { name: 'Percent', exact: true }).first().inputValue()).resolves.toBe('3');
    await expect(page.getByRole('spinbutton', { name: 'Price per point (pence)' }).first().inputValue()).resolves.toBe('510');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft 2011-price-rise saved.').waitFor();
    await page.getByText('£5.10', { exact: true }).waitFor();
    await expect(
      page.getByRole('region', { name: 'Uplifts, rounding and periods' }).getByText('3%', { exact: true }).isVisible(),
    ).resolves.toBe(true);
    await check('workflow-4-saved');
  });

  it('cannot submit a draft whose worked examples no longer add up, and says why', async () => {
    await page.getByRole('button', { name: 'Submit' }).click();
    await page
      .getByText(/worked examples do not give their expected result/)
      .first()
      .waitFor();
    await check('workflow-5-submit-refused');
    await page.getByRole('button', { name: 'Delete draft' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete draft' }).click();
    await page.getByText('Draft 2011-price-rise deleted.').waitFor();
  });

  it('edits the wording only (title in the form, help text in the JSON) and submits it', async () => {
    await cloneTo('2010-revised', '2011-wording');
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Adult social care RAS: 2011 wording');
    await replaceInJson(
      '"text": "Washing, bathing and using the toilet",',
      '"text": "Washing, bathing and using the toilet", "help": "Include help with continence.",',
    );
    await page.getByText('No problems against the policy schema.').waitFor();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft 2011-wording saved.').waitFor();
    await page.getByRole('heading', { name: 'Adult social care RAS: 2011 wording', level: 1 }).waitFor();
    await expect(page.getByText('Include help with continence.').isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByText('Version 2011-wording submitted for ratification.').waitFor();
    await page.getByText('Submitted for ratification', { exact: true }).first().waitFor();
    await expect(page.getByRole('button', { name: 'Ratify' }).count()).resolves.toBe(0);
    await check('workflow-6-submitted');
  });
});

describe('a ratifier ratifies it', () => {
  it('records the decision through the dialog and the version shows as ratified with its record', async () => {
    await signOut(page, ui.server.url);
    await signIn(page, ui.server.url, 'ratifier');
    await page.goto(showUrl('2011-wording'));
    await page.getByRole('button', { name: 'Ratify' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Deciding body').fill('Adult Social Care Cabinet');
    await dialog.getByLabel('Decision date').fill('2026-11-20');
    await dialog.getByLabel('Minute reference').fill('ASC/2026/42');
    await dialog.getByLabel('Effective from').fill('2027-04-01');
    await dialog.getByLabel('Rationale').fill('Clearer wording; no change to any amount.');
    await check('workflow-7-ratify-dialog');
    await dialog.getByRole('button', { name: 'Ratify' }).click();
    await page.getByText('Version 2011-wording ratified.').waitFor();
    await page.getByText('Ratified', { exact: true }).first().waitFor();
    await expect(page.getByText('ASC/2026/42', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('Adult Social Care Cabinet').first().isVisible()).resolves.toBe(true);
    await expect(page.getByText('1 April 2027').first().isVisible()).resolves.toBe(true);
    await expect(page.getByText(/ratified it \(Adult Social Care Cabinet/).isVisible()).resolves.toBe(true);
    await check('workflow-8-ratified');
  });

  it('loads nothing from outside this machine', () => {
    expect(ui.externalRequests).toEqual([]);
  });
});
