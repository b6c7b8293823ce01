import { once } from 'node:events';
import { cohortCsvChunks, syntheticPeople, type CohortPerson } from '../engine/index.js';
import { readCohortFile } from './cohort-file.js';
import { readPolicyFile } from './policy-files.js';
import { plural } from './report-format.js';

export interface GenerateArgs {
  policyFile: string;
  size: number;
  seed: number;
  format: 'csv' | 'json';
  name?: string;
}

/** Big enough for a whole county; the cohort schema allows two million. */
export const MAX_GENERATED = 2_000_000;

/**
 * ras cohort generate --policy <policy.json> --size N --seed S [--format csv|json] [--name NAME]:
 * a reproducible synthetic cohort for demos and trials, never for decisions.
 */
export async function cohortGenerateCommand(args: GenerateArgs, out: NodeJS.WritableStream): Promise<number> {
  const compiled = await readPolicyFile(args.policyFile);
  const { id, version } = compiled.policy;
  const people = (function* () {
    for (const p of syntheticPeople(compiled, { size: args.size, seed: args.seed })) yield p.person;
  })();
  if (args.format === 'csv') {
    // Written as generated: a million people never sit in memory at once.
    const questionIds = new Set(compiled.policy.questionnaires.flatMap((q) => q.questions.map((question) => question.id)));
    await write(out, cohortCsvChunks(people, [...questionIds]));
    return 0;
  }
  // Written person by person: a large cohort as one string would exceed what a string may hold.
  const head = {
    schemaVersion: 1,
    name: args.name ?? `Synthetic cohort for ${id} ${version} (seed ${args.seed})`,
    description: `${plural(args.size, 'generated person', 'generated people')}, reproducible from seed ${args.seed}: for demos and trials, never for decisions.`,
    policyId: id,
  };
  await write(out, jsonDocument(head, people));
  return 0;
}

function* jsonDocument(head: object, people: Iterable<CohortPerson>): Generator<string> {
  yield JSON.stringify(head, null, 2).replace(/\n}$/, ',\n  "people": [');
  let first = true;
  let chunk = '';
  for (const person of people) {
    chunk += `${first ? '' : ','}\n    ${JSON.stringify(person)}`;
    first = false;
    if (chunk.length > 1 << 16) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}\n  ]\n}\n`;
}

/** Writes each piece, waiting whenever the stream asks, so a pipe never holds the whole cohort. */
async function write(out: NodeJS.WritableStream, pieces: Iterable<string>): Promise<void> {
  for (const piece of pieces) {
    if (!out.write(piece)) await once(out, 'drain');
  }
}

/**
 * ras cohort check <cohort.csv|json> [--policy <policy.json> ...]: every bad row with its row, line
 * (CSV), field and what would be valid; with policies, ids are checked against them too.
 */
export async function cohortCheckCommand(file: string, policyFiles: string[], out: NodeJS.WritableStream): Promise<number> {
  const policies = await Promise.all(policyFiles.map(readPolicyFile));
  const { meta } = await readCohortFile(file, policies);
  const against = policies.length ? ` against ${policies.map((p) => `${p.policy.id} ${p.policy.version}`).join(', ')}` : '';
  out.write(`${file}: valid cohort of ${plural(meta.people, 'person', 'people')} ("${meta.name}")${against}\n`);
  return 0;
}
