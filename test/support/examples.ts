/** Finds the example policies and their worked examples under rules/examples. */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Assessment } from '../../engine/index.js';

export const EXAMPLES_DIR = new URL('../../rules/examples/', import.meta.url).pathname;

export interface ExampleVersion {
  scheme: string;
  version: string;
  dir: string;
  policy: unknown;
  examples: Array<{ file: string; name: string; json: WorkedExampleJson }>;
}

export interface WorkedExampleJson {
  name: string;
  asOf?: string;
  assessment: Assessment;
  arithmetic?: string[];
  expect: {
    totalPoints: number;
    allocation: { period: string; pence: number };
    weeklyPence: number;
    monthlyPence: number;
    annualPence: number;
    carerReductionApplied?: boolean;
    flags: string[];
  };
}

export function exampleVersions(): ExampleVersion[] {
  return subdirs(EXAMPLES_DIR).flatMap((scheme) =>
    subdirs(join(EXAMPLES_DIR, scheme)).map((version) => {
      const dir = join(EXAMPLES_DIR, scheme, version);
      const examplesDir = join(dir, 'examples');
      return {
        scheme,
        version,
        dir,
        policy: readJson(join(dir, 'policy.json')),
        examples: readdirSync(examplesDir)
          .filter((f) => f.endsWith('.json'))
          .sort()
          .map((file) => {
            const json = readJson(join(examplesDir, file)) as WorkedExampleJson;
            return { file: join(examplesDir, file), name: file.replace(/\.json$/, ''), json };
          }),
      };
    }),
  );
}

function subdirs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}
