/**
 * The folders are the architecture: the engine is pure and imports nothing but itself, the schemas in
 * rules/ and its libraries; json-rules-engine is the rule format's reference in the tests, not a part of it.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((f) => f.isFile() && /\.tsx?$/.test(f.name))
    .map((f) => relative(ROOT, join(f.parentPath, f.name)));
}

function imports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g)].map((m) => m[1] ?? m[2]!);
}

describe('engine/', () => {
  const ALLOWED_PACKAGES = [
    'ajv/dist/2020.js',
    'ajv-formats',
    'canonicalize',
    '@noble/hashes/sha2.js',
    '@noble/hashes/utils.js',
    'pure-rand/distribution/uniformFloat64',
    'pure-rand/generator/xoroshiro128plus',
    'papaparse',
  ];

  for (const file of sourceFiles('engine')) {
    it(`${file} imports only the engine, rules/*.schema.json and the engine's libraries`, () => {
      for (const spec of imports(file)) {
        if (spec.startsWith('.')) {
          const target = relative(ROOT, join(ROOT, file, '..', spec));
          expect(target.startsWith('engine/') || /^rules\/[\w-]+\.schema\.json$/.test(target), `${file} imports ${spec}`).toBe(true);
        } else {
          expect(ALLOWED_PACKAGES, `${file} imports ${spec}`).toContain(spec);
        }
      }
    });
  }

  it('has one rules evaluator of its own: json-rules-engine is only the tests’ reference for what conditions mean', () => {
    const users = [...sourceFiles('engine'), ...sourceFiles('server'), ...sourceFiles('cli')].filter((f) =>
      imports(f).includes('json-rules-engine'),
    );
    expect(users).toEqual([]);
    expect(sourceFiles('test').filter((f) => imports(f).includes('json-rules-engine'))).toEqual(['test/support/json-rules-engine.ts']);
  });

  it('never reads the clock, the environment or random numbers', () => {
    for (const file of sourceFiles('engine')) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      expect(text, file).not.toMatch(/\bDate\.now\(|new Date\(|process\.env|Math\.random\(/);
    }
  });

  it('uses nothing that exists only in Node.js, so the console can run it in the browser', () => {
    for (const file of sourceFiles('engine')) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      expect(text, file).not.toMatch(/\bBuffer\.|\bprocess\.|\brequire\(|from 'node:/);
    }
  });
});

describe('admin/', () => {
  it('reaches the server through one data layer: only http.ts calls fetch', () => {
    const callers = sourceFiles('admin/src').filter((f) => /\bfetch\(/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(callers).toEqual(['admin/src/http.ts']);
  });

  it('calls the API only from the dataProvider and, to sign in, the authProvider', () => {
    const callers = sourceFiles('admin/src').filter((f) => /\bapi(?:<[^>]*>)?\(/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(callers.sort()).toEqual(['admin/src/authProvider.ts', 'admin/src/dataProvider.ts', 'admin/src/http.ts']);
  });

  it('imports no server or CLI code, and of the engine only modules that never load the validator (types aside)', () => {
    const VALIDATING = ['engine/evaluate', 'engine/schema', 'engine/compile', 'engine/index'];
    for (const file of sourceFiles('admin/src')) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const [, typeOnly, spec] of text.matchAll(/import\s+(type\s+)?[^'"]*?from\s+'(\.[^']+)'/g)) {
        const target = relative(ROOT, join(ROOT, file, '..', spec!)).replace(/\.js$/, '');
        expect(target.startsWith('server/') || target.startsWith('cli/'), `${file} imports ${spec}`).toBe(false);
        if (!typeOnly) expect(VALIDATING, `${file} imports ${spec}`).not.toContain(target);
      }
    }
  });
});
