/**
 * The engine's schemas in rules/ as components of the API document, in the form OpenAPI tools read.
 *
 * The schemas are written for ajv, which checks them, and json-schema-to-typescript, which types the
 * engine: each keeps its definitions under its own `$defs`, states a condition's kind with if/then/else
 * (so a wrong condition is reported against the kind it names, not against all four), and says how such
 * shapes read as TypeScript with `tsType`. Generators of API clients read none of that well: nested
 * `$defs` become a required property of every policy, if/then/else types as an empty object, and
 * `tsType` is not OpenAPI at all. So here, and only here, the same schemas are restated without changing
 * what they accept (held by test/api/openapi-engine-components.test.ts):
 *   - every definition is its own component, named as the engine's TypeScript names it (its title, or
 *     its key in PascalCase), and every reference points at it;
 *   - an if/then/else that picks a branch by a property it requires becomes a oneOf of the branches
 *     (each branch is a closed object that requires that property, so exactly one can match);
 *   - "exactly one of these properties" (a oneOf of bare `required`s) names, in each branch, the others
 *     as absent, so a generated type says which pairs go together;
 *   - `discriminator` is dropped: ajv reads it as "pick the branch by this property's const", but in
 *     OpenAPI, without a mapping, it names the branches by their component names (so generators type
 *     `method` as "PricePerPoint"), and ajv refuses a mapping. The oneOf of branches, each with its
 *     const, says the same to every tool;
 *   - `tsType` is dropped.
 */

import transparencyRecordSchema from '../../rules/transparency-record.schema.json' with { type: 'json' };
import { assessmentSchema, cohortSchema, policySchema, resultSchema } from '../../engine/index.js';
import type { Schema } from '../domain/json-schema.js';

/** The components the roots of the schemas in rules/ become (their definitions become more, named from the schemas). */
export type EngineComponent = 'Policy' | 'Assessment' | 'EvaluationResult' | 'Cohort' | 'TransparencyRecord';

/** Each schema in rules/ and the component its root becomes. */
const ROOTS: Record<string, { component: EngineComponent; schema: Schema }> = {
  'policy.schema.json': { component: 'Policy', schema: policySchema },
  'assessment.schema.json': { component: 'Assessment', schema: assessmentSchema },
  'result.schema.json': { component: 'EvaluationResult', schema: resultSchema },
  'cohort.schema.json': { component: 'Cohort', schema: cohortSchema },
  'transparency-record.schema.json': { component: 'TransparencyRecord', schema: transparencyRecordSchema },
};

const COMPONENTS = '#/components/schemas/';

/** The file names under which the schemas are served. */
export const SERVED_SCHEMAS = Object.keys(ROOTS);

/** Every component the engine's schemas give: one per schema and one per definition. */
export function engineComponents(): Record<EngineComponent, Schema> & Record<string, Schema> {
  const names = componentNames();
  const components: Record<string, Schema> = {};
  for (const [file, { component, schema }] of Object.entries(ROOTS)) {
    const { $id, $schema: _dialect, $defs, ...root } = schema;
    const restate = (node: Schema) => restated(node, file, names);
    components[component] = { ...restate(root), $comment: `The schema ${String($id)}, as served at /api/schemas/${file}.` };
    for (const [key, definition] of Object.entries(definitionsOf(schema))) components[names.get(`${file}#${key}`)!] = restate(definition);
  }
  return components as Record<EngineComponent, Schema> & Record<string, Schema>;
}

/**
 * A schema of rules/ as served at /api/schemas/<file>: the same document without the annotations only
 * this project's tools read (`tsType` for json-schema-to-typescript, `discriminator` for ajv's option of
 * that name), so any JSON Schema 2020-12 validator compiles it in its strictest mode.
 */
export function servedSchema(file: string): Schema | undefined {
  const root = Object.hasOwn(ROOTS, file) ? ROOTS[file] : undefined;
  return root ? (withoutAnnotations(root.schema) as Schema) : undefined;
}

function withoutAnnotations(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutAnnotations);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => key !== 'tsType' && key !== 'discriminator')
      .map(([key, child]) => [key, withoutAnnotations(child)]),
  );
}

/** `file#key` of each definition to its component's name; two definitions may not take one name. */
function componentNames(): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Map<string, string>(Object.values(ROOTS).map(({ component }) => [component, 'a schema']));
  for (const [file, { schema }] of Object.entries(ROOTS)) {
    for (const [key, definition] of Object.entries(definitionsOf(schema))) {
      const name = typeof definition.title === 'string' ? definition.title : key[0]!.toUpperCase() + key.slice(1);
      const holder = taken.get(name);
      if (holder) throw new Error(`${file}#/$defs/${key} would be the component ${name}, which is already ${holder}`);
      taken.set(name, `${file}#/$defs/${key}`);
      names.set(`${file}#${key}`, name);
    }
  }
  return names;
}

function definitionsOf(schema: Schema): Record<string, Schema> {
  return (schema.$defs ?? {}) as Record<string, Schema>;
}

function restated(node: unknown, file: string, names: Map<string, string>): Schema {
  const again = (child: unknown) => restated(child, file, names);
  if (Array.isArray(node)) return node.map(again) as unknown as Schema;
  if (node === null || typeof node !== 'object') return node as Schema;
  const schema = node as Schema;

  const branch = chosenBy(schema);
  if (branch) {
    const { if: _if, then: _then, else: _else, tsType: _ts, type: _type, ...rest } = schema;
    return again({ ...rest, oneOf: branch });
  }
  const out: Schema = {};
  for (const [key, child] of Object.entries(schema)) {
    if (key === 'tsType' || key === 'discriminator') continue;
    if (key === '$ref' && typeof child === 'string') out.$ref = placeOf(child, file, names);
    else if (key === 'oneOf' && Array.isArray(child) && child.every(isBareRequired)) out.oneOf = exclusive(child as Schema[]).map(again);
    else out[key] = again(child);
  }
  return out;
}

/** The branches of `if: {required: [k]}, then: A, else: B` (B itself perhaps another such choice). */
function chosenBy(schema: Schema): unknown[] | undefined {
  const test = schema.if as Schema | undefined;
  if (!test || schema.then === undefined || schema.else === undefined) return undefined;
  if (Object.keys(test).join() !== 'required' || (test.required as unknown[]).length !== 1) return undefined;
  const rest = chosenBy(schema.else as Schema);
  return [schema.then, ...(rest ?? [schema.else])];
}

function isBareRequired(branch: unknown): boolean {
  if (branch === null || typeof branch !== 'object') return false;
  const keys = Object.keys(branch).filter((k) => k !== 'tsType');
  return keys.join() === 'required' && ((branch as Schema).required as unknown[]).length === 1;
}

/** Exactly one of these properties: each branch requires its own and forbids the others. */
function exclusive(branches: Schema[]): Schema[] {
  const own = branches.map((b) => (b.required as string[])[0]!);
  return own.map((name) => ({
    required: [name],
    properties: Object.fromEntries(own.filter((other) => other !== name).map((other) => [other, false])),
  }));
}

/** Where a reference made in `file` points in the document. */
function placeOf(ref: string, file: string, names: Map<string, string>): string {
  const [target = '', fragment = ''] = ref.split('#');
  const targetFile = target === '' ? file : target;
  const root = ROOTS[targetFile];
  if (!root) throw new Error(`${file} refers to ${ref}, which is not one of the engine's schemas`);
  const definition = /^\/\$defs\/([^/]+)(.*)$/.exec(fragment);
  if (!definition) return `${COMPONENTS}${root.component}${fragment}`;
  const name = names.get(`${targetFile}#${definition[1]}`);
  if (!name) throw new Error(`${file} refers to ${ref}, which has no such definition`);
  return `${COMPONENTS}${name}${definition[2]}`;
}
