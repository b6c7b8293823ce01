import type { TableLine } from './explanation.js';
import type { AllocationTables, Pricing } from './policy.js';

/** A council may publish a separate allocation table for a client group; everyone else uses the default. */
export function chooseTable(tables: AllocationTables, clientGroup: string): { pricing: Pricing; line: TableLine } {
  const own = tables.byClientGroup?.[clientGroup];
  const pricing = own ?? tables.default;
  return {
    pricing,
    line: {
      step: 'allocation-table',
      clientGroup,
      table: own ? 'client-group' : 'default',
      method: pricing.method,
      period: pricing.period,
    },
  };
}
