import type { Issue } from '../engine/index.js';

/** One line per issue: "file#/json/pointer  error  code: message". */
export function formatIssues(file: string, issues: readonly Issue[]): string {
  return issues.map((i) => `${file}#${i.path || '/'}  ${i.severity}  ${i.code}: ${i.message}`).join('\n');
}
