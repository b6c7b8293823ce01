import { AssessmentInvalidError, evaluate, explain, PolicyInvalidError } from '../engine/index.js';
import { formatIssues } from './format-issues.js';
import { readJsonFile } from './read-json.js';
import { isWorkedExample } from './worked-example.js';

export interface EvaluateArgs {
  policyFile: string;
  assessmentFile: string;
  json: boolean;
  asOf?: string;
}

/** ras evaluate <policy.json> <assessment.json | worked-example.json> [--json] [--as-of YYYY-MM-DD] */
export async function evaluateCommand(args: EvaluateArgs, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const [policy, input] = await Promise.all([readJsonFile(args.policyFile), readJsonFile(args.assessmentFile)]);
  // A worked example file can be evaluated as it stands: its assessment, on its date.
  const assessment = isWorkedExample(input) ? input.assessment : input;
  const asOf = args.asOf ?? (isWorkedExample(input) ? input.asOf : undefined);
  try {
    const result = evaluate(policy, assessment, asOf ? { asOf } : {});
    out.write(args.json ? `${JSON.stringify(result, null, 2)}\n` : `${explain(result)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof PolicyInvalidError) {
      err.write(`${formatIssues(args.policyFile, e.issues)}\n${args.policyFile}: invalid policy\n`);
      return 1;
    }
    if (e instanceof AssessmentInvalidError) {
      err.write(`${formatIssues(args.assessmentFile, e.issues)}\n${args.assessmentFile}: invalid assessment for this policy\n`);
      return 1;
    }
    throw e;
  }
}
