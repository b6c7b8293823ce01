/** The audit log and user management, as an admin; and a scrutiny user kept out of them. */

import { describe, expect, it } from 'vitest';
import { checkPage, consoleForFile, fromMenu, openHome, openVersion, signIn } from '../support/browser.js';

const file = consoleForFile();

describe('the admin pages', () => {
  it('shows the audit log newest first and verifies its chain', async () => {
    const page = await file.ui.freshPage();
    await signIn(page, file.ui.server.url, 'admin');
    await page.getByRole('menuitem', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    // Actions in words, not codes.
    await page.getByRole('cell', { name: 'User created' }).first().waitFor();
    expect(await page.getByRole('cell', { name: 'user.create' }).count()).toBe(0);
    // People and schemes by name, not by id; the log served a page at a time, counted on the server.
    expect(await page.getByRole('cell', { name: 'system:seed' }).count()).toBe(0);
    await page.getByText(/^1–\d+ of [\d,]+$/).waitFor();
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await page.getByText('The log is intact').waitFor();
    await checkPage(page, 'audit');

    // Free-text search by the words on screen (a person's name, in any case), and a filter by what happened, chosen in words.
    await page.getByPlaceholder('Search the log').fill('second OFFICER');
    await expect.poll(() => page.getByRole('cell', { name: 'User created' }).count()).toBe(1);
    await page.getByPlaceholder('Search the log').fill('');
    await page.getByRole('combobox', { name: 'What happened' }).click();
    await page.getByRole('option', { name: 'Example version loaded' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'Example version loaded' }).count()).toBe(6);
    expect(await page.getByRole('cell', { name: 'User created' }).count()).toBe(0);
  });

  it('gives the checkpoint line for the minutes, and verifies the record against minutes pasted whole', async () => {
    const page = await file.ui.freshPage();
    await signIn(page, file.ui.server.url, 'admin');
    await page.getByRole('menuitem', { name: 'Audit log' }).click();
    await page.getByRole('button', { name: 'Checkpoint for the minutes' }).click();
    const line = await page.getByRole('textbox', { name: 'Paste this line into the minutes' }).inputValue();
    expect(line).toMatch(/^ras-checkpoint v1 commit=\d+ entry=\d+ head=[0-9a-f]{64} at=\S+ key=[A-Za-z0-9_-]{43} sig=[A-Za-z0-9_-]{86}$/);

    const kept = page.getByRole('textbox', { name: 'Checkpoints kept outside the system (optional)' });
    await kept.fill(`Cabinet, 7 December. The clerk read the record's checkpoint:\n${line}\nNoted.`);
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await page.getByText('The 1 checkpoints kept outside were all found as kept.').waitFor();

    // One figure of the kept line mistyped (or changed since): its signature no longer holds.
    await kept.fill(line.replace(/commit=(\d+)/, (_m, n) => `commit=${Number(n) + 1}`));
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await page.getByText('The record has been tampered with or damaged').waitFor();
    await page.getByText(/does not carry the signature of the key it names/).waitFor();
    await checkPage(page, 'audit-checkpoints');
  });

  it("shows a ratified version's checkpoint for the minutes in its ratification record, reached from Home", async () => {
    const page = await file.ui.freshPage();
    await signIn(page, file.ui.server.url, 'ratifier');
    await openVersion(page, file.ui.server.url, '2010-revised');
    const row = page.getByText('Checkpoint for the minutes');
    await row.waitFor();
    await page.getByText(/^ras-checkpoint v1 commit=0 entry=0 head=0{64} /).waitFor();
  });

  it("creates a system's account (API client alone: no password, no one-time code) and issues it an API key, shown once", async () => {
    const page = await file.ui.freshPage();
    await signIn(page, file.ui.server.url, 'admin');
    await page.getByRole('menuitem', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await page.getByText('officer2').waitFor();
    await checkPage(page, 'users');

    await page.getByRole('link', { name: 'Add a user' }).first().click();
    await page.getByRole('heading', { name: 'Add a user', level: 1 }).waitFor();
    await page.getByRole('textbox', { name: 'User name' }).fill('case-system');
    await page.getByRole('textbox', { name: 'Display name' }).fill('Case system');
    await page.getByLabel('API client: a case-management system that evaluates and records decisions').check();
    await checkPage(page, 'users-create');
    await page.getByRole('button', { name: 'Save' }).click();
    // A system gets no one-time code: it goes straight to its page, to be given a key.
    await page.getByRole('heading', { name: 'Case system', level: 1, exact: true }).waitFor();
    await page.getByText('The account for Case system is made: issue it an API key below.').waitFor();
    await page.getByText('This system has no API keys.').waitFor();
    expect(await page.getByRole('button', { name: 'Give a new sign-in code' }).count()).toBe(0);
    // Separation of duties, shown: who created the account, with which role.
    await page.getByRole('region', { name: 'Account history' }).getByText('admin created the account with the role API client.').waitFor();

    await page.getByLabel('Label for a new key').fill('case management');
    await page.getByRole('button', { name: 'Issue an API key' }).click();
    const key = page.getByTestId('issued-key');
    await key.waitFor();
    expect(await key.inputValue()).toMatch(/^ras_[0-9a-f]{12}_/);
    await checkPage(page, 'users-api-key');
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await page.getByRole('cell', { name: 'In use' }).waitFor();

    await page.getByRole('button', { name: 'Revoke the key case management' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('has been revoked').waitFor();
    await checkPage(page, 'users-edit');
  });

  it('keeps a scrutiny member out of user management', async () => {
    const page = await file.ui.freshPage('scrutiny');
    await openHome(page, file.ui.server.url);
    await fromMenu(page, 'Audit log');
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    await expect(page.getByRole('menuitem', { name: 'Users' }).count()).resolves.toBe(0);
    // No menu leads there; the address typed is the point: what the console does when someone tries it.
    await page.goto(`${file.ui.server.url}/#/users`);
    // The console has no users page for this role: it says so, and lists nobody.
    await page.getByRole('heading', { name: 'This page is not here', level: 1 }).waitFor();
    await expect(page.getByText('officer2').count()).resolves.toBe(0);
    await checkPage(page, 'scrutiny-users-refused');
  });

  it('offers an admin no Compare (the server refuses admins comparisons), and an officer does see it', async () => {
    const page = await file.ui.freshPage('admin');
    await openHome(page, file.ui.server.url);
    // The menu's entries are menu items (react-admin's Menu.Item): wait for one the admin has, then look.
    await fromMenu(page, 'Users');
    await expect(page.getByRole('menuitem', { name: 'Compare' }).count()).resolves.toBe(0);
    // No menu leads there; the typed address is what is tested.
    await page.goto(`${file.ui.server.url}/#/compare`);
    await page.getByRole('heading', { name: 'This page is not here', level: 1 }).waitFor();

    const officer = await file.ui.freshPage('officer');
    await openHome(officer, file.ui.server.url);
    await fromMenu(officer, 'Compare');
    await officer.getByRole('heading', { level: 1 }).first().waitFor();
    await expect(officer.getByRole('menuitem', { name: 'Users' }).count()).resolves.toBe(0);
  });
});
