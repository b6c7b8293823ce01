/**
 * One recorded decision: the amount, the flags the policy raised for staff, how it was worked out, the
 * final budget if agreed, and the letter to the person, to read and print or to download as a PDF.
 */

import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Show, useDataProvider, useGetOne, useRecordContext } from 'react-admin';
import { formatDate, formatPence } from '../format';
import { ExplanationSteps } from '../calculator/Steps';
import type { Decision } from '../contract/api-answers';
import type { RasDataProvider } from '../dataProvider';
import { describeError } from '../versions/format';

/** Opens a letter fetched with the session's credentials (a plain link would carry none): the page in a new tab, the PDF as a download. */
function show(blob: Blob, pdf: boolean, id: string): void {
  const url = URL.createObjectURL(blob);
  if (pdf) {
    const a = document.createElement('a');
    a.href = url;
    a.download = `letter-${id}.pdf`;
    a.click();
  } else window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** How urgent a flag is, in words (the policy's severity). */
const SEVERITY_WORDS: Record<string, string> = { action: 'Act on this', review: 'For review', info: 'For information' };

/** The flags the policy's rules raised, in the policy's own words: for staff, never in the letter. */
function StaffFlags({ flags }: { flags: Decision['result']['flags'] }) {
  return (
    <Box component="section" aria-labelledby="staff-flags" sx={{ mb: 2 }} data-testid="staff-flags">
      <Typography variant="h2" component="h2" id="staff-flags" sx={{ fontSize: '1.3rem', mb: 1 }}>
        Flags for staff
      </Typography>
      {flags.length === 0 ? (
        <Typography>The policy raised no flags for this assessment.</Typography>
      ) : (
        <>
          <Typography color="text.secondary" sx={{ mb: 1 }}>
            For staff only: the letter to the person never includes these.
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 3 }}>
            {flags.map((flag) => (
              <Typography component="li" key={flag.code} sx={{ mb: 0.5 }}>
                <strong>{SEVERITY_WORDS[flag.severity ?? 'info'] ?? 'For information'}:</strong> {flag.message}
              </Typography>
            ))}
          </Box>
        </>
      )}
    </Box>
  );
}

function DecisionBody() {
  const decision = useRecordContext<Decision>();
  const dataProvider = useDataProvider<RasDataProvider>();
  const [problem, setProblem] = useState<string | null>(null);
  const { data: scheme } = useGetOne<{ id: string; title: string }>('policies', { id: decision?.policyId ?? '' }, { enabled: !!decision });
  if (!decision?.result) return null;
  const { result } = decision;
  const amount = result.outcome
    ? result.outcome.kind === 'not-eligible'
      ? 'Not eligible'
      : `${result.outcome.label}: no amount`
    : result.weeklyPence === null
      ? 'No amount'
      : `${formatPence(result.weeklyPence)} a week`;
  const letter = (pdf: boolean) => () =>
    dataProvider.letter(decision.id, pdf ? 'pdf' : 'html').then(
      (blob) => show(blob, pdf, decision.id),
      (e) => setProblem(describeError(e)),
    );
  return (
    <Box sx={{ p: { xs: 1, md: 2 } }}>
      <Typography variant="h1" component="h1" sx={{ mb: 1 }}>
        {amount}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {result.person.reference ? `Reference ${result.person.reference} · ` : ''}
        {scheme?.title ?? decision.policyId}, version {decision.version} · recorded by {decision.createdByName ?? decision.createdBy} on{' '}
        {formatDate(decision.createdAt)}
      </Typography>
      {decision.finalBudget && (
        <Alert severity="info" sx={{ mb: 2 }}>
          Agreed after support planning: {formatPence(decision.finalBudget.weeklyPence)} a week. {decision.finalBudget.reason}
        </Alert>
      )}
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mb: 2 }}>
        <Button variant="contained" onClick={letter(false)}>
          Open the letter to the person
        </Button>
        <Button variant="outlined" onClick={letter(true)}>
          Download the letter as a PDF
        </Button>
      </Box>
      {problem && <Alert severity="error">{problem}</Alert>}
      <StaffFlags flags={result.flags} />
      <Typography variant="h2" component="h2" sx={{ fontSize: '1.3rem', mb: 1 }}>
        How it was worked out
      </Typography>
      <ExplanationSteps result={result} />
    </Box>
  );
}

export function DecisionShow() {
  return (
    <Show title="Decision" actions={false} sx={{ '& .RaShow-card': { bgcolor: 'transparent', boxShadow: 'none' } }}>
      <DecisionBody />
    </Show>
  );
}
