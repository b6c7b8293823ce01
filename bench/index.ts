/**
 * npm run bench: prints the project's speed and memory figures. Figures only, no pass or fail;
 * compare runs on the same machine.
 */

import { benchCli } from './cli.js';
import { benchCompare } from './compare.js';
import { benchDecisions } from './decisions.js';
import { benchDecisionsPostgres } from './decisions-postgres.js';
import { benchEngine } from './engine.js';
import { benchHttp } from './http.js';
import { mib, row } from './measure.js';

const SEED = 20260401;
const size = Number(process.env.BENCH_SIZE ?? 100_000);

console.log(`RAS benchmarks: node ${process.version}, ${new Date().toISOString()}\n`);
await benchEngine(size, SEED);
console.log('');
// Scrutiny runs before the HTTP load, whose worker threads and sockets would otherwise still be settling.
benchCompare((process.env.BENCH_COHORTS ?? '100000,1000000').split(',').map(Number), SEED);
console.log('');
benchCli(Number(process.env.BENCH_CSV_SIZE ?? 1_000_000), SEED);
console.log('');
await benchHttp({ connections: 50, seconds: Number(process.env.BENCH_HTTP_SECONDS ?? 8) });
console.log('');
await benchDecisions((process.env.BENCH_DECISIONS ?? '0,10000,100000').split(',').map(Number));
console.log('');
await benchDecisionsPostgres(Number(process.env.BENCH_HTTP_SECONDS ?? 8));
console.log('');
row('peak resident memory', mib(process.resourceUsage().maxRSS * 1024));
