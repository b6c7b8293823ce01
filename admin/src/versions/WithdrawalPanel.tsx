/**
 * Taking a version out of force takes two ratifiers: one proposes it with the reason, another confirms
 * it. While a proposal waits, the version's page says who proposed it and why, what comes back into
 * force for the version's dates (or that nothing will), and, where the scheme has a reference cohort and
 * something comes back, who gains and who loses by it. A ratifier other than the proposer confirms it,
 * with the note or waiver the case needs, naming the version as read (If-Match); any ratifier may cancel
 * it. The server decides every step; its refusal is shown in its own words.
 */

import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useDataProvider, useGetIdentity, useGetOne, useNotify, usePermissions, useRefresh } from 'react-admin';
import type { Policy } from '../../../engine/policy';
import type { Access } from '../authProvider';
import type { Permission } from '../contract/api-answers';
import { dateTime, formatChange, formatNumber, longDate } from '../format';
import type { ComparisonJob, PairStats } from '../comparisonAnswers';
import type { VersionSummary } from '../contract/api-answers';
import { type PolicySummary, type RasDataProvider, versionId } from '../dataProvider';
import { GroupTable } from '../published/Equalities';
import { ActionDialog, type DialogField } from './ActionDialog';
import { describeError } from './format';
import { ChangesSince, PolicyChanges } from './PolicyChanges';
import { personWords, type VersionRecordView } from './RatificationRecord';

export type WithdrawalProposal = NonNullable<VersionSummary['withdrawalProposal']>;
type Restores = WithdrawalProposal['restores'];

const h3 = { fontSize: '1.15rem', fontWeight: 700, mb: 1 } as const;

/** What comes back into force when `version` is withdrawn, in a sentence. */
export function restoresWords(version: string, from: string | undefined, restores: Restores): string {
  const first = from
    ? `from ${longDate(from)}, the first day version ${version} was in force`
    : `from the first day version ${version} was in force`;
  return restores
    ? `Once version ${version} is withdrawn, version ${restores.version} is in force again ${first}.`
    : `Once version ${version} is withdrawn, nothing will be in force for these dates: ${first}, no assessment gets an indicative budget until another version is ratified.`;
}

export function WithdrawalProposalPanel({ record }: { record: VersionRecordView & { document: Policy } }) {
  const proposal = record.withdrawalProposal;
  const { permissions } = usePermissions<Access>();
  const { identity } = useGetIdentity();
  const dataProvider = useDataProvider<RasDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const { data: policy } = useGetOne<PolicySummary>('policies', { id: record.policyId });
  if (!proposal || (record.status !== 'ratified' && record.status !== 'superseded')) return null;
  const can = (action: Permission) => permissions?.actions.includes(action) ?? false;
  const proposer = identity?.username === proposal.proposedBy;
  const mayConfirm = record.steps?.includes('confirm-withdrawal') ?? false;
  const mayCancel = record.steps?.includes('cancel-withdrawal') ?? false;
  const from = record.ratification?.effectiveFrom;
  const cohortId = policy?.referenceCohortId ?? null;
  const restores = proposal.restores;
  const groupLabel = (id: string) => record.document?.clientGroups?.find((g) => g.id === id)?.label ?? id;

  const cancel = async () => {
    setBusy(true);
    try {
      await dataProvider.cancelWithdrawal(String(record.id));
      notify(`The proposal to withdraw version ${record.version} is cancelled: it stays in force as before.`, { type: 'success' });
      refresh();
    } catch (e) {
      notify(describeError(e), { type: 'error', autoHideDuration: 15000, multiLine: true });
    } finally {
      setBusy(false);
    }
  };

  // What the second ratifier must add: a note when nothing comes back or the comparison leaves anyone worse
  // off; a waiver when something comes back but there is no reference cohort to compare over.
  const fields: DialogField[] = [
    {
      name: 'equalityImpact',
      label: 'Equality impact note',
      multiline: true,
      required: restores === null,
      helperText:
        restores === null
          ? 'Required: nothing will be in force for these dates. Say who is affected and how.'
          : 'Required when the comparison leaves anyone worse off or without an amount.',
    },
    ...(restores !== null && policy && !cohortId
      ? [
          {
            name: 'comparisonWaiver',
            label: 'Why there is no comparison',
            multiline: true,
            required: true,
            helperText: 'Required: the scheme has no reference cohort, so who gains and who loses cannot be worked out.',
          },
        ]
      : []),
  ];

  return (
    <Paper
      component="section"
      aria-labelledby="withdrawal-proposal"
      variant="outlined"
      sx={{ p: 2, mt: 2, borderColor: 'warning.main', borderWidth: 2 }}
      data-testid="withdrawal-proposal"
    >
      <Typography id="withdrawal-proposal" variant="h2" component="h2" sx={{ fontSize: '1.3rem', fontWeight: 700, mb: 1 }}>
        Withdrawal proposed
      </Typography>
      <Typography sx={{ mb: 1 }}>
        {proposer ? 'You' : personWords(record, proposal.proposedBy)} proposed on {dateTime(proposal.proposedAt)} to withdraw this version,
        because:
      </Typography>
      <Box component="blockquote" sx={{ m: 0, mb: 2, pl: 2, borderLeft: 4, borderColor: 'divider', whiteSpace: 'pre-wrap' }}>
        {proposal.reason}
      </Box>
      <Typography sx={{ mb: 1, fontWeight: 600 }}>{restoresWords(record.version, from, restores)}</Typography>
      <Typography sx={{ mb: 2 }}>
        It stays {record.status === 'superseded' ? 'as it is' : 'in force'} until a second ratifier confirms the withdrawal.
      </Typography>
      {restores && (
        <WithdrawalComparison
          policyId={record.policyId}
          withdrawn={record.version}
          restored={restores.version}
          asOf={from}
          cohortId={cohortId}
          policyKnown={Boolean(policy)}
          canCompare={can('comparison.run')}
          groupLabel={groupLabel}
        />
      )}
      {(mayConfirm || mayCancel) && (
        <>
          {proposer && (
            <Alert severity="info" sx={{ mb: 2 }}>
              You proposed this withdrawal, so another ratifier must confirm it. You can cancel it.
            </Alert>
          )}
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }} className="no-print">
            {mayConfirm && (
              <Button variant="contained" color="error" onClick={() => setConfirming(true)} disabled={busy}>
                Confirm withdrawal
              </Button>
            )}
            {mayCancel && (
              <Button variant="outlined" onClick={cancel} disabled={busy}>
                Cancel proposal
              </Button>
            )}
          </Box>
        </>
      )}
      {confirming && (
        <ActionDialog
          open
          title={`Confirm the withdrawal of version ${record.version}`}
          confirm="Confirm withdrawal"
          onClose={() => setConfirming(false)}
          // The confirmation names the version exactly as read (its ETag): if it changed since, the server refuses.
          onSubmit={async (values) => {
            await dataProvider.confirmWithdrawal(
              String(record.id),
              {
                ...(values.equalityImpact ? { equalityImpact: String(values.equalityImpact) } : {}),
                ...(values.comparisonWaiver ? { comparisonWaiver: String(values.comparisonWaiver) } : {}),
              },
              record.etag,
            );
            notify(`Version ${record.version} withdrawn.`, { type: 'success' });
            setConfirming(false);
            refresh();
          }}
          intro={`${restoresWords(record.version, from, restores)} A withdrawn version counts for no date: this cannot be undone.`}
          fields={fields}
        />
      )}
    </Paper>
  );
}

/** The version withdrawn against the one that comes back, over the reference cohort, on the withdrawn version's first day. */
function WithdrawalComparison({
  policyId,
  withdrawn,
  restored,
  asOf,
  cohortId,
  policyKnown,
  canCompare,
  groupLabel,
}: {
  policyId: string;
  withdrawn: string;
  restored: string;
  asOf: string | undefined;
  cohortId: string | null;
  policyKnown: boolean;
  canCompare: boolean;
  groupLabel: (id: string) => string;
}) {
  const dataProvider = useDataProvider<RasDataProvider>();
  const [job, setJob] = useState<ComparisonJob | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { data: back } = useGetOne<{ id: string; document: Policy }>('versions', { id: versionId(policyId, restored) });

  useEffect(() => {
    if (!cohortId || !canCompare) return;
    let current = true;
    dataProvider.compare({ policyId, versions: [withdrawn, restored], cohortId, ...(asOf ? { asOf } : {}) }).then(
      (j) => current && setJob(j),
      (e) => current && setFailure(describeError(e)),
    );
    return () => {
      current = false;
    };
  }, [dataProvider, policyId, withdrawn, restored, cohortId, asOf, canCompare]);

  if (!policyKnown) return <Typography role="status">Reading the scheme…</Typography>;
  const changes = (
    <>
      <Typography variant="h3" component="h3" sx={h3}>
        What changes when version {restored} comes back
      </Typography>
      {back?.document ? (
        <ChangesSince policyId={policyId} version={withdrawn} candidate={back.document} />
      ) : (
        <Typography role="status">Reading version {restored}…</Typography>
      )}
    </>
  );
  if (!cohortId)
    return (
      <Box sx={{ mb: 2 }} data-testid="withdrawal-comparison">
        <Alert severity="warning" sx={{ mb: 2 }}>
          The scheme has no reference cohort, so who gains and who loses when version {restored} comes back cannot be shown. Whoever
          confirms the withdrawal must say why it is made without a comparison.
        </Alert>
        {changes}
      </Box>
    );
  if (!canCompare)
    return <Typography sx={{ mb: 2 }}>The comparison over the reference cohort is shown to officers, ratifiers and scrutiny.</Typography>;
  if (failure) return <Alert severity="error">The comparison could not be run: {failure}</Alert>;
  if (!job)
    return (
      <Typography role="status" sx={{ mb: 2 }}>
        Comparing version {withdrawn} with version {restored} over the reference cohort…
      </Typography>
    );
  const pair = job.status === 'done' ? job.result.pairs[0] : undefined;
  if (!pair) return <Alert severity="error">The comparison did not finish: {job.status === 'failed' ? job.error : 'no result'}.</Alert>;
  const lost = pair.lostAmount?.people ?? 0;
  return (
    <Box sx={{ mb: 2 }} data-testid="withdrawal-comparison">
      <Typography variant="h3" component="h3" sx={h3}>
        Who gains and who loses if version {restored} comes back
      </Typography>
      <Typography sx={{ mb: 1 }}>{overallWords(pair.overall, lost, asOf)}</Typography>
      {(pair.overall.losers > 0 || lost > 0) && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          Some people would be worse off{lost > 0 ? ' or without an amount' : ''}: whoever confirms the withdrawal must record an equality
          impact note.
        </Alert>
      )}
      <GroupTable
        title="By client group"
        label={groupLabel}
        groups={Object.fromEntries(
          Object.entries(pair.byClientGroup).map(([group, s]) => [
            group,
            { betterOff: s.gainers, worseOff: s.losers, totalChangePence: s.totalChangePence },
          ]),
        )}
      />
      <Typography variant="h3" component="h3" sx={h3}>
        What changes when version {restored} comes back
      </Typography>
      <PolicyChanges changes={pair.policyChanges} />
    </Box>
  );
}

function overallWords(s: PairStats, lost: number, asOf: string | undefined): string {
  const people = (n: number) => `${formatNumber(n)} ${n === 1 ? 'person' : 'people'}`;
  return `Of ${people(s.people)} in the reference cohort${asOf ? `, assessed on ${longDate(asOf)}` : ''}, ${people(s.gainers)} would be better off, ${people(s.losers)} worse off and ${people(s.unchanged)} unchanged${lost > 0 ? `; ${people(lost)} would have no amount at all` : ''}; the total cost changes by ${formatChange(s.totalChangePence)} a year.`;
}
