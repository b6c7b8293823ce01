import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret for a session token or API key; only its SHA-256 is stored. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256(secret: string): string {
  return hash('sha256', secret, 'hex');
}

/** Whether a presented secret has a stored SHA-256 (hex), compared in constant time. */
export function hashes(secret: string, stored: string): boolean {
  return sameDigest(hash('sha256', secret, 'buffer'), Buffer.from(stored, 'hex'));
}

export function sameHash(a: string, b: string): boolean {
  return sameDigest(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}

function sameDigest(x: Buffer, y: Buffer): boolean {
  return x.length === y.length && timingSafeEqual(x, y);
}
