/**
 * A self-directed needs assessment, as the case system sends it. Its shape has one statement,
 * rules/assessment.schema.json; the types are generated from it (engine/contract/assessment.ts).
 */

export type { Assessment, CarerSituation } from './contract/assessment.js';
