/**
 * Engine figures: time to compile a policy version (cold: validate, hash, prepare), and evaluations
 * per second over generated assessments, with and without the json-rules-engine step.
 */

import { readFileSync } from 'node:fs';
import { compilePolicy, evaluate, syntheticAssessments, type Assessment, type Policy } from '../engine/index.js';
import { nowMs, percentile, rate, row } from './measure.js';

const POLICY_FILE = new URL('../rules/examples/adult-ras/2010-revised/policy.json', import.meta.url);

export async function benchEngine(size: number, seed: number): Promise<void> {
  const policy = JSON.parse(readFileSync(POLICY_FILE, 'utf8')) as Policy;
  console.log(`Engine: ${policy.id} ${policy.version}, ${size.toLocaleString('en-GB')} generated assessments (seed ${seed})`);

  benchCompile(policy);
  const compiled = compilePolicy(policy);
  const assessments = [...syntheticAssessments(compiled, { size, seed, assessmentDate: '2010-06-01' })];
  await benchEvaluate('evaluate (with rules)', compiled, assessments);
  const withoutRules = compilePolicy({ ...policy, version: `${policy.version}-no-rules`, rules: [] });
  const subset = Math.min(size, 20_000);
  await benchEvaluate(
    `evaluate the first ${subset.toLocaleString('en-GB')} with the rules removed`,
    withoutRules,
    assessments.slice(0, subset),
  );
}

function benchCompile(policy: Policy): void {
  const runs = 200;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    // A new version name gives new content, so every compile misses the cache and does the full work.
    const copy = { ...policy, version: `bench-${i}` };
    const start = nowMs();
    compilePolicy(copy);
    times.push(nowMs() - start);
  }
  times.sort((a, b) => a - b);
  row('compile a version (cold), median / p99', `${percentile(times, 50).toFixed(2)} ms / ${percentile(times, 99).toFixed(2)} ms`);
  const start = nowMs();
  for (let i = 0; i < 10_000; i++) compilePolicy(policy);
  row('compilePolicy on cached content (hash lookup)', `${(((nowMs() - start) / 10_000) * 1000).toFixed(1)} µs`);
}

async function benchEvaluate(label: string, compiled: ReturnType<typeof compilePolicy>, assessments: Assessment[]): Promise<void> {
  const start = nowMs();
  let checksum = 0;
  for (const assessment of assessments) checksum += (await evaluate(compiled, assessment)).weeklyPence ?? 0;
  const ms = nowMs() - start;
  row(
    label,
    `${rate(assessments.length, ms)} (${((ms / assessments.length) * 1000).toFixed(0)} µs each; total weekly £${(checksum / 100).toLocaleString('en-GB')})`,
  );
}
