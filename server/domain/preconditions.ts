/**
 * One reading of If-Match, for every write that must name what its writer read (a draft's edit, a
 * ratification, a withdrawal's confirmation, a final budget). RFC 9110 §13.1.1: the field is "*" or a
 * comma-separated list of entity tags; only optional white space (space and horizontal tab) may
 * surround them, and If-Match compares strongly, so a weak tag (W/"3") never matches. Anything else,
 * a no-break space before "*" included, is not an If-Match the service understands, and is refused.
 */

import { DomainError } from './errors.js';

export type IfMatch =
  | { kind: 'absent' }
  | { kind: 'any' }
  /** The strong tags, and how many tags were listed, weak ones included. */
  | { kind: 'tags'; tags: string[]; listed: number }
  | { kind: 'malformed' };

const OWS = /^[ \t]+|[ \t]+$/g;
/** An entity tag: optional W/ and a quoted string of etagc characters (no space, quote or control). */
const ENTITY_TAG = /^(W\/)?"[\x21\x23-\x7e\x80-\xff]*"$/;

export function readIfMatch(header: string | readonly string[] | undefined): IfMatch {
  if (header === undefined) return { kind: 'absent' };
  // Node joins repeated If-Match fields with ", ", as HTTP allows for list fields.
  const value = (typeof header === 'string' ? header : header.join(', ')).replace(OWS, '');
  if (value === '') return { kind: 'absent' };
  if (value === '*') return { kind: 'any' };
  // Empty list elements ("a, , b" or a trailing comma) are ignored, as RFC 9110 §5.6.1 asks of a recipient.
  const members = value
    .split(',')
    .map((m) => m.replace(OWS, ''))
    .filter((m) => m !== '');
  if (members.length === 0 || members.some((m) => !ENTITY_TAG.test(m))) return { kind: 'malformed' };
  // Strong comparison: weak tags are kept out, so they can never match.
  return { kind: 'tags', tags: members.filter((m) => !m.startsWith('W/')), listed: members.length };
}

export interface PreconditionRule {
  /**
   * Whether "*" (any current revision), or a list of tags, will do: never where a person must name the one
   * revision they reviewed (a list of every revision would match whatever it has become).
   */
  any: boolean;
  /** What the record is called in messages, e.g. "version 2011". */
  what: string;
  /** The problem code when the record changed since it was read. */
  staleCode: string;
  /** What to do then, in words. */
  advice: string;
  /** Why the header is needed, said when it is missing. */
  required: string;
}

/** Throws unless the If-Match header names exactly the current ETag (or "*", where the rule allows it). */
export function requirePrecondition(header: string | readonly string[] | undefined, currentEtag: string, rule: PreconditionRule): void {
  const read = readIfMatch(header);
  if (read.kind === 'absent') throw new DomainError('precondition-required', 'if_match_required', rule.required);
  if (read.kind === 'any' && !rule.any)
    throw new DomainError('precondition-required', 'if_match_required', `If-Match: * names no revision. ${rule.required}`);
  if (read.kind === 'any') return;
  if (read.kind === 'malformed')
    throw new DomainError(
      'precondition-failed',
      'if_match_malformed',
      `If-Match must be an entity tag such as ${currentEtag}, with nothing around it but spaces or tabs: ${rule.advice}.`,
    );
  if (!rule.any && read.listed > 1)
    throw new DomainError(
      'precondition-failed',
      'if_match_malformed',
      `If-Match must name the one revision you reviewed, such as ${currentEtag}, not a list: ${rule.advice}.`,
    );
  if (read.tags.length === 0)
    throw new DomainError(
      'precondition-failed',
      'if_match_weak',
      `A weak tag (W/…) names no exact revision, and If-Match compares strongly: send the ETag as it was given, such as ${currentEtag}.`,
    );
  if (!read.tags.includes(currentEtag))
    throw new DomainError(
      'precondition-failed',
      rule.staleCode,
      `${capitalise(rule.what)} has changed since you read it (it is now ${currentEtag}, you sent ${read.tags.join(', ')}): ${rule.advice}.`,
    );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
