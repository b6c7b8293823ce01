import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import canonicalize from 'canonicalize';

/**
 * SHA-256 of the document's canonical JSON (RFC 8785): the same policy content gives the same hash
 * whatever its key order or whitespace, so a hash names exactly one version's content. The hash is
 * pure JavaScript so that the engine runs unchanged in the browser.
 */
export function contentHash(document: unknown): string {
  const canonical = canonicalize(document);
  if (canonical === undefined) throw new Error('contentHash needs a JSON value');
  return `sha256:${bytesToHex(sha256(utf8ToBytes(canonical)))}`;
}
