/**
 * The commands a council's analyst runs on a large cohort, run as real processes on real files:
 * `ras cohort generate --format csv` for a million people, then `ras compare` over that CSV, each
 * with its wall time and the command's own peak memory beside the goals.
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mib, nowMs, row } from './measure.js';

const ROOT = new URL('../', import.meta.url).pathname;
const PILOT = join(ROOT, 'rules/examples/adult-ras/2009-pilot/policy.json');
const GOAL_SECONDS = 10;
const GOAL_BYTES = 1024 ** 3;

interface Run {
  seconds: number;
  peakBytes: number;
}

export function benchCli(size: number, seed: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'ras-bench-cli-'));
  try {
    const csv = join(dir, 'cohort.csv');
    console.log(`Commands over a ${size.toLocaleString('en-GB')}-person CSV cohort (adult-ras, seed ${seed})`);
    const generated = run(
      ['cohort', 'generate', '--policy', PILOT, '--size', String(size), '--seed', String(seed), '--format', 'csv'],
      csv,
    );
    row(
      'ras cohort generate --format csv',
      `${generated.seconds.toFixed(1)} s (goal: under ${GOAL_SECONDS} s), peak ${mib(generated.peakBytes)}; ${mib(statSync(csv).size)} written`,
    );
    const compared = run(['compare', join(ROOT, 'rules/examples/adult-ras'), '2009-pilot', '2010-revised', '--cohort', csv], null);
    row('ras compare over the CSV', `${compared.seconds.toFixed(1)} s (goal: under ${GOAL_SECONDS} s)`);
    row('ras compare peak memory', `${mib(compared.peakBytes)} (goal: under ${mib(GOAL_BYTES)})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The installed command, as a user runs it, with the preload that reports its peak memory. */
function run(args: string[], stdoutFile: string | null): Run {
  const out = stdoutFile ? openSync(stdoutFile, 'w') : 'ignore';
  const start = nowMs();
  try {
    const child = spawnSync(process.execPath, ['--import', join(ROOT, 'bench/peak-memory.mjs'), join(ROOT, 'bin/ras.js'), ...args], {
      stdio: ['ignore', out, 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const seconds = (nowMs() - start) / 1000;
    const stderr = child.stderr.toString();
    if (child.status !== 0) throw new Error(`ras ${args.join(' ')} exited ${child.status}: ${stderr.slice(-2000)}`);
    const peak = /peak-rss-bytes (\d+)/.exec(stderr);
    return { seconds, peakBytes: peak ? Number(peak[1]) : NaN };
  } finally {
    if (typeof out === 'number') closeSync(out);
  }
}
