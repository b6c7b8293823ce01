import { pointer } from './issues.js';

/**
 * Finds where a JSON value nests deeper than `limit`, without recursion, so hostile input cannot blow
 * the stack. Returns the pointer of the top-level field that holds the too-deep part ('' if the whole
 * value is), or null if the value stays within the limit.
 */
export function tooDeepAt(value: unknown, limit: number): string | null {
  const stack: Array<[unknown, number, string]> = [[value, 1, '']];
  while (stack.length > 0) {
    const [node, depth, field] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > limit) return field;
    for (const [key, child] of Object.entries(node)) stack.push([child, depth + 1, depth === 1 ? pointer(key) : field]);
  }
  return null;
}

/** Far deeper than any real policy or assessment (a policy's deepest rule nesting is about 10). */
export const MAX_DEPTH = 64;
