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
import { ActionDialog } from './ActionDialog';
import { describeError, perPeriod } from './format';

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
   * The officer's own hand figures for a failing example: each amount it states that this version works out
   * differently, typed in pounds, with how it was worked out. The example then checks the engine against them.
   */
  async function correct(index: number, values: Record<string, string | boolean>) {
    const example = record.examples[index]!;
    const outcome = report!.examples[index]!;
    const expect = { ...example.expect } as Record<string, unknown>;
    const problems: Record<string, string> = {};
    for (const field of correctableFields(outcome)) {
      const typed = parsePounds(String(values[field] ?? ''));
      if ('reason' in typed) problems[field] = typed.reason;
      else if (field === 'allocation') expect.allocation = { ...(example.expect.allocation as object), pence: typed.pence };
      else expect[field] = typed.pence;
    }
    if (Object.keys(problems).length > 0)
      throw Object.assign(new Error('Some amounts are not in pounds and pence.'), { body: { errors: problems } });
    const arithmetic = String(values.arithmetic ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const examples = record.examples.map((e, i) =>
      i === index ? { ...e, expect: expect as WorkedExpectation, ...(arithmetic.length ? { arithmetic } : {}) } : e,
    );
    await dataProvider.saveExamples(
      record.id,
      examples,
      `Corrected the hand figures of '${outcome.name}': ${values.reason}`,
      record.etag ?? '',
    );
    notify(`The hand figures of '${outcome.name}' are corrected.`, { type: 'success' });
    setCorrecting(null);
    refresh();
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
                ? `All ${report.examples.length} worked examples give what they expect.`
                : `${failing} of ${report.examples.length} worked examples do not give what they expect. Correct the policy, or accept the new result with a reason.`}
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
                    onCorrect={canEdit && correctableFields(outcome).length > 0 ? () => setCorrecting(i) : undefined}
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
        <ActionDialog
          open
          title="Correct the hand figures"
          intro={`Work '${report.examples[correcting]!.name}' out again by hand and type the amounts it should give, in pounds. The example then checks this version against your figures.`}
          fields={[
            ...correctableFields(report.examples[correcting]!).map((field) => ({
              name: field,
              label: `${FIELD_WORDS[field]} (£)`,
              required: true,
              helperText: `This version works out ${valueWords(field, report.examples[correcting]!.differences.find((d) => d.field === field)!.actual, record.document)}.`,
            })),
            {
              name: 'arithmetic',
              label: 'How it is worked out (a line for each step)',
              multiline: true,
              initial: (record.examples[correcting]!.arithmetic ?? []).join('\n'),
            },
            { name: 'reason', label: 'Reason', multiline: true, required: true },
          ]}
          confirm="Save the hand figures"
          onClose={() => setCorrecting(null)}
          onSubmit={(values) => correct(correcting, values)}
        />
      )}
    </Box>
  );
}

/** The amounts of money an example states that this version works out differently: what a person can correct by hand. */
const MONEY_FIELDS = ['allocation', 'weeklyPence', 'monthlyPence', 'annualPence', 'awardPence'] as const;
type MoneyField = (typeof MONEY_FIELDS)[number];
const correctableFields = (outcome: ExampleOutcome): MoneyField[] =>
  MONEY_FIELDS.filter((field) => outcome.differences.some((d) => d.field === field && d.expected != null && d.actual != null));

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
