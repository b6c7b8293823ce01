import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compilePolicy, PolicyInvalidError, type CompiledPolicy } from '../engine/index.js';
import { formatIssues } from './format-issues.js';
import { InvalidInputError } from './invalid-input.js';
import { InputError, readJsonFile } from './read-json.js';

/** The example schemes shipped with the engine, so `ras compare adult-ras …` works from anywhere. */
export const EXAMPLES_DIR = new URL('../rules/examples/', import.meta.url).pathname;

/** Reads and compiles one policy file; an invalid policy is reported issue by issue (exit 1). */
export async function readPolicyFile(file: string): Promise<CompiledPolicy> {
  const json = await readJsonFile(file);
  try {
    return compilePolicy(json);
  } catch (e) {
    if (e instanceof PolicyInvalidError) throw new InvalidInputError(`${formatIssues(file, e.issues)}\n${file}: invalid policy`);
    throw e;
  }
}

/**
 * A scheme is a folder of <version>/policy.json. The argument may be such a folder, or the id of a
 * scheme under rules/examples; a folder that exists wins, so a local scheme is never shadowed.
 */
export function schemeDir(scheme: string): string {
  if (existsSync(scheme) && statSync(scheme).isDirectory()) return resolve(scheme);
  const example = join(EXAMPLES_DIR, scheme);
  if (/^[a-z0-9][a-z0-9-]*$/.test(scheme) && existsSync(example) && statSync(example).isDirectory()) return example;
  const known = existsSync(EXAMPLES_DIR) ? readdirSync(EXAMPLES_DIR).join(', ') : 'none';
  throw new InputError(`${scheme}: not a folder of versions (<version>/policy.json), nor an example scheme (${known})`);
}

/** Reads <scheme>/<version>/policy.json, naming the versions that do exist when it is not there. */
export async function readVersion(dir: string, version: string): Promise<CompiledPolicy> {
  const file = join(dir, version, 'policy.json');
  if (!existsSync(file)) {
    const versions = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'policy.json')))
      .map((d) => d.name);
    throw new InputError(`${file}: no such file; versions in ${dir}: ${versions.join(', ') || 'none'}`);
  }
  const compiled = await readPolicyFile(file);
  if (compiled.policy.version !== version) {
    throw new InputError(`${file}: the folder says version '${version}' but the policy says '${compiled.policy.version}'`);
  }
  return compiled;
}

/**
 * The default evaluation date: the latest uplift of any version, so every uplift is in force. The
 * engine is dateless and uplifts are the only thing a date changes, so with no uplifts any date
 * gives the same amounts and a fixed one keeps runs reproducible.
 */
export function defaultAsOf(policies: readonly CompiledPolicy[]): { asOf: string; why: string } {
  const dates = policies.flatMap((p) => (p.policy.uplifts ?? []).map((u) => u.from)).sort();
  const latest = dates.at(-1);
  return latest
    ? { asOf: latest, why: 'the latest uplift date, so every uplift is in force' }
    : { asOf: '2000-01-01', why: 'no version has an uplift, so the date changes nothing' };
}
