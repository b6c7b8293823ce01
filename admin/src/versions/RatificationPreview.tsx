/**
 * What a ratifier sees before deciding: the version against the one in force, over the scheme's reference
 * cohort (who gains, who loses, what it costs, by client group), and every change to the policy in words.
 * It is on a submitted version's page, read before pressing Ratify. The server runs the same comparison when
 * the ratification is recorded; this one is for reading first.
 */

import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import { formatChange, formatNumber } from '../format';
import type { ComparisonJob, PairStats } from '../comparisonAnswers';
import type { RasDataProvider } from '../dataProvider';
import { cohortWords, useReferenceCohort } from './ReferenceCohortPanel';
import { GroupTable } from '../published/Equalities';
import { describeError } from './format';
import { ChangesSince, PolicyChanges } from './PolicyChanges';
import type { Policy } from '../../../engine/policy';

/**
 * What a version is compared with before it is ratified: the version in force today, over the scheme's
 * reference cohort. `comparable` is false when there is no comparison (no cohort, or nothing else in force),
 * and undefined until the scheme is read: the Ratify dialog asks why there is no comparison only when false.
 */
export function useComparisonBasis(policyId: string, version: string) {
  const { policy, cohort } = useReferenceCohort(policyId);
  const against = policy?.inForce?.version;
  const cohortId = policy?.referenceCohortId ?? undefined;
  const comparable = policy ? Boolean(against && against !== version && cohortId) : undefined;
  return { policy, cohort, against, cohortId, comparable };
}

export function RatificationPreview({
  policyId,
  version,
  candidate,
  groupLabel,
}: {
  policyId: string;
  version: string;
  /** The version's document, as the ratifier sees it. */
  candidate: Policy;
  groupLabel: (id: string) => string;
}) {
  const dataProvider = useDataProvider<RasDataProvider>();
  const { policy, cohort, against, cohortId } = useComparisonBasis(policyId, version);
  const [job, setJob] = useState<ComparisonJob | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!against || !cohortId || against === version) return;
    let current = true;
    dataProvider.compare({ policyId, versions: [against, version], cohortId }).then(
      (j) => current && setJob(j),
      (e) => current && setFailure(describeError(e)),
    );
    return () => {
      current = false;
    };
  }, [dataProvider, policyId, version, against, cohortId]);

  if (!policy) return <Typography role="status">Finding the version in force…</Typography>;
  if (!against || against === version)
    return <Alert severity="info">No other version is in force today, so there is nothing to compare this one with.</Alert>;
  if (!cohortId)
    return (
      <Box data-testid="ratification-preview" sx={{ mb: 2 }}>
        <Alert severity="warning" sx={{ mb: 2 }}>
          The scheme has no reference cohort, so who gains and who loses against {against} cannot be shown here. Whoever ratifies it says
          why there is no comparison.
        </Alert>
        <Typography variant="h3" component="h3" sx={{ fontSize: '1.15rem', fontWeight: 700, mb: 1 }}>
          What changes from {against}, the version in force
        </Typography>
        <ChangesSince policyId={policyId} version={against} candidate={candidate} />
      </Box>
    );
  if (failure) return <Alert severity="error">The comparison could not be run: {failure}</Alert>;
  if (!job)
    return (
      <Typography role="status">
        Comparing {version} with {against}, the version in force, over the reference cohort…
      </Typography>
    );
  const pair = job.status === 'done' ? job.result.pairs[0] : undefined;
  if (!pair) return <Alert severity="error">The comparison did not finish: {job.status === 'failed' ? job.error : 'no result'}.</Alert>;
  return (
    <Box data-testid="ratification-preview" sx={{ mb: 2 }}>
      <Typography variant="h3" component="h3" sx={{ fontSize: '1.15rem', fontWeight: 700, mb: 1 }}>
        Against {against}, the version in force
      </Typography>
      {cohort && <Typography sx={{ mb: 1 }}>The reference cohort is {cohortWords(cohort)}.</Typography>}
      <Typography sx={{ mb: 1 }}>{overallWords(pair.overall)}</Typography>
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
      <Typography variant="h3" component="h3" sx={{ fontSize: '1.15rem', fontWeight: 700, mt: 2, mb: 1 }}>
        What changes
      </Typography>
      {/* The comparison already holds the policy's changes, from the same diff: no need to fetch and diff again. */}
      <PolicyChanges changes={pair.policyChanges} />
    </Box>
  );
}

function overallWords(s: PairStats): string {
  const people = (n: number) => `${formatNumber(n)} ${n === 1 ? 'person' : 'people'}`;
  return `Of ${people(s.people)} in the reference cohort, ${people(s.gainers)} would be better off, ${people(s.losers)} worse off and ${people(s.unchanged)} unchanged; the total cost changes by ${formatChange(s.totalChangePence)} a year.`;
}
