/**
 * npm run soak: the crash suite's workload for many cycles (100 by default): a real server killed with
 * SIGKILL at random moments under concurrent writes, restarted on the same data each time. Prints each
 * cycle and exits 1 if any acknowledged write was lost, any file torn, or the record fails to verify.
 *
 *   npm run soak -- [--cycles N] [--seed S] [--keep]
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { crashCycles, dataDirUnderCrash } from '../test/support/crash-workload.js';

const { values } = parseArgs({
  options: { cycles: { type: 'string', default: '100' }, seed: { type: 'string' }, keep: { type: 'boolean' } },
});
const cycles = Number(values.cycles);
if (!Number.isInteger(cycles) || cycles < 1) {
  console.error(`--cycles must be a whole number of at least 1, got '${values.cycles}'`);
  process.exit(2);
}
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const dataDir = mkdtempSync(join(tmpdir(), 'ras-soak-'));
console.log(`crash soak: ${cycles} cycles, seed ${seed}, data in ${dataDir}`);
const began = Date.now();
const reports = await crashCycles({
  store: dataDirUnderCrash(dataDir),
  cycles,
  maxAcks: 300,
  seed,
  onCycle: (r) =>
    console.log(
      `cycle ${r.cycle}: ${r.acks} acknowledged, ${r.inFlightAtKill} in flight at the kill, ${r.ms} ms` +
        (r.unexpected.length + r.problems.length > 0 ? `  PROBLEMS: ${[...r.unexpected, ...r.problems].join(' | ')}` : ''),
    ),
});
const acks = reports.reduce((n, r) => n + r.acks, 0);
const failures = reports.flatMap((r) => [...r.unexpected, ...r.problems]);
console.log(
  `\n${cycles} cycles in ${Math.round((Date.now() - began) / 1000)} s: ${acks} writes acknowledged, ${failures.length} problems.`,
);
if (!values.keep) rmSync(dataDir, { recursive: true, force: true });
process.exit(failures.length > 0 ? 1 : 0);
