/**
 * The server's problems in the words of the screen: where a problem is, named by the labels the officer
 * sees (a band's name, a question's text), never a JSON Pointer; and what is wrong, in plain English,
 * never a pattern or a schema keyword.
 */

import type { Policy } from '../../engine/policy.js';
import type { ProblemError } from './contract/api-answers.js';

const SLUG_PATTERN = '^[a-z0-9]';
const COMPARISONS: Record<string, (limit: string) => string> = {
  '>=': (n) => `${n} or more`,
  '<=': (n) => `${n} or less`,
  '>': (n) => `more than ${n}`,
  '<': (n) => `less than ${n}`,
};

/**
 * What is wrong, in plain English. Semantic problems already are; schema ones are worded from their params
 * (what the check found, such as a schema check's keyword and limit), never parsed from the message.
 */
export function plainMessage(problem: Pick<ProblemError, 'code' | 'message' | 'params'>): string {
  const { code, message } = problem;
  const params: Record<string, unknown> = problem.params ?? {};
  switch (code) {
    case 'schema_pattern': {
      const pattern = String(params.pattern ?? '');
      // A username may also have dots and underscores; a version or scheme name has hyphens only.
      if (pattern.startsWith(SLUG_PATTERN) && pattern.includes('._-'))
        return 'Use lower-case letters, digits, dots, hyphens and underscores, starting with a letter or digit, such as olivia.officer.';
      return pattern.startsWith(SLUG_PATTERN)
        ? 'Use lower-case letters, digits and hyphens only, such as 2011-revised.'
        : 'This is not written the way it needs to be.';
    }
    case 'schema_required':
      return 'This must be filled in.';
    case 'schema_type':
      return params.type === 'number' || params.type === 'integer'
        ? 'Enter a number.'
        : params.type === 'string'
          ? 'Enter some text.'
          : 'This is the wrong kind of value.';
    case 'schema_range': {
      const comparison = String(params.comparison);
      return Object.hasOwn(COMPARISONS, comparison) && params.limit !== undefined
        ? `This must be ${COMPARISONS[comparison]!(String(params.limit))}.`
        : 'This is outside what is allowed.';
    }
    case 'schema_length': {
      if (params.keyword === 'minLength' && params.limit === 1) return 'This must be filled in.';
      if (params.keyword === 'minLength') return `This must be at least ${String(params.limit)} characters long.`;
      if (params.keyword === 'maxLength') return `This must be at most ${String(params.limit)} characters long.`;
      return 'This is too long or too short.';
    }
    case 'schema_enum':
    case 'schema_const':
      return 'Choose one of the options offered.';
    case 'schema_additional_property':
      return 'This is not part of a policy: remove it in the JSON tab.';
    case 'schema_format':
      return params.format === 'date' ? 'Enter a real date.' : 'This is not written the way it needs to be.';
    default:
      // Semantic checks speak the officer's language already.
      return message.charAt(0).toUpperCase() + message.slice(1);
  }
}

const TOP: Record<string, string> = {
  id: 'Scheme id',
  version: 'Version name',
  title: 'Title',
  council: 'Council',
  description: 'Description',
  weeksPerYear: 'Weeks in a year',
  rounding: 'Rounding',
  maximum: 'Maximum',
  uplifts: 'Uplifts',
  rules: 'Rules',
  schemaVersion: 'Policy format',
  examples: 'Worked examples',
};

const FIELD: Record<string, string> = {
  id: 'id',
  label: 'name',
  text: 'wording',
  points: 'points',
  weight: 'weight',
  from: 'from (points)',
  to: 'to (points)',
  pence: 'amount',
  hours: 'hours',
  pencePerPoint: 'price per point',
  basePence: 'base amount',
  hourlyRatePence: 'hourly rate',
  period: 'period',
  percent: 'percent',
  minAge: 'lowest age',
  maxAge: 'highest age',
  unit: 'unit',
  mode: 'direction',
};

/** Where a problem is, in the labels of the screen: "Pricing, standard table, band 'Band 2': to (points)". */
export function whereInPolicy(policy: Partial<Policy> | undefined, pointer: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
  const [head, ...rest] = parts;
  if (!head) return 'The policy';
  const field = (key: string | undefined) => (key === undefined ? '' : `: ${FIELD[key] ?? key}`);
  const nth = (list: unknown, i: string | undefined) =>
    (Array.isArray(list) ? list[Number(i)] : undefined) as Record<string, unknown> | undefined;
  const named = (item: Record<string, unknown> | undefined, noun: string, i: string | undefined) => {
    const name = item?.label ?? item?.text ?? item?.id;
    return typeof name === 'string' && name ? `${noun} '${name}'` : `${noun} ${Number(i) + 1}`;
  };
  switch (head) {
    case 'clientGroups':
      return `${named(nth(policy?.clientGroups, rest[0]), 'Client group', rest[0])}${field(rest[1])}`;
    case 'domains':
      return `${named(nth(policy?.domains, rest[0]), 'Area of need', rest[0])}${field(rest[1])}`;
    case 'questionnaires': {
      const q = nth(policy?.questionnaires, rest[0]);
      if (rest[1] !== 'questions') return `${named(q, 'Questionnaire', rest[0])}${field(rest[1])}`;
      const question = nth(q?.questions, rest[2]);
      if (rest[3] !== 'answers') return `${named(q, 'Questionnaire', rest[0])}, ${named(question, 'question', rest[2])}${field(rest[3])}`;
      const answer = nth(question?.answers, rest[4]);
      return `${named(q, 'Questionnaire', rest[0])}, ${named(question, 'question', rest[2])}, ${named(answer, 'answer', rest[4])}${field(rest[5])}`;
    }
    case 'pricing': {
      const tableName = rest[0] === 'default' ? 'the standard table' : `the table for ${groupLabel(policy, rest[1])}`;
      const table = (rest[0] === 'default' ? policy?.pricing?.default : policy?.pricing?.byClientGroup?.[rest[1] ?? '']) as
        | Record<string, unknown>
        | undefined;
      const inTable = rest[0] === 'default' ? rest.slice(1) : rest.slice(2);
      if (inTable[0] === 'bands')
        return `Pricing, ${tableName}, ${named(nth(table?.bands, inTable[1]), 'band', inTable[1])}${field(inTable[2])}`;
      return `Pricing, ${tableName}${field(inTable[0])}`;
    }
    case 'carerAdjustment':
      if (rest[0] === 'reductions' && rest[1]) return `Carer reduction for ${rest[1]} support${rest[2] ? ` with ${rest[2]} impact` : ''}`;
      return `Carer reduction${field(rest[1] ? rest[0] : undefined)}`;
    case 'uplifts':
      return `Uplift ${Number(rest[0]) + 1}${field(rest[1])}`;
    case 'rules': {
      const name = nth(policy?.rules, rest[0])?.name;
      return typeof name === 'string' ? `Rule '${name}'` : `Rule ${Number(rest[0]) + 1}`;
    }
    case 'maximum':
      return `Maximum${field(rest[0] === 'route' ? undefined : rest[0])}${rest[0] === 'route' ? ': route above it' : ''}`;
    default:
      return `${TOP[head] ?? head}${field(rest[0])}`;
  }
}

function groupLabel(policy: Partial<Policy> | undefined, id: string | undefined): string {
  return policy?.clientGroups?.find((g) => g.id === id)?.label ?? `'${id}'`;
}

/** The name of the form input that holds the value at a pointer (react-hook-form names inputs by their source). */
export function inputNameFor(pointer: string, root = 'document'): string {
  return [root, ...pointer.split('/').slice(1)].join('.');
}

/**
 * The JSON editor's own schema messages (Monaco's JSON language service, in its words: "Value is below
 * the exclusive minimum of 0.") in the words the forms use. A message it does not know is kept as it is.
 */
export function plainEditorMessage(message: string): string {
  for (const [pattern, words] of EDITOR_MESSAGES) {
    const match = pattern.exec(message);
    if (match) return words(...match.slice(1));
  }
  return message;
}

const EDITOR_MESSAGES: ReadonlyArray<readonly [RegExp, (...found: string[]) => string]> = [
  [/^Value is below the exclusive minimum of (.+)\.$/, (n) => `This must be more than ${n}.`],
  [/^Value is below the minimum of (.+)\.$/, (n) => `This must be ${n} or more.`],
  [/^Value is above the exclusive maximum of (.+)\.$/, (n) => `This must be less than ${n}.`],
  [/^Value is above the maximum of (.+)\.$/, (n) => `This must be ${n} or less.`],
  [/^Missing property "(.+)"\.$/, (name) => `Something this part needs is missing: "${name}".`],
  [/^Incorrect type\. Expected "(number|integer)"\.$/, () => 'Enter a number here.'],
  [/^Incorrect type\. Expected "string"\.$/, () => 'Enter some text here, in double quotes.'],
  [/^Incorrect type\. Expected "(.+)"\.$/, () => 'This is the wrong kind of value.'],
  [/^Property (.+) is not allowed\.$/, (name) => `${name} is not part of a policy: remove it.`],
  [/^Value is not accepted\. Valid values: (.+)\.$/, (values) => `Choose one of ${values}.`],
  [/^String is shorter than the minimum length of 1\.$/, () => 'This must be filled in.'],
  [/^String is shorter than the minimum length of (\d+)\.$/, (n) => `This must be at least ${n} characters long.`],
  [/^String is longer than the maximum length of (\d+)\.$/, (n) => `This must be at most ${n} characters long.`],
  [/^String does not match the pattern of .+\.$/, () => 'This is not written the way it needs to be.'],
  [/^String is not a RFC3339 date\.$/, () => 'Write the date as year, month and day, such as "2011-04-01".'],
  [/^Array has too few items\. Expected (\d+) or more\.$/, (n) => `This list needs at least ${n}.`],
  [/^Value must be (.+)\.$/, (value) => `This must be ${value}.`],
];
