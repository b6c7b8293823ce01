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
import { REQUEST_BODIES, REQUEST_PARTS } from '../server/http/request-schemas.js';
import { RECORD_SCHEMAS } from '../server/domain/record-schemas.js';

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
  'AuditAction',
  'CohortRecord',
  'ComparisonJob',
  'VersionWithLinks',
  'AuditEntry',
  'IntegrityReport',
  'SignedCheckpoint',
  'PolicyListItem',
  'VersionSummary',
  'UserWithHistory',
  'NewUser',
  'Me',
  'LoginResponse',
  'SetupStatus',
  'NewApiKey',
  'WorkedExamples',
  'ExamplesReport',
  'Decision',
  'PublishedPolicy',
  'PublishedVersion',
  'Problem',
  'ProblemError',
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
  const types = await typesOf('ApiAnswers', API_ANSWERS, components.schemas, ENGINE_CONTRACT);
  return [
    '/* Generated from the OpenAPI components (server/openapi/components.ts) by scripts/generate-contracts.ts (npm run contracts). Do not edit: change the components. */',
    ...engineImports(types, '../../../'),
    ...importsOf(types, '../../../'),
    '',
    types,
  ].join('\n');
}

/** The stored records' types, from their schemas (server/domain/record-schemas.ts). */
export const RECORDS_MODULE = 'server/contract/records.ts';
/** The engine's own types, which the records hold as the engine made them. */
const ENGINE_CONTRACT: Record<string, string> = {
  Policy: 'Policy',
  Assessment: 'Assessment',
  Cohort: 'Cohort',
  EvaluationResult: 'EvaluationResult',
  WorkedExample: 'WorkedExample',
};

export async function generatedRecords(): Promise<string> {
  // The report of a full check of the record: the store's, stated with the API's answers.
  const names = [...Object.keys(RECORD_SCHEMAS), 'IntegrityReport'];
  const schemas = { ...components.schemas, ...RECORD_SCHEMAS };
  const types = await typesOf('Records', names, schemas, ENGINE_CONTRACT);
  return [
    '/* Generated from server/domain/record-schemas.ts by scripts/generate-contracts.ts (npm run contracts). Do not edit: change the schemas. */',
    ...engineImports(types, '../../'),
    ...importsOf(types, '../../'),
    '',
    types,
  ].join('\n');
}

/** The request bodies' types, from their schemas (server/http/request-schemas.ts). */
export const REQUEST_BODIES_MODULE = 'server/contract/request-bodies.ts';

export async function generatedRequestBodies(): Promise<string> {
  const types = await typesOf('RequestBodies', Object.keys(REQUEST_BODIES), { ...REQUEST_BODIES, ...REQUEST_PARTS }, ENGINE_CONTRACT);
  return [
    '/* Generated from server/http/request-schemas.ts by scripts/generate-contracts.ts (npm run contracts). Do not edit: change the schemas. */',
    ...engineImports(types, '../../'),
    '',
    types,
  ].join('\n');
}

/**
 * TypeScript for the named schemas among `schemas` (which refer to each other as OpenAPI components):
 * a root whose properties name each, so the generator declares a type for each and for every schema
 * they refer to. Shapes the engine declares are the engine's own types, imported, not restated.
 */
async function typesOf(
  root: string,
  names: readonly string[],
  schemas: Record<string, unknown>,
  engineTypes: Record<string, string>,
): Promise<string> {
  const fromEngine = [...Object.values(ENGINE_SHAPES).flat(), ...Object.keys(engineTypes)];
  const document = {
    title: root,
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(names.map((name) => [name, { $ref: `#/components/schemas/${name}` }])),
    required: [...names],
    components: {
      // Each named by its component's name, so that an enum or a union is a named type too.
      schemas: Object.fromEntries(
        Object.entries({ ...schemas, ...engineTypes }).map(([name, schema]) => [
          name,
          fromEngine.includes(name) ? { tsType: name } : { title: name, ...(withoutRefDescriptions(schema) as object) },
        ]),
      ),
    },
  };
  const types = await compile(document as Parameters<typeof compile>[0], root, {
    bannerComment: '',
    additionalProperties: false,
    ignoreMinAndMaxItems: true,
  });
  return types;
}

/** A reference described where it is used is still the type it refers to, not a copy of it (AuditAnchor1). */
function withoutRefDescriptions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutRefDescriptions);
  if (node === null || typeof node !== 'object') return node;
  if ('$ref' in node && Object.keys(node).every((key) => key === '$ref' || key === 'description')) return { $ref: node.$ref };
  return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, withoutRefDescriptions(child)]));
}

function engineImports(types: string, toRoot: string): string[] {
  const used = Object.keys(ENGINE_CONTRACT).filter((name) => new RegExp(`\\b${name}\\b`).test(types));
  return used.length > 0 ? [`import type { ${used.join(', ')} } from '${toRoot}engine/index.js';`] : [];
}

function importsOf(types: string, toRoot: string): string[] {
  return Object.entries(ENGINE_SHAPES).flatMap(([module, names]) => {
    const used = names.filter((name) => new RegExp(`\\b${name}\\b`).test(types));
    return used.length > 0 ? [`import type { ${used.join(', ')} } from '${toRoot}${module}.js';`] : [];
  });
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
  for (const [module, text] of [
    [API_ANSWERS_MODULE, await generatedApiAnswers()],
    [RECORDS_MODULE, await generatedRecords()],
    [REQUEST_BODIES_MODULE, await generatedRequestBodies()],
  ] as const) {
    if ((await readFile(`${root}${module}`, 'utf8').catch(() => null)) === text) continue;
    if (check) stale.push(module);
    else await writeFile(`${root}${module}`, text);
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
