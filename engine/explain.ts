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
  RoundingLine,
  RuleLine,
  UpliftLine,
} from './explanation.js';
import { longDate } from './dates.js';
import type { LineOf, Step } from './pipeline.js';
import type { Period } from './policy.js';
import { amountPer, formatPence, perPoint } from './words/money.js';
import { NO_CARER_ADJUSTMENT, paysAtMost, roundingWords } from './words/policy.js';

/**
 * Renders a result as the paragraphs of a letter.
 * @example
 *   console.log(explain(evaluate(policy, assessment)));
 */
export function explain(result: EvaluationResult): string {
  const lines = result.explanation;
  const of = <S extends Step>(step: S) => lines.filter((l): l is LineOf<S> => l.step === step);
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
    ...moneySection(lines, of),
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

type LinesOf = <S extends Step>(step: S) => Array<LineOf<S>>;

function eligibilitySection(lines: EligibilityLine[]): string[] {
  if (lines.length === 0) return [];
  return [
    '',
    'Who this scheme is for',
    ...lines.map((l) => (l.met ? `  ${l.label}: met.` : `  ${l.label}: not met. ${l.reason}`)),
    ...(lines.every((l) => l.met) ? [] : ['  So you are not eligible for this scheme, and no amount is worked out.']),
  ];
}

function moneySection(lines: readonly ExplanationLine[], of: LinesOf): string[] {
  const table = of('allocation-table')[0];
  const pricing = of('pricing')[0];
  if (!table || !pricing) return [];
  const intro = [
    '',
    'From points to money',
    `  ${table.table === 'default' ? 'The standard allocation table is used.' : `The allocation table for ${of('person')[0]!.clientGroupLabel} is used.`}`,
  ];
  if ('outcome' in pricing) return [...intro, `  ${outcomeBandSentence(pricing)}`, '', pricing.outcome.label, `  ${pricing.outcome.words}`];
  const periods = of('periods')[0]!;
  const award = of('award')[0];
  return [
    ...intro,
    // Each money step in the explanation's order, which is the pipeline's (pipeline.ts).
    ...lines.flatMap((line) => {
      const sentence = moneySentence(line, table.period);
      return sentence === null ? [] : [`  ${sentence}`];
    }),
    '',
    'Your indicative personal budget',
    award?.kind === 'one-off'
      ? `  ${formatPence(award.pence)}, paid as one payment.${award.words ? ` ${award.words}` : ''}`
      : `  ${amountPer(periods.weeklyPence, 'week')}; ${amountPer(periods.monthlyPence, 'month')}; ${amountPer(periods.annualPence, 'year')} (a year counted as ${periods.weeksPerYear} weeks or 12 months).`,
    ...(award?.kind === 'yearly' ? [`  ${awardSentence(award)}`] : []),
  ];
}

/** A money step's sentence, in the table's period; null for a line said elsewhere. */
function moneySentence(line: ExplanationLine, period: Period): string | null {
  switch (line.step) {
    case 'pricing':
      return 'outcome' in line ? null : pricingSentence(line);
    case 'carer-adjustment':
      return carerSentence(line, period);
    case 'uplift':
      return upliftSentence(line, period);
    case 'rounding':
      return roundingSentence(line, period);
    case 'maximum':
      return maximumSentence(line);
    case 'requested':
      return requestedSentence(line);
    case 'contribution':
      return contributionSentence(line);
    default:
      return null;
  }
}

function maximumSentence(line: MaximumLine): string {
  const most = `This scheme ${paysAtMost({ pence: line.maximumPence, period: line.period })}`;
  return line.applied
    ? `${most}, so the amount is limited to it: ${formatPence(line.beforePence)} − ${formatPence(line.limitedByPence)} = ${formatPence(line.afterPence)}. To ask for more: ${line.route.label}. ${line.route.words}`
    : `${most}; this amount is within it. Above it: ${line.route.label}.`;
}

function requestedSentence(line: RequestedLine): string {
  return line.applied
    ? `${line.label}: ${amountPer(line.requestedPence, line.period)}, less than ${formatPence(line.beforePence)}, so ${formatPence(line.afterPence)} is paid.`
    : `${line.label}: ${amountPer(line.requestedPence, line.period)}, no less than ${formatPence(line.beforePence)}, which is paid.`;
}

function contributionSentence(line: ContributionLine): string {
  return `${line.label}: ${amountPer(line.personPence, line.period)} of the ${formatPence(line.budgetPence)} is yours to pay; the council pays ${formatPence(line.councilPence)}.`;
}

function pricingSentence(line: PricingLine): string {
  switch (line.method) {
    case 'price-per-point':
      return line.basePence === undefined
        ? `${points(line.points)} × ${perPoint(line.pencePerPoint)} = ${amountPer(line.pence, line.period)}.`
        : `A base of ${formatPence(line.basePence)}, plus ${points(line.points)} × ${perPoint(line.pencePerPoint)} (${formatPence(line.pointsPence!)}) = ${amountPer(line.pence, line.period)}.`;
    case 'bands':
      return `${points(line.wholePoints)} falls in ${bandName(line)} (${bandRange(line.from, line.to)}), which gives ${amountPer(line.pence, line.period)}.`;
    case 'hour-bands':
      return `${points(line.wholePoints)} falls in ${bandName(line)} (${bandRange(line.from, line.to)}): ${line.hours} hours × ${formatPence(line.hourlyRatePence)} an hour = ${amountPer(line.pence, line.period)}.`;
  }
}

const CARER_REASONS: Record<Exclude<CarerLine['reason'], 'applied'>, string> = {
  'no-carer-table': NO_CARER_ADJUSTMENT,
  'no-carer': 'No reduction for informal support: no carer was recorded.',
  'not-willing': 'No reduction for informal support: your carer is not willing to carry on.',
  'not-able': 'No reduction for informal support: your carer is not able to carry on.',
  'not-willing-or-able': 'No reduction for informal support: your carer is neither willing nor able to carry on.',
  'no-amount': 'There is no amount to reduce for support from family or friends.',
};

function carerSentence(line: CarerLine, period: Period): string {
  if (line.reason !== 'applied') return CARER_REASONS[line.reason];
  return `Your carer is willing and able to carry on (support: ${line.supportLevelLabel}; impact on them: ${line.impactLabel}), so the amount is reduced by ${line.percent}%: ${formatPence(line.beforePence)} − ${formatPence(line.reductionPence)} = ${amountPer(line.afterPence, period)}.`;
}

function upliftSentence(line: UpliftLine, period: Period): string {
  const source = line.reference ? ` (${line.reference})` : '';
  if (!line.applied) return `The uplift of ${line.percent}% from ${longDate(line.from)}${source} does not apply yet on this date.`;
  return `Uplift of ${line.percent}% from ${longDate(line.from)}${source}: ${formatPence(line.beforePence)} + ${formatPence(line.upliftPence)} = ${amountPer(line.afterPence, period)}.`;
}

function roundingSentence(line: RoundingLine, period: Period): string {
  return `Rounded ${roundingWords(line)}: ${formatPence(line.beforePence)} becomes ${amountPer(line.afterPence, period)}.`;
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
