/**
 * A small, valid policy to vary in unit tests: two domains, one questionnaire, price per point.
 * Tests override just the part they are about, so each reads as a statement of one policy rule.
 */

import type { Assessment, Policy } from '../../engine/index.js';

export function basePolicy(overrides: Partial<Policy> = {}): Policy {
  return {
    schemaVersion: 1,
    id: 'test-ras',
    version: 'v1',
    title: 'Test RAS',
    council: 'Test Council',
    clientGroups: [
      { id: 'older-people', label: 'Older people' },
      { id: 'learning-disability', label: 'Learning disability' },
    ],
    domains: [
      { id: 'personal-care', label: 'Personal care' },
      { id: 'health', label: 'Health' },
    ],
    questionnaires: [
      {
        id: 'adults',
        label: 'Adults',
        questions: [
          {
            id: 'washing',
            domain: 'personal-care',
            text: 'Washing',
            answers: [
              { id: 'none', text: 'No help', points: 0 },
              { id: 'some', text: 'Some help', points: 10 },
              { id: 'lots', text: 'A lot of help', points: 40 },
              { id: 'na', text: 'Does not apply', points: 0, notApplicable: true },
            ],
          },
          {
            id: 'health-needs',
            domain: 'health',
            text: 'Health needs',
            answers: [
              { id: 'none', text: 'None', points: 0 },
              { id: 'some', text: 'Some', points: 5 },
              { id: 'high', text: 'High', points: 30 },
            ],
          },
        ],
      },
    ],
    pricing: { default: { method: 'price-per-point', period: 'week', pencePerPoint: 488 } },
    rounding: { unit: 'penny', mode: 'half-up' },
    weeksPerYear: 52,
    ...overrides,
  };
}

export function baseAssessment(overrides: Partial<Assessment> = {}): Assessment {
  return {
    reference: 'T-0001',
    assessmentDate: '2010-06-01',
    age: 70,
    clientGroup: 'older-people',
    answers: { washing: 'some', 'health-needs': 'some' },
    ...overrides,
  };
}
