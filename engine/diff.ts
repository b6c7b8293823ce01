/**
 * What changed between two versions of a policy, in words a committee can read: prices, band edges
 * and amounts, weights, questions and points, carer percentages, uplifts, rounding and rules.
 * Each change names the part of the policy it belongs to, in the order attribution applies them.
 */

import { longDate } from './dates.js';
import { PERIODS } from './periods.js';
import { amountPer, formatPence, formatPrice } from './words/money.js';
import { bandName } from './words/policy.js';
import type { Answer, Band, HourBand, Policy, Pricing, Question } from './policy.js';

export type ChangeArea = 'questionnaire' | 'weights' | 'pricing' | 'carer' | 'uplifts' | 'maximum' | 'rounding' | 'rules' | 'description';

export interface PolicyChange {
  area: ChangeArea;
  /** JSON Pointer into the candidate (or base, for a removal). */
  path: string;
  description: string;
  before: unknown;
  after: unknown;
}

/**
 * Lists every change from `base` to `candidate` that affects amounts, flags or what is published.
 * @example
 *   diffVersions(pilot, revised).map((c) => c.description)
 *   // ['Weight of Health: 1 → 1.5', 'Price per point (the standard table): £4.88 → £5.02 a week', ...]
 */
export function diffVersions(base: Policy, candidate: Policy): PolicyChange[] {
  return [
    ...questionnaireChanges(base, candidate),
    ...weightChanges(base, candidate),
    ...pricingChanges(base, candidate),
    ...carerChanges(base, candidate),
    ...upliftChanges(base, candidate),
    ...maximumChanges(base, candidate),
    ...requestedChanges(base, candidate),
    ...roundingChanges(base, candidate),
    ...ruleChanges(base, candidate),
  ];
}

const change = (area: ChangeArea, path: string, description: string, before: unknown, after: unknown): PolicyChange => ({
  area,
  path,
  description,
  before,
  after,
});
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((x, i) => [x.id, { item: x, index: i }]));

function questionnaireChanges(base: Policy, candidate: Policy): PolicyChange[] {
  const out: PolicyChange[] = [];
  const baseGroups = byId(base.clientGroups);
  const candGroups = byId(candidate.clientGroups);
  for (const [id, { item, index }] of candGroups)
    if (!baseGroups.has(id)) out.push(change('questionnaire', `/clientGroups/${index}`, `New client group: ${item.label}`, null, item));
  for (const [id, { item }] of baseGroups)
    if (!candGroups.has(id)) out.push(change('questionnaire', '/clientGroups', `Client group removed: ${item.label}`, item, null));
  const baseDomains = byId(base.domains);
  for (const [id, { item, index }] of byId(candidate.domains))
    if (!baseDomains.has(id)) out.push(change('questionnaire', `/domains/${index}`, `New domain: ${item.label}`, null, item));
  const candDomains = byId(candidate.domains);
  for (const [id, { item }] of baseDomains)
    if (!candDomains.has(id)) out.push(change('questionnaire', '/domains', `Domain removed: ${item.label}`, item, null));
  const baseQs = byId(base.questionnaires);
  const candQs = byId(candidate.questionnaires);
  for (const [id, { item: q, index: qi }] of candQs) {
    const old = baseQs.get(id)?.item;
    if (!old) {
      out.push(change('questionnaire', `/questionnaires/${qi}`, `New questionnaire: ${q.label}`, null, q.id));
      continue;
    }
    if (!same(old.appliesTo, q.appliesTo))
      out.push(
        change(
          'questionnaire',
          `/questionnaires/${qi}/appliesTo`,
          `Who answers "${q.label}" changed`,
          old.appliesTo ?? null,
          q.appliesTo ?? null,
        ),
      );
    out.push(...questionChanges(old.questions, q.questions, `/questionnaires/${qi}/questions`));
  }
  for (const [id, { item }] of baseQs)
    if (!candQs.has(id)) out.push(change('questionnaire', '/questionnaires', `Questionnaire removed: ${item.label}`, item.id, null));
  return out;
}

function questionChanges(before: Question[], after: Question[], at: string): PolicyChange[] {
  const out: PolicyChange[] = [];
  const old = byId(before);
  const now = byId(after);
  for (const [id, { item: q, index }] of now) {
    const was = old.get(id)?.item;
    if (!was) {
      out.push(change('questionnaire', `${at}/${index}`, `New question: "${q.text}"`, null, q.id));
      continue;
    }
    if (was.domain !== q.domain)
      out.push(
        change(
          'questionnaire',
          `${at}/${index}/domain`,
          `"${q.text}" moved from domain ${was.domain} to ${q.domain}`,
          was.domain,
          q.domain,
        ),
      );
    if ((was.required ?? true) !== (q.required ?? true))
      out.push(
        change(
          'questionnaire',
          `${at}/${index}/required`,
          `"${q.text}" is now ${(q.required ?? true) ? 'required' : 'optional'}`,
          was.required ?? true,
          q.required ?? true,
        ),
      );
    out.push(...answerChanges(q, was.answers, q.answers, `${at}/${index}/answers`));
  }
  for (const [id, { item }] of old) if (!now.has(id)) out.push(change('questionnaire', at, `Question removed: "${item.text}"`, id, null));
  return out;
}

function answerChanges(question: Question, before: Answer[], after: Answer[], at: string): PolicyChange[] {
  const out: PolicyChange[] = [];
  const old = byId(before);
  const now = byId(after);
  for (const [id, { item: a, index }] of now) {
    const was = old.get(id)?.item;
    if (!was)
      out.push(
        change('questionnaire', `${at}/${index}`, `"${question.text}": new answer "${a.text}" (${a.points} points)`, null, a.points),
      );
    else if (was.points !== a.points)
      out.push(
        change(
          'questionnaire',
          `${at}/${index}/points`,
          `"${question.text}", "${a.text}": ${was.points} → ${a.points} points`,
          was.points,
          a.points,
        ),
      );
  }
  for (const [id, { item }] of old)
    if (!now.has(id)) out.push(change('questionnaire', at, `"${question.text}": answer removed "${item.text}"`, id, null));
  return out;
}

function weightChanges(base: Policy, candidate: Policy): PolicyChange[] {
  const old = byId(base.domains);
  return candidate.domains.flatMap((d, i) => {
    const was = old.get(d.id)?.item;
    const before = was?.weight ?? 1;
    const after = d.weight ?? 1;
    return was && before !== after
      ? [change('weights', `/domains/${i}/weight`, `Weight of ${d.label}: ${before} → ${after}`, before, after)]
      : [];
  });
}

function pricingChanges(base: Policy, candidate: Policy): PolicyChange[] {
  const out = tableChanges('the standard table', base.pricing.default, candidate.pricing.default, '/pricing/default');
  const groups = new Set([...Object.keys(base.pricing.byClientGroup ?? {}), ...Object.keys(candidate.pricing.byClientGroup ?? {})]);
  for (const group of [...groups].sort()) {
    const was = base.pricing.byClientGroup?.[group];
    const now = candidate.pricing.byClientGroup?.[group];
    const name = `the ${labelOf(candidate, group)} table`;
    const at = `/pricing/byClientGroup/${group}`;
    if (!was && now)
      out.push(change('pricing', at, `New allocation table for ${labelOf(candidate, group)} (was the standard table)`, null, now.method));
    else if (was && !now) out.push(change('pricing', at, `${labelOf(base, group)} now use the standard table`, was.method, null));
    else if (was && now) out.push(...tableChanges(name, was, now, at));
  }
  return out;
}

function tableChanges(name: string, was: Pricing, now: Pricing, at: string): PolicyChange[] {
  if (was.method !== now.method)
    return [change('pricing', `${at}/method`, `Pricing method of ${name}: ${was.method} → ${now.method}`, was.method, now.method)];
  const out: PolicyChange[] = [];
  if (was.period !== now.period)
    out.push(change('pricing', `${at}/period`, `Period of ${name}: ${was.period} → ${now.period}`, was.period, now.period));
  if (was.method === 'price-per-point' && now.method === 'price-per-point' && was.pencePerPoint !== now.pencePerPoint) {
    out.push(
      change(
        'pricing',
        `${at}/pencePerPoint`,
        `Price per point (${name}): ${formatPrice(was.pencePerPoint)} → ${formatPrice(now.pencePerPoint)} ${PERIODS[now.period].per}`,
        was.pencePerPoint,
        now.pencePerPoint,
      ),
    );
  }
  if (was.method === 'price-per-point' && now.method === 'price-per-point' && was.basePence !== now.basePence) {
    const base = (pence: number | undefined) => (pence === undefined ? 'none' : formatPence(pence));
    out.push(
      change(
        'pricing',
        `${at}/basePence`,
        `Base amount (${name}): ${base(was.basePence)} → ${base(now.basePence)} ${PERIODS[now.period].per}`,
        was.basePence ?? null,
        now.basePence ?? null,
      ),
    );
  }
  if (was.method === 'hour-bands' && now.method === 'hour-bands' && was.hourlyRatePence !== now.hourlyRatePence) {
    out.push(
      change(
        'pricing',
        `${at}/hourlyRatePence`,
        `Hourly rate (${name}): ${formatPence(was.hourlyRatePence)} → ${formatPence(now.hourlyRatePence)}`,
        was.hourlyRatePence,
        now.hourlyRatePence,
      ),
    );
  }
  if ((was.method === 'bands' || was.method === 'hour-bands') && was.method === now.method) {
    out.push(...bandChanges(name, was.bands, (now as typeof was).bands, `${at}/bands`, was.method === 'bands'));
  }
  return out;
}

function bandChanges(
  name: string,
  before: Array<Band | HourBand>,
  after: Array<Band | HourBand>,
  at: string,
  money: boolean,
): PolicyChange[] {
  const out: PolicyChange[] = [];
  const amount = (b: Band | HourBand) =>
    b.outcome !== undefined ? `'${b.outcome}' (no amount)` : money ? formatPence((b as Band).pence!) : `${(b as HourBand).hours} hours`;
  const range = (b: Band | HourBand) => (b.to === undefined ? `${b.from}+ points` : `${b.from}–${b.to} points`);
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    const was = before[i];
    const now = after[i];
    if (!was && now)
      out.push(change('pricing', `${at}/${i}`, `New ${now.label ?? `band ${i + 1}`} in ${name}: ${range(now)}, ${amount(now)}`, null, now));
    else if (was && !now)
      out.push(change('pricing', `${at}/${i}`, `${bandName(was, i)} removed from ${name} (was ${range(was)}, ${amount(was)})`, was, null));
    else if (was && now) {
      if (was.from !== now.from || was.to !== now.to)
        out.push(
          change(
            'pricing',
            `${at}/${i}`,
            `${bandName(now, i)} of ${name}: ${range(was)} → ${range(now)}`,
            { from: was.from, to: was.to ?? null },
            { from: now.from, to: now.to ?? null },
          ),
        );
      if (amount(was) !== amount(now))
        out.push(
          change(
            'pricing',
            `${at}/${i}/${money ? 'pence' : 'hours'}`,
            `${bandName(now, i)} of ${name}: ${amount(was)} → ${amount(now)}`,
            money ? (was as Band).pence : (was as HourBand).hours,
            money ? (now as Band).pence : (now as HourBand).hours,
          ),
        );
    }
  }
  return out;
}

function carerChanges(base: Policy, candidate: Policy): PolicyChange[] {
  const was = base.carerAdjustment;
  const now = candidate.carerAdjustment;
  if (!was && !now) return [];
  if (!was) return [change('carer', '/carerAdjustment', 'A carer adjustment is introduced', null, now!.reductions)];
  if (!now) return [change('carer', '/carerAdjustment', 'The carer adjustment is removed', was.reductions, null)];
  const label = (list: Array<{ id: string; label: string }>, id: string) => list.find((x) => x.id === id)?.label ?? id;
  const out: PolicyChange[] = [];
  for (const [level, row] of Object.entries(now.reductions)) {
    for (const [impact, percent] of Object.entries(row)) {
      const before =
        Object.hasOwn(was.reductions, level) && Object.hasOwn(was.reductions[level]!, impact) ? was.reductions[level]![impact]! : null;
      if (before !== percent) {
        out.push(
          change(
            'carer',
            `/carerAdjustment/reductions/${level}/${impact}`,
            `Carer reduction for ${label(now.supportLevels, level)}, ${label(now.impacts, impact)}: ${before === null ? 'none' : `${before}%`} → ${percent}%`,
            before,
            percent,
          ),
        );
      }
    }
  }
  return out;
}

function upliftChanges(base: Policy, candidate: Policy): PolicyChange[] {
  const was = new Map((base.uplifts ?? []).map((u) => [u.from, u.percent]));
  const now = new Map((candidate.uplifts ?? []).map((u, i) => [u.from, { percent: u.percent, i }]));
  const out: PolicyChange[] = [];
  for (const [from, { percent, i }] of now) {
    const before = was.get(from);
    if (before === undefined)
      out.push(change('uplifts', `/uplifts/${i}`, `New uplift of ${percent}% from ${longDate(from)}`, null, percent));
    else if (before !== percent)
      out.push(change('uplifts', `/uplifts/${i}/percent`, `Uplift from ${longDate(from)}: ${before}% → ${percent}%`, before, percent));
  }
  for (const [from, percent] of was)
    if (!now.has(from)) out.push(change('uplifts', '/uplifts', `Uplift of ${percent}% from ${longDate(from)} removed`, percent, null));
  return out;
}

function maximumChanges(base: Policy, candidate: Policy): PolicyChange[] {
  const was = base.maximum;
  const now = candidate.maximum;
  if (same(was ?? null, now ?? null)) return [];
  const words = (m: Policy['maximum']) => (m ? `${amountPer(m.pence, m.period)} (above it: ${m.route.label})` : 'none');
  return [change('maximum', '/maximum', `Maximum: ${words(was)} → ${words(now)}`, was?.pence ?? null, now?.pence ?? null)];
}

function requestedChanges(base: Policy, candidate: Policy): PolicyChange[] {
  const was = base.lesserOfRequested?.label ?? null;
  const now = candidate.lesserOfRequested?.label ?? null;
  const words = (label: string | null) => (label === null ? 'not paid' : `the lesser of the amount and '${label}'`);
  const requested =
    was === now ? [] : [change('maximum', '/lesserOfRequested', `Requested amounts: ${words(was)} → ${words(now)}`, was, now)];
  const splitWas = base.contribution?.label ?? null;
  const splitNow = candidate.contribution?.label ?? null;
  const split = (label: string | null) => (label === null ? 'not split' : `split by '${label}'`);
  return splitWas === splitNow
    ? requested
    : [...requested, change('maximum', '/contribution', `The budget: ${split(splitWas)} → ${split(splitNow)}`, splitWas, splitNow)];
}

function roundingChanges(base: Policy, candidate: Policy): PolicyChange[] {
  const out: PolicyChange[] = [];
  if (!same(base.rounding, candidate.rounding)) {
    out.push(
      change(
        'rounding',
        '/rounding',
        `Rounding: ${base.rounding.mode} to the ${base.rounding.unit} → ${candidate.rounding.mode} to the ${candidate.rounding.unit}`,
        base.rounding,
        candidate.rounding,
      ),
    );
  }
  if (base.weeksPerYear !== candidate.weeksPerYear)
    out.push(
      change(
        'rounding',
        '/weeksPerYear',
        `Weeks in a year: ${base.weeksPerYear} → ${candidate.weeksPerYear}`,
        base.weeksPerYear,
        candidate.weeksPerYear,
      ),
    );
  return out;
}

function ruleChanges(base: Policy, candidate: Policy): PolicyChange[] {
  const was = new Map((base.rules ?? []).map((r) => [r.name, r]));
  const now = candidate.rules ?? [];
  const out: PolicyChange[] = [];
  now.forEach((rule, i) => {
    const before = was.get(rule.name);
    if (!before) out.push(change('rules', `/rules/${i}`, `New rule "${rule.name}": ${rule.event.params.message}`, null, rule.name));
    else if (!same(before, rule))
      out.push(change('rules', `/rules/${i}`, `Rule "${rule.name}" changed`, before.conditions, rule.conditions));
  });
  for (const [name] of was)
    if (!now.some((r) => r.name === name)) out.push(change('rules', '/rules', `Rule "${name}" removed`, name, null));
  return out;
}

function labelOf(policy: Policy, group: string): string {
  return policy.clientGroups.find((g) => g.id === group)?.label ?? group;
}
