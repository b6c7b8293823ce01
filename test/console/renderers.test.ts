/**
 * The console's renderers of money, bands and explanations, rendered as React renders them (to static
 * markup, no browser needed): what a policy officer or a family reads must be pounds and words, worked
 * out by the engine's own arithmetic, never pence, ids or JSON.
 */

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ExplanationSteps } from '../../admin/src/calculator/Steps';
import { formatChange, formatDate, formatPence, longDate } from '../../admin/src/format';
import { PricingView } from '../../admin/src/versions/PolicyDocumentView';
import { pounds } from '../../admin/src/versions/format';
import { valueWords } from '../../admin/src/versions/WorkedExamples';
import { evaluate, type Policy } from '../../engine/index.js';
import { exampleVersions } from '../support/examples.js';

/** What a reader sees: the text of the markup, with each element's text apart. */
const textOf = (element: ReturnType<typeof createElement>) =>
  renderToStaticMarkup(element)
    .replace(/<style[^>]*>[^<]*<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

const version = (scheme: string, name: string) => exampleVersions().find((v) => v.scheme === scheme && v.version === name)!;

describe('money as a person reads it', () => {
  it('is pounds and pence with thousands separated, as the engine writes it', () => {
    expect(formatPence(36300)).toBe('£363.00');
    expect(formatPence(195264)).toBe('£1,952.64');
    expect(formatPence(5)).toBe('£0.05');
    expect(formatChange(-350)).toBe('−£3.50');
    expect(formatChange(1200)).toBe('+£12.00');
    expect(formatChange(0)).toBe('£0.00');
  });

  it('keeps a calibrated price per point exact, and says so when there is no amount', () => {
    expect(pounds(488)).toBe('£4.88');
    expect(pounds(488.3417)).toBe('£4.883417');
    expect(pounds(null)).toBe('–');
  });

  it('writes dates in words whatever the browser’s language', () => {
    expect(formatDate('2011-04-01')).toBe('1 April 2011');
    expect(longDate('2013-02-15')).toBe('15 February 2013');
    expect(longDate(undefined)).toBe('–');
  });
});

describe('a band table', () => {
  it('lists each band with its points and its amount in pounds, the open top band "and above"', () => {
    const policy = version('childrens-ras', '2013-revised').policy as Policy;
    const text = textOf(createElement(PricingView, { pricing: policy.pricing.default, caption: 'The standard table', policy }));
    expect(text).toContain('Band table, amounts a month.');
    expect(text).toContain('Band 1 15 24 £160.00');
    expect(text).toContain('Band 2 25 34 £235.00');
    expect(text).toContain('Band 8 85 and above £1,040.00');
    expect(text).not.toMatch(/pence|16000/);
  });

  it('names a band’s outcome without an amount, never as £0', () => {
    const policy = version('childrens-short-breaks', '2024-25').policy as Policy;
    const text = textOf(createElement(PricingView, { pricing: policy.pricing.default, caption: 'The standard table', policy }));
    expect(text).toContain('0 9 No amount: Universal and targeted services');
    expect(text).toContain('Band A');
    expect(text).toContain('£500.00');
    expect(text).toMatch(/and above No amount: Individual assessment/);
  });

  it('gives a price per point in pounds, with any base amount', () => {
    const policy = version('adult-ras', '2010-revised').policy as Policy;
    const text = textOf(createElement(PricingView, { pricing: policy.pricing.default, caption: 'The standard table', policy }));
    expect(text).toContain('Price per point: £5.02');
    expect(text).toContain('a week');
  });
});

describe('the steps of an explanation', () => {
  it('read from the total to the amount in the engine’s words, with each answer’s points a click away', () => {
    const v = version('childrens-ras', '2013-revised');
    const example = v.examples.find((e) => e.json.name.startsWith('Early years, 15 points after'))!.json;
    const result = evaluate(v.policy, example.assessment, example.asOf ? { asOf: example.asOf } : {});
    const text = textOf(createElement(ExplanationSteps, { result }));
    // By hand: 15 points in Band 1, £160.00 a month; the 1.7% uplift adds £2.72; £162.72 a month, £37.45 a week.
    expect(text).toMatch(/^Total: 15 points\./);
    expect(text).toContain('15 points falls in "Band 1" (15 to 24 points), which gives £160.00 a month.');
    expect(text).toContain('£162.72');
    expect(text).toContain('£37.45 a week');
    expect(text).toContain('Show the points for each answer');
    expect(text).not.toMatch(/weeklyPence|pence|\{|band 2/);
  });
});

describe('a worked example’s figures', () => {
  it('are said in pounds and words: amounts, points, flags by their message, outcomes by their label', () => {
    const adult = version('adult-ras', '2010-revised').policy as Policy;
    expect(valueWords('allocation', { period: 'week', pence: 36300 }, adult)).toBe('£363.00 a week');
    expect(valueWords('annualPence', 1892760, adult)).toBe('£18,927.60');
    expect(valueWords('totalPoints', 72.5, adult)).toBe('72.5 points');
    expect(valueWords('carerReductionApplied', false, adult)).toBe('not applied');
    const flag = adult.rules![0]!;
    expect(valueWords('flags', [flag.event.type], adult)).toBe(flag.event.params.message);
    const breaks = version('childrens-short-breaks', '2024-25').policy as Policy;
    expect(valueWords('outcome', 'universal-services', breaks)).toBe('Universal and targeted services');
    expect(valueWords('outcome', 'not-eligible', breaks)).toBe('not eligible');
    expect(valueWords('weeklyPence', null, breaks)).toBe('no amount');
  });
});
