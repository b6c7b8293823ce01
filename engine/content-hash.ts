import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * SHA-256 of the document's canonical JSON (RFC 8785): the same policy content gives the same hash
 * whatever its key order or whitespace, so a hash names exactly one version's content.
 */
export function contentHash(document: unknown): string {
  const canonical = canonicalize(document);
  if (canonical === undefined) throw new Error('contentHash needs a JSON value');
  return 'sha256:' + createHash('sha256').update(canonical).digest('hex');
}
