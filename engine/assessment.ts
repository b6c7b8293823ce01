/** A self-directed needs assessment, as the case system sends it (rules/assessment.schema.json). */

import type { IsoDate, Period, Slug } from './policy.js';

export interface CarerSituation {
  willingToContinue: boolean;
  ableToContinue: boolean;
  supportLevel: Slug;
  impact: Slug;
}

export interface Assessment {
  $schema?: string;
  reference?: string;
  assessmentDate: IsoDate;
  age?: number;
  dateOfBirth?: IsoDate;
  clientGroup: Slug;
  questionnaire?: Slug;
  /** Question id to answer id. Absent when points are given instead. */
  answers?: Record<Slug, Slug>;
  /** Points scored elsewhere, for a policy that accepts them: the total, or raw points per domain. */
  points?: { total: number } | { byDomain: Record<Slug, number> };
  carer?: CarerSituation;
  /** The amount requested or costed, for a policy that pays the lesser (lesserOfRequested). */
  requested?: { pence: number; period: Period };
  /** The person's assessed contribution, for a policy that splits the budget by it (contribution). */
  contribution?: { pence: number; period: Period };
  /** Facts the policy declares, stated by the case system (policy format 2). */
  facts?: Record<Slug, boolean | number | string>;
  /** When a yearly award starts, for pro rata (policy format 2). */
  startDate?: IsoDate;
}
