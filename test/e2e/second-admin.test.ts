/**
 * A council with two administrators, in a real browser, reached as people reach it (signed in through the
 * sign-in page, then by the names on Home, the menus and the buttons): giving a role that changes what
 * people are paid, or a new sign-in code to an officer, waits for the second administrator, who finds it
 * on Home and approves it; the administrator who asked cannot. A file of its own: a second administrator
 * changes what every account change of the file's server needs.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import { checkPage, consoleForFile, signIn, signOut } from '../support/browser.js';
import { createPerson, login, request } from '../support/server.js';

const file = consoleForFile();

beforeAll(async () => {
  const { url, tokens } = file.ui.server;
  await createPerson(url, tokens.admin, { username: 'admin2', displayName: 'Second admin', roles: ['admin'] });
});

describe('a role that changes what people are paid', () => {
  it('waits for a second administrator, who finds it from Home and approves it; the administrator who asked cannot', async () => {
    const { url, tokens } = file.ui.server;
    await createPerson(url, tokens.admin, { username: 'k.osei', displayName: 'Kofi Osei', roles: ['scrutiny'] });
    const page = await file.ui.freshPage();
    await signIn(page, url, 'admin');
    await page.getByRole('menuitem', { name: 'Users' }).click();
    await page.getByRole('cell', { name: 'k.osei' }).click();
    await page.getByRole('heading', { name: 'Kofi Osei', level: 1, exact: true }).waitFor();
    await page.getByLabel('Ratifier: ratifies versions, and proposes or confirms their withdrawal').check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page
      .getByText('Saved. Giving the role Ratifier waits for a second administrator to agree: until then Kofi Osei keeps Scrutiny.')
      .waitFor();
    const waiting = page.getByRole('region', { name: 'Waiting for a second administrator' });
    await waiting.getByText(/admin asked on .+ for Kofi Osei to have the roles Scrutiny and Ratifier\./).waitFor();
    await checkPage(page, 'second-admin-1-waiting');
    // The admin who asked is offered no approval: another administrator must agree.
    await waiting.getByText('You asked for this, so another administrator must agree to it.').waitFor();
    expect(await waiting.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    await signOut(page);

    await signIn(page, url, 'admin2');
    const accounts = page.getByRole('region', { name: 'Accounts waiting for a second administrator' });
    await accounts.getByText('new roles asked for by admin, to approve or refuse').waitFor();
    await accounts.getByRole('link', { name: 'Kofi Osei', exact: true }).click();
    await page.getByRole('heading', { name: 'Kofi Osei', level: 1, exact: true }).waitFor();
    await page.getByRole('region', { name: 'Waiting for a second administrator' }).getByRole('button', { name: 'Approve' }).click();
    // Kofi's password was set with a code from the admin who asked: the role comes with a new code, shown to admin2 once.
    await page
      .getByText(/^You agreed: Kofi Osei's roles are changed\. Their password could have been set by the administrator who asked/)
      .waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'I have noted the code' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Waiting for a second administrator' }).count()).toBe(0);
    await page
      .getByRole('region', { name: 'Account history' })
      .getByText('Second admin agreed, as the second administrator, to what admin asked: granted Ratifier.')
      .waitFor();
    expect(await page.getByLabel('Ratifier: ratifies versions, and proposes or confirms their withdrawal').isChecked()).toBe(true);
    const user = await request(url, 'GET', '/api/users', tokens.admin);
    expect(user.body.find((u: { username: string }) => u.username === 'k.osei').roles).toEqual(['scrutiny', 'ratifier']);
  });
});

describe('a new sign-in code for an officer', () => {
  it('waits for the second administrator, who approves it and is shown the code once', async () => {
    const { url, tokens } = file.ui.server;
    await createPerson(url, tokens.admin, { username: 'o.mensah', displayName: 'Ola Mensah', roles: ['scrutiny'] });
    const users = (await request(url, 'GET', '/api/users', tokens.admin)).body as Array<{ id: string; username: string }>;
    const ola = users.find((u) => u.username === 'o.mensah')!;
    // Made an officer with both administrators' agreement, through the API: this test is about the code.
    await request(url, 'PATCH', `/api/users/${ola.id}`, tokens.admin, { roles: ['officer'] });
    const admin2 = await login(url, 'admin2');
    const read = await request(url, 'GET', `/api/users/${ola.id}`, admin2);
    const approved = await request(
      url,
      'POST',
      `/api/users/${ola.id}/pending/approve`,
      admin2,
      {},
      { 'If-Match': read.headers.get('etag') ?? '' },
    );
    expect(approved.status).toBe(200);

    const page = await file.ui.freshPage();
    await signIn(page, url, 'admin');
    await page.getByRole('menuitem', { name: 'Users' }).click();
    await page.getByRole('cell', { name: 'o.mensah' }).click();
    await page.getByRole('heading', { name: 'Ola Mensah', level: 1, exact: true }).waitFor();
    await page.getByRole('button', { name: 'Give a new sign-in code' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Give a new sign-in code' }).click();
    await page.getByText('Another administrator must agree before the new code is given', { exact: false }).waitFor();
    expect(await page.getByTestId('one-time-code').count()).toBe(0);
    await signOut(page);

    await signIn(page, url, 'admin2');
    const accounts = page.getByRole('region', { name: 'Accounts waiting for a second administrator' });
    await accounts.getByText('a new sign-in code asked for by admin, to approve or refuse').waitFor();
    await accounts.getByRole('link', { name: 'Ola Mensah', exact: true }).click();
    const waiting = page.getByRole('region', { name: 'Waiting for a second administrator' });
    await waiting.getByText(/admin asked on .+ for a new sign-in code for Ola Mensah\./).waitFor();
    await waiting.getByRole('button', { name: 'Approve' }).click();
    const dialog = page.getByRole('dialog', { name: 'A new sign-in code for Ola Mensah' });
    const code = ((await dialog.getByTestId('one-time-code').textContent()) ?? '').trim();
    expect(code.length).toBeGreaterThanOrEqual(16);
    await checkPage(page, 'second-admin-2-code-approved');
    await dialog.getByRole('button', { name: 'I have noted the code' }).click();
    await expect
      .poll(() => page.getByTestId('code-status').textContent())
      .toMatch(/^A one-time code for a new password was given by Second admin on /);
    const enrolled = await request(url, 'POST', '/api/auth/enrol', undefined, {
      username: 'o.mensah',
      code,
      password: 'lantern orchard pebble mosaic',
    });
    expect(enrolled.status).toBe(204);
  });
});
