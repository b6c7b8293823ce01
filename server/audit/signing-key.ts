/**
 * The key that signs the record's checkpoints (checkpoint.ts): an Ed25519 key the store does not hold.
 * Whoever holds the data directory or the database can rewrite every hash in it, since none is keyed;
 * what they cannot do without this key is sign a checkpoint of the rewritten record. So the key lives
 * outside the data directory and its backups, and its public half is published (with every published
 * version, in the transparency record) for anyone to check signatures against.
 *
 * A public key is written as the base64url of its 32 raw bytes (a JWK's `x`), short enough for a
 * checkpoint line in a committee's minutes.
 */

import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { constants } from 'node:fs';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface AuditKey {
  /** The public key, as checkpoints name it. */
  readonly publicKey: string;
  /** The base64url Ed25519 signature of a text. */
  sign(text: string): string;
}

/** Where the server finds its key: a PEM text (RAS_AUDIT_KEY), or a file (RAS_AUDIT_KEY_FILE, or the default place). */
export type AuditKeySource = { kind: 'text'; pem: string } | { kind: 'file'; path: string };

/** A key that is not an Ed25519 private key, or a file that cannot be read. */
export class AuditKeyError extends Error {
  override name = 'AuditKeyError';
}

const PUBLIC_KEY = /^[A-Za-z0-9_-]{43}$/;

export function isPublicKey(text: string): boolean {
  return PUBLIC_KEY.test(text);
}

/** The key in a PEM text (PKCS #8), or in the base64 of its DER when a PEM's line breaks would not survive an environment variable. */
export function auditKeyOf(text: string, where: string): AuditKey {
  let key: KeyObject;
  try {
    const pem = text.includes('-----BEGIN') ? text.replace(/\\n/g, '\n') : null;
    key = pem ? createPrivateKey(pem) : createPrivateKey({ key: Buffer.from(text.trim(), 'base64'), format: 'der', type: 'pkcs8' });
  } catch (e) {
    throw new AuditKeyError(`${where} does not hold a private key (${(e as Error).message})`);
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new AuditKeyError(`${where} holds an ${key.asymmetricKeyType} key; the audit key must be Ed25519`);
  const publicKey = createPublicKey(key).export({ format: 'jwk' }).x!;
  return { publicKey, sign: (data) => sign(null, Buffer.from(data, 'utf8'), key).toString('base64url') };
}

/** A new key, as the PEM text of its PKCS #8 form. */
export function newAuditKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
}

/**
 * The key from its source. A key file that does not exist yet is made (readable by its owner alone):
 * the first start of a new installation. Two servers starting together make one key between them (the
 * file is linked into place, which fails if the other got there first; then its key is read).
 */
export async function loadAuditKey(source: AuditKeySource): Promise<{ key: AuditKey; created: boolean }> {
  if (source.kind === 'text') return { key: auditKeyOf(source.pem, 'RAS_AUDIT_KEY'), created: false };
  const read = async () => auditKeyOf(await readFile(source.path, 'utf8'), source.path);
  try {
    return { key: await read(), created: false };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e instanceof AuditKeyError ? e : new AuditKeyError(String(e));
  }
  await mkdir(dirname(source.path), { recursive: true, mode: 0o700 });
  const draft = `${source.path}.${process.pid}.new`;
  await writeFile(draft, newAuditKeyPem(), { mode: 0o600, flag: constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY });
  try {
    await link(draft, source.path);
    return { key: await read(), created: true };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return { key: await read(), created: false };
  } finally {
    await rm(draft, { force: true });
  }
}

/** The key from its source, or null when its file does not exist (a command that checks, and must not make one). */
export async function existingAuditKey(source: AuditKeySource): Promise<AuditKey | null> {
  if (source.kind === 'text') return auditKeyOf(source.pem, 'RAS_AUDIT_KEY');
  try {
    return auditKeyOf(await readFile(source.path, 'utf8'), source.path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e instanceof AuditKeyError ? e : new AuditKeyError(`${source.path} cannot be read (${(e as Error).message})`);
  }
}

/** Whether `signature` is `publicKey`'s signature of `text`. */
export function signatureHolds(publicKey: string, text: string, signature: string): boolean {
  if (!isPublicKey(publicKey) || !/^[A-Za-z0-9_-]{86}$/.test(signature)) return false;
  try {
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' });
    return verify(null, Buffer.from(text, 'utf8'), key, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}
