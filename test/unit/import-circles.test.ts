/**
 * No module imports itself, however far round: a circle means two modules own one concept between
 * them, or a lower layer reaches up (the pure lifecycle into HTTP errors, the store into the work pool,
 * the console's data layer into its pages). Type-only imports count too. dpdm reads every module the
 * server, the CLI, the console, the bench and the scripts reach, as `npx dpdm --exit-code circular:0`
 * does over the same entry points.
 */

import { parseCircular, parseDependencyTree } from 'dpdm';
import { expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const ENTRIES = ['server/main.ts', 'cli/main.ts', 'admin/src/**/*.tsx', 'admin/src/**/*.ts', 'bench/*.ts', 'scripts/*.ts'];

it('the server, the CLI, the console, the bench and the scripts import in no circle', async () => {
  const tree = await parseDependencyTree(ENTRIES, { cwd: ROOT, context: ROOT, transform: false });
  expect(Object.keys(tree).length, 'dpdm found the modules').toBeGreaterThan(100);
  const circles = parseCircular(tree).map((circle) => [...circle, circle[0]].join(' -> '));
  expect(circles, `import circles:\n${circles.join('\n')}`).toEqual([]);
});
