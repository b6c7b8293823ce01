/**
 * The facts a rule may test are one table (engine/rule-facts.ts): the policy checks, the cohort's getters
 * and the words of a condition read it, and rules/README.md lists the same facts for policy authors.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conditionInWords, ruleInWords, type Policy } from '../../engine/index.js';
import { FACT_NAMES, RULE_FACTS } from '../../engine/rule-facts.js';
import { exampleVersions } from '../support/examples.js';

const README = readFileSync(new URL('../../rules/README.md', import.meta.url), 'utf8');

describe('the facts a rule may test', () => {
  it('are listed in rules/README.md, every one and no other', () => {
    const table = README.slice(README.indexOf('### Facts available to rules'), README.indexOf('## Semantic checks'));
    const listed = [...table.matchAll(/^\|([^|]+)\|/gm)].flatMap((row) => [...row[1]!.matchAll(/`(\w+)`/g)].map((m) => m[1]!));
    expect(listed.sort()).toEqual([...FACT_NAMES].sort());
  });

  it('read in words a panel member can check, with keys and values by the policy’s labels', () => {
    const adult = exampleVersions().find((v) => v.scheme === 'adult-ras' && v.version === '2010-revised')!.policy as Policy;
    expect(ruleInWords(adult, adult.rules![0]!)).toBe('When the weekly budget is more than £1,000.00.');
    const health = adult.domains.find((d) => d.id === 'health')!.label;
    expect(conditionInWords(adult, { fact: 'domainPoints', path: '$.health', operator: 'greaterThanInclusive', value: 28 })).toBe(
      `the points for “${health}” is at least 28`,
    );
    expect(conditionInWords(adult, { fact: 'carerReductionApplied', operator: 'equal', value: true })).toBe(
      `${RULE_FACTS.carerReductionApplied.words} is yes`,
    );
  });
});
