/**
 * A version's worked examples, as a decision-table simulator shows them: each case with what its hand
 * computation expects and what this version works out, in pounds, pass or fail. They run again whenever
 * the version changes. On a draft an officer may accept a new result with a reason, or correct the example's
 * hand figures (in pounds) with a reason; the audit log keeps both.
 */

import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useDataProvider, useNotify, usePermissions, useRefresh } from 'react-admin';
import type { Policy } from '../../../engine/policy';
import type { WorkedExample, WorkedExpectation } from '../../../engine/worked-example';
import type { Access } from '../authProvider';
import { parsePounds } from '../../../engine/cohort/pounds';
import { formatNumber, formatPence } from '../format';
import type { ExamplesReport, RasDataProvider } from '../dataProvider';
import { ActionDialog, type DialogField } from './ActionDialog';
import { describeError, perPeriod } from './format';
import { penceToPoundsText } from './pounds';
import { explainSteps } from '../../../engine/explain';

export interface ExamplesVersion {
  id: string;
  status: string;
  etag?: string;
  updatedAt: string;
  contentHash: string;
  document: Policy;
  examples: WorkedExample[];
}

const FIELD_WORDS: Record<keyof WorkedExpectation, string> = {
  totalPoints: 'Total points',
  allocation: "Amount in the table's period",
  weeklyPence: 'Weekly amount',
  monthlyPence: 'Monthly amount',
  annualPence: 'Annual amount',
  outcome: 'Outcome',
  awardPence: 'Award paid',
  carerReductionApplied: 'Carer reduction',
  flags: 'Flags',
};

/** One example's outcome as the server reports it (the generated ExamplesReport). */
type ExampleOutcome = ExamplesReport['examples'][number];

/** A field the report names that an example may state (the report's type says only `string`). */
const isExpectedField = (field: string): field is keyof WorkedExpectation => Object.hasOwn(FIELD_WORDS, field);

/** A field of a difference and its value in words; a field this console does not know is named as the server sent it. */
const differenceWords = (field: string, value: unknown, policy: Policy): string =>
  isExpectedField(field) ? `${FIELD_WORDS[field]}: ${valueWords(field, value, policy)}` : `${field}: differs`;

/** A value of an expectation in words and pounds, never in pence or JSON. */
export function valueWords(field: keyof WorkedExpectation, value: unknown, policy: Policy): string {
  if (value === null || value === undefined) return field === 'outcome' ? 'an amount' : 'no amount';
  switch (field) {
    case 'allocation': {
      const a = value as { period: string; pence: number };
      return `${formatPence(a.pence)} ${perPeriod(a.period)}`;
    }
    case 'weeklyPence':
    case 'monthlyPence':
    case 'annualPence':
    case 'awardPence':
      return formatPence(value as number);
    case 'totalPoints':
      return `${formatNumber(value as number)} points`;
    case 'carerReductionApplied':
      return value ? 'applied' : 'not applied';
    case 'flags': {
      const flags = value as string[];
      const messages = flags.map((code) => policy.rules?.find((r) => r.event.type === code)?.event.params.message ?? code);
      return messages.length === 0 ? 'none' : messages.join('; ');
    }
    case 'outcome':
      return value === 'not-eligible' ? 'not eligible' : (policy.outcomes?.find((o) => o.id === value)?.label ?? String(value));
  }
}

/**
 * What this version works out for a field, as a clause a sentence can start or end with ("this version raises
 * no flag"): a flag's message keeps no full stop of its own, and a yes or no reads as what the version does.
 */
export function workedOutWords(field: keyof WorkedExpectation, value: unknown, policy: Policy): string {
  switch (field) {
    case 'carerReductionApplied':
      return value ? 'this version applies the carer reduction' : 'this version does not apply the carer reduction';
    case 'flags': {
      const flags = (value as string[] | null | undefined) ?? [];
      if (flags.length === 0) return 'this version raises no flag';
      const messages = flags.map((code) =>
        (policy.rules?.find((r) => r.event.type === code)?.event.params.message ?? code).trim().replace(/[.\s]+$/, ''),
      );
      return `this version raises ${flags.length === 1 ? 'the flag' : 'the flags'} “${messages.join('”; “')}”`;
    }
    case 'outcome':
      if (value === 'not-eligible') return 'this version finds the case not eligible';
      if (value === null || value === undefined) return 'this version works out an amount';
      return `this version gives “${valueWords(field, value, policy)}”`;
    default:
      return `this version works out ${valueWords(field, value, policy)}`;
  }
}

/** The clause as a sentence of its own. */
const workedOutSentence = (field: keyof WorkedExpectation, value: unknown, policy: Policy): string => {
  const clause = workedOutWords(field, value, policy);
  return `${clause[0]!.toUpperCase()}${clause.slice(1)}.`;
};

/** The figure a reader looks for first: the outcome without an amount, or the amount in the table's period. */
function headline(expect: WorkedExpectation, policy: Policy): string {
  if (expect.outcome) return valueWords('outcome', expect.outcome, policy);
  if (expect.allocation) return valueWords('allocation', expect.allocation, policy);
  if (expect.weeklyPence != null) return `${formatPence(expect.weeklyPence)} a week`;
  return '–';
}

export function WorkedExamples({ record }: { record: ExamplesVersion }) {
  const dataProvider = useDataProvider<RasDataProvider>();
  const { permissions } = usePermissions<Access>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [report, setReport] = useState<ExamplesReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [accepting, setAccepting] = useState<number | null>(null);
  const [correcting, setCorrecting] = useState<number | null>(null);
  const canEdit = record.status === 'draft' && (permissions?.actions ?? []).includes('version.draft');

  // Run again whenever the version's content or its examples change: every save moves updatedAt.
  // biome-ignore lint/correctness/useExhaustiveDependencies: updatedAt and contentHash are what trigger a new run
  useEffect(() => {
    let current = true;
    setFailure(null);
    dataProvider.runExamples(record.id).then(
      (r) => current && setReport(r),
      (e) => current && setFailure(describeError(e)),
    );
    return () => {
      current = false;
    };
  }, [dataProvider, record.id, record.updatedAt, record.contentHash]);

  async function accept(index: number, reason: string) {
    const outcome = report!.examples[index]!;
    const examples = record.examples.map((example, i) => {
      if (i !== index) return example;
      const expect = { ...example.expect } as Record<string, unknown>;
      for (const d of outcome.differences) expect[d.field] = d.actual;
      return { ...example, expect: expect as WorkedExpectation };
    });
    await dataProvider.saveExamples(record.id, examples, `Accepted the new result of '${outcome.name}': ${reason}`, record.etag ?? '');
    notify(`The new result of '${outcome.name}' is now what it expects.`, { type: 'success' });
    setAccepting(null);
    refresh();
  }

  /**
   * The officer's own hand figures for a failing example: every figure it states (points, amounts in pounds,
   * outcome, carer reduction, flags), with how it was worked out, in words. It is saved, run again, and said
   * to be corrected only if it then gives what it expects; otherwise what still differs is said.
   */
  async function correct(index: number, values: Record<string, string | boolean>) {
    const example = record.examples[index]!;
    const outcome = report!.examples[index]!;
    const read = readCorrection(example, values, record.document);
    if ('problems' in read)
      throw Object.assign(new Error('Some figures cannot be read: put them right below.'), { body: { errors: read.problems } });
    const arithmetic = String(values.arithmetic ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const examples = record.examples.map((e, i) =>
      i === index ? { ...e, expect: read.expect, ...(arithmetic.length ? { arithmetic } : {}) } : e,
    );
    await dataProvider.saveExamples(
      record.id,
      examples,
      `Corrected the hand figures of '${outcome.name}': ${values.reason}`,
      record.etag ?? '',
    );
    const rerun = await dataProvider.runExamples(record.id);
    const now = rerun.examples[index];
    setReport(rerun);
    setCorrecting(null);
    refresh();
    if (now?.passed) notify(`'${outcome.name}' is corrected: it now gives what it expects.`, { type: 'success' });
    else
      notify(
        `The hand figures of '${outcome.name}' are saved, but it still does not give what it expects: ${
          now?.differences
            .map(
              (d) =>
                `${differenceWords(d.field, d.expected, record.document)}, ${isExpectedField(d.field) ? workedOutWords(d.field, d.actual, record.document) : `this version works out ${valueWordsOf(d.field, d.actual, record.document)}`}`,
            )
            .join('; ') ?? 'it could not be run'
        }.`,
        { type: 'warning', autoHideDuration: 20000, multiLine: true },
      );
  }

  const failing = report?.examples.filter((e) => !e.passed).length ?? 0;
  return (
    <Box component="section" aria-labelledby="examples-heading" sx={{ mb: 3 }}>
      <Typography id="examples-heading" variant="h2" component="h2" sx={{ mb: 1 }}>
        Worked examples
      </Typography>
      <Typography sx={{ mb: 1, maxWidth: '75ch' }}>
        Each worked example is a case with the result a hand computation expects. A version can be submitted only when every one of them
        gives what it expects.
      </Typography>
      {failure && <Alert severity="error">{failure}</Alert>}
      {!report && !failure && <Typography role="status">Running the worked examples…</Typography>}
      {report && (
        <>
          <Alert severity={failing === 0 ? 'success' : 'error'} role="status" sx={{ mb: 2 }} data-testid="examples-summary">
            {record.examples.length === 0
              ? 'This version has no worked examples yet. Add one from the calculator: work out a case, then keep it as a worked example.'
              : failing === 0
                ? `All ${formatNumber(report.examples.length)} worked examples give what they expect.`
                : `${formatNumber(failing)} of ${formatNumber(report.examples.length)} worked examples do not give what they expect. Correct the policy, or accept the new result with a reason.`}
          </Alert>
          <Box tabIndex={0} role="region" aria-label="Worked examples (scrolls sideways on a small screen)" sx={{ overflowX: 'auto' }}>
            <Table size="small" aria-label="Worked examples: expected and worked out">
              <TableHead>
                <TableRow>
                  <TableCell component="th" scope="col">
                    Example
                  </TableCell>
                  <TableCell component="th" scope="col">
                    Expected
                  </TableCell>
                  <TableCell component="th" scope="col">
                    Worked out by this version
                  </TableCell>
                  <TableCell component="th" scope="col">
                    Result
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {report.examples.map((outcome, i) => (
                  <ExampleRow
                    key={`${i}-${outcome.name}`}
                    outcome={outcome}
                    example={record.examples[i]}
                    policy={record.document}
                    onAccept={canEdit && outcome.differences.length > 0 ? () => setAccepting(i) : undefined}
                    onCorrect={canEdit && outcome.differences.length > 0 ? () => setCorrecting(i) : undefined}
                  />
                ))}
              </TableBody>
            </Table>
          </Box>
        </>
      )}
      {accepting !== null && report && (
        <ActionDialog
          open
          title="Accept the new result"
          intro={`'${report.examples[accepting]!.name}' will expect what this version now works out. Say why the new result is right: the reason is kept in the audit log.`}
          fields={[{ name: 'reason', label: 'Reason', multiline: true, required: true }]}
          confirm="Accept the new result"
          onClose={() => setAccepting(null)}
          onSubmit={(values) => accept(accepting, String(values.reason))}
        />
      )}
      {correcting !== null && report && (
        <CorrectDialog
          example={record.examples[correcting]!}
          outcome={report.examples[correcting]!}
          versionId={record.id}
          policy={record.document}
          onClose={() => setCorrecting(null)}
          onSubmit={(values) => correct(correcting, values)}
        />
      )}
    </Box>
  );
}

/** The figures an example may state, in the order a reader works them out. */
const STATED: Array<keyof WorkedExpectation> = [
  'totalPoints',
  'outcome',
  'allocation',
  'weeklyPence',
  'monthlyPence',
  'annualPence',
  'awardPence',
  'carerReductionApplied',
  'flags',
];
const MONEY = new Set<keyof WorkedExpectation>(['weeklyPence', 'monthlyPence', 'annualPence', 'awardPence']);
const AN_AMOUNT = 'amount';
const FLAG = 'flag:';

/** A value in words, for a field the report names (which may be one this console does not know). */
const valueWordsOf = (field: string, value: unknown, policy: Policy): string =>
  isExpectedField(field) ? valueWords(field, value, policy) : 'something else';

/** What this version works out for a field: the report's figure where it differs, else what the example expects. */
function workedOut(outcome: ExampleOutcome, example: WorkedExample, field: keyof WorkedExpectation): unknown {
  const d = outcome.differences.find((x) => x.field === field);
  return d ? d.actual : example.expect[field];
}

/** The dialog's fields for every figure the example states, each filled with what it expects now. */
export function correctionFields(example: WorkedExample, outcome: ExampleOutcome, policy: Policy): DialogField[] {
  const expect = example.expect as Record<string, unknown>;
  const stated = STATED.filter((f) => Object.hasOwn(expect, f));
  return stated.flatMap((field): DialogField[] => {
    const expected = expect[field];
    const helperText = workedOutSentence(field, workedOut(outcome, example, field), policy);
    if (field === 'totalPoints')
      return [{ name: field, label: 'Total points', required: true, initial: String(expected ?? ''), helperText }];
    if (field === 'allocation') {
      const a = (expected ?? workedOut(outcome, example, field)) as { period: string; pence: number } | null;
      if (!a) return [];
      return [
        {
          name: field,
          label: `Amount ${perPeriod(a.period)} (£)`,
          initial: expected ? penceToPoundsText((expected as { pence: number }).pence) : '',
          helperText: `Leave it empty where the case has no amount. ${helperText}`,
        },
      ];
    }
    if (MONEY.has(field))
      return [
        {
          name: field,
          label: `${FIELD_WORDS[field]} (£)`,
          initial: typeof expected === 'number' ? penceToPoundsText(expected) : '',
          helperText: `Leave it empty where the case has no amount. ${helperText}`,
        },
      ];
    if (field === 'outcome')
      return [
        {
          name: field,
          label: 'Outcome',
          type: 'select',
          initial: typeof expected === 'string' ? expected : AN_AMOUNT,
          options: [
            { value: AN_AMOUNT, label: 'An amount' },
            ...(policy.outcomes ?? []).map((o) => ({ value: o.id, label: o.label })),
            { value: 'not-eligible', label: 'Not eligible' },
          ],
          helperText,
        },
      ];
    if (field === 'carerReductionApplied')
      return [
        {
          name: field,
          label: 'Carer reduction',
          type: 'select',
          initial: expected ? 'applied' : 'not-applied',
          options: [
            { value: 'applied', label: 'Applied' },
            { value: 'not-applied', label: 'Not applied' },
          ],
          helperText,
        },
      ];
    // Flags: one box for each flag the policy's rules can raise, ticked where the example expects it.
    const flags = new Set((expected as string[] | undefined) ?? []);
    const rules = (policy.rules ?? []).filter((r, i, all) => all.findIndex((x) => x.event.type === r.event.type) === i);
    return rules.map((r, i) => ({
      name: `${FLAG}${r.event.type}`,
      label: `Flag: ${r.event.params.message}`,
      type: 'checkbox',
      initial: flags.has(r.event.type) ? 'yes' : '',
      helperText: i === rules.length - 1 ? `Tick each flag the case raises. ${helperText}` : undefined,
    }));
  });
}

/** The example's new expectation from what was typed: pounds to pence, words to values; or each field's problem. */
export function readCorrection(
  example: WorkedExample,
  values: Record<string, string | boolean>,
  policy: Policy,
): { expect: WorkedExpectation } | { problems: Record<string, string> } {
  const expect = { ...example.expect } as Record<string, unknown>;
  const problems: Record<string, string> = {};
  const text = (name: string) => String(values[name] ?? '').trim();
  for (const field of STATED.filter((f) => Object.hasOwn(example.expect, f))) {
    if (field === 'totalPoints') {
      const points = Number(text(field));
      if (text(field) === '' || !Number.isFinite(points) || points < 0)
        problems[field] = 'Enter the total points as a number, such as 42 or 42.5.';
      else expect.totalPoints = points;
    } else if (field === 'allocation' || MONEY.has(field)) {
      if (text(field) === '') {
        expect[field] = null;
        continue;
      }
      const typed = parsePounds(text(field));
      if ('reason' in typed) problems[field] = 'Write an amount in pounds, such as 160 or £160.50.';
      else if (field === 'allocation') {
        const period = (example.expect.allocation ?? { period: 'week' }).period;
        expect.allocation = { period, pence: typed.pence };
      } else expect[field] = typed.pence;
    } else if (field === 'outcome') expect.outcome = !text(field) || text(field) === AN_AMOUNT ? null : text(field);
    else if (field === 'carerReductionApplied') expect.carerReductionApplied = text(field) === 'applied';
    else if (field === 'flags')
      expect.flags = [...new Set((policy.rules ?? []).map((r) => r.event.type))].filter((code) => values[`${FLAG}${code}`] === true);
  }
  return Object.keys(problems).length > 0 ? { problems } : { expect: expect as WorkedExpectation };
}

/** How the example is worked out, in words and pounds, as this version works it: a start for the officer's own working. */
function useWorkingInWords(versionId: string, example: WorkedExample): string | null {
  const dataProvider = useDataProvider<RasDataProvider>();
  const [working, setWorking] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    dataProvider.evaluate(versionId, example.assessment as Record<string, unknown>).then(
      (result) => {
        if (!current) return;
        const answers = result.explanation
          .filter((l): l is Extract<typeof l, { step: 'answer' }> => l.step === 'answer' && l.points > 0)
          .map((a) => `${a.questionText}: “${a.answerText}”, ${formatNumber(a.points)} points.`);
        const areas = result.explanation
          .filter((l): l is Extract<typeof l, { step: 'domain' }> => l.step === 'domain' && l.rawPoints > 0)
          .map(
            (d) =>
              `${d.label}: ${formatNumber(d.rawPoints)} points${d.weight === 1 ? '' : ` × weight ${d.weight} = ${formatNumber(d.weightedPoints)}`}.`,
          );
        setWorking([...answers, ...areas, ...explainSteps(result)].join('\n'));
      },
      // Without the version's own working, the officer writes theirs from nothing.
      () => current && setWorking(''),
    );
    return () => {
      current = false;
    };
  }, [dataProvider, versionId, example]);
  return working;
}

function CorrectDialog({
  example,
  outcome,
  versionId,
  policy,
  onClose,
  onSubmit,
}: {
  example: WorkedExample;
  outcome: ExampleOutcome;
  versionId: string;
  policy: Policy;
  onClose: () => void;
  onSubmit: (values: Record<string, string | boolean>) => Promise<void>;
}) {
  const working = useWorkingInWords(versionId, example);
  if (working === null)
    return (
      <ActionDialog
        open
        title="Correct the hand figures"
        confirm="Save the hand figures"
        onClose={onClose}
        onSubmit={async () => {}}
        fields={[]}
      >
        <Typography role="status">Working the example out…</Typography>
      </ActionDialog>
    );
  return (
    <ActionDialog
      key="worked-out"
      open
      title="Correct the hand figures"
      intro={`Work '${outcome.name}' out again by hand and give every figure it states: points, amounts in pounds, what it comes to and the flags it raises. The example then checks this version against your figures.`}
      fields={[
        ...correctionFields(example, outcome, policy),
        { name: 'arithmetic', label: 'How it is worked out (a line for each step)', multiline: true, initial: working },
        { name: 'reason', label: 'Reason', multiline: true, required: true },
      ]}
      confirm="Save the hand figures"
      onClose={onClose}
      onSubmit={onSubmit}
    />
  );
}

function ExampleRow({
  outcome,
  example,
  policy,
  onAccept,
  onCorrect,
}: {
  outcome: ExampleOutcome;
  example: WorkedExample | undefined;
  policy: Policy;
  onAccept?: () => void;
  onCorrect?: () => void;
}) {
  const expected = example?.expect ?? {};
  return (
    <TableRow data-testid="example-row" sx={{ verticalAlign: 'top' }}>
      <TableCell component="th" scope="row" sx={{ maxWidth: 360 }}>
        {outcome.name}
      </TableCell>
      <TableCell>
        {outcome.differences.length === 0 ? (
          headline(expected, policy)
        ) : (
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {outcome.differences.map((d) => (
              <li key={d.field}>{differenceWords(d.field, d.expected, policy)}</li>
            ))}
          </Box>
        )}
      </TableCell>
      <TableCell>
        {outcome.issues ? (
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {outcome.issues.map((issue) => (
              <li key={`${issue.path}-${issue.code}`}>The case no longer fits this version: {issue.message}</li>
            ))}
          </Box>
        ) : outcome.differences.length === 0 ? (
          headline(expected, policy)
        ) : (
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {outcome.differences.map((d) => (
              <li key={d.field}>{differenceWords(d.field, d.actual, policy)}</li>
            ))}
          </Box>
        )}
      </TableCell>
      <TableCell>
        <Chip size="small" color={outcome.passed ? 'success' : 'error'} label={outcome.passed ? 'Passes' : 'Fails'} />
        {onAccept && (
          <Button size="small" onClick={onAccept} sx={{ display: 'block', mt: 1 }}>
            Accept the new result
          </Button>
        )}
        {onCorrect && (
          <Button size="small" onClick={onCorrect} sx={{ display: 'block', mt: 1 }}>
            Correct the hand figures
          </Button>
        )}
      </TableCell>
    </TableRow>
  );
}
