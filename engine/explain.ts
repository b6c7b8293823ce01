/**
 * The explanation in plain words: what a letter to the person would say about how the amount was
 * worked out. Fixed sentences filled from the explanation lines, so the same result reads the same.
 */

import type { EvaluationResult } from './evaluate.js';
import type {
  CarerLine,
  ConditionExplanation,
  AwardLine,
  ContributionLine,
  EligibilityLine,
  ExplanationLine,
  MaximumLine,
  OutcomeBandLine,
  PricingLine,
  RequestedLine,
  RuleLine,
  UpliftLine,
} from './explanation.js';
import { formatPence, formatRatePence } from './money.js';
import { longDate } from './dates.js';
import type { Period } from './policy.js';

const PER: Record<Period, string> = { week: 'a week', month: 'a month', year: 'a year' };

/**
 * Renders a result as the paragraphs of a letter.
 * @example
 *   console.log(explain(evaluate(policy, assessment)));
 */
export function explain(result: EvaluationResult): string {
  const lines = result.explanation;
  const of = <S extends ExplanationLine['step']>(step: S) =>
    lines.filter((l): l is Extract<ExplanationLine, { step: S }> => l.step === step);
  const person = of('person')[0]!;
  const total = of('total')[0]!;
  return [
    'How your indicative personal budget was worked out',
    `Policy ${result.provenance.policyId}, version ${result.provenance.version}. Worked out for ${longDate(person.asOf)}.`,
    `Age ${person.age}; client group: ${person.clientGroupLabel}; questionnaire: ${person.questionnaireLabel}.`,
    '',
    ...(total.given
      ? [
          `The points were given by the assessment (${total.given === 'total' ? 'the total' : 'points for each area of need'}), not scored from answers here.`,
        ]
      : ['Your answers']),
    ...of('answer').map(
      (a) =>
        `  ${a.questionText}: ${a.answerText === null ? 'not answered' : `"${a.answerText}"`}${a.notApplicable ? ' (does not apply)' : ''}, ${points(a.points)}.`,
    ),
    '',
    'Points by area of need',
    ...of('domain').map(
      (d) => `  ${d.label}: ${points(d.rawPoints)}${d.weight === 1 ? '' : ` × weight ${d.weight} = ${points(d.weightedPoints)}`}.`,
    ),
    `  Total: ${points(total.points)}.`,
    ...eligibilitySection(of('eligibility')),
    ...moneySection(of),
    ...flagSection(result, of('rule')),
    '',
    result.outcome
      ? 'No indicative personal budget is worked out here. What happens next is said above; the council records the decision and its reasons.'
      : 'This amount is indicative. Your personal budget is agreed after support planning, and the reason for any difference is recorded.',
  ].join('\n');
}

/** A part of explain()'s text: its heading and its lines; the flags raised are written for officers. */
export interface ExplanationSection {
  heading: string;
  lines: string[];
  forOfficers: boolean;
}

/**
 * explain()'s text as its sections, after the opening lines (title, policy, person): for a letter or a
 * page that lays them out. One renderer of explanations: these are explain()'s own words.
 */
export function explainSections(result: EvaluationResult): ExplanationSection[] {
  const lines = explain(result).split('\n');
  const sections: ExplanationSection[] = [];
  for (const line of lines.slice(lines.indexOf('') + 1)) {
    if (line.startsWith('  ')) sections.at(-1)?.lines.push(line.trim());
    else if (line !== '') sections.push({ heading: line, lines: [], forOfficers: line === FLAGS_HEADING });
  }
  // The closing sentence stands alone, without lines: it is not a section.
  return sections.filter((s) => s.lines.length > 0);
}

/**
 * The steps from the total to the amount, one sentence each, as explain() words them: for a page that
 * lists them (the console's calculator, a decision, the published example), without the officers' flags.
 */
export function explainSteps(result: EvaluationResult): string[] {
  const lines = explainSections(result)
    .filter((s) => !s.forOfficers)
    .flatMap((s) => s.lines);
  return lines.slice(lines.findIndex((l) => l.startsWith('Total: ')));
}

const FLAGS_HEADING = 'For review by the council';

type LinesOf = <S extends ExplanationLine['step']>(step: S) => Array<Extract<ExplanationLine, { step: S }>>;

function eligibilitySection(lines: EligibilityLine[]): string[] {
  if (lines.length === 0) return [];
  return [
    '',
    'Who this scheme is for',
    ...lines.map((l) => (l.met ? `  ${l.label}: met.` : `  ${l.label}: not met. ${l.reason}`)),
    ...(lines.every((l) => l.met) ? [] : ['  So you are not eligible for this scheme, and no amount is worked out.']),
  ];
}

function moneySection(of: LinesOf): string[] {
  const table = of('allocation-table')[0];
  const pricing = of('pricing')[0];
  if (!table || !pricing) return [];
  const intro = [
    '',
    'From points to money',
    `  ${table.table === 'default' ? 'The standard allocation table is used.' : `The allocation table for ${of('person')[0]!.clientGroupLabel} is used.`}`,
  ];
  if ('outcome' in pricing) return [...intro, `  ${outcomeBandSentence(pricing)}`, '', pricing.outcome.label, `  ${pricing.outcome.words}`];
  const rounding = of('rounding')[0]!;
  const periods = of('periods')[0]!;
  const award = of('award')[0];
  return [
    ...intro,
    `  ${pricingSentence(pricing)}`,
    `  ${carerSentence(of('carer-adjustment')[0]!, table.period)}`,
    ...of('uplift').map((u) => `  ${upliftSentence(u, table.period)}`),
    `  ${roundingSentence(rounding.unit, rounding.mode, rounding.beforePence, rounding.afterPence, table.period)}`,
    ...of('maximum').map((m) => `  ${maximumSentence(m)}`),
    ...of('requested').map((r) => `  ${requestedSentence(r)}`),
    ...of('contribution').map((c) => `  ${contributionSentence(c)}`),
    '',
    'Your indicative personal budget',
    award?.kind === 'one-off'
      ? `  ${formatPence(award.pence)}, paid as one payment.${award.words ? ` ${award.words}` : ''}`
      : `  ${formatPence(periods.weeklyPence)} a week; ${formatPence(periods.monthlyPence)} a month; ${formatPence(periods.annualPence)} a year (a year counted as ${periods.weeksPerYear} weeks or 12 months).`,
    ...(award?.kind === 'yearly' ? [`  ${awardSentence(award)}`] : []),
  ];
}

function outcomeBandSentence(line: OutcomeBandLine): string {
  return `${points(line.wholePoints)} falls in ${bandName(line)} (${bandRange(line.from, line.to)}), which gives no amount: ${line.outcome.label}.`;
}

function awardSentence(line: Extract<AwardLine, { kind: 'yearly' }>): string {
  const year = `the year ${longDate(line.yearFrom)} to ${longDate(line.yearTo)}`;
  if (line.remaining === line.whole)
    return `For ${year}${line.startDate ? `, from ${longDate(line.startDate)}` : ''}, the whole year's amount is paid: ${formatPence(line.pence)}.`;
  return `Starting on ${longDate(line.startDate!)}, ${line.remaining} of the ${line.whole} ${line.unit} of ${year} are left, so ${formatPence(line.fullPence)} × ${line.remaining}/${line.whole} = ${formatPence(line.pence)} is paid for this year.`;
}

function maximumSentence(line: MaximumLine): string {
  const most = `This scheme pays at most ${formatPence(line.maximumPence)} ${PER[line.period]}`;
  return line.applied
    ? `${most}, so the amount is limited to it: ${formatPence(line.beforePence)} − ${formatPence(line.limitedByPence)} = ${formatPence(line.afterPence)}. To ask for more: ${line.route.label}. ${line.route.words}`
    : `${most}; this amount is within it. Above it: ${line.route.label}.`;
}

function requestedSentence(line: RequestedLine): string {
  return line.applied
    ? `${line.label}: ${formatPence(line.requestedPence)} ${PER[line.period]}, less than ${formatPence(line.beforePence)}, so ${formatPence(line.afterPence)} is paid.`
    : `${line.label}: ${formatPence(line.requestedPence)} ${PER[line.period]}, no less than ${formatPence(line.beforePence)}, which is paid.`;
}

function contributionSentence(line: ContributionLine): string {
  return `${line.label}: ${formatPence(line.personPence)} ${PER[line.period]} of the ${formatPence(line.budgetPence)} is yours to pay; the council pays ${formatPence(line.councilPence)}.`;
}

function pricingSentence(line: PricingLine): string {
  switch (line.method) {
    case 'price-per-point':
      return line.basePence === undefined
        ? `${points(line.points)} × ${formatRatePence(line.pencePerPoint)} a point = ${formatPence(line.pence)} ${PER[line.period]}.`
        : `A base of ${formatPence(line.basePence)}, plus ${points(line.points)} × ${formatRatePence(line.pencePerPoint)} a point (${formatPence(line.pointsPence!)}) = ${formatPence(line.pence)} ${PER[line.period]}.`;
    case 'bands':
      return `${points(line.wholePoints)} falls in ${bandName(line)} (${bandRange(line.from, line.to)}), which gives ${formatPence(line.pence)} ${PER[line.period]}.`;
    case 'hour-bands':
      return `${points(line.wholePoints)} falls in ${bandName(line)} (${bandRange(line.from, line.to)}): ${line.hours} hours × ${formatPence(line.hourlyRatePence)} an hour = ${formatPence(line.pence)} ${PER[line.period]}.`;
  }
}

const CARER_REASONS: Record<Exclude<CarerLine['reason'], 'applied'>, string> = {
  'no-carer-table': 'This policy makes no reduction for support from family or friends.',
  'no-carer': 'No reduction for informal support: no carer was recorded.',
  'not-willing': 'No reduction for informal support: your carer is not willing to carry on.',
  'not-able': 'No reduction for informal support: your carer is not able to carry on.',
  'not-willing-or-able': 'No reduction for informal support: your carer is neither willing nor able to carry on.',
  'no-amount': 'There is no amount to reduce for support from family or friends.',
};

function carerSentence(line: CarerLine, period: Period): string {
  if (line.reason !== 'applied') return CARER_REASONS[line.reason];
  return `Your carer is willing and able to carry on (support: ${line.supportLevelLabel}; impact on them: ${line.impactLabel}), so the amount is reduced by ${line.percent}%: ${formatPence(line.beforePence)} − ${formatPence(line.reductionPence)} = ${formatPence(line.afterPence)} ${PER[period]}.`;
}

function upliftSentence(line: UpliftLine, period: Period): string {
  const source = line.reference ? ` (${line.reference})` : '';
  if (!line.applied) return `The uplift of ${line.percent}% from ${longDate(line.from)}${source} does not apply yet on this date.`;
  return `Uplift of ${line.percent}% from ${longDate(line.from)}${source}: ${formatPence(line.beforePence)} + ${formatPence(line.upliftPence)} = ${formatPence(line.afterPence)} ${PER[period]}.`;
}

function roundingSentence(unit: string, mode: string, before: number, after: number, period: Period): string {
  const how = mode === 'half-up' ? 'to the nearest' : mode === 'up' ? 'up to the' : 'down to the';
  const what = unit === 'pound' ? 'whole pound' : 'penny';
  return `Rounded ${how} ${what}: ${formatPence(before)} becomes ${formatPence(after)} ${PER[period]}.`;
}

function flagSection(result: EvaluationResult, rules: RuleLine[]): string[] {
  if (result.flags.length === 0) return [];
  const why = new Map(rules.map((r) => [r.rule, conditionWords(r.conditions)]));
  return ['', FLAGS_HEADING, ...result.flags.map((f) => `  ${f.message} (because ${why.get(f.rule)}).`)];
}

function conditionWords(c: ConditionExplanation): string {
  if ('all' in c) return c.all.map(conditionWords).join(' and ');
  if ('any' in c)
    return c.any
      .filter((x) => x.result)
      .map(conditionWords)
      .join(' or ');
  if ('not' in c) return `not (${conditionWords(c.not)})`;
  const fact = c.path ? `${c.fact} ${c.path.slice(2)}` : c.fact;
  return `${fact} is ${JSON.stringify(c.factValue)} (rule: ${c.operator} ${JSON.stringify(c.value)})`;
}

function points(n: number): string {
  return `${n} ${n === 1 ? 'point' : 'points'}`;
}

/** A band by the name the table gives it; only an unnamed band by its place (numbered from 1). */
function bandName(line: { band: number; label: string | null }): string {
  return line.label ? `"${line.label}"` : `band ${line.band}`;
}

function bandRange(from: number, to: number | null): string {
  return to === null ? `${from} points or more` : `${from} to ${to} points`;
}
