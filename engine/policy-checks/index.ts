import type { Issue } from '../issues.js';
import type { Policy } from '../policy.js';
import { checkAward } from './award.js';
import { checkBands } from './bands.js';
import { checkSchemaVersion } from './schema-version.js';
import { checkUniqueIds } from './ids.js';
import { checkMaximum } from './maximum.js';
import { checkNumbers } from './numbers.js';
import { checkQuestionnaires } from './questionnaires.js';
import { checkReferences } from './references.js';
import { checkRules } from './rules.js';
import { checkUplifts } from './uplifts.js';

/** The semantic checks, in the order their findings are reported. Each assumes a schema-valid policy. */
const CHECKS: Array<(policy: Policy) => Issue[]> = [
  checkSchemaVersion,
  checkUniqueIds,
  checkReferences,
  checkNumbers,
  checkQuestionnaires,
  checkBands,
  checkUplifts,
  checkMaximum,
  checkRules,
  checkAward,
];

export function semanticIssues(policy: Policy): Issue[] {
  return CHECKS.flatMap((check) => check(policy));
}
