/**
 * Checks real HTTP responses against the OpenAPI document the server publishes: the operation must be
 * documented, the status must be one it declares, and the body must fit the schema declared for that
 * status and media type. Schemas are compiled with ajv (JSON Schema 2020-12, as OpenAPI 3.1 uses)
 * with the whole document added, so `#/components/...` references resolve as they do in the document.
 */

import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import type { JsonResponse } from './server.js';

const DOC_ID = 'urn:ras:openapi';

export interface OpenApiOperation {
  summary?: string;
  security?: unknown[];
  'x-roles'?: string[];
  'x-access'?: string;
  'x-permission'?: string;
  parameters?: Array<{ name: string; in: string; required?: boolean }>;
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, Record<string, unknown>> };
}

export class Contract {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, discriminator: true });
  private readonly validators = new Map<string, ValidateFunction>();
  /** Every (operation, status) a checked response has shown, e.g. 'post /api/policies 201'. */
  readonly seen = new Set<string>();

  constructor(readonly doc: OpenApiDocument) {
    formats.default(this.ajv);
    this.ajv.addSchema(doc as object, DOC_ID);
  }

  /** The templated path ('/api/policies/{id}') a concrete path matches; static segments win over parameters. */
  templateOf(path: string): string | undefined {
    const segments = path.split('?')[0]!.split('/');
    const candidates = Object.keys(this.doc.paths).filter((template) => {
      const parts = template.split('/');
      return parts.length === segments.length && parts.every((p, i) => /^\{\w+\}$/.test(p) || p === segments[i]);
    });
    const params = (t: string) => (t.match(/\{/g) ?? []).length;
    return candidates.sort((a, b) => params(a) - params(b))[0];
  }

  operation(method: string, template: string): OpenApiOperation | undefined {
    return this.doc.paths[template]?.[method.toLowerCase()];
  }

  /** What is wrong with this response, by the document; an empty list when it fits. */
  check(method: string, path: string, res: JsonResponse): string[] {
    const template = this.templateOf(path);
    const where = `${method.toUpperCase()} ${path} -> ${res.status}`;
    if (!template) return [`${where}: no documented path matches`];
    const op = this.operation(method, template);
    if (!op) return [`${where}: ${method.toLowerCase()} ${template} is not documented`];
    const declared = op.responses[String(res.status)];
    if (!declared)
      return [
        `${where}: status ${res.status} is not documented for ${method.toLowerCase()} ${template} (documented: ${Object.keys(op.responses).join(', ')})`,
      ];
    this.seen.add(`${method.toLowerCase()} ${template} ${res.status}`);
    if (!declared.content) return res.body === null ? [] : [`${where}: documented with no body, but it has one`];
    const mediaType = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
    if (!declared.content[mediaType])
      return [`${where}: Content-Type ${mediaType || 'none'} is not documented (documented: ${Object.keys(declared.content).join(', ')})`];
    const validate = this.validator([
      'paths',
      template,
      method.toLowerCase(),
      'responses',
      String(res.status),
      'content',
      mediaType,
      'schema',
    ]);
    if (validate(res.body)) return [];
    return (validate.errors ?? []).map((e) => `${where}: body${e.instancePath} ${e.message} (${e.schemaPath})`);
  }

  private validator(pointer: string[]): ValidateFunction {
    const fragment = pointer.map((p) => encodeURIComponent(p.replaceAll('~', '~0').replaceAll('/', '~1'))).join('/');
    const key = `${DOC_ID}#/${fragment}`;
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile({ $ref: key });
      this.validators.set(key, validate);
    }
    return validate;
  }
}
