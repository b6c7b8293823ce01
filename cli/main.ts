import { parseArgs } from 'node:util';
import { auditVerifyCommand } from './audit-command.js';
import { evaluateCommand } from './evaluate-command.js';
import { InputError } from './read-json.js';
import { validateCommand } from './validate-command.js';

const USAGE = `Usage:
  ras validate <policy.json>
  ras evaluate <policy.json> <assessment.json or worked-example.json> [--json] [--as-of YYYY-MM-DD]
  ras audit verify [--data-dir DIR]      (default: $RAS_DATA_DIR or ./data)

Exit status: 0 done, 1 invalid policy or assessment, 2 wrong usage or unreadable file.`;

class UsageError extends Error {}

/** Runs one CLI command and returns its exit status; output goes to the given streams. */
export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  try {
    return await run(argv, out, err);
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError) {
      err.write(`ras: ${e.message}\n${e instanceof UsageError ? `\n${USAGE}\n` : ''}`);
      return 2;
    }
    throw e;
  }
}

async function run(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const { positionals, values } = parse(argv);
  const [command, ...files] = positionals;
  if (values.help) {
    out.write(USAGE + '\n');
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
      return evaluateCommand({ policyFile: policyFile!, assessmentFile: assessmentFile!, json: values.json === true, asOf: values['as-of'] }, out, err);
    }
    case 'audit': {
      if (files[0] !== 'verify' || files.length !== 1) throw new UsageError("the audit command is 'ras audit verify [--data-dir DIR]'");
      return auditVerifyCommand(values['data-dir'] ?? process.env.RAS_DATA_DIR ?? './data', out, err);
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
      args: argv, allowPositionals: true, strict: true,
      options: { json: { type: 'boolean' }, 'as-of': { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function exactly(n: number, files: string[], command: string): string[] {
  if (files.length !== n) throw new UsageError(`'${command}' takes ${n} ${n === 1 ? 'file' : 'files'}, got ${files.length}`);
  return files;
}
