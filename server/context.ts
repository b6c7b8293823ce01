import type { SignInLimits } from './auth/sign-in-limits.js';
import type { Clock } from './clock.js';
import type { Logger } from './logger.js';
import type { Store } from './store/store.js';
import type { WorkPool } from './work/pool.js';

/** What every route module needs; built once by createApp. */
export interface AppContext {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** One-time code that lets the first admin be created when there are no users; null otherwise. */
  setupCode: string | null;
  sessionHours: number;
  signInLimits: SignInLimits;
  /** Worker threads for heavy work (cohorts, comparisons, calibration), so no request stalls the others. */
  work: WorkPool;
}
