import { validatePolicy } from '../engine/index.js';
import { formatIssues } from './format-issues.js';
import { readJsonFile } from './read-json.js';

/** ras validate <policy.json>: every problem with its JSON Pointer; exit 1 if any is an error. */
export async function validateCommand(file: string, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const checked = validatePolicy(await readJsonFile(file));
  if (!checked.ok) {
    const errors = checked.issues.filter((i) => i.severity === 'error').length;
    err.write(`${formatIssues(file, checked.issues)}\n${file}: invalid policy, ${errors} ${errors === 1 ? 'error' : 'errors'}\n`);
    return 1;
  }
  const { id, version, title } = checked.value;
  if (checked.warnings.length > 0) err.write(`${formatIssues(file, checked.warnings)}\n`);
  out.write(
    `${file}: valid policy ${id} version ${version} (${title})${checked.warnings.length ? `, ${checked.warnings.length} warnings` : ''}\n`,
  );
  return 0;
}
