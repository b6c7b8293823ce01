/**
 * One source for every contract: the JSON Schemas in rules/ state the policy, the assessment, the
 * result and the cohort; the engine's types are generated from them and the OpenAPI document embeds
 * them. These tests hold the generated types to the schemas, and the engine's results to the result
 * schema, so neither can drift from the one statement of the shape.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, resultSchemaIssues } from '../../engine/index.js';
import {
  API_ANSWERS_MODULE,
  CONTRACTS,
  generatedApiAnswers,
  generatedContract,
  generatedRecords,
  generatedRequestBodies,
  RECORDS_MODULE,
  REQUEST_BODIES_MODULE,
} from '../../scripts/generate-contracts.js';
import { exampleVersions } from '../support/examples.js';

describe('the engine types are generated from the schemas in rules/', () => {
  for (const contract of CONTRACTS) {
    it(`engine/contract/${contract.module} is what rules/${contract.schema} generates (npm run contracts)`, async () => {
      const committed = readFileSync(join(import.meta.dirname, '../../engine/contract', contract.module), 'utf8');
      expect(committed).toBe(await generatedContract(contract));
    });
  }

  it(`${API_ANSWERS_MODULE}, the console's types for the API's answers, is what the OpenAPI components generate (npm run contracts)`, async () => {
    const committed = readFileSync(join(import.meta.dirname, '../..', API_ANSWERS_MODULE), 'utf8');
    expect(committed).toBe(await generatedApiAnswers());
    expect(committed).toContain('export interface AuditEntry {');
  });

  it(`${RECORDS_MODULE}, the stored records' types, is what their schemas (server/domain/record-schemas.ts) generate (npm run contracts)`, async () => {
    const committed = readFileSync(join(import.meta.dirname, '../..', RECORDS_MODULE), 'utf8');
    expect(committed).toBe(await generatedRecords());
  });

  it(`${REQUEST_BODIES_MODULE}, the request bodies' types, is what their schemas (server/http/request-schemas.ts) generate (npm run contracts)`, async () => {
    const committed = readFileSync(join(import.meta.dirname, '../..', REQUEST_BODIES_MODULE), 'utf8');
    expect(committed).toBe(await generatedRequestBodies());
  });

  it('names the domain types after the schema, not the generator: a band is exactly one of an amount or an outcome', () => {
    const policyTypes = readFileSync(join(import.meta.dirname, '../../engine/contract/policy.ts'), 'utf8');
    expect(policyTypes).toMatch(/export type Band = \(\{pence: number; outcome\?: never\} \| \{outcome: Slug; pence\?: never\}\) &/);
    expect(policyTypes).toContain('export type TopLevelCondition = AllCondition | AnyCondition | NotCondition;');
    expect(policyTypes).toContain('export interface Policy {');
  });
});

describe('every result the engine gives has the shape rules/result.schema.json states', () => {
  for (const version of exampleVersions()) {
    it(`${version.scheme} ${version.version}: every worked example's result`, () => {
      for (const example of version.examples) {
        const { asOf, assessment } = example.json;
        const result = evaluate(version.policy, assessment, asOf ? { asOf } : {});
        expect(resultSchemaIssues(result), example.name).toEqual([]);
      }
    });
  }

  it('and the schema refuses a result that breaks it, naming where', () => {
    const version = exampleVersions()[0]!;
    const { asOf, assessment } = version.examples[0]!.json;
    const result = evaluate(version.policy, assessment, asOf ? { asOf } : {});
    const broken = { ...result, weeklyPence: 12.5, explanation: [{ step: 'pricing', method: 'per-guess' }] };
    const paths = resultSchemaIssues(broken).map((issue) => issue.path);
    expect(paths).toContain('/weeklyPence');
    expect(paths.some((path) => path.startsWith('/explanation/0'))).toBe(true);
  });
});
