/**
 * A minimal RFC 6902 JSON Patch (add, replace, remove) with RFC 6901 pointers, for test fixtures.
 * Returns a patched copy; the input is not changed. Throws on a path that does not resolve.
 */

export type PatchOperation = { op: 'add' | 'replace'; path: string; value: unknown } | { op: 'remove'; path: string };

export function applyPatch<T>(document: T, patch: readonly PatchOperation[]): T {
  let result = structuredClone(document) as unknown;
  for (const operation of patch) result = applyOne(result, operation);
  return result as T;
}

function applyOne(root: unknown, operation: PatchOperation): unknown {
  const tokens = parsePointer(operation.path);
  if (tokens.length === 0) {
    if (operation.op === 'remove') throw new Error('cannot remove the whole document');
    return structuredClone(operation.value);
  }
  const key = tokens.pop()!;
  const parent = tokens.reduce<unknown>((node, token) => child(node, token, operation.path), root);
  if (Array.isArray(parent)) {
    const index = key === '-' && operation.op === 'add' ? parent.length : Number(key);
    const limit = operation.op === 'add' ? parent.length : parent.length - 1;
    if (!/^(0|[1-9][0-9]*|-)$/.test(key) || index > limit) throw new Error(`${operation.op}: no index ${key} at ${operation.path}`);
    if (operation.op === 'add') parent.splice(index, 0, structuredClone(operation.value));
    else if (operation.op === 'replace') parent[index] = structuredClone(operation.value);
    else parent.splice(index, 1);
  } else if (parent !== null && typeof parent === 'object') {
    const record = parent as Record<string, unknown>;
    if (operation.op !== 'add' && !Object.hasOwn(record, key)) throw new Error(`${operation.op}: nothing at ${operation.path}`);
    if (operation.op === 'remove') delete record[key];
    else record[key] = structuredClone(operation.value);
  } else {
    throw new Error(`${operation.op}: parent of ${operation.path} is not a container`);
  }
  return root;
}

function child(node: unknown, token: string, path: string): unknown {
  if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) throw new Error(`no '${token}' on the way to ${path}`);
  return (node as Record<string, unknown>)[token];
}

/** RFC 6901: "/a~1b/c~0d" is ["a/b", "c~d"]; '~1' is unescaped before '~0'. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`'${pointer}' is not a JSON Pointer`);
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
}
