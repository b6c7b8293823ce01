import { error, type Issue, pointer } from './issues.js';

/** Far deeper than any real policy or assessment (a policy's deepest rule nesting is about 10). */
export const MAX_DEPTH = 64;

/**
 * What no schema can say about JSON, checked before anything walks it: it nests no deeper than
 * MAX_DEPTH (ajv, JSON.stringify and error messages all recurse), and every string and field name is
 * well-formed Unicode. A lone surrogate ("\ud800") is valid JSON, but it cannot be written as UTF-8,
 * so it could be stored and hashed but never read back faithfully.
 *
 * The walk uses a stack, not recursion, so hostile input cannot blow the call stack. A too-deep value
 * is reported at the top-level field that holds it (the deep pointer itself would be thousands of
 * characters); text that is not well-formed at its own pointer.
 */
export function jsonShapeIssue(value: unknown): Issue | null {
  const stack: Array<[unknown, number, string, string]> = [[value, 1, '', '']];
  while (stack.length > 0) {
    const [node, depth, path, field] = stack.pop()!;
    if (typeof node === 'string') {
      if (!isWellFormed(node)) return notUnicode(path, 'holds text');
      continue;
    }
    if (typeof node !== 'object' || node === null) continue;
    if (depth > MAX_DEPTH)
      return error(
        'too_deep',
        field,
        `${field ? `'${field.slice(1)}'` : 'the document'} nests more than ${MAX_DEPTH} levels deep: no valid document does`,
        {
          limit: MAX_DEPTH,
        },
      );
    for (const [key, child] of Object.entries(node)) {
      if (!isWellFormed(key)) return notUnicode(path, 'has a field name');
      const at = path + pointer(key);
      stack.push([child, depth + 1, at, depth === 1 ? at : field]);
    }
  }
  return null;
}

/** No lone surrogate: in a Unicode-aware pattern, \p{Cs} matches only a surrogate without its pair. */
export function isWellFormed(text: string): boolean {
  return !/\p{Cs}/u.test(text);
}

function notUnicode(path: string, what: string): Issue {
  return error(
    'not_unicode',
    path,
    `${path ? `'${path.slice(1)}'` : 'the document'} ${what} that is not well-formed Unicode (a lone surrogate): send UTF-8 text`,
  );
}
