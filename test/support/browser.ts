import { execFileSync } from 'node:child_process';
/**
 * A real headless Chromium (Debian's package) driven by playwright-core, against a real server that
 * serves the built console. One browser, one tab and one server per test file; every test starts the
 * tab afresh (freshPage), so each test stands alone. Each test can save a screenshot
 * under test-output/ and run axe-core, and no page may load anything from outside this machine.
 */

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type axe from 'axe-core';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { PASSWORD, type StartOptions, startServer, type TestServer } from './server.js';

export const CONSOLE_DIR = new URL('../../dist/admin/', import.meta.url).pathname;
export const OUTPUT_DIR = new URL('../../test-output/', import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TOKEN_KEY = 'ras.token';

export type Person = keyof TestServer['tokens'];

export interface ConsoleUnderTest {
  server: TestServer;
  browser: Browser;
  /**
   * The file's browser tab, emptied for a new test: a new document (nothing left in memory from the last
   * test), no stored session or settings, and signed in as `person` when one is named. The tab is reused
   * because a new tab costs Chromium twice the CPU of a navigation in an existing one.
   */
  freshPage(person?: Person): Promise<Page>;
  /** Requests that tried to leave 127.0.0.1 (a CDN, telemetry): there must be none. */
  externalRequests: string[];
  /** What the server's Content-Security-Policy blocked, as the browser reported it: there must be nothing. */
  cspViolations: string[];
  /**
   * Errors a person would have met: an exception the page did not catch, or react-admin's error page
   * ("Something went wrong") standing in for a page that crashed. There must be none.
   */
  pageErrors: string[];
  close(): Promise<void>;
}

export async function openConsole(options: StartOptions = {}): Promise<ConsoleUnderTest> {
  if (!existsSync(join(CONSOLE_DIR, 'index.html'))) throw new Error(`No built console in ${CONSOLE_DIR}: run npm run build first`);
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  const [server, browser] = await Promise.all([
    startServer({ consoleDir: CONSOLE_DIR, ...options }),
    chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
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
    }),
  ]);
  const externalRequests: string[] = [];
  // Reduced motion, as some people set it: the console then draws no transitions, and nothing waits on them.
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    reducedMotion: 'reduce',
  });
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol))
      externalRequests.push(request.url());
  });
  // The console must work under the server's Content-Security-Policy: whatever it blocks is a failure.
  const cspViolations: string[] = [];
  await context.exposeBinding('reportCspViolation', (_source, text: string) => {
    cspViolations.push(text);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline code'} (${e.sourceFile}:${e.lineNumber})`,
      ),
    );
  });
  const pageErrors: string[] = [];
  context.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|Could not create web worker/i.test(text)) cspViolations.push(text);
    // React reports an error its error boundary caught (react-admin's error page) on the console.
    if (message.type() === 'error' && /The above error occurred|error boundary/i.test(text)) pageErrors.push(text.slice(0, 300));
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
  return {
    server,
    browser,
    externalRequests,
    cspViolations,
    pageErrors,
    async freshPage(person) {
      // A small document of the console's own origin, to empty its storage before the console loads.
      await page.goto(`${server.url}/api/health`);
      await page.evaluate(
        ([key, token]) => {
          localStorage.clear();
          sessionStorage.clear();
          if (token) localStorage.setItem(key, token);
        },
        [TOKEN_KEY, person ? server.tokens[person] : ''] as const,
      );
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
      server.remove();
    },
  };
}

/**
 * The usual frame of an e2e file: one console for the file, a check after every test that nothing
 * left the machine, and a screenshot of the page of a failed test.
 */
export function consoleForFile(options: StartOptions = {}): { readonly ui: ConsoleUnderTest } {
  const holder = {} as { ui: ConsoleUnderTest; page?: Page };
  beforeAll(async () => {
    holder.ui = await openConsole(options);
    const freshPage = holder.ui.freshPage;
    holder.ui.freshPage = async (person) => {
      holder.page = await freshPage(person);
      return holder.page;
    };
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && holder.page) await screenshot(holder.page, `failed-${task.name.slice(0, 40)}`, { fullPage: true });
    holder.page = undefined;
    expect(holder.ui.externalRequests, 'requests that left this machine').toEqual([]);
    expect(holder.ui.cspViolations.splice(0), 'what the Content-Security-Policy blocked').toEqual([]);
    expect(holder.ui.pageErrors.splice(0), 'errors the page met (an uncaught exception, an error page)').toEqual([]);
  });
  afterAll(async () => {
    await holder.ui?.close();
  });
  return holder;
}

/** Signs in through the sign-in page, as a person would (with the test users' password unless another is given). */
export async function signIn(page: Page, baseUrl: string, username: string, password = PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/#/login`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.hash.startsWith('#/login'));
}

/**
 * The console opened at its address, as a person opens it, on Home (signed in as freshPage left them);
 * every task is then reached from there by the names a person clicks.
 */
export async function openHome(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByRole('menuitem', { name: 'Published RAS' }).waitFor();
}

/** A page of the console reached from the menu by its visible name. */
export async function fromMenu(page: Page, name: string): Promise<void> {
  await page.getByRole('menuitem', { name, exact: true }).click();
}

/** A version's page reached as a person reaches it: the Versions menu, then the version's row in the list. */
export async function openVersion(page: Page, baseUrl: string, version: string, tab?: string): Promise<void> {
  await openHome(page, baseUrl);
  await fromMenu(page, 'Versions');
  await page.getByRole('cell', { name: version, exact: true }).first().click();
  await page.getByRole('tab').first().waitFor();
  if (tab) await page.getByRole('tab', { name: tab, exact: true }).click();
}

/** A draft's editing form, reached from its page by the Edit draft button. */
export async function editVersion(page: Page, baseUrl: string, version: string): Promise<void> {
  await openVersion(page, baseUrl, version);
  await page.getByRole('link', { name: 'Edit draft' }).click();
  await page.getByRole('button', { name: 'Save draft' }).waitFor();
}

/** Submits the version on screen for ratification, as a person does: Submit, then confirming it in its dialog. */
export async function submitVersion(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Submit for ratification' }).click();
}

/** Signs out through the user menu in the app bar, as a person would; the sign-in page follows. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /: account$/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
}

/**
 * What the page shows, as a JPEG under test-output/ for a person to look at: the window as a person
 * sees it at 1280 × 900, or the whole page (for a failure, or a page whose layout is the point), which
 * costs Chromium ten times as much.
 */
export async function screenshot(page: Page, name: string, { fullPage = false } = {}): Promise<string> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const file = join(OUTPUT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.jpg`);
  await page.screenshot({ path: file, fullPage, type: 'jpeg', quality: 80 });
  return file;
}

const AXE_SOURCE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

/**
 * Every rule axe-core has (WCAG 2.2 A and AA, and its best practices, such as a scrolling box being
 * reachable by keyboard) over the whole page; the console must have no serious or critical violation on
 * any page. axe runs in the page itself (the console has no frames), which costs a quarter of what the
 * playwright wrapper's cross-frame run does.
 */
export async function accessibilityViolations(page: Page): Promise<Array<{ id: string; impact: string; help: string; nodes: string[] }>> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact!, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

/**
 * A screenshot for the record, then no serious or critical accessibility finding and nothing wider than
 * the window, at the desk's 1280 px and again at a phone's 375 px (with a screenshot of that too); the
 * window is put back as it was.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await checkAtThisWidth(page, name);
  const desk = page.viewportSize() ?? { width: 1280, height: 900 };
  if (desk.width <= PHONE.width) return;
  await page.setViewportSize(PHONE);
  try {
    await page.waitForTimeout(150); // MUI's breakpoints re-render on the resize event
    // The side menu, open at the desk, opens over the page on a phone as the 'Menu' dialog: it is checked as it
    // is, and nothing is pressed, so the page (a dialog open on it included) is back as it was at the desk.
    await checkAtThisWidth(page, `${name}-375`);
  } finally {
    await page.setViewportSize(desk);
  }
}

const PHONE = { width: 375, height: 800 };

async function checkAtThisWidth(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await developerWords(page), `${name}: ids, JSON or ISO dates where a person reads`).toEqual([]);
  expect(await accessibilityViolations(page), `${name}: accessibility at ${page.viewportSize()?.width} px`).toEqual([]);
  expect(await overflow(page), `${name}: the page is wider than the window`).toEqual({ widerBy: 0, widest: null });
}

/**
 * What a person reads that is written for a program: a record's UUID, JSON, a date as YYYY-MM-DD. The JSON
 * editor, code (a checkpoint line, a header to send), a reference to quote and what is typed in fields are
 * left out: there the person asked for the machine's form, or needs it.
 */
export async function developerWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const patterns = [
      /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i,
      /\{\s*"[\w$-]+"\s*:/,
      /(?<![\w=-])\d{4}-\d{2}-\d{2}(?![\w-])/,
    ];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      // A letter's reference to quote (data-reference) is an id on purpose.
      if (!el || el.closest('.monaco-editor, code, pre, script, style, [aria-hidden="true"], [hidden], [data-reference]')) continue;
      if (!el.checkVisibility?.() || !node.textContent) continue;
      for (const pattern of patterns) {
        const match = pattern.exec(node.textContent);
        if (match) found.push(`"${node.textContent.trim().slice(0, 80)}" (${match[0]})`);
      }
    }
    return found.slice(0, 5);
  });
}

/**
 * How much wider than the window the page is (0 when it fits), and the widest element sticking out, so a
 * failure names it. Wide tables scroll inside their own box; the page itself never scrolls sideways.
 */
export async function overflow(page: Page): Promise<{ widerBy: number; widest: string | null }> {
  return page.evaluate(() => {
    const widerBy = Math.max(0, document.documentElement.scrollWidth - window.innerWidth);
    if (widerBy === 0) return { widerBy, widest: null };
    let widest: Element | null = null;
    let right = window.innerWidth;
    // What sticks out of a box that scrolls or clips is not what widens the page: only unclipped elements count.
    // An absolutely placed element (a visually hidden label) escapes a box that is not itself positioned.
    const clipped = (el: Element) => {
      if (getComputedStyle(el).position === 'absolute') return false;
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement)
        if (getComputedStyle(up).overflowX !== 'visible') return true;
      return false;
    };
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > right && !clipped(el)) {
        right = r.right;
        widest = el;
      }
    }
    const describe = (el: Element | null) =>
      el
        ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].slice(0, 2).join('.')} "${(el.textContent ?? '').slice(0, 40)}"`
        : null;
    return { widerBy, widest: describe(widest) };
  });
}

/**
 * The page as the browser prints it (the print stylesheet, A4, the page's own page numbers), read back
 * with poppler's pdftotext as a reader's PDF would be: one string per printed page. The PDF is kept
 * under test-output/ for a person to look at.
 */
export async function printedPages(page: Page, name: string): Promise<string[]> {
  const pdf = join(OUTPUT_DIR, `${name}.pdf`);
  mkdirSync(OUTPUT_DIR, { recursive: true });
  await page.emulateMedia({ media: 'print' });
  try {
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
  let text: string;
  try {
    text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  } catch (e) {
    throw new Error(`pdftotext could not read ${pdf} (apt-get install -y poppler-utils): ${(e as Error).message}`);
  }
  return text.split('\f').filter((p) => p.trim() !== '');
}

/** Find and replace in Monaco, as a person would with Ctrl+H. */
export async function replaceInJsonEditor(page: Page, find: string, replacement: string): Promise<void> {
  await page.getByRole('tab', { name: 'JSON' }).click();
  const lines = page.locator('.monaco-editor .view-lines').first();
  await lines.waitFor();
  await lines.click();
  await page.keyboard.press('Control+H');
  await page.getByRole('textbox', { name: 'Find' }).fill(find);
  await page.getByRole('textbox', { name: 'Replace' }).fill(replacement);
  await page.getByRole('button', { name: /^Replace All/ }).click();
  await page.keyboard.press('Escape');
}
