/**
 * One reading of If-Match (RFC 9110 §13.1.1): "*" or a list of entity tags, surrounded only by spaces
 * and tabs, compared strongly. Every precondition in the server reads it this way.
 */

import { describe, expect, it } from 'vitest';
import type { DomainError } from '../../server/domain/errors.js';
import { type PreconditionRule, readIfMatch, requirePrecondition } from '../../server/domain/preconditions.js';

const RULE: PreconditionRule = {
  any: false,
  what: 'version 2011',
  staleCode: 'changed_since_review',
  advice: 'review it again',
  required: 'Send If-Match.',
};

function outcome(header: string | undefined, rule = RULE): string {
  try {
    requirePrecondition(header, '"7"', rule);
    return 'met';
  } catch (e) {
    return `${(e as DomainError).kind} ${(e as DomainError).code}`;
  }
}

describe('If-Match', () => {
  it('is read as absent, any, a list of strong tags, or malformed', () => {
    expect(readIfMatch(undefined)).toEqual({ kind: 'absent' });
    expect(readIfMatch(' \t')).toEqual({ kind: 'absent' });
    expect(readIfMatch(' * ')).toEqual({ kind: 'any' });
    expect(readIfMatch('"1", W/"2",\t"3"')).toEqual({ kind: 'tags', tags: ['"1"', '"3"'], listed: 3 });
    // Empty list elements are ignored (RFC 9110 §5.6.1).
    expect(readIfMatch('"1", ,"3",')).toEqual({ kind: 'tags', tags: ['"1"', '"3"'], listed: 2 });
    expect(readIfMatch(',')).toEqual({ kind: 'malformed' });
    expect(readIfMatch('\u00a0*')).toEqual({ kind: 'malformed' });
    expect(readIfMatch('7')).toEqual({ kind: 'malformed' });
    expect(readIfMatch('"7" "8"')).toEqual({ kind: 'malformed' });
  });

  it('meets the precondition only with the current tag, with spaces or tabs around it', () => {
    expect(outcome('"7"')).toBe('met');
    expect(outcome(' \t"7"\t ')).toBe('met');
    expect(outcome('"7",')).toBe('met');
  });

  it('fails with 412 for another revision, and for a weak tag, saying which', () => {
    expect(outcome('"6"')).toBe('precondition-failed changed_since_review');
    expect(outcome('W/"7"')).toBe('precondition-failed if_match_weak');
  });

  it('fails with 412 for anything that is not an entity tag, saying so', () => {
    for (const header of ['\u00a0"7"', '\u00a0*', '*\u00a0', '"7"\u200b', '7', '*, "7"'])
      expect(outcome(header), JSON.stringify(header)).toBe('precondition-failed if_match_malformed');
  });

  it('where a person names what they reviewed, takes one tag, not a list that would match any revision', () => {
    expect(outcome('"6", "7"')).toBe('precondition-failed if_match_malformed');
    expect(outcome('W/"0", "7"')).toBe('precondition-failed if_match_malformed');
    expect(outcome(Array.from({ length: 500 }, (_, i) => `"${i}"`).join(','))).toBe('precondition-failed if_match_malformed');
    // Where any revision will do (a draft's edit), a list is read as HTTP reads it.
    expect(outcome('"6", "7"', { ...RULE, any: true })).toBe('met');
  });

  it('is required (428), and "*" is no answer where a person must name what they reviewed', () => {
    expect(outcome(undefined)).toBe('precondition-required if_match_required');
    expect(outcome('*')).toBe('precondition-required if_match_required');
    expect(outcome('*', { ...RULE, any: true })).toBe('met');
  });
});
