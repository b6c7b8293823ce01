/**
 * What a password must be, as the NCSC advises: long (12 characters or more), not one of the passwords
 * attackers try first, and not the account's own name. No composition rules (a capital, a digit): they
 * make passwords harder to remember, not to guess. "Not common" is zxcvbn's estimate against its lists
 * of common passwords, words, names, keyboard runs, repeats and dates: a password it puts under 10^8 guesses is refused.
 */

import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { HttpProblem } from '../http/errors.js';
import { MIN_PASSWORD_LENGTH } from './passwords.js';

/** zxcvbn's score 3: at least 10^8 guesses, beyond an online attack even without rate limits. */
const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | null = null;

/** Why a password may not be used, in words for the person choosing it; null when it may. */
export function passwordWeakness(password: string, account: { username: string; displayName?: string }): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `use at least ${MIN_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  const names = [account.username, account.displayName].filter((n): n is string => !!n && n.trim().length >= 3);
  if (names.some((n) => lower.includes(n.toLowerCase()))) return 'do not use the username or name in the password';
  // A long username's first part (a prefix), or any part of it, is as guessable as the whole.
  if (names.some((n) => n.toLowerCase().includes(lower))) return 'do not use part of the username or name as the password';
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  const estimate = estimator.check(password, names);
  if (estimate.score >= MIN_SCORE) return null;
  const why = estimate.feedback.warning ? `${estimate.feedback.warning.replace(/\.$/, '')}: ` : '';
  return `${why}this password is among the first an attacker would try; a few unrelated words make a strong one`;
}

/** A 422 naming the field, for a password that may not be used. */
export function requireStrongPassword(password: string, account: { username: string; displayName?: string }, pointer = '/password'): void {
  const weakness = passwordWeakness(password, account);
  if (weakness)
    throw new HttpProblem(422, 'weak_password', `Choose another password: ${weakness}.`, [
      { pointer, code: 'weak_password', message: weakness },
    ]);
}
