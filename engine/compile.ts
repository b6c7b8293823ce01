import { type CompiledEligibility, type CompiledRule, compileEligibility, compileRules } from './flags.js';
import { contentHash } from './content-hash.js';
import { jsonShapeIssue } from './json-shape.js';
import { PolicyInvalidError, type Issue } from './issues.js';
import { scaled } from './money.js';
import type { ClientGroup, Domain, Outcome, Policy } from './policy.js';
import { compileQuestionnaire, type CompiledQuestionnaire } from './questionnaire.js';
import { type CompiledUplift, compileUplifts } from './uplift.js';
import { validatePolicy } from './validate-policy.js';

const COMPILED = Symbol('compiled-policy');

export interface CompiledDomain {
  readonly domain: Domain;
  readonly weightMilli: number;
}

/** A validated policy with its lookups prepared, shared by every evaluation against that version. */
export interface CompiledPolicy {
  readonly [COMPILED]: true;
  readonly policy: Policy;
  readonly contentHash: string;
  readonly warnings: readonly Issue[];
  readonly clientGroups: ReadonlyMap<string, ClientGroup>;
  readonly domains: ReadonlyMap<string, CompiledDomain>;
  readonly questionnaires: readonly CompiledQuestionnaire[];
  readonly uplifts: readonly CompiledUplift[];
  /** weeksPerYear in ten-thousandths, so 52.1429 converts exactly. */
  readonly weeksPerYear10k: number;
  /** The results without an amount that bands may give, by id. */
  readonly outcomes: ReadonlyMap<string, Outcome>;
  /** The rules and the eligibility conditions, compiled once by the one rules evaluator. */
  readonly rules: readonly CompiledRule[];
  readonly eligibility: readonly CompiledEligibility[];
}

const CACHE_SIZE = 64;
const cache = new Map<string, CompiledPolicy>();

/**
 * Validates and prepares a policy once; later calls with the same content (by hash) return the same
 * compiled policy. Throws PolicyInvalidError listing every problem when the policy is invalid.
 * @example
 *   const compiled = compilePolicy(JSON.parse(readFileSync('policy.json', 'utf8')));
 *   const result = evaluate(compiled, assessment);
 */
export function compilePolicy(policy: unknown): CompiledPolicy {
  if (isCompiledPolicy(policy)) return policy;
  const known = sameObjectAgain(policy);
  if (known) return known;
  const hash = hashOf(policy);
  const cached = cache.get(hash);
  if (cached) return rememberObject(policy, cached);
  const checked = validatePolicy(policy);
  if (!checked.ok) throw new PolicyInvalidError(checked.issues);
  const compiled = prepare(deepFreeze(structuredClone(checked.value)), hash, checked.warnings);
  remember(hash, compiled);
  return rememberObject(policy, compiled);
}

/**
 * The content hash, or, when the value cannot be hashed (it nests without end, as a cycle does), the
 * problem with its shape, as validation would name it.
 */
function hashOf(policy: unknown): string {
  try {
    return contentHash(policy);
  } catch (e) {
    const shape = jsonShapeIssue(policy);
    if (shape) throw new PolicyInvalidError([shape]);
    throw e;
  }
}

/**
 * Raw policy objects compiled before, with their JSON text then. A caller that passes the same parsed
 * JSON on every call finds it by identity, without canonicalising and hashing it again (a tenth of the
 * cost for the examples, far less for a large policy); the text is compared so that an object changed
 * since is compiled afresh, never answered with what it used to say.
 */
const byObject = new WeakMap<object, { text: string; compiled: CompiledPolicy }>();

function sameObjectAgain(policy: unknown): CompiledPolicy | undefined {
  if (typeof policy !== 'object' || policy === null) return undefined;
  const seen = byObject.get(policy);
  return seen && jsonText(policy) === seen.text ? seen.compiled : undefined;
}

function rememberObject(policy: unknown, compiled: CompiledPolicy): CompiledPolicy {
  if (typeof policy === 'object' && policy !== null) {
    const text = jsonText(policy);
    if (text !== undefined) byObject.set(policy, { text, compiled });
  }
  return compiled;
}

/** The object as JSON, or undefined if it cannot be written as JSON (it changed into a cycle, say). */
function jsonText(value: object): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

export function isCompiledPolicy(value: unknown): value is CompiledPolicy {
  return typeof value === 'object' && value !== null && COMPILED in value;
}

function prepare(policy: Policy, hash: string, warnings: Issue[]): CompiledPolicy {
  return Object.freeze({
    [COMPILED]: true as const,
    policy,
    contentHash: hash,
    warnings,
    clientGroups: new Map(policy.clientGroups.map((g) => [g.id, g])),
    domains: new Map(policy.domains.map((domain) => [domain.id, { domain, weightMilli: scaled(domain.weight ?? 1, 3) }])),
    questionnaires: policy.questionnaires.map(compileQuestionnaire),
    uplifts: compileUplifts(policy.uplifts ?? []),
    weeksPerYear10k: scaled(policy.weeksPerYear, 4),
    outcomes: new Map((policy.outcomes ?? []).map((o) => [o.id, o])),
    rules: compileRules(policy.rules ?? []),
    eligibility: compileEligibility(policy.eligibility ?? []),
  });
}

function remember(hash: string, compiled: CompiledPolicy): void {
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(hash, compiled);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
