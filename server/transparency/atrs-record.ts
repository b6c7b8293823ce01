/**
 * The Algorithmic Transparency Recording Standard (ATRS) record of a ratified version, generated from the
 * version and its ratification record: tier 1 (name, description, purpose, how it works, contact) and
 * tier 2 (owner, the data used, human oversight, risks and mitigations, the comparison's summary). What
 * cannot be derived comes from the policy's publication section; what is still missing is listed, so the
 * council knows what to add before publishing.
 */

import { CARER_ADJUSTMENT, formatPence, paysAtMost, perPoint, type Policy } from '../../engine/index.js';
import type { PairStats } from '../../engine/cohort/compare.js';
import type { Ratification } from '../store/records.js';
import { checkpointLine } from '../audit/checkpoint.js';
import type { GroupFigures, ImpactSummary, TransparencyRecord } from '../../engine/contract/transparency-record.js';

/** Groups smaller than this are not shown in published figures, so no one can be picked out. */
export const SMALLEST_GROUP_SHOWN = 10;
const SUPPRESSED = `fewer than ${SMALLEST_GROUP_SHOWN} people`;

// The record's shape has one statement, rules/transparency-record.schema.json (types generated from it).
export type { GroupFigures, ImpactSummary, TransparencyRecord };

const HOW_TO_CHECK =
  'Every change to the record (each version, its ratification, each decision and final budget) is kept in a hash chain, and points of it are signed with the audit key. ' +
  'Keep the checkpoint line (it is also in the ratification’s minutes); `ras audit verify --checkpoints <file> --public-key <auditKey>` then reports any record that does not contain it as it was: rewritten, or cut short.';

const GENERAL_PURPOSE =
  'To give each person an indicative personal budget from their self-directed needs assessment, worked out the same way for everyone, as a starting point for support planning.';

export function transparencyRecord(
  version: { policyId: string; version: string; contentHash: string; document: Policy },
  ratification: Ratification,
  auditKey: string,
): TransparencyRecord {
  const policy = version.document;
  const publication = policy.publication ?? {};
  const missing = [
    ...(publication.purpose ? [] : ['tier1.purpose: the council’s own statement of why it uses the RAS (publication.purpose)']),
    ...(publication.contact ? [] : ['tier1.contact: whom the public can contact (publication.contact)']),
    ...(publication.risks ? [] : ['tier2.risksAndMitigations.risks: risks and their mitigations (publication.risks)']),
  ];
  return {
    standard: 'Algorithmic Transparency Recording Standard',
    generatedFrom: { policyId: version.policyId, version: version.version, contentHash: version.contentHash },
    tier1: {
      name: policy.title,
      organisation: policy.council,
      description: policy.description ?? `${policy.title}: the council's Resource Allocation System for personal budgets.`,
      purpose: publication.purpose ?? GENERAL_PURPOSE,
      howItWorks: howItWorks(policy),
      humanDecision:
        'The amount is indicative. A person’s personal budget is agreed with them in support planning, and the reason for any difference from the indicative amount is recorded.',
      contact: publication.contact ?? null,
    },
    tier2: {
      owner: {
        organisation: policy.council,
        decidedBy: ratification.body,
        decisionDate: ratification.decisionDate,
        minuteReference: ratification.minuteReference,
        effectiveFrom: ratification.effectiveFrom,
      },
      dataUsed: dataUsed(policy),
      humanOversight: humanOversight(policy),
      risksAndMitigations: {
        risks: publication.risks ?? null,
        equalityImpact: ratification.equalityImpact ?? null,
        comparisonWaiver: ratification.comparisonWaiver ?? null,
      },
      impactAssessment: impactSummary(ratification.comparison),
      recordIntegrity: {
        auditKey,
        checkpoint: ratification.checkpoint ? checkpointLine(ratification.checkpoint) : null,
        howToCheck: HOW_TO_CHECK,
      },
    },
    toBeCompletedByTheCouncil: missing,
  };
}

function howItWorks(policy: Policy): string[] {
  const questions = policy.questionnaires.reduce((n, q) => n + q.questions.length, 0);
  const pricing = policy.pricing.default;
  const toMoney =
    pricing.method === 'price-per-point'
      ? `The total becomes money at a price per point (${perPoint(pricing.pencePerPoint)} in the standard table${pricing.basePence !== undefined ? `, plus a base of ${formatPence(pricing.basePence)}` : ''}).`
      : 'The total falls in a band of a published table, which gives the amount (or, for some bands, an outcome without an amount).';
  return [
    `A person answers a questionnaire (${questions} questions in ${policy.questionnaires.length} questionnaire${policy.questionnaires.length === 1 ? '' : 's'}, chosen by age and client group); each answer scores points in one of ${policy.domains.length} areas of need${policy.domains.some((d) => (d.weight ?? 1) !== 1) ? ', some of them weighted' : ''}.`,
    toMoney,
    ...(policy.pricing.byClientGroup ? ['Some client groups have their own table.'] : []),
    ...(policy.carerAdjustment ? [CARER_ADJUSTMENT] : []),
    ...(policy.uplifts?.length ? ['Amounts rise by published inflation uplifts from their dates.'] : []),
    ...(policy.eligibility?.length
      ? [`A person must meet ${policy.eligibility.length} published eligibility condition${policy.eligibility.length === 1 ? '' : 's'}.`]
      : []),
    ...(policy.maximum ? [`The scheme ${paysAtMost(policy.maximum)}; above it: ${policy.maximum.route.label}.`] : []),
    ...(policy.rules?.length
      ? [
          `${policy.rules.length} published rule${policy.rules.length === 1 ? '' : 's'} flag cases for a person to look at; they never change the amount.`,
        ]
      : []),
    'The same answers under the same version always give the same amount; every step is shown in the explanation the person receives.',
  ];
}

function dataUsed(policy: Policy): string[] {
  return [
    policy.acceptsGivenPoints?.length
      ? 'Answers to the self-directed needs assessment questionnaire, or the points scored from it in the case-management system'
      : 'Answers to the self-directed needs assessment questionnaire',
    'Client group',
    'Age, or date of birth',
    ...(policy.carerAdjustment
      ? ['The unpaid carer’s situation: willing and able to continue, how much support they give, its impact on them']
      : []),
    ...(policy.facts ?? []).map((f) => f.label),
    ...(policy.lesserOfRequested ? [policy.lesserOfRequested.label] : []),
    ...(policy.contribution ? [policy.contribution.label] : []),
    ...(policy.award?.kind === 'yearly' ? ['The date the award starts'] : []),
    'The date of the assessment (for the uplifts in force)',
  ];
}

function humanOversight(policy: Policy): string[] {
  return [
    'The amount is indicative: the final budget is agreed in support planning, and the reason for any difference is recorded.',
    ...(policy.maximum ? [`Above the maximum: ${policy.maximum.route.label}. ${policy.maximum.route.words}`] : []),
    ...(policy.rules ?? []).map((r) => r.event.params.message),
    'Each version is ratified by a named body on a date before it is used, and every decision can be replayed against the version it used.',
  ];
}

/** The ratification's comparison, aggregates only: groups under SMALLEST_GROUP_SHOWN people are not shown. */
export function impactSummary(comparison: Ratification['comparison']): ImpactSummary | null {
  if (!comparison) return null;
  const c = comparison as unknown as {
    against: string;
    people: number;
    overall: PairStats;
    byClientGroup: Record<string, PairStats>;
    byAgeBand: Record<string, PairStats>;
  };
  const figures = (s: PairStats): GroupFigures => ({
    people: s.people,
    betterOff: s.gainers,
    worseOff: s.losers,
    unchanged: s.unchanged,
    totalChangePence: s.totalChangePence,
  });
  const shown = (groups: Record<string, PairStats>) =>
    Object.fromEntries(Object.entries(groups).map(([g, s]) => [g, s.people < SMALLEST_GROUP_SHOWN ? SUPPRESSED : figures(s)]));
  return {
    comparedWith: c.against,
    cohortPeople: c.people,
    overall: figures(c.overall),
    byClientGroup: shown(c.byClientGroup),
    byAgeBand: shown(c.byAgeBand),
  };
}
