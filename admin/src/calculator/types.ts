/** The parts of a policy document and an evaluation result the console reads (mirrors engine/policy.ts and engine/explanation.ts). */

export type Period = 'week' | 'month' | 'year';
export interface Labelled {
  id: string;
  label: string;
  description?: string;
}
export interface Answer {
  id: string;
  text: string;
  points: number;
  notApplicable?: boolean;
}
export interface Question {
  id: string;
  domain: string;
  text: string;
  help?: string;
  required?: boolean;
  answers: Answer[];
}
export interface Questionnaire {
  id: string;
  label: string;
  appliesTo?: { minAge?: number; maxAge?: number; clientGroups?: string[] };
  questions: Question[];
}
export type Pricing =
  | {
      method: 'price-per-point';
      period: Period;
      pencePerPoint: number;
      /** A fixed amount for the period beside the points (policy format 2). */
      basePence?: number;
      reference?: { title: string; url?: string };
    }
  | {
      method: 'bands';
      period: Period;
      bands: Array<{ label?: string; from: number; to?: number; pence: number }>;
      reference?: { title: string; url?: string };
    }
  | {
      method: 'hour-bands';
      period: Period;
      hourlyRatePence: number;
      bands: Array<{ label?: string; from: number; to?: number; hours: number }>;
      reference?: { title: string; url?: string };
    };
export interface PolicyDocument {
  id: string;
  version: string;
  title: string;
  council: string;
  description?: string;
  source?: { title: string; url?: string };
  clientGroups: Labelled[];
  domains: Array<Labelled & { weight?: number }>;
  questionnaires: Questionnaire[];
  pricing: { default: Pricing; byClientGroup?: Record<string, Pricing> };
  carerAdjustment?: {
    supportLevels: Labelled[];
    impacts: Labelled[];
    reductions: Record<string, Record<string, number>>;
    reference?: { title: string; url?: string };
  };
  uplifts?: Array<{ from: string; percent: number; reference?: { title: string; url?: string } }>;
  rounding: { unit: 'penny' | 'pound'; mode: 'up' | 'down' | 'half-up' };
  /** The most the scheme pays, and the route above it (policy format 2). */
  maximum?: { pence: number; period: Period; route: { id: string; label: string; words: string } };
  /** Pays the lesser of its amount and the amount requested in the assessment (policy format 2). */
  lesserOfRequested?: { label: string };
  /** Splits the budget by the person's assessed contribution (policy format 2). */
  contribution?: { label: string };
  weeksPerYear: number;
  rules?: Array<{ name: string; event: { type: string; params: { message: string; severity?: string } } }>;
}

import type { ExplanationLine } from '../../../engine/explanation';

export type { ExplanationLine };
export interface EvaluationResult {
  provenance: { policyId: string; version: string; contentHash: string; engineVersion: string };
  asOf: string;
  person: { reference: string | null; age: number; clientGroup: string; questionnaire: string };
  points: { total: number; wholePoints: number; byDomain: Array<{ domain: string; raw: number; weighted: number }> };
  allocation: { period: Period; pence: number };
  weeklyPence: number;
  monthlyPence: number;
  annualPence: number;
  carerAdjustment: { applied: boolean; reason: string; percent: number; reductionPence: number };
  flags: Array<{ code: string; message: string; severity: 'info' | 'review' | 'action'; rule: string }>;
  explanation: ExplanationLine[];
}

/** The questionnaire whose appliesTo fits the age and client group (the engine's rule, step 2). */
export function questionnaireFor(doc: PolicyDocument, age: number | null, clientGroup: string): Questionnaire | null {
  if (age === null) return null;
  return (
    doc.questionnaires.find((q) => {
      const a = q.appliesTo ?? {};
      return (
        (a.minAge === undefined || age >= a.minAge) &&
        (a.maxAge === undefined || age <= a.maxAge) &&
        (!a.clientGroups || a.clientGroups.includes(clientGroup))
      );
    }) ?? null
  );
}

/** Whole years from a date of birth to a date, as the engine counts them. */
export function ageOn(dateOfBirth: string, on: string): number | null {
  const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(on);
  if (!b || !d) return null;
  let years = Number(d[1]) - Number(b[1]);
  if (Number(d[2]) < Number(b[2]) || (Number(d[2]) === Number(b[2]) && Number(d[3]) < Number(b[3]))) years--;
  return years >= 0 ? years : null;
}

export const appliesToWords = (q: Questionnaire, groups: Labelled[]): string => {
  const a = q.appliesTo ?? {};
  const ages =
    a.minAge !== undefined && a.maxAge !== undefined
      ? `aged ${a.minAge} to ${a.maxAge}`
      : a.minAge !== undefined
        ? `aged ${a.minAge} or over`
        : a.maxAge !== undefined
          ? `aged ${a.maxAge} or under`
          : 'of any age';
  const who = a.clientGroups?.length ? a.clientGroups.map((g) => groups.find((x) => x.id === g)?.label ?? g).join(', ') : 'everyone';
  return `For ${who === 'everyone' ? 'people' : who} ${ages}`;
};
