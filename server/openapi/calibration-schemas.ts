/** Response shapes for calibrating a version's prices to a budget. */

import { arrayOf, count, hash, isoDate, nullable, pence, record, ref, signedPence, string, type Schema } from '../domain/json-schema.js';

export const tablePrice = record({
  table: string,
  method: { enum: ['price-per-point', 'bands', 'hour-bands'] },
  before: { type: 'number' },
  after: { type: 'number' },
  unit: { enum: ['pence a point', 'pence a band (top band shown)', 'pence an hour'] },
});

export const calibrationProperties: Record<string, Schema> = {
  budgetPence: pence,
  contingencyPercent: { type: 'number', minimum: 0, maximum: 100 },
  targetPence: { ...pence, description: 'The budget less the contingency, rounded down to the penny.' },
  people: count,
  excluded: count,
  current: record({ totalPence: pence, againstBudgetPence: signedPence, againstTargetPence: signedPence }),
  factor: { type: 'number', minimum: 0, description: 'What every price was multiplied by.' },
  prices: arrayOf(ref('TablePrice')),
  calibratedTotalPence: pence,
  gapPence: {
    ...signedPence,
    description:
      'The target less the calibrated total: what is left unspent, at most the smallest step the prices allow when the target is reached. Negative when even the lowest prices cost more than the target; large when even the highest cost less.',
  },
  reached: {
    enum: ['target', 'lowest-prices', 'highest-prices'],
    description: 'Whether prices within the policy format’s limits reach the target, or which limit stopped them.',
  },
  sensitivity: arrayOf(
    record({ percent: { type: 'number' }, factor: { type: 'number' }, totalPence: pence, againstBudgetPence: signedPence }),
  ),
  currentCost: nullable(ref('CurrentCostComparison')),
  cohortId: string,
  asOf: isoDate,
  source: record({ version: string, contentHash: hash }),
};
