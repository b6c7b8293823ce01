/**
 * The scheme's reference cohort, on each of its versions' pages: the people a change is compared over before
 * it is ratified (who gains, who loses, what it costs). Whoever may choose it (the server's permissions, as
 * /api/auth/me gives them) chooses a cohort made for this scheme, or uploads one as CSV. While a version of the
 * scheme is submitted the server keeps the cohort as it is, so the choice is not offered then and the page says why.
 */

import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useDataProvider, useGetList, useGetOne, useNotify, usePermissions, useRefresh } from 'react-admin';
import type { Access } from '../authProvider';
import type { CohortRecord } from '../comparisonAnswers';
import type { PolicySummary, RasDataProvider } from '../dataProvider';
import type { VersionSummary } from '../contract/api-answers';
import { formatNumber, longDate } from '../format';
import { describeError } from './format';

const UPLOAD = 'upload';

/** A cohort as a person knows it: its name and how many people it holds. */
export function cohortWords(cohort: Pick<CohortRecord, 'name' | 'people'>): string {
  return `“${cohort.name}”, ${formatNumber(cohort.people)} ${cohort.people === 1 ? 'person' : 'people'}`;
}

/** The scheme's reference cohort, read by its id, for those who may read cohorts. */
export function useReferenceCohort(policyId: string): { policy?: PolicySummary; cohort?: CohortRecord; canRead: boolean } {
  const { permissions } = usePermissions<Access>();
  const canRead = (permissions?.actions ?? []).includes('cohort.read');
  const { data: policy } = useGetOne<PolicySummary>('policies', { id: policyId });
  const cohortId = policy?.referenceCohortId ?? undefined;
  const { data: cohort } = useGetOne<CohortRecord>('cohorts', { id: cohortId ?? '' }, { enabled: Boolean(cohortId) && canRead });
  return { policy, cohort: cohortId && cohort?.id === cohortId ? cohort : undefined, canRead };
}

export function ReferenceCohortPanel({ policyId }: { policyId: string }) {
  const { permissions } = usePermissions<Access>();
  const { policy, cohort, canRead } = useReferenceCohort(policyId);
  const [open, setOpen] = useState(false);
  const mayChoose = (permissions?.actions ?? []).includes('policy.reference-cohort');
  // The server keeps the cohort while a version is submitted, or its withdrawal proposed (each is compared over
  // it): no control is offered then, and the page says why.
  const { data: versions = [] } = useGetList<VersionSummary & { id: string }>(
    'versions',
    { filter: { policyId }, pagination: { page: 1, perPage: 1000 }, sort: { field: 'version', order: 'ASC' } },
    { enabled: mayChoose },
  );
  if (!policy || !canRead) return null;
  const ofScheme = versions.filter((v) => v.policyId === policyId);
  const locked = ofScheme.filter((v) => v.status === 'submitted').map((v) => v.version);
  const proposed = ofScheme.filter((v) => v.withdrawalProposal).map((v) => v.version);
  return (
    <Box component="section" aria-labelledby="reference-cohort-heading" sx={{ mb: 2 }} className="no-print">
      <Typography id="reference-cohort-heading" variant="h2" component="h2" sx={{ fontSize: '1.15rem', fontWeight: 700, mb: 0.5 }}>
        Reference cohort
      </Typography>
      <Typography sx={{ mb: 1, maxWidth: '75ch' }} data-testid="reference-cohort">
        {policy.referenceCohortId
          ? cohort
            ? `Before a version of this scheme is ratified, it is compared with the version in force over ${cohortWords(cohort)}.`
            : 'Reading the reference cohort…'
          : 'This scheme has no reference cohort, so who gains and who loses cannot be shown before a version is ratified.'}
      </Typography>
      {mayChoose && (locked.length > 0 || proposed.length > 0) && (
        <Typography sx={{ maxWidth: '75ch' }} data-testid="reference-cohort-locked">
          {locked.length > 0 ? lockedWords(locked, Boolean(policy.referenceCohortId)) : proposalWords(proposed)}
        </Typography>
      )}
      {mayChoose && locked.length === 0 && proposed.length === 0 && (
        <Button variant="outlined" onClick={() => setOpen(true)}>
          {policy.referenceCohortId ? 'Change the reference cohort' : 'Choose the reference cohort'}
        </Button>
      )}
      {open && <ChooseDialog policyId={policyId} current={policy.referenceCohortId ?? null} onClose={() => setOpen(false)} />}
    </Box>
  );
}

/** Why the cohort cannot be chosen now, in words true with or without one. */
function lockedWords(versions: string[], hasCohort: boolean): string {
  const which = versions.length === 1 ? `version ${versions[0]} is` : `versions ${versions.join(', ')} are`;
  const them = versions.length === 1 ? 'it' : 'them';
  return hasCohort
    ? `The reference cohort cannot change while ${which} submitted: ${which.endsWith('is') ? 'it is' : 'they are'} compared over it. Return ${them} to draft first to change it.`
    : `A reference cohort cannot be chosen while ${which} submitted. Return ${them} to draft first to choose one.`;
}

/** Why the cohort cannot change while a withdrawal is proposed: the proposal's comparison is over it. */
function proposalWords(versions: string[]): string {
  const which = versions.length === 1 ? `version ${versions[0]}` : `versions ${versions.join(', ')}`;
  return `The reference cohort cannot change while withdrawing ${which} is proposed: the proposal is compared over it. Confirm or cancel the proposal first.`;
}

function ChooseDialog({ policyId, current, onClose }: { policyId: string; current: string | null; onClose: () => void }) {
  const dataProvider = useDataProvider<RasDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const { data: cohorts = [], isPending } = useGetList<CohortRecord>('cohorts', {
    pagination: { page: 1, perPage: 1000 },
    sort: { field: 'createdAt', order: 'DESC' },
  });
  // Only a cohort made for this scheme can be compared under it: the server refuses any other.
  const choices = cohorts.filter((c) => c.policyId === policyId);
  const [choice, setChoice] = useState<string>(current ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const problemBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) {
      problemBox.current?.scrollIntoView({ block: 'nearest' });
      problemBox.current?.focus();
    }
  }, [problem]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (!choice) return setProblem('Choose a cohort, or upload one.');
    if (choice === UPLOAD && (!file || !name.trim()))
      return setProblem('Choose the CSV file to upload and give the cohort a name people will know it by.');
    setBusy(true);
    try {
      const cohortId = choice === UPLOAD ? (await dataProvider.importCohortCsv(await file!.text(), name.trim(), policyId)).id : choice;
      await dataProvider.setReferenceCohort(policyId, cohortId);
      notify('The reference cohort is chosen: versions of this scheme are compared over it before they are ratified.', { type: 'success' });
      onClose();
      refresh();
    } catch (e) {
      setProblem(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="reference-cohort-dialog-title" fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="reference-cohort-dialog-title">Choose the reference cohort</DialogTitle>
        <DialogContent>
          {problem && (
            <Alert severity="error" role="alert" ref={problemBox} tabIndex={-1} sx={{ mb: 2 }}>
              {problem}
            </Alert>
          )}
          <Typography sx={{ mb: 2 }}>
            The people every new version of this scheme is compared over before it is ratified. It cannot change while a version is
            submitted.
          </Typography>
          {isPending ? (
            <Typography role="status">Finding the cohorts made for this scheme…</Typography>
          ) : (
            <FormControl>
              <FormLabel id="reference-cohort-choice">Cohort</FormLabel>
              <RadioGroup aria-labelledby="reference-cohort-choice" value={choice} onChange={(e) => setChoice(e.target.value)}>
                {choices.map((c) => (
                  <FormControlLabel
                    key={c.id}
                    value={c.id}
                    control={<Radio />}
                    label={`${cohortWords(c)}, made ${longDate(c.createdAt)}`}
                  />
                ))}
                <FormControlLabel value={UPLOAD} control={<Radio />} label="Upload a cohort as a CSV file" />
              </RadioGroup>
            </FormControl>
          )}
          {choice === UPLOAD && (
            <Box sx={{ display: 'grid', gap: 2, mt: 1 }}>
              <TextField label="Name of the cohort" value={name} onChange={(e) => setName(e.target.value)} required fullWidth />
              <Box>
                <Typography component="label" htmlFor="reference-cohort-file" sx={{ display: 'block', fontWeight: 600, mb: 0.5 }}>
                  CSV file of anonymised assessments
                </Typography>
                <input
                  id="reference-cohort-file"
                  type="file"
                  accept=".csv,text/csv"
                  onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                />
              </Box>
            </Box>
          )}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={busy}>
            Use this cohort
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
