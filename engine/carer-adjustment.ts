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
  const situation = {
    supportLevel: carer?.supportLevel ?? null,
    supportLevelLabel: table?.supportLevels.find((l) => l.id === carer?.supportLevel)?.label ?? null,
    impact: carer?.impact ?? null,
    impactLabel: table?.impacts.find((i) => i.id === carer?.impact)?.label ?? null,
  };
  if (reason !== 'applied') {
    return {
      step: 'carer-adjustment',
      applied: false,
      reason,
      ...situation,
      percent: 0,
      beforePence,
      reductionPence: 0,
      afterPence: beforePence,
    };
  }
  const percent = table!.reductions[carer!.supportLevel]![carer!.impact]!;
  const reductionPence = multiplyDivide(beforePence, scaled(percent, 2), 10_000, mode);
  return {
    step: 'carer-adjustment',
    applied: true,
    reason,
    ...situation,
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
