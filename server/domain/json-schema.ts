/** The small JSON Schema vocabulary every shape of the service is written in: records, request bodies and the API's answers. */

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

/** A closed object with the properties of `base` and these besides, each required unless named in `optional`. */
export const extend = (base: Schema, properties: Record<string, Schema>, optional: string[] = []): Schema => {
  const required = base.required as string[];
  return {
    ...base,
    properties: { ...(base.properties as Record<string, Schema>), ...properties },
    required: [...required, ...Object.keys(properties).filter((k) => !optional.includes(k) && !required.includes(k))],
  };
};

/** A closed object with the properties of `base` but these. */
export const without = (base: Schema, names: readonly string[]): Schema => ({
  ...base,
  properties: Object.fromEntries(Object.entries(base.properties as Record<string, Schema>).filter(([k]) => !names.includes(k))),
  required: (base.required as string[]).filter((k) => !names.includes(k)),
});

/** A request-body schema from schemas.ts with some properties described more exactly. */
export const refine = (schema: Schema, properties: Record<string, Schema>): Schema => ({
  ...schema,
  properties: { ...(schema.properties as Record<string, Schema>), ...properties },
});
