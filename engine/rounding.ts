import type { RoundingLine } from './explanation.js';
import { divideRounding } from './money.js';
import type { Period, Rounding } from './policy.js';

/** The last money step: the amount, in the table's period, to the policy's unit and mode. */
export function roundAllocation(beforePence: number, rounding: Rounding, period: Period): RoundingLine {
  const afterPence = rounding.unit === 'pound' ? divideRounding(beforePence, 100, rounding.mode) * 100 : beforePence;
  return { step: 'rounding', unit: rounding.unit, mode: rounding.mode, period, beforePence, afterPence };
}
