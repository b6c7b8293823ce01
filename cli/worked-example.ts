/**
 * A worked example (rules/examples/<scheme>/<version>/examples/*.json) wraps an assessment with the
 * date it is worked out for and the hand-computed result it must give.
 */
export interface WorkedExample {
  name: string;
  asOf?: string;
  assessment: unknown;
  arithmetic?: string[];
  expect: Record<string, unknown>;
}

export function isWorkedExample(json: unknown): json is WorkedExample {
  return typeof json === 'object' && json !== null && 'assessment' in json && 'expect' in json;
}
