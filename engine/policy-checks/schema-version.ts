import { error, pointer, type Issue } from '../issues.js';
import type { Policy } from '../policy.js';
import { pricingTables } from './bands.js';

/** What schemaVersion 2 added, in words for the message, at the top of the document. */
const SCHEMA_VERSION_2_FEATURES: ReadonlyArray<{
  key: 'maximum' | 'lesserOfRequested' | 'contribution' | 'acceptsGivenPoints' | 'outcomes' | 'facts' | 'eligibility' | 'award';
  what: string;
}> = [
  { key: 'maximum', what: 'A maximum, with the route for going above it, is' },
  { key: 'lesserOfRequested', what: 'Paying the lesser of the amount and a requested amount is' },
  { key: 'contribution', what: "Splitting the budget by the person's contribution is" },
  { key: 'acceptsGivenPoints', what: 'Points given instead of answers are' },
  { key: 'outcomes', what: 'Outcomes without an amount are' },
  { key: 'facts', what: 'Facts stated in the assessment are' },
  { key: 'eligibility', what: 'Eligibility conditions are' },
  { key: 'award', what: 'One-off and pro-rata awards are' },
];

/**
 * What a document may say depends on its schemaVersion: a feature of a later schema version in a version-1
 * document is refused, so that a version-1 document always means what it meant when it was ratified.
 */
export function checkSchemaVersion(policy: Policy): Issue[] {
  if (policy.schemaVersion >= 2) return [];
  const needsSchemaVersion2 = (what: string, feature: string, at: string[]) =>
    error('needs_schema_version_2', pointer(...at), `${what} part of policy format 2: set schemaVersion to 2, or remove ${feature}`, {
      feature,
      schemaVersion: policy.schemaVersion,
    });
  return [
    ...SCHEMA_VERSION_2_FEATURES.filter(({ key }) => policy[key] !== undefined).map(({ key, what }) =>
      needsSchemaVersion2(what, key, [key]),
    ),
    ...pricingTables(policy)
      .filter(({ pricing }) => pricing.method === 'price-per-point' && pricing.basePence !== undefined)
      .map(({ at }) => needsSchemaVersion2('A base amount beside a price per point is', 'basePence', [...at, 'basePence'])),
    ...pricingTables(policy).flatMap(({ pricing, at }) =>
      pricing.method === 'price-per-point'
        ? []
        : pricing.bands.flatMap((b, i) =>
            b.outcome === undefined
              ? []
              : [needsSchemaVersion2('A band with an outcome instead of an amount is', 'outcome', [...at, 'bands', String(i), 'outcome'])],
          ),
    ),
  ];
}
