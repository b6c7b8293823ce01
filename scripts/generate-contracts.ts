/**
 * The JSON Schemas in rules/ are the one hand-written statement of the policy, the assessment, the
 * result, the cohort and the published transparency record. This writes their TypeScript types to engine/contract/, which the engine,
 * the server and the console import; the OpenAPI document embeds the same schemas.
 *
 * The API's own answers (an audit entry, a version listed, the integrity report...) are stated once, as
 * the OpenAPI document's component schemas, which the API contract tests hold to the server's real
 * answers. The console's types for them are generated from those to admin/src/contract/, so the console
 * never restates a server shape by hand (it may not import server code).
 *
 *   npm run contracts          writes engine/contract/*.ts and admin/src/contract/api-answers.ts
 *   npm run contracts -- --check   exits 1, naming the files, when any is out of date (the unit tests do the same)
 */

import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile, compileFromFile } from 'json-schema-to-typescript';
import { components } from '../server/openapi/components.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Each schema in rules/, and the name its root type takes in TypeScript. */
export const CONTRACTS = [
  { schema: 'policy.schema.json', module: 'policy.ts', rootType: 'Policy' },
  { schema: 'assessment.schema.json', module: 'assessment.ts', rootType: 'Assessment' },
  { schema: 'result.schema.json', module: 'result.ts', rootType: 'EvaluationResult' },
  { schema: 'cohort.schema.json', module: 'cohort.ts', rootType: 'Cohort' },
  { schema: 'transparency-record.schema.json', module: 'transparency-record.ts', rootType: 'TransparencyRecord' },
] as const;

export async function generatedContract(contract: (typeof CONTRACTS)[number]): Promise<string> {
  return compileFromFile(`${root}rules/${contract.schema}`, {
    cwd: `${root}rules`,
    bannerComment: `/* Generated from rules/${contract.schema} by scripts/generate-contracts.ts (npm run contracts). Do not edit: change the schema. */`,
    additionalProperties: false,
    // Lengths are the schema's to check at run time; as tuple types they would only make the types unreadable.
    ignoreMinAndMaxItems: true,
    unreachableDefinitions: true,
    // The root schema is the only one with $schema; every other type is named by its title or its $defs key.
    customName: (schema) => (schema.$schema ? contract.rootType : undefined),
  });
}

const modulePath = (contract: (typeof CONTRACTS)[number]) => `${root}engine/contract/${contract.module}`;

/** The API answers the console reads, by their names among the OpenAPI components. */
export const API_ANSWERS = [
  'ApprovedChange',
  'AuditEntry',
  'IntegrityReport',
  'PolicyListItem',
  'VersionSummary',
  'UserWithHistory',
  'NewUser',
  'Me',
] as const;
export const API_ANSWERS_MODULE = 'admin/src/contract/api-answers.ts';

/**
 * Components that restate, as JSON Schema for the document, a shape the engine declares and the server
 * sends as the engine made it (a comparison's figures, a policy change): in the console's types they are
 * the engine's own, imported, as the console's comparison page already takes them.
 */
const ENGINE_SHAPES: Record<string, readonly string[]> = {
  'engine/cohort/compare': ['PairStats', 'PairComparison', 'PersonChange', 'VersionOutcome', 'CurrentCostComparison'],
  'engine/cohort/statistics': ['Summary', 'Histogram'],
  'engine/cohort/calibrate': ['TablePrice'],
  'engine/diff': ['PolicyChange'],
};

export async function generatedApiAnswers(): Promise<string> {
  const fromEngine = Object.values(ENGINE_SHAPES).flat();
  const schemas = Object.fromEntries(
    Object.entries(components.schemas).map(([name, schema]) => [name, fromEngine.includes(name) ? { tsType: name } : schema]),
  );
  // A root whose properties name each answer: the generator declares a type for each, and for every
  // component they refer to, resolving the references inside the components themselves.
  const document = {
    title: 'ApiAnswers',
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(API_ANSWERS.map((name) => [name, { $ref: `#/components/schemas/${name}` }])),
    components: { schemas },
  };
  const types = await compile(document as Parameters<typeof compile>[0], 'ApiAnswers', {
    bannerComment: '',
    additionalProperties: false,
    ignoreMinAndMaxItems: true,
  });
  const imports = Object.entries(ENGINE_SHAPES).flatMap(([module, names]) => {
    const used = names.filter((name) => new RegExp(`\\b${name}\\b`).test(types));
    return used.length > 0 ? [`import type { ${used.join(', ')} } from '../../../${module}';`] : [];
  });
  return [
    '/* Generated from the OpenAPI components (server/openapi/components.ts) by scripts/generate-contracts.ts (npm run contracts). Do not edit: change the components. */',
    ...imports,
    '',
    types,
  ].join('\n');
}

async function main(check: boolean): Promise<number> {
  const stale: string[] = [];
  for (const contract of CONTRACTS) {
    const text = await generatedContract(contract);
    const current = await readFile(modulePath(contract), 'utf8').catch(() => null);
    if (current === text) continue;
    if (check) stale.push(`engine/contract/${contract.module}`);
    else await writeFile(modulePath(contract), text);
  }
  const answers = await generatedApiAnswers();
  if ((await readFile(`${root}${API_ANSWERS_MODULE}`, 'utf8').catch(() => null)) !== answers) {
    if (check) stale.push(API_ANSWERS_MODULE);
    else await writeFile(`${root}${API_ANSWERS_MODULE}`, answers);
  }
  if (stale.length > 0) {
    process.stderr.write(`Out of date with their schemas (run npm run contracts): ${stale.join(', ')}\n`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.includes('--check'));
}
