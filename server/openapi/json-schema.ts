/** The small JSON Schema vocabulary the document is written in, and how outside schemas are brought in. */

export type Schema = Record<string, unknown>;

export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
export const nullable = (schema: Schema): Schema => ({ oneOf: [schema, { type: 'null' }] });
export const string: Schema = { type: 'string' };
export const integer: Schema = { type: 'integer' };
export const pence: Schema = { type: 'integer', minimum: 0, description: 'An amount of money in whole pence.' };
export const isoDate: Schema = { type: 'string', format: 'date' };
export const timestamp: Schema = { type: 'string', format: 'date-time' };
export const hash: Schema = { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' };
export const arrayOf = (items: Schema): Schema => ({ type: 'array', items });
/** An object keyed by names not known in advance (client groups, age bands, versions, flags). */
export const mapOf = (values: Schema): Schema => ({ type: 'object', additionalProperties: values });
export const count: Schema = { type: 'integer', minimum: 0 };
export const share: Schema = { type: 'number', minimum: 0, maximum: 1 };
/** Whole pence that may be negative: a change, or an amount against a budget. */
export const signedPence: Schema = { type: 'integer', description: 'An amount of money in whole pence; negative for a fall.' };
/** A closed object: every property listed is required unless named in `optional`. */
export const record = (properties: Record<string, Schema>, optional: string[] = []): Schema => ({
  type: 'object',
  additionalProperties: false,
  properties,
  required: Object.keys(properties).filter((k) => !optional.includes(k)),
});

// ---------------------------------------------------------------------------------------------
// The engine's schemas, embedded. They are draft 2020-12 documents with their own $id and $defs;
// here they live inside this document, so their references, internal (#/...) and to each other
// (policy.schema.json#/...), are rewritten to point at their new place, and $id / $schema are
// dropped (the same documents, with their ids, are served at /api/schemas/<name>).

/** Each schema in rules/ and the component it is embedded as. */
const EMBEDDED_AS: Record<string, string> = {
  'policy.schema.json': 'Policy',
  'assessment.schema.json': 'Assessment',
  'result.schema.json': 'EvaluationResult',
  'cohort.schema.json': 'Cohort',
  'transparency-record.schema.json': 'TransparencyRecord',
};

export function embedded(schema: object, name: string): Schema {
  const place = (ref: string): string => {
    const [file, fragment = ''] = ref.split('#');
    const component = file === '' ? name : EMBEDDED_AS[file!];
    if (component === undefined) throw new Error(`${name} refers to ${ref}, which is not embedded in the API document`);
    return `#/components/schemas/${component}${fragment}`;
  };
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [key, key === '$ref' && typeof child === 'string' ? place(child) : rewrite(child)]),
    );
  };
  const { $id, $schema: _dialect, ...rest } = schema as Schema;
  return { ...(rewrite(rest) as Schema), $comment: `Embedded copy of ${String($id)}` };
}

/** A request-body schema from schemas.ts with some properties described more exactly. */
export const refine = (schema: Schema, properties: Record<string, Schema>): Schema => ({
  ...schema,
  properties: { ...(schema.properties as Record<string, Schema>), ...properties },
});
