/**
 * A real headless Chromium (Debian's package) driven by playwright-core, against a real server that
 * serves the built console. Each test can save a screenshot under test-output/ and run axe-core.
 */

import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { PASSWORD, startServer, type TestServer } from './server.js';

export const CONSOLE_DIR = new URL('../../dist/admin/', import.meta.url).pathname;
export const OUTPUT_DIR = new URL('../../test-output/', import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ConsoleUnderTest {
  server: TestServer;
  context: BrowserContext;
  page: Page;
  /** Requests that tried to leave 127.0.0.1 (a CDN, telemetry): there must be none. */
  externalRequests: string[];
  close(): Promise<void>;
}

export async function openConsole(): Promise<ConsoleUnderTest> {
  if (!existsSync(join(CONSOLE_DIR, 'index.html'))) throw new Error(`No built console in ${CONSOLE_DIR}: run npm run build first`);
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  const server = await startServer({ consoleDir: CONSOLE_DIR });
  const profile = mkdtempSync(join(tmpdir(), 'ras-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const externalRequests: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol))
      externalRequests.push(request.url());
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    server,
    context,
    page,
    externalRequests,
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(server.dataDir, { recursive: true, force: true });
    },
  };
}

export async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/#/login`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.hash.startsWith('#/login'));
}

export async function signOut(page: Page, baseUrl: string): Promise<void> {
  await page.evaluate('localStorage.clear()');
  await page.goto(`${baseUrl}/#/login`);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const file = join(OUTPUT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** WCAG 2.2 AA rules; the console must have no serious or critical violation on any page. */
export async function accessibilityViolations(page: Page): Promise<Array<{ id: string; impact: string; help: string; nodes: string[] }>> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact!, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}
