/**
 * What changed from one version of a policy to another, in words: the engine's own diff (the one the
 * comparisons and the ratification record use), drawn from the two documents.
 */

import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useGetOne } from 'react-admin';
import { diffVersions } from '../../../engine/diff';
import type { Policy } from '../../../engine/policy';
import { versionId } from '../dataProvider';

/** Changes that affect amounts, flags or what is published, in words: from the engine's diff, here or on the server. */
export function PolicyChanges({ changes }: { changes: ReadonlyArray<{ path: string; description: string }> }) {
  if (changes.length === 0) return <Typography>Nothing that affects amounts, flags or what is published.</Typography>;
  return (
    <Box component="ul" sx={{ m: 0, pl: 3 }} data-testid="policy-changes">
      {changes.map((c) => (
        <li key={c.path + c.description}>{c.description}</li>
      ))}
    </Box>
  );
}

/** The changes from another version of the same scheme, fetched by its name, to this document. */
export function ChangesSince({ policyId, version, candidate }: { policyId: string; version: string; candidate: Policy }) {
  const { data, error } = useGetOne<{ id: string; document: Policy }>('versions', { id: versionId(policyId, version) });
  if (error) return <Typography color="error">Version {version} could not be read, so what changed cannot be shown.</Typography>;
  // A version listed elsewhere may be in the cache as a summary, without its document, until it is read whole.
  if (!data?.document) return <Typography role="status">Reading version {version}…</Typography>;
  return <PolicyChanges changes={diffVersions(data.document, candidate)} />;
}
