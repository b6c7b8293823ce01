// Preloaded into a benchmarked command (node --import): on exit, its own peak resident memory on stderr.
import { writeSync } from 'node:fs';

process.on('exit', () => writeSync(2, `\npeak-rss-bytes ${process.resourceUsage().maxRSS * 1024}\n`));
