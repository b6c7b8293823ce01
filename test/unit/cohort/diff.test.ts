/**
 * What changed between two versions, as a committee reads it: the example versions' known changes,
 * and one constructed change at a time on basePolicy.
 */

import { describe, expect, it } from 'vitest';
import { diffVersions, type Policy, type Rule } from '../../../engine/index.js';
import { carerTable, ppp } from '../../support/cohort-people.js';
import { exampleVersions } from '../../support/examples.js';
import { basePolicy } from '../../support/policy-builder.js';

const pair = (scheme: string): [Policy, Policy] => {
  const [a, b] = exampleVersions().filter((v) => v.scheme === scheme);
  return [a!.policy as Policy, b!.policy as Policy];
};

const withQuestions = (edit: (qs: Policy['questionnaires'][number]['questions']) => void): Policy => {
  const p = structuredClone(basePolicy());
  edit(p.questionnaires[0]!.questions);
  return p;
};

const rule = (name: string, value: number, message = `More than ${value} points.`): Rule => ({
  name,
  conditions: { all: [{ fact: 'totalPoints', operator: 'greaterThan', value }] },
  event: { type: name, params: { message } },
});

describe('the adult example versions, 2009 pilot to 2010 revision', () => {
  const [pilot, revised] = pair('adult-ras');
  const changes = diffVersions(pilot, revised);

  it('lists exactly the five changes the revision made, in attribution order', () => {
    expect(changes).toEqual([
      {
        area: 'weights',
        path: '/domains/2/weight',
        description: 'Weight of Physical and mental wellbeing: 1 → 1.5',
        before: 1,
        after: 1.5,
      },
      {
        area: 'pricing',
        path: '/pricing/default/pencePerPoint',
        description: 'Price per point (the standard table): £4.88 → £5.02 a week',
        before: 488,
        after: 502,
      },
      {
        area: 'pricing',
        path: '/pricing/byClientGroup/learning-disability/pencePerPoint',
        description: 'Price per point (the Adults with a learning disability table): £5.30 → £5.45 a week',
        before: 530,
        after: 545,
      },
      {
        area: 'carer',
        path: '/carerAdjustment/reductions/substantial/moderate',
        description: 'Carer reduction for Substantial support, Moderate impact on the carer: 15% → 12.5%',
        before: 15,
        after: 12.5,
      },
      { area: 'uplifts', path: '/uplifts/0', description: 'New uplift of 2.5% from 1 April 2010', before: null, after: 2.5 },
    ]);
  });

  it('a change of title, description or a reference alone is not a change that affects amounts', () => {
    const retitled = { ...pilot, title: 'Renamed', description: 'Other words', version: 'x' };
    expect(diffVersions(pilot, retitled)).toEqual([]);
  });

  it('the reverse diff lists the same changes the other way round', () => {
    const back = diffVersions(revised, pilot);
    expect(back.map((c) => c.description)).toEqual([
      'Weight of Physical and mental wellbeing: 1.5 → 1',
      'Price per point (the standard table): £5.02 → £4.88 a week',
      'Price per point (the Adults with a learning disability table): £5.45 → £5.30 a week',
      'Carer reduction for Substantial support, Moderate impact on the carer: 12.5% → 15%',
      'Uplift of 2.5% from 1 April 2010 removed',
    ]);
  });
});

describe("the children's example versions, 2012 pilot to 2013 revision", () => {
  const [pilot, revised] = pair('childrens-ras');
  const changes = diffVersions(pilot, revised);

  it('lists the band amounts, the band edges, the uplift and the rule that changed', () => {
    expect(changes.map((c) => [c.area, c.path, c.before, c.after])).toEqual([
      ['pricing', '/pricing/default/bands/1/pence', 15_000, 16_000],
      ['pricing', '/pricing/default/bands/2/pence', 22_000, 23_500],
      ['pricing', '/pricing/default/bands/7', { from: 75, to: 89 }, { from: 75, to: 84 }],
      ['pricing', '/pricing/default/bands/8', { from: 90, to: null }, { from: 85, to: null }],
      ['pricing', '/pricing/default/bands/8/pence', 100_000, 104_000],
      ['uplifts', '/uplifts/0', null, 1.7],
      ['rules', '/rules/0', pilot.rules![0]!.conditions, revised.rules![0]!.conditions],
    ]);
    expect(changes.map((c) => c.description)).toEqual([
      expect.stringContaining('£150.00 → £160.00'),
      expect.stringContaining('£220.00 → £235.00'),
      expect.stringContaining('75–89 points → 75–84 points'),
      expect.stringContaining('90+ points → 85+ points'),
      expect.stringContaining('£1,000.00 → £1,040.00'),
      'New uplift of 1.7% from 1 April 2013',
      'Rule "refer-to-panel" changed',
    ]);
  });

  it('names a labelled band by its own label, as the policy and its description do ("Band 1 raised to £160")', () => {
    // bands[0] is "No indicative budget", bands[1] is labelled "Band 1", bands[8] "Band 8".
    expect(changes.map((c) => c.description).slice(0, 5)).toEqual([
      'Band 1 of the standard table: £150.00 → £160.00',
      'Band 2 of the standard table: £220.00 → £235.00',
      'Band 7 of the standard table: 75–89 points → 75–84 points',
      'Band 8 of the standard table: 90+ points → 85+ points',
      'Band 8 of the standard table: £1,000.00 → £1,040.00',
    ]);
  });
});

describe('constructed changes, one at a time', () => {
  const base = basePolicy();

  it('identical versions have no changes', () => {
    expect(diffVersions(base, basePolicy())).toEqual([]);
    expect(diffVersions(base, { ...basePolicy(), version: 'v2', title: 'Another title' })).toEqual([]);
  });

  it('a new question is listed with its text', () => {
    const added = withQuestions((qs) =>
      qs.push({
        id: 'mobility',
        domain: 'personal-care',
        text: 'Getting about',
        answers: [{ id: 'none', text: 'No help', points: 0 }],
      }),
    );
    expect(diffVersions(base, added)).toEqual([
      {
        area: 'questionnaire',
        path: '/questionnaires/0/questions/2',
        description: 'New question: "Getting about"',
        before: null,
        after: 'mobility',
      },
    ]);
  });

  it('a removed question is listed with its text', () => {
    const removed = withQuestions((qs) => qs.splice(1, 1));
    expect(diffVersions(base, removed)).toEqual([
      {
        area: 'questionnaire',
        path: '/questionnaires/0/questions',
        description: 'Question removed: "Health needs"',
        before: 'health-needs',
        after: null,
      },
    ]);
  });

  it("an answer's new points are listed with the question and answer text", () => {
    const changed = withQuestions((qs) => {
      qs[0]!.answers[1]!.points = 12;
    });
    expect(diffVersions(base, changed)).toEqual([
      {
        area: 'questionnaire',
        path: '/questionnaires/0/questions/0/answers/1/points',
        description: '"Washing", "Some help": 10 → 12 points',
        before: 10,
        after: 12,
      },
    ]);
  });

  it('a new answer, a removed answer and a question made optional are each listed', () => {
    const changed = withQuestions((qs) => {
      qs[0]!.answers.splice(2, 1); // "lots" removed
      qs[0]!.answers.push({ id: 'total', text: 'Total help', points: 60 });
      qs[1]!.required = false;
    });
    expect(diffVersions(base, changed).map((c) => [c.path, c.description, c.before, c.after])).toEqual([
      ['/questionnaires/0/questions/0/answers/3', '"Washing": new answer "Total help" (60 points)', null, 60],
      ['/questionnaires/0/questions/0/answers', '"Washing": answer removed "A lot of help"', 'lots', null],
      ['/questionnaires/0/questions/1/required', '"Health needs" is now optional', true, false],
    ]);
  });

  it('a weight of 1 written out is no change from the default weight', () => {
    const explicit = basePolicy({
      domains: [
        { id: 'personal-care', label: 'Personal care', weight: 1 },
        { id: 'health', label: 'Health' },
      ],
    });
    expect(diffVersions(base, explicit)).toEqual([]);
    const doubled = basePolicy({
      domains: [
        { id: 'personal-care', label: 'Personal care' },
        { id: 'health', label: 'Health', weight: 2 },
      ],
    });
    expect(diffVersions(base, doubled)).toEqual([
      { area: 'weights', path: '/domains/1/weight', description: 'Weight of Health: 1 → 2', before: 1, after: 2 },
    ]);
  });

  it('a new client group and its own table are listed, and taking the table away again sends the group back to the standard table', () => {
    const withTable = basePolicy({ pricing: { default: ppp(488), byClientGroup: { 'learning-disability': ppp(530) } } });
    expect(diffVersions(base, withTable)).toEqual([
      {
        area: 'pricing',
        path: '/pricing/byClientGroup/learning-disability',
        description: 'New allocation table for Learning disability (was the standard table)',
        before: null,
        after: 'price-per-point',
      },
    ]);
    expect(diffVersions(withTable, base)).toEqual([
      {
        area: 'pricing',
        path: '/pricing/byClientGroup/learning-disability',
        description: 'Learning disability now use the standard table',
        before: 'price-per-point',
        after: null,
      },
    ]);
    const newGroup = basePolicy({ clientGroups: [...base.clientGroups, { id: 'mental-health', label: 'Mental health' }] });
    expect(diffVersions(base, newGroup)).toEqual([
      {
        area: 'questionnaire',
        path: '/clientGroups/2',
        description: 'New client group: Mental health',
        before: null,
        after: { id: 'mental-health', label: 'Mental health' },
      },
    ]);
  });

  it("a client group table's price change names the group's table", () => {
    const a = basePolicy({ pricing: { default: ppp(488), byClientGroup: { 'learning-disability': ppp(530) } } });
    const b = basePolicy({ pricing: { default: ppp(488), byClientGroup: { 'learning-disability': ppp(530.1234) } } });
    expect(diffVersions(a, b).map((c) => c.description)).toEqual([
      'Price per point (the Learning disability table): £5.30 → £5.301234 a week',
    ]);
  });

  it('a change of pricing method is one change, not a list of the new table', () => {
    const bands = basePolicy({
      pricing: {
        default: {
          method: 'bands',
          period: 'week',
          bands: [
            { from: 0, to: 9, pence: 0 },
            { from: 10, pence: 10_000 },
          ],
        },
      },
    });
    expect(diffVersions(base, bands)).toEqual([
      {
        area: 'pricing',
        path: '/pricing/default/method',
        description: 'Pricing method of the standard table: price-per-point → bands',
        before: 'price-per-point',
        after: 'bands',
      },
    ]);
  });

  it('a new band, a removed band and a period change are each listed', () => {
    const two = basePolicy({
      pricing: {
        default: {
          method: 'bands',
          period: 'week',
          bands: [
            { from: 0, to: 9, pence: 0 },
            { from: 10, pence: 10_000 },
          ],
        },
      },
    });
    const three = basePolicy({
      pricing: {
        default: {
          method: 'bands',
          period: 'month',
          bands: [
            { from: 0, to: 9, pence: 0 },
            { from: 10, to: 19, pence: 10_000 },
            { from: 20, pence: 25_000 },
          ],
        },
      },
    });
    expect(diffVersions(two, three).map((c) => [c.path, c.description])).toEqual([
      ['/pricing/default/period', 'Period of the standard table: week → month'],
      ['/pricing/default/bands/1', 'Band 2 of the standard table: 10+ points → 10–19 points'],
      ['/pricing/default/bands/2', 'New band 3 in the standard table: 20+ points, £250.00'],
    ]);
    expect(diffVersions(three, two).map((c) => c.description)).toContain(
      'Band 3 removed from the standard table (was 20+ points, £250.00)',
    );
  });

  it('rounding and weeks in a year are listed', () => {
    const changed = basePolicy({ rounding: { unit: 'pound', mode: 'up' }, weeksPerYear: 52.1429 });
    expect(diffVersions(base, changed)).toEqual([
      {
        area: 'rounding',
        path: '/rounding',
        description: 'Rounding: half-up to the penny → up to the pound',
        before: base.rounding,
        after: { unit: 'pound', mode: 'up' },
      },
      { area: 'rounding', path: '/weeksPerYear', description: 'Weeks in a year: 52 → 52.1429', before: 52, after: 52.1429 },
    ]);
  });

  it('a carer table introduced, a cell changed, and the table removed are each listed', () => {
    const withCarer = basePolicy({ carerAdjustment: carerTable(10, 0) });
    expect(diffVersions(base, withCarer)).toEqual([
      {
        area: 'carer',
        path: '/carerAdjustment',
        description: 'A carer adjustment is introduced',
        before: null,
        after: { regular: { low: 10, high: 0 } },
      },
    ]);
    expect(diffVersions(withCarer, basePolicy({ carerAdjustment: carerTable(7.5, 0) })).map((c) => c.description)).toEqual([
      'Carer reduction for Regular support, Low impact: 10% → 7.5%',
    ]);
    expect(diffVersions(withCarer, base).map((c) => c.description)).toEqual(['The carer adjustment is removed']);
  });

  it('uplifts added, changed and removed are listed by their date', () => {
    const one = basePolicy({ uplifts: [{ from: '2010-04-01', percent: 2 }] });
    const two = basePolicy({
      uplifts: [
        { from: '2010-04-01', percent: 2.5 },
        { from: '2011-04-01', percent: 1 },
      ],
    });
    expect(diffVersions(one, two).map((c) => [c.path, c.description])).toEqual([
      ['/uplifts/0/percent', 'Uplift from 1 April 2010: 2% → 2.5%'],
      ['/uplifts/1', 'New uplift of 1% from 1 April 2011'],
    ]);
    expect(diffVersions(two, one).map((c) => c.description)).toEqual([
      'Uplift from 1 April 2010: 2.5% → 2%',
      'Uplift of 1% from 1 April 2011 removed',
    ]);
  });

  it('rules added, changed and removed are listed by name', () => {
    const a = basePolicy({ rules: [rule('high', 50), rule('old', 10)] });
    const b = basePolicy({ rules: [rule('high', 60), rule('new', 5, 'Five or more.')] });
    expect(diffVersions(a, b)).toEqual([
      {
        area: 'rules',
        path: '/rules/0',
        description: 'Rule "high" changed',
        before: a.rules![0]!.conditions,
        after: b.rules![0]!.conditions,
      },
      { area: 'rules', path: '/rules/1', description: 'New rule "new": Five or more.', before: null, after: 'new' },
      { area: 'rules', path: '/rules', description: 'Rule "old" removed', before: 'old', after: null },
    ]);
    // a changed message alone is a changed rule too: it is what is published
    expect(diffVersions(a, basePolicy({ rules: [rule('high', 50, 'Other words.'), rule('old', 10)] })).map((c) => c.description)).toEqual([
      'Rule "high" changed',
    ]);
  });
});
