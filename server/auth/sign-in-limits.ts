/**
 * Guessing passwords is slowed down where it happens: failed sign-ins are counted per account and per
 * address (express-rate-limit, in memory, per server), and once either runs out the answer is 429 with
 * Retry-After, before any password is checked. Only failures count, so officers signing in all day
 * from one council address are never held up by each other; a correct password still has to wait out
 * the window once its account is being guessed at, which is the point.
 */

import type { Request, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { HttpProblem } from '../http/errors.js';

export interface SignInLimits {
  /** Failed attempts allowed per account name in a window. */
  perAccount: number;
  /** Failed attempts allowed per client address in a window (many people may share one). */
  perAddress: number;
  windowMinutes: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { perAccount: 10, perAddress: 50, windowMinutes: 15 };

/** For POST /api/auth/login: per address, then per account name. */
export function signInLimiters(limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS): RequestHandler[] {
  return [
    failureLimit(limits.perAddress, limits.windowMinutes, 'from this address', undefined),
    failureLimit(limits.perAccount, limits.windowMinutes, 'for this account', (req) => `account:${accountName(req)}`),
  ];
}

/** For a signed-in person's own password change: the current password is checked, so it can be guessed at too. */
export function passwordChangeLimiter(limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS): RequestHandler {
  return failureLimit(limits.perAccount, limits.windowMinutes, 'for this account', (req) => `user:${req.caller?.userId ?? ''}`);
}

function failureLimit(limit: number, windowMinutes: number, scope: string, key: ((req: Request) => string) | undefined): RequestHandler {
  return rateLimit({
    windowMs: windowMinutes * 60_000,
    limit,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...(key ? { keyGenerator: key } : {}),
    // A forwarded-for header from a client is only believed behind a configured proxy (RAS_TRUST_PROXY).
    validate: { xForwardedForHeader: false },
    handler: (_req, res, next) => {
      const seconds = Number(res.getHeader('Retry-After'));
      next(
        new HttpProblem(
          429,
          'too_many_attempts',
          `Too many failed sign-ins ${scope}: try again in ${Math.ceil(seconds / 60)} minute${seconds > 60 ? 's' : ''}.`,
        ),
      );
    },
  });
}

function accountName(req: Request): string {
  const username = (req.body as { username?: unknown } | undefined)?.username;
  return typeof username === 'string' ? username.toLowerCase() : '';
}
