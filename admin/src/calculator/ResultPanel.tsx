/** The indicative allocation as it is worked out, any problems with the assessment, and how the amount was reached. */

import { Alert, Box, Paper, Typography } from '@mui/material';
import { HorizontalBarChart } from './charts';
import { amountPer } from '../../../engine/words/money';
import { formatDate, formatNumber, formatPence } from '../format';
import type { ProblemError } from '../http';
import { ExplanationSteps } from './Steps';
import type { EvaluationResult, PolicyDocument } from './types';

interface ResultPanelProps {
  doc: PolicyDocument | null;
  busy: boolean;
  result: EvaluationResult | null;
  failure: string | null;
  problems: ProblemError[];
  /** Pointers whose problems are shown next to their inputs; the rest are listed here. */
  placed: Set<string>;
}

export function ResultPanel({ doc, busy, result, failure, problems, placed }: ResultPanelProps) {
  const unanswered = problems.filter((p) => p.code === 'missing_answer');
  const otherProblems = problems.filter((p) => !placed.has(p.pointer));
  return (
    <Box component="section" aria-labelledby="calc-result">
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography id="calc-result" variant="h6" component="h2" gutterBottom>
          Indicative allocation
        </Typography>
        <Box role="status" aria-live="polite" aria-atomic="true">
          {busy && (
            <Typography variant="body2" color="text.secondary">
              Working it out…
            </Typography>
          )}
          {!busy && !result && !failure && problems.length === 0 && (
            <Typography>
              {!doc
                ? 'Choose a scheme and version to start.'
                : 'Enter the assessment date, client group and age, and answer the questions: the allocation will appear here.'}
            </Typography>
          )}
          {!busy && !result && unanswered.length > 0 && (
            <Typography>
              {unanswered.length === 1 ? 'One question is' : `${formatNumber(unanswered.length)} questions are`} still to answer before the
              allocation can be worked out.
            </Typography>
          )}
          {result && <Amounts result={result} />}
        </Box>
        {failure && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {failure}
          </Alert>
        )}
        {otherProblems.length > 0 && (
          <Alert severity="error" sx={{ mt: 1 }}>
            The assessment does not fit this version:
            <ul>
              {otherProblems.map((p) => (
                <li key={p.pointer + p.code}>{p.message}</li>
              ))}
            </ul>
          </Alert>
        )}
        {problems.filter((p) => placed.has(p.pointer) && p.code !== 'missing_answer').length > 0 && (
          <Alert severity="warning" sx={{ mt: 1 }}>
            Some answers need attention: see the messages next to them.
          </Alert>
        )}
        {result && doc && <Explanation result={result} doc={doc} />}
      </Paper>
    </Box>
  );
}

function Amounts({ result }: { result: EvaluationResult }) {
  if (result.outcome || result.allocation === null) return <NoAmount result={result} />;
  const allocation = result.allocation;
  const figures = [
    { label: 'Weekly', pence: result.weeklyPence },
    { label: 'Monthly', pence: result.monthlyPence },
    { label: 'Annual', pence: result.annualPence },
  ];
  return (
    <Box>
      <Box component="dl" sx={{ display: 'flex', gap: 3, flexWrap: 'wrap', m: 0 }} data-testid="amounts">
        {figures.map((f) => (
          <Box key={f.label}>
            <Typography component="dt" variant="body2" color="text.secondary">
              {f.label}
            </Typography>
            <Typography component="dd" variant="h5" sx={{ m: 0, fontWeight: 700 }}>
              {formatPence(f.pence ?? 0)}
            </Typography>
          </Box>
        ))}
      </Box>
      {result.award && (
        <Typography variant="body1" sx={{ mt: 1, fontWeight: 600 }} data-testid="award">
          {result.award.kind === 'one-off'
            ? `Paid once: ${formatPence(result.award.pence)}.`
            : `Paid for this award year: ${formatPence(result.award.pence)}.`}
        </Typography>
      )}
      <Typography variant="body2" sx={{ mt: 1 }}>
        Worked out in the table's period as {amountPer(allocation.pence, allocation.period)}, under {result.provenance.policyId} version{' '}
        {result.provenance.version}, as at {formatDate(result.asOf)}.
      </Typography>
    </Box>
  );
}

/** A result without an amount: the outcome in the policy's words, never £0. */
function NoAmount({ result }: { result: EvaluationResult }) {
  const outcome = result.outcome;
  return (
    <Box data-testid="no-amount">
      {outcome?.kind === 'not-eligible' ? (
        <>
          <Typography variant="h5" component="p" sx={{ fontWeight: 700 }}>
            Not eligible
          </Typography>
          <Box component="ul" sx={{ pl: 3, my: 1 }}>
            {outcome.reasons.map((r) => (
              <li key={r.condition}>
                <Typography variant="body1" component="span">
                  <strong>{r.label}:</strong> not met. {r.reason}
                </Typography>
              </li>
            ))}
          </Box>
        </>
      ) : (
        <>
          <Typography variant="h5" component="p" sx={{ fontWeight: 700 }}>
            {outcome?.label ?? 'No amount'}
          </Typography>
          <Typography variant="body1" sx={{ my: 1 }}>
            {outcome?.words}
          </Typography>
        </>
      )}
      <Typography variant="body2">
        No indicative amount is worked out, under {result.provenance.policyId} version {result.provenance.version}, as at{' '}
        {formatDate(result.asOf)}.
      </Typography>
    </Box>
  );
}

function Explanation({ result, doc }: { result: EvaluationResult; doc: PolicyDocument }) {
  const domains = result.explanation.filter((l) => l.step === 'domain');
  const total = result.explanation.find((l) => l.step === 'total');
  return (
    <Box sx={{ mt: 2 }}>
      {result.flags.length > 0 && (
        <Box component="section" aria-labelledby="calc-flags" sx={{ mb: 2 }}>
          <Typography id="calc-flags" variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
            Flags raised
          </Typography>
          {result.flags.map((f) => (
            <Alert key={f.code} severity={f.severity === 'action' ? 'error' : f.severity === 'review' ? 'warning' : 'info'} sx={{ mb: 1 }}>
              <strong>{f.severity === 'action' ? 'Action needed' : f.severity === 'review' ? 'For review' : 'For information'}:</strong>{' '}
              {f.message}
            </Alert>
          ))}
        </Box>
      )}
      {result.flags.length === 0 && (
        <Typography variant="body2" sx={{ mb: 2 }}>
          No flags were raised.
        </Typography>
      )}
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        Points by area of need
      </Typography>
      <HorizontalBarChart
        caption={`Points by area of need (total ${formatNumber(total?.points ?? result.points.total)})`}
        summary={`Bar chart of points by area of need: ${domains.map((d) => `${d.label} ${formatNumber(d.weightedPoints)}`).join(', ')}.`}
        valueHeading="Points counted"
        noteHeading="How"
        bars={domains.map((d) => ({
          label: d.label,
          value: d.weightedPoints,
          display: formatNumber(d.weightedPoints),
          note:
            d.weight === 1
              ? `${formatNumber(d.rawPoints)} points`
              : `${formatNumber(d.rawPoints)} points × weight ${formatNumber(d.weight)}`,
        }))}
      />
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        From points to money
      </Typography>
      <ExplanationSteps result={result} doc={doc} />
    </Box>
  );
}
