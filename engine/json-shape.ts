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
  // Each entry is a value and where it sits; a pointer is spelled out only for a problem, never on the way.
  const stack: Array<Place> = [{ node: value, depth: 1, parent: null, key: '' }];
  while (stack.length > 0) {
    const place = stack.pop()!;
    const { node, depth } = place;
    if (typeof node === 'string') {
      if (!isWellFormed(node)) return notUnicode(pathOf(place), 'holds text');
      continue;
    }
    if (typeof node !== 'object' || node === null) continue;
    if (depth > MAX_DEPTH) {
      const field = topField(place);
      return error(
        'too_deep',
        field,
        `${field ? `'${field.slice(1)}'` : 'the document'} nests more than ${MAX_DEPTH} levels deep: no valid document does`,
        {
          limit: MAX_DEPTH,
        },
      );
    }
    for (const key in node) {
      if (!Object.hasOwn(node, key)) continue;
      if (!isWellFormed(key)) return notUnicode(pathOf(place), 'has a field name');
      const child = (node as Record<string, unknown>)[key];
      // Text is checked where it stands: most of a document is strings, and each would otherwise be a place on the stack.
      if (typeof child === 'string') {
        if (!isWellFormed(child)) return notUnicode(pathOf(place) + pointer(key), 'holds text');
      } else if (typeof child === 'object' && child !== null) {
        stack.push({ node: child, depth: depth + 1, parent: place, key });
      }
    }
  }
  return null;
}

interface Place {
  node: unknown;
  depth: number;
  parent: Place | null;
  key: string;
}

/** The JSON Pointer of a place, from its chain of parents. */
function pathOf(place: Place): string {
  const keys: string[] = [];
  for (let p: Place | null = place; p?.parent; p = p.parent) keys.push(p.key);
  return keys.reverse().reduce((path, key) => path + pointer(key), '');
}

/** The top-level field that holds a place (where a too-deep value is reported). */
function topField(place: Place): string {
  let p = place;
  while (p.parent?.parent) p = p.parent;
  return p.parent ? pointer(p.key) : '';
}

/** No lone surrogate. String#isWellFormed where the runtime has it; else a Unicode-aware \p{Cs}, which matches only a surrogate without its pair. */
export function isWellFormed(text: string): boolean {
  const native = (text as { isWellFormed?: () => boolean }).isWellFormed;
  return native ? native.call(text) : !/\p{Cs}/u.test(text);
}

function notUnicode(path: string, what: string): Issue {
  return error(
    'not_unicode',
    path,
    `${path ? `'${path.slice(1)}'` : 'the document'} ${what} that is not well-formed Unicode (a lone surrogate): send UTF-8 text`,
  );
}
