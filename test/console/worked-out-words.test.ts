/**
 * The "Correct the hand figures" dialog says under each figure what this version works out, in sentences a
 * person would write: a flag's message (which ends with its own full stop) is not followed by another, and a
 * carer reduction is applied or not applied by the version, never "works out not applied".
 */

import { describe, expect, it } from 'vitest';
import { correctionFields, workedOutWords } from '../../admin/src/versions/WorkedExamples';
import type { Policy } from '../../engine/index.js';
import type { WorkedExample } from '../../engine/worked-example';
import { exampleVersions } from '../support/examples.js';

const adult = exampleVersions().find((v) => v.scheme === 'adult-ras' && v.version === '2010-revised')!.policy as Policy;
const flag = adult.rules![0]!;

describe('what this version works out, under each figure of the correction dialog', () => {
  const example = {
    name: 'A carer and a flag',
    assessment: {},
    expect: { totalPoints: 40, carerReductionApplied: true, flags: [] },
  } as unknown as WorkedExample;
  // The version works it out otherwise: no carer reduction, and the flag raised.
  const outcome = {
    name: 'A carer and a flag',
    passed: false,
    differences: [
      { field: 'carerReductionApplied', expected: true, actual: false },
      { field: 'flags', expected: [], actual: [flag.event.type] },
    ],
  } as never;
  const helper = (name: string) =>
    correctionFields(example, outcome, adult).find((f) => f.name === name || f.name.endsWith(name))?.helperText;

  it('ends a flag’s message with one full stop, never two', () => {
    expect(flag.event.params.message.endsWith('.')).toBe(true);
    const text = correctionFields(example, outcome, adult)
      .map((f) => f.helperText ?? '')
      .join(' ');
    expect(text).not.toContain('..');
    expect(text).toContain(`This version raises the flag “${flag.event.params.message.replace(/\.$/, '')}”.`);
  });

  it('says whether the version applies the carer reduction, in words', () => {
    expect(helper('carerReductionApplied')).toBe('This version does not apply the carer reduction.');
    expect(workedOutWords('carerReductionApplied', true, adult)).toBe('this version applies the carer reduction');
    expect(helper('totalPoints')).toBe('This version works out 40 points.');
  });

  it('says "no flag", and an outcome as what the version finds or gives', () => {
    expect(workedOutWords('flags', [], adult)).toBe('this version raises no flag');
    expect(workedOutWords('outcome', 'not-eligible', adult)).toBe('this version finds the case not eligible');
  });
});
