/**
 * The audit key the test runs sign checkpoints with: one key file for every suite, server and `ras`
 * command of a run (vitest.config.ts names it in RAS_AUDIT_KEY_FILE, as a council's server would be
 * given its key), made on first use in the temporary directory, never in the repository.
 */

import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { type AuditKey, loadAuditKey } from '../../server/audit/signing-key.js';

export const TEST_AUDIT_KEY_FILE = process.env.RAS_AUDIT_KEY_FILE ?? join(tmpdir(), `ras-test-audit-key-${userInfo().username}.pem`);

let key: Promise<AuditKey> | null = null;

export function testAuditKey(): Promise<AuditKey> {
  key ??= loadAuditKey({ kind: 'file', path: TEST_AUDIT_KEY_FILE }).then((loaded) => loaded.key);
  return key;
}
