/**
 * How an audit entry reads to a person: what happened in words, who did it by name, and what it was
 * done to by title, never by id. The log keeps ids (they never change); the words are worked out as
 * the log is read, from the records as they are now. The console shows them and searches by them.
 */

import type { AuditHeadline } from '../store/store.js';
import type { Collections } from '../store/records.js';

/** Each action the server records, in words. */
export const ACTION_WORDS: Readonly<Record<string, string>> = {
  'api-key.create': 'API key issued',
  'api-key.revoke': 'API key revoked',
  'api-key.used': 'API key used',
  'auth.sign-in': 'Signed in',
  'auth.sign-in-failed': 'Sign-in refused',
  'auth.sign-out': 'Signed out',
  'cohort.create': 'Cohort added',
  'cohort.delete': 'Cohort deleted',
  'decision.record': 'Decision recorded',
  'decision.final-budget': 'Final budget recorded',
  'policy.create': 'Scheme created',
  'policy.seed': 'Example scheme loaded',
  'policy.reference-cohort': 'Reference cohort chosen',
  'store.integrity': 'Record checked',
  'store.recovery': 'Unfinished write set aside after a crash',
  'store.upgrade': 'Record upgraded',
  'user.create': 'User created',
  'user.update': 'User changed',
  'user.password-reset': 'One-time sign-in code given (or asked for)',
  'user.enrol': 'Password set with a one-time code',
  'user.code-refused': 'One-time code turned down by the account holder',
  'user.pending-cancelled': 'Account change refused or withdrawn',
  'version.seed': 'Example version loaded',
  'version.create': 'Draft created',
  'version.edit': 'Draft changed',
  'version.edit-examples': 'Worked examples changed',
  'version.submit': 'Submitted for ratification',
  'version.return-to-draft': 'Returned to draft',
  'version.ratify': 'Ratified',
  'version.supersede': 'Replaced by a newer version (from the date it comes into force)',
  'version.withdrawal-proposed': 'Withdrawal proposed',
  'version.withdrawal-cancelled': 'Withdrawal proposal cancelled',
  'version.withdraw': 'Withdrawn',
  'version.restore': 'In force again after a withdrawal',
  'version.delete': 'Draft deleted',
};

/** The system's own actors, in words. */
const SYSTEM_ACTORS: Readonly<Record<string, string>> = {
  'system:seed': 'The system (loading the example schemes)',
  'system:store': 'The system (keeping the record)',
};

export interface AuditWords {
  actionWords: string;
  actorName: string;
  targetWords: string;
}

type Records = Pick<Collections, 'users' | 'policies' | 'cohorts'>;

/** Who did something, by the user's name now (or the system's role), from the username recorded. */
export function actorNames(users: Readonly<Collections['users']>): (actor: string) => string {
  const names = new Map(users.map((u) => [u.username, u.displayName]));
  return (actor) => SYSTEM_ACTORS[actor] ?? names.get(actor) ?? actor;
}

/** Reads entries against the records as they are now: one lookup table per read of the log. */
export function auditReader(records: { [K in keyof Records]: Readonly<Records[K]> }) {
  const usersById = new Map(records.users.map((u) => [u.id, u.displayName]));
  const policyTitles = new Map(records.policies.map((p) => [p.id, p.title]));
  const cohortNames = new Map(records.cohorts.map((c) => [c.id, c.name]));

  const actorName = actorNames(records.users);

  const targetWords = (target: string): string => {
    const at = target.indexOf(':');
    const kind = target.slice(0, at);
    const id = target.slice(at + 1);
    switch (kind) {
      case 'policy':
        return policyTitles.get(id) ?? `Scheme ${id}`;
      case 'version': {
        const [policyId = '', version = ''] = id.split('/');
        return `${policyTitles.get(policyId) ?? policyId}, version ${version}`;
      }
      case 'user':
        return `User ${usersById.get(id) ?? 'no longer on record'}`;
      case 'cohort':
        return `Cohort ${cohortNames.get(id) ?? 'since deleted'}`;
      case 'decision':
        return `Decision ${id.slice(0, 8)}`;
      case 'file':
      case 'store':
        return 'The record itself';
      default:
        return target;
    }
  };

  const wordsOf = (entry: AuditHeadline): AuditWords => ({
    actionWords: ACTION_WORDS[entry.action] ?? entry.action,
    actorName: actorName(entry.actor),
    targetWords: targetWords(entry.target),
  });

  /** A search: the words, in any case, anywhere in what happened, who or to what, in words or as recorded. */
  const search =
    (text: string) =>
    (entry: AuditHeadline): boolean => {
      const needle = text.toLocaleLowerCase('en-GB');
      const words = wordsOf(entry);
      return [entry.action, entry.actor, entry.target, words.actionWords, words.actorName, words.targetWords].some((field) =>
        field.toLocaleLowerCase('en-GB').includes(needle),
      );
    };

  return { wordsOf, search };
}
