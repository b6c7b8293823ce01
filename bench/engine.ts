/**
 * Engine figures: time to compile a policy version (cold: validate, hash, prepare), and evaluations
 * per second over generated assessments, beside the floor: the same arithmetic and the same rules as
 * plain functions over an encoded cohort (the fast cohort path), with no input checks and no explanation.
 * The goal is evaluate() with its explanation at most 15x a hand-written plain loop, a lower floor than this one.
 */

import { readFileSync } from 'node:fs';
import {
  CohortEncoder,
  compileFastEvaluator,
  compilePolicy,
  emptyResult,
  evaluate,
  syntheticAssessments,
  syntheticPeople,
  type Assessment,
  type CompiledPolicy,
  type Policy,
} from '../engine/index.js';
import { nowMs, percentile, rate, row, timed } from './measure.js';
import { plainWeeklyPence } from './plain-money.js';

const POLICY_FILE = new URL('../rules/examples/adult-ras/2010-revised/policy.json', import.meta.url);

export async function benchEngine(size: number, seed: number): Promise<void> {
  const policy = JSON.parse(readFileSync(POLICY_FILE, 'utf8')) as Policy;
  console.log(`Engine: ${policy.id} ${policy.version}, ${size.toLocaleString('en-GB')} generated assessments (seed ${seed})`);

  benchCompile(policy);
  const compiled = compilePolicy(policy);
  const assessments = [...syntheticAssessments(compiled, { size, seed, assessmentDate: '2010-06-01' })];
  const perCall = await benchEvaluate('evaluate (with rules and the explanation)', compiled, assessments);
  const floor = floorMicros(compiled, size, seed);
  row(
    'floor: the same arithmetic and rules as plain functions (fast cohort path)',
    `${floor.micros.toFixed(2)} µs each (total weekly £${(floor.checksum / 100).toLocaleString('en-GB')})`,
  );
  row('evaluate() against the fast-path floor', `${(perCall / floor.micros).toFixed(1)}x`);
  const plain = plainLoopMicros(compiled, assessments);
  row(
    'floor: a plain loop, the same arithmetic and three rules',
    `${plain.micros.toFixed(2)} µs each (total weekly £${(plain.checksum / 100).toLocaleString('en-GB')}; ${plain.flags.toLocaleString('en-GB')} flags)`,
  );
  row('evaluate() against the plain loop (goal: at most 15x)', `${(perCall / plain.micros).toFixed(1)}x`);
  benchLargePolicy(policy);
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
  let start = nowMs();
  for (let i = 0; i < 2_000; i++) compilePolicy({ ...policy });
  row('compilePolicy on a new object, cached content (hash)', `${(((nowMs() - start) / 2_000) * 1000).toFixed(1)} µs`);
  start = nowMs();
  for (let i = 0; i < 10_000; i++) compilePolicy(policy);
  row('compilePolicy on the same object again (identity)', `${(((nowMs() - start) / 10_000) * 1000).toFixed(1)} µs`);
}

/** Microseconds an evaluation takes: the median of three passes over every assessment, after one untimed. */
async function benchEvaluate(label: string, compiled: CompiledPolicy, assessments: Assessment[]): Promise<number> {
  const {
    ms,
    value: checksum,
    note,
  } = timed(3, () => {
    let checksum = 0;
    for (const assessment of assessments) checksum += evaluate(compiled, assessment).weeklyPence ?? 0;
    return checksum;
  });
  const micros = (ms / assessments.length) * 1000;
  row(
    `${label}${note}`,
    `${rate(assessments.length, ms)} (${micros.toFixed(1)} µs each; total weekly £${(checksum / 100).toLocaleString('en-GB')})`,
  );
  return micros;
}

/** The fast cohort path over generated people: the least an evaluation of the same policy does. */
function floorMicros(compiled: CompiledPolicy, size: number, seed: number): { micros: number; checksum: number } {
  const encoder = new CohortEncoder(size);
  for (const { person } of syntheticPeople(compiled, { size, seed })) encoder.add(person);
  const cohort = encoder.finish();
  const fast = compileFastEvaluator(compiled, cohort, '2010-06-01');
  const outcome = emptyResult();
  const { ms, value: checksum } = timed(3, () => {
    let checksum = 0;
    for (let i = 0; i < cohort.size; i++) {
      if (fast.into(i, outcome) === null) checksum += outcome.weeklyPence ?? 0;
    }
    return checksum;
  });
  return { micros: (ms / cohort.size) * 1000, checksum };
}

/**
 * The least an evaluation of this policy must do, written by hand for it: each answer's points summed
 * by domain, weighted, priced by the client group's price per point, reduced for a carer willing and
 * able to go on, uplifted, rounded up to the pound, and its three rules tested. No input checks, no
 * explanation, nothing cached between people. Its total must equal evaluate()'s, or it is not the
 * same arithmetic.
 */
function plainLoopMicros(compiled: CompiledPolicy, assessments: Assessment[]): { micros: number; checksum: number; flags: number } {
  const { policy } = compiled;
  const domainIds = [...compiled.domains.keys()];
  const weights = domainIds.map((id) => compiled.domains.get(id)!.weightMilli);
  const points = new Map<string, Map<string, { points: number; domain: number }>>();
  for (const questionnaire of compiled.questionnaires) {
    for (const { question, answers } of questionnaire.questions.values()) {
      const domain = domainIds.indexOf(question.domain);
      points.set(question.id, new Map([...answers].map(([id, answer]) => [id, { points: answer.points, domain }])));
    }
  }
  const price = (group: string) => {
    const table = policy.pricing.byClientGroup?.[group] ?? policy.pricing.default;
    return table.method === 'price-per-point' ? Math.round(table.pencePerPoint * 10_000) : 0;
  };
  const prices = new Map(policy.clientGroups.map((g) => [g.id, price(g.id)]));
  const reductions = policy.carerAdjustment!.reductions;
  const upliftBasisPoints = compiled.uplifts.map((u) => u.basisPoints);
  const health = domainIds.indexOf('health');
  const raw = new Int32Array(domainIds.length);

  const { ms, value } = timed(3, () => {
    let checksum = 0;
    let flags = 0;
    for (const assessment of assessments) {
      raw.fill(0);
      const answers = assessment.answers!;
      for (const questionId in answers) {
        const scored = points.get(questionId)!.get(answers[questionId]!)!;
        raw[scored.domain]! += scored.points;
      }
      let totalMilli = 0;
      for (let d = 0; d < raw.length; d++) totalMilli += raw[d]! * weights[d]!;
      const carer = assessment.carer;
      const carerBasisPoints =
        carer?.willingToContinue && carer.ableToContinue ? Math.round(reductions[carer.supportLevel]![carer.impact]! * 100) : 0;
      const weekly = plainWeeklyPence(totalMilli, prices.get(assessment.clientGroup)!, carerBasisPoints, upliftBasisPoints);
      checksum += weekly;
      if (weekly > 100_000) flags++;
      if (raw[health]! >= 28) flags++;
      if (answers['ss-abuse'] === 'at-risk') flags++;
    }
    return { checksum, flags };
  });
  return { micros: (ms / assessments.length) * 1000, ...value };
}

/** The largest questionnaire the schema allows: 5,000 questions, each answered. */
function benchLargePolicy(policy: Policy): void {
  const questions = Array.from({ length: 5000 }, (_, i) => ({
    id: `q-${i + 1}`,
    domain: policy.domains[i % policy.domains.length]!.id,
    text: `Question ${i + 1}`,
    answers: [
      { id: 'none', text: 'None', points: 0 },
      { id: 'some', text: 'Some', points: 1 },
    ],
  }));
  // Without the example's rules, which test its own questions.
  const large = { ...policy, version: 'large', questionnaires: [{ id: 'large', label: 'Large', questions }], rules: [] } as Policy;
  let start = nowMs();
  const compiled = compilePolicy(large);
  const compileMs = nowMs() - start;
  const assessment = {
    assessmentDate: '2010-06-01',
    age: 70,
    clientGroup: 'older-people',
    answers: Object.fromEntries(questions.map((q) => [q.id, 'some'])),
  };
  evaluate(compiled, assessment);
  start = nowMs();
  for (let i = 0; i < 20; i++) evaluate(compiled, assessment);
  row(
    'a 5,000-question policy: compile (validate, hash, prepare) / evaluate',
    `${compileMs.toFixed(0)} ms / ${((nowMs() - start) / 20).toFixed(1)} ms`,
  );
}
