/**
 * Writes rules/examples/<scheme>/<version>/golden/<example>.result.json: the engine's full output for
 * each worked example. Run it only on purpose (an engine or policy change) and review the diff.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate } from '../engine/index.js';
import { exampleVersions } from '../test/support/examples.js';

for (const version of exampleVersions()) {
  const dir = join(version.dir, 'golden');
  mkdirSync(dir, { recursive: true });
  for (const example of version.examples) {
    const { asOf, assessment } = example.json;
    const result = evaluate(version.policy, assessment, asOf ? { asOf } : {});
    writeFileSync(join(dir, `${example.name}.result.json`), `${JSON.stringify(result, null, 2)}\n`);
  }
  console.log(`${version.scheme}/${version.version}: ${version.examples.length} golden results`);
}
