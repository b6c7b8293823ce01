/**
 * The console names a refused field by the labels on screen and says what is wrong in plain English:
 * never a JSON Pointer, a pattern or a schema keyword.
 */

import { describe, expect, it } from 'vitest';
import { plainMessage, whereInPolicy } from '../../admin/src/plainErrors.js';
import { policySchemaIssues } from '../../engine/schema.js';
import { fromIssues } from '../../server/http/errors.js';
import { basePolicy } from '../support/policy-builder.js';

const policy = basePolicy({
  pricing: {
    default: {
      method: 'bands',
      period: 'week',
      bands: [
        { label: 'Nil band', from: 0, to: 9, pence: 0 },
        { from: 10, pence: 5000 },
      ],
    },
    byClientGroup: { 'learning-disability': { method: 'price-per-point', period: 'week', pencePerPoint: 500 } },
  },
});

describe('where a problem is', () => {
  it('names bands, questions, answers and tables as the screen does', () => {
    expect(whereInPolicy(policy, '/pricing/default/bands/0/to')).toBe("Pricing, the standard table, band 'Nil band': to (points)");
    expect(whereInPolicy(policy, '/pricing/default/bands/1/pence')).toBe('Pricing, the standard table, band 2: amount');
    expect(whereInPolicy(policy, '/pricing/byClientGroup/learning-disability/pencePerPoint')).toBe(
      'Pricing, the table for Learning disability: price per point',
    );
    expect(whereInPolicy(policy, '/questionnaires/0/questions/1/answers/2/points')).toBe(
      "Questionnaire 'Adults', question 'Health needs', answer 'High': points",
    );
    expect(whereInPolicy(policy, '/domains/1/weight')).toBe("Area of need 'Health': weight");
    expect(whereInPolicy(policy, '/carerAdjustment/reductions/regular/high')).toBe('Carer reduction for regular support with high impact');
    expect(whereInPolicy(policy, '/version')).toBe('Version name');
  });
});

describe('what is wrong', () => {
  it('words what the schema check found from its params, as the server sends them, never from its message', () => {
    // Real issues from the engine's schema check, through the server's problem document, as the console receives them.
    const said = (patch: Record<string, unknown>, pointer: string) => {
      const problem = fromIssues(policySchemaIssues({ ...policy, ...patch })).find((p) => p.pointer === pointer);
      if (!problem) throw new Error(`no problem at ${pointer}`);
      return plainMessage({ ...problem, message: 'a message the console must not need' });
    };
    expect(said({ version: 'Not A Slug' }, '/version')).toBe('Use lower-case letters, digits and hyphens only, such as 2011-revised.');
    expect(said({ weeksPerYear: 54 }, '/weeksPerYear')).toBe('This must be 53 or less.');
    expect(said({ weeksPerYear: 51 }, '/weeksPerYear')).toBe('This must be 52 or more.');
    expect(said({ title: '' }, '/title')).toBe('This must be filled in.');
    expect(said({ title: 'x'.repeat(501) }, '/title')).toBe('This must be at most 500 characters long.');
    expect(said({ weeksPerYear: 'fifty-two' }, '/weeksPerYear')).toBe('Enter a number.');
    expect(said({ title: 7 }, '/title')).toBe('Enter some text.');
    expect(plainMessage({ code: 'schema_required', message: '', params: { property: 'title' } })).toBe('This must be filled in.');
  });

  it("keeps the semantic checks' own words, which already use the labels", () => {
    expect(plainMessage({ code: 'band_gap', message: "band 'B' starts at 30 points" })).toBe("Band 'B' starts at 30 points");
  });
});

describe('a refused account form', () => {
  it('words a bad username with an example of a username, not of a version name', async () => {
    const { checkedBody } = await import('../../server/http/request-check.js');
    let problem: ReturnType<typeof fromIssues>[number] | undefined;
    try {
      checkedBody('CreateUserRequest', { body: { username: 'Olivia Officer', displayName: 'Olivia', roles: ['officer'] } } as never);
    } catch (e) {
      problem = (e as { errors: ReturnType<typeof fromIssues> }).errors.find((p) => p.pointer === '/username');
    }
    expect(problem).toBeDefined();
    expect(plainMessage(problem!)).toBe(
      'Use lower-case letters, digits, dots, hyphens and underscores, starting with a letter or digit, such as olivia.officer.',
    );
  });
});

describe("the JSON editor's problems", () => {
  // Monaco's own messages, as vscode-json-languageservice words them for this policy schema.
  it('are said in the words the forms use', async () => {
    const { plainEditorMessage } = await import('../../admin/src/plainErrors.js');
    expect(plainEditorMessage('Value is below the exclusive minimum of 0.')).toBe('This must be more than 0.');
    expect(plainEditorMessage('Value is below the minimum of 52.')).toBe('This must be 52 or more.');
    expect(plainEditorMessage('Missing property "label".')).toBe('Something this part needs is missing: "label".');
    expect(plainEditorMessage('Incorrect type. Expected "number".')).toBe('Enter a number here.');
    expect(plainEditorMessage('Property colour is not allowed.')).toBe('colour is not part of a policy: remove it.');
    expect(plainEditorMessage('String is not a RFC3339 date.')).toBe('Write the date as year, month and day, such as "2011-04-01".');
  });

  it('keeps a message it does not know as the editor said it', async () => {
    const { plainEditorMessage } = await import('../../admin/src/plainErrors.js');
    expect(plainEditorMessage('Trailing comma')).toBe('Trailing comma');
  });
});
