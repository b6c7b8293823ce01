import type { UpliftLine } from './explanation.js';
import { multiplyDivide, scaled } from './money.js';
import type { IsoDate, RoundingMode, Uplift } from './policy.js';

/** An uplift with its percentage in basis points, prepared once with the policy. */
export interface CompiledUplift {
  readonly uplift: Uplift;
  readonly basisPoints: number;
}

/** Each uplift with its percentage in basis points (at most two decimals), so it applies exactly. */
export function compileUplifts(uplifts: readonly Uplift[]): CompiledUplift[] {
  return uplifts.map((uplift) => ({ uplift, basisPoints: scaled(uplift.percent, 2) }));
}

/**
 * Applies every uplift in force on the date, oldest first, each on the amount the previous one left,
 * so they compound. Uplifts not yet in force are listed too, so a reader sees what is coming.
 */
export function applyUplifts(uplifts: readonly CompiledUplift[], asOf: IsoDate, startPence: number, mode: RoundingMode): UpliftLine[] {
  let pence = startPence;
  return uplifts.map(({ uplift, basisPoints }) => {
    const applied = uplift.from <= asOf;
    const upliftPence = applied ? multiplyDivide(pence, basisPoints, 10_000, mode) : 0;
    const line: UpliftLine = {
      step: 'uplift',
      from: uplift.from,
      percent: uplift.percent,
      applied,
      reference: uplift.reference?.title ?? null,
      beforePence: pence,
      upliftPence,
      afterPence: pence + upliftPence,
    };
    pence = line.afterPence;
    return line;
  });
}
