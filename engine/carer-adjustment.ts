import type { CarerSituation } from './assessment.js';
import type { CarerLine, CarerReason } from './explanation.js';
import { multiplyDivide, scaled } from './money.js';
import type { CarerAdjustment, RoundingMode } from './policy.js';

/**
 * Reduces the amount for informal support, by how much the carer does and what it costs them, but only
 * when the carer has said they are both willing and able to carry on. Otherwise there is no reduction.
 */
export function adjustForCarer(
  table: CarerAdjustment | undefined,
  carer: CarerSituation | undefined,
  beforePence: number,
  mode: RoundingMode,
): CarerLine {
  const reason = reasonFor(table, carer);
  const applied = reason === 'applied';
  const percent = applied ? table!.reductions[carer!.supportLevel]![carer!.impact]! : 0;
  const reductionPence = applied ? multiplyDivide(beforePence, scaled(percent, 2), 10_000, mode) : 0;
  // One literal, not a spread of the situation into two: this line is made for every money step.
  return {
    step: 'carer-adjustment',
    applied,
    reason,
    supportLevel: carer?.supportLevel ?? null,
    supportLevelLabel: table?.supportLevels.find((l) => l.id === carer?.supportLevel)?.label ?? null,
    impact: carer?.impact ?? null,
    impactLabel: table?.impacts.find((i) => i.id === carer?.impact)?.label ?? null,
    percent,
    beforePence,
    reductionPence,
    afterPence: beforePence - reductionPence,
  };
}

function reasonFor(table: CarerAdjustment | undefined, carer: CarerSituation | undefined): CarerReason {
  if (!table) return 'no-carer-table';
  if (!carer) return 'no-carer';
  if (!carer.willingToContinue && !carer.ableToContinue) return 'not-willing-or-able';
  if (!carer.willingToContinue) return 'not-willing';
  if (!carer.ableToContinue) return 'not-able';
  return 'applied';
}
