import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isIsoDate, parsePounds } from '../engine/index.js';
import { calibrateCommand } from './calibrate-command.js';
import { cohortCheckCommand, cohortGenerateCommand, MAX_GENERATED } from './cohort-command.js';
import { compareCommand } from './compare-command.js';
import { evaluateCommand } from './evaluate-command.js';
import type { StoreLocation } from '../server/store/open-store.js';
import { InvalidInputError } from './invalid-input.js';
import { InputError } from './read-json.js';
import { validateCommand } from './validate-command.js';

const USAGE = `Usage:
  ras validate <policy.json>
  ras evaluate <policy.json> <assessment.json or worked-example.json> [--json] [--as-of YYYY-MM-DD]
  ras audit verify [--data-dir DIR]      (default: $RAS_DATA_DIR or ./data)
  ras audit verify --database-url URL [--schema NAME]
      [--checkpoints FILE]... [--public-key KEY]... [--published URL]
      the whole record checked: the audit chain, its anchors and signed checkpoints, every change
      against its entry, the lifecycle's rules; and that it holds every checkpoint kept outside it
      (lines in FILE, such as the minutes; those a running service publishes at URL)
  ras audit checkpoint [--data-dir DIR | --database-url URL [--schema NAME]]
      the record checked, then its head signed with the audit key: one line for the minutes
      (the key as the server has it: RAS_AUDIT_KEY, RAS_AUDIT_KEY_FILE, or ras-audit-key.pem beside the data)
  ras migrate --from-data-dir DIR [--database-url URL] [--schema NAME]
      copies an embedded store's record into an empty PostgreSQL database, verified before and after
      (default URL $RAS_DATABASE_URL, schema $RAS_DATABASE_SCHEMA or public)

  ras cohort generate --policy <policy.json> --size N --seed S [--format csv|json] [--name NAME]
      a reproducible synthetic cohort on stdout (default JSON, the cohort.schema.json document)
  ras cohort check <cohort.csv|cohort.json> [--policy <policy.json> ...]
      every bad row with its row, line (CSV), field and what would be valid; with --policy, client
      groups, questions, answers and carer ids must be known to at least one of the policies
  ras compare <scheme> <versionA> <versionB> [<versionC> ...] --cohort <file> [--as-of YYYY-MM-DD]
      [--materiality-pounds X] [--materiality-percent P] [--csv out.csv] [--json out.json] [--attribution]
      each version's cost over the cohort, and each later version against the first: gainers and
      losers, totals, largest changes, by client group and age band, and the policy changes
  ras calibrate <scheme> <version> --cohort <file> --budget <pounds> [--contingency <percent>]
      [--as-of YYYY-MM-DD] [--save-as <new-version> --out <dir>]
      the prices that fit the budget less contingency (default 0%), with a sensitivity table;
      --save-as writes the calibrated policy to <dir>/<new-version>/policy.json

  <scheme> is a folder of <version>/policy.json, or the id of a scheme under rules/examples.
  A cohort is CSV (columns ref, clientGroup, ageBand, carerWilling, carerAble, carerSupportLevel,
  carerImpact, currentAnnualCost in pounds, then one column per question id holding the answer id)
  or a cohort.schema.json document. --as-of defaults to the latest uplift date of the versions, so
  every uplift is in force; uplifts are all a date changes, so without any the date does not matter.

Exit status: 0 done, 1 invalid policy, assessment or cohort, 2 wrong usage or unreadable file.`;

class UsageError extends Error {}

/** Runs one CLI command and returns its exit status; output goes to the given streams. */
export async function main(
  argv: string[],
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  try {
    return await run(argv, out, err);
  } catch (e) {
    if (e instanceof InvalidInputError) {
      err.write(`${e.report}\n`);
      return 1;
    }
    if (e instanceof UsageError || e instanceof InputError) {
      err.write(`ras: ${e.message}\n${e instanceof UsageError ? `\n${USAGE}\n` : ''}`);
      return 2;
    }
    throw e;
  }
}

async function run(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  // The scrutiny commands have options of their own (compare's --json names a file; evaluate's is a switch).
  const first = argv.find((a) => !a.startsWith('-'));
  if (argv.includes('--help') || argv.includes('-h')) {
    out.write(`${USAGE}\n`);
    return 0;
  }
  if (first === 'cohort') return cohortCommand(argv, out);
  if (first === 'compare') return compare(argv, out, err);
  if (first === 'calibrate') return calibration(argv, out);
  const { positionals, values } = parse(argv);
  const [command, ...files] = positionals;
  if (values.help) {
    out.write(`${USAGE}\n`);
    return 0;
  }
  switch (command) {
    case 'validate':
      return validateCommand(exactly(1, files, command)[0]!, out, err);
    case 'evaluate': {
      const [policyFile, assessmentFile] = exactly(2, files, command);
      if (values['as-of'] !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values['as-of'])) {
        throw new UsageError(`--as-of must be a date written YYYY-MM-DD, got '${values['as-of']}'`);
      }
      return evaluateCommand(
        { policyFile: policyFile!, assessmentFile: assessmentFile!, json: values.json === true, asOf: values['as-of'] },
        out,
        err,
      );
    }
    case 'audit': {
      if (!(files[0] === 'verify' || files[0] === 'checkpoint') || files.length !== 1)
        throw new UsageError("the audit commands are 'ras audit verify' and 'ras audit checkpoint' [--data-dir DIR | --database-url URL]");
      if (values['data-dir'] !== undefined && values['database-url'] !== undefined)
        throw new UsageError('give --data-dir or --database-url, not both');
      const location: StoreLocation =
        values['database-url'] !== undefined
          ? { kind: 'postgres', url: await databaseUrl(values['database-url']), schema: await schemaName(values.schema) }
          : { kind: 'lowdb', dataDir: values['data-dir'] ?? process.env.RAS_DATA_DIR ?? './data' };
      // The store's modules (and PostgreSQL's driver) load only for the commands that use them.
      const { auditCheckpointCommand, auditVerifyCommand, checkedPublicKey } = await import('./audit-command.js');
      if (files[0] === 'checkpoint') {
        const misplaced = (['checkpoints', 'public-key', 'published'] as const).find((o) => values[o] !== undefined);
        if (misplaced) throw new UsageError(`--${misplaced} is an option of 'ras audit verify'`);
        return auditCheckpointCommand(location, out, err);
      }
      if (values.published !== undefined && !/^https?:\/\//.test(values.published))
        throw new UsageError(`--published must be the address of a running service (http:// or https://), got '${values.published}'`);
      const kept = {
        checkpointFiles: values.checkpoints ?? [],
        publicKeys: (values['public-key'] ?? []).map(checkedPublicKey),
        ...(values.published ? { published: values.published } : {}),
      };
      return auditVerifyCommand(location, kept, out, err);
    }
    case 'migrate': {
      if (files.length > 0) throw new UsageError(`migrate takes options only, not '${files[0]}'`);
      const fromDataDir = required('--from-data-dir', values['from-data-dir']);
      const target = {
        databaseUrl: await databaseUrl(values['database-url'] ?? process.env.RAS_DATABASE_URL),
        schema: await schemaName(values.schema),
      };
      const { migrateCommand } = await import('./migrate-command.js');
      return migrateCommand({ fromDataDir, ...target }, out, err);
    }
    case undefined:
      throw new UsageError('no command given');
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        'as-of': { type: 'string' },
        'data-dir': { type: 'string' },
        'database-url': { type: 'string' },
        'from-data-dir': { type: 'string' },
        schema: { type: 'string' },
        checkpoints: { type: 'string', multiple: true },
        'public-key': { type: 'string', multiple: true },
        published: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

async function databaseUrl(value: string | undefined): Promise<string> {
  if (value === undefined) throw new UsageError('no database: give --database-url postgres://… or set RAS_DATABASE_URL');
  const { isDatabaseUrl, withoutPassword } = await import('../server/store/pg/database.js');
  if (!isDatabaseUrl(value)) throw new UsageError(`--database-url must be a postgres:// URL, got '${withoutPassword(value)}'`);
  return value;
}

async function schemaName(value: string | undefined): Promise<string> {
  const schema = value ?? process.env.RAS_DATABASE_SCHEMA ?? 'public';
  const { isSchemaName } = await import('../server/store/pg/database.js');
  if (!isSchemaName(schema)) throw new UsageError(`--schema must be lower case letters, digits and _, got '${schema}'`);
  return schema;
}

function exactly(n: number, files: string[], command: string): string[] {
  if (files.length !== n) throw new UsageError(`'${command}' takes ${n} ${n === 1 ? 'file' : 'files'}, got ${files.length}`);
  return files;
}

const COHORT_OPTIONS = {
  policy: { type: 'string', multiple: true },
  size: { type: 'string' },
  seed: { type: 'string' },
  format: { type: 'string' },
  name: { type: 'string' },
} as const;

async function cohortCommand(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const { positionals, values } = parseWith(argv, COHORT_OPTIONS);
  const [, sub, ...files] = positionals;
  const policies = values.policy ?? [];
  switch (sub) {
    case 'generate': {
      if (files.length) throw new UsageError(`'cohort generate' takes no files, got ${files.join(' ')}`);
      if (policies.length !== 1) throw new UsageError(`'cohort generate' needs exactly one --policy <policy.json>, got ${policies.length}`);
      const format = values.format ?? 'json';
      if (format !== 'csv' && format !== 'json') throw new UsageError(`--format must be csv or json, got '${format}'`);
      const size = integerOption('--size', values.size, 1, MAX_GENERATED);
      const seed = integerOption('--seed', values.seed, -(2 ** 31), 2 ** 31 - 1);
      return cohortGenerateCommand(
        { policyFile: policies[0]!, size, seed, format, ...(values.name !== undefined ? { name: values.name } : {}) },
        out,
      );
    }
    case 'check':
      for (const [option, value] of [
        ['--size', values.size],
        ['--seed', values.seed],
        ['--format', values.format],
        ['--name', values.name],
      ] as const) {
        if (value !== undefined) throw new UsageError(`'cohort check' does not take ${option}`);
      }
      return cohortCheckCommand(exactly(1, files, 'cohort check')[0]!, policies, out);
    default:
      throw new UsageError(
        sub === undefined ? "the cohort command is 'ras cohort generate' or 'ras cohort check'" : `unknown cohort command '${sub}'`,
      );
  }
}

const COMPARE_OPTIONS = {
  cohort: { type: 'string' },
  'as-of': { type: 'string' },
  'materiality-pounds': { type: 'string' },
  'materiality-percent': { type: 'string' },
  csv: { type: 'string' },
  json: { type: 'string' },
  attribution: { type: 'boolean' },
} as const;

async function compare(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const { positionals, values } = parseWith(argv, COMPARE_OPTIONS);
  const [, scheme, ...versions] = positionals;
  if (!scheme || versions.length < 2)
    throw new UsageError(
      `'compare' takes a scheme and at least two versions, got ${positionals.length - 1} ${positionals.length === 2 ? 'argument' : 'arguments'}`,
    );
  const duplicate = versions.find((v, i) => versions.indexOf(v) !== i);
  if (duplicate) throw new UsageError(`version '${duplicate}' is named twice`);
  return compareCommand(
    {
      scheme,
      versions,
      cohortFile: required('--cohort', values.cohort),
      ...optionalDate(values['as-of']),
      ...(values['materiality-pounds'] !== undefined
        ? { materialityPence: pounds('--materiality-pounds', values['materiality-pounds']) }
        : {}),
      ...(values['materiality-percent'] !== undefined
        ? { materialityPercent: percent('--materiality-percent', values['materiality-percent']) }
        : {}),
      ...(values.csv !== undefined ? { csvFile: values.csv } : {}),
      ...(values.json !== undefined ? { jsonFile: values.json } : {}),
      attribution: values.attribution === true,
    },
    out,
    err,
  );
}

const CALIBRATE_OPTIONS = {
  cohort: { type: 'string' },
  budget: { type: 'string' },
  contingency: { type: 'string' },
  'as-of': { type: 'string' },
  'save-as': { type: 'string' },
  out: { type: 'string' },
} as const;

async function calibration(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const { positionals, values } = parseWith(argv, CALIBRATE_OPTIONS);
  const [, scheme, version, ...rest] = positionals;
  if (!scheme || !version || rest.length)
    throw new UsageError(
      `'calibrate' takes a scheme and one version, got ${positionals.length - 1} ${positionals.length === 2 ? 'argument' : 'arguments'}`,
    );
  if ((values['save-as'] === undefined) !== (values.out === undefined))
    throw new UsageError("--save-as and --out go together: the new version's name and the folder to write it in");
  if (values['save-as'] !== undefined && !/^[a-z0-9][a-z0-9-]{0,63}$/.test(values['save-as'])) {
    throw new UsageError(`--save-as must be a version id (lower-case letters, digits and hyphens), got '${values['save-as']}'`);
  }
  return calibrateCommand(
    {
      scheme,
      version,
      cohortFile: required('--cohort', values.cohort),
      budgetPence: pounds('--budget', required('--budget', values.budget)),
      contingencyPercent: values.contingency === undefined ? 0 : percent('--contingency', values.contingency, 99.99),
      ...optionalDate(values['as-of']),
      ...(values['save-as'] !== undefined ? { saveAs: values['save-as'], outDir: values.out! } : {}),
    },
    out,
  );
}

function parseWith<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function required(option: string, value: string | undefined): string {
  if (value === undefined || value === '') throw new UsageError(`${option} is required`);
  return value;
}

function integerOption(option: string, value: string | undefined, min: number, max: number): number {
  const text = required(option, value);
  const n = Number(text);
  if (!/^-?\d+$/.test(text) || n < min || n > max)
    throw new UsageError(`${option} must be a whole number from ${min} to ${max.toLocaleString('en-GB')}, got '${text}'`);
  return n;
}

function pounds(option: string, value: string): number {
  const parsed = parsePounds(value);
  if ('reason' in parsed) throw new UsageError(`${option}: ${parsed.reason}`);
  return parsed.pence;
}

function percent(option: string, value: string, max = 100): number {
  const n = Number(value);
  if (!/^\d+(\.\d{1,2})?$/.test(value) || n > max)
    throw new UsageError(`${option} must be a percentage from 0 to ${max} with at most 2 decimals, got '${value}'`);
  return n;
}

function optionalDate(value: string | undefined): { asOf?: string } {
  if (value === undefined) return {};
  if (!isIsoDate(value)) throw new UsageError(`--as-of must be a date written YYYY-MM-DD, got '${value}'`);
  return { asOf: value };
}
