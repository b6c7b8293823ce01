/**
 * A band table edited in the JSON editor: an officer clones the children's scheme, raises one band's
 * monthly amount in Monaco, saves, and the version page and the server show the new band table.
 */

import { describe, expect, it } from 'vitest';
import { checkPage, consoleForFile, editVersion, replaceInJsonEditor } from '../support/browser.js';
import { call, request } from '../support/server.js';

const file = consoleForFile();

describe('editing a band in the JSON editor', () => {
  it("raises band 3 of the children's table from £235.00 to £240.00 a month and saves it", async () => {
    const { url, tokens } = file.ui.server;
    await call(url, 'POST', '/api/policies/childrens-ras/versions/2013-revised/clone', tokens.officer, { version: '2014-band-3' });
    const page = await file.ui.freshPage('officer');
    await editVersion(page, url, '2014-band-3');
    await page
      .getByRole('heading', { name: "Edit Children's SEND personal budgets RAS: 2013 revision, version 2014-band-3", level: 1 })
      .waitFor();

    await replaceInJsonEditor(page, '"pence": 23500', '"pence": 24000');
    await page.getByText('No problems against the policy schema.').waitFor();
    await checkPage(page, 'band-in-json-edit');

    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft 2014-band-3 saved.').waitFor();
    await page.getByText('£240.00').first().waitFor();
    await expect(page.getByText('£235.00').count()).resolves.toBe(0);
    await checkPage(page, 'band-in-json-saved');

    const saved = await request(url, 'GET', '/api/policies/childrens-ras/versions/2014-band-3', tokens.officer);
    const bands: Array<{ pence: number }> = saved.body.document.pricing.default.bands;
    expect(bands.map((b) => b.pence)).toContain(24000);
    expect(bands.map((b) => b.pence)).not.toContain(23500);
  });
});

describe('the JSON editor', () => {
  it('shows every token of the policy in colours that meet WCAG 2.2 AA contrast, also when selected', async () => {
    const page = await file.ui.freshPage('officer');
    const { url, tokens } = file.ui.server;
    await call(url, 'POST', '/api/policies/adult-ras/versions/2010-revised/clone', tokens.officer, { version: '2011-colours' });
    await editVersion(page, url, '2011-colours');
    await page.getByRole('tab', { name: 'JSON' }).click();
    await page.locator('.monaco-editor .view-lines').first().waitFor();
    // Keys, strings, numbers, true/false and brackets all appear in the first lines of the policy.
    const colours = await page.evaluate(() => {
      const editor = document.querySelector('.monaco-editor') as HTMLElement;
      const style = getComputedStyle(editor);
      const spans = [...document.querySelectorAll('.monaco-editor .view-line span span, .monaco-editor .line-numbers')];
      return {
        background: style.getPropertyValue('--vscode-editor-background').trim(),
        selection: style.getPropertyValue('--vscode-editor-selectionBackground').trim(),
        tokens: [...new Set(spans.filter((s) => s.textContent?.trim()).map((s) => getComputedStyle(s).color))],
      };
    });
    expect(colours.tokens.length).toBeGreaterThanOrEqual(5);
    for (const token of colours.tokens) {
      for (const background of [colours.background, colours.selection]) {
        expect(contrast(token, background), `${token} on ${background}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});

/** WCAG 2.2's contrast ratio of two opaque colours, written rgb(r, g, b) or #rrggbb. */
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

function luminance(colour: string): number {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(colour);
  const channels = hex ? hex.slice(1, 4).map((h) => Number.parseInt(h, 16)) : colour.match(/\d+/g)!.slice(0, 3).map(Number);
  const [r, g, b] = channels.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
