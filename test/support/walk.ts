/**
 * Helpers for the e2e walks that follow a version's workflow as people take it (beside browser.ts, which
 * they build on): a page checked at the desk's width and on a phone, and the figures a worked example's
 * report gives, in the pounds and words a person types.
 */

import type { Page } from 'playwright-core';
import { checkPage } from './browser.js';

/** The page checked as it is (1280 px), then at 375 px, then back at the desk's width. */
export async function checkAtBothWidths(page: Page, name: string): Promise<void> {
  await checkPage(page, name);
  const desk = page.viewportSize()!;
  await page.setViewportSize({ width: 375, height: 800 });
  try {
    await page.waitForTimeout(150); // MUI's breakpoints re-render on the resize event
    await checkPage(page, `${name}-375`);
  } finally {
    await page.setViewportSize(desk);
  }
}

/** Pence as a person types pounds: 130000 -> "1300.00". */
export const typedPounds = (pence: number): string => (pence / 100).toFixed(2);

/** Nothing a person reads may be an id, pence or JSON. */
export const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
