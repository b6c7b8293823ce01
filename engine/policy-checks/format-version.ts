import { error, pointer, type Issue } from '../issues.js';
import type { Policy } from '../policy.js';
import { pricingTables } from './bands.js';

/**
 * What a document may say depends on its schemaVersion: a feature of a later format in a version-1
 * document is refused, so that a version-1 document always means what it meant when it was ratified.
 */
export function checkFormatVersion(policy: Policy): Issue[] {
  if (policy.schemaVersion >= 2) return [];
  const maximum = policy.maximum
    ? [
        error(
          'needs_schema_version_2',
          pointer('maximum'),
          'A maximum, with the route for going above it, is part of policy format 2: set schemaVersion to 2, or remove maximum',
          { feature: 'maximum', schemaVersion: policy.schemaVersion },
        ),
      ]
    : [];
  if (policy.lesserOfRequested)
    maximum.push(
      error(
        'needs_schema_version_2',
        pointer('lesserOfRequested'),
        'Paying the lesser of the amount and a requested amount is part of policy format 2: set schemaVersion to 2, or remove lesserOfRequested',
        { feature: 'lesserOfRequested', schemaVersion: policy.schemaVersion },
      ),
    );
  if (policy.contribution)
    maximum.push(
      error(
        'needs_schema_version_2',
        pointer('contribution'),
        "Splitting the budget by the person's contribution is part of policy format 2: set schemaVersion to 2, or remove contribution",
        { feature: 'contribution', schemaVersion: policy.schemaVersion },
      ),
    );
  if (policy.acceptsGivenPoints)
    maximum.push(
      error(
        'needs_schema_version_2',
        pointer('acceptsGivenPoints'),
        'Points given instead of answers are part of policy format 2: set schemaVersion to 2, or remove acceptsGivenPoints',
        { feature: 'acceptsGivenPoints', schemaVersion: policy.schemaVersion },
      ),
    );
  const bases = pricingTables(policy).flatMap(({ pricing, at }) =>
    pricing.method === 'price-per-point' && pricing.basePence !== undefined
      ? [
          error(
            'needs_schema_version_2',
            pointer(...at, 'basePence'),
            'A base amount beside a price per point is part of policy format 2: set schemaVersion to 2, or remove basePence',
            { feature: 'basePence', schemaVersion: policy.schemaVersion },
          ),
        ]
      : [],
  );
  return [...maximum, ...bases];
}
