/** The calculator's first section: which scheme, and which of its versions, to work the allocation out under. */

import { Box, CircularProgress, Paper, TextField, Typography } from '@mui/material';
import { formatDate, todayIso } from '../format';
import { statusWords } from '../versions/status';
import type { PolicySummary, VersionSummary } from './usePolicyVersion';

interface SchemePickerProps {
  policies: PolicySummary[] | null;
  policyId: string;
  onPolicyId: (id: string) => void;
  versions: VersionSummary[];
  version: string;
  onVersion: (version: string) => void;
}

export function SchemePicker({ policies, policyId, onPolicyId, versions, version, onVersion }: SchemePickerProps) {
  return (
    <Paper variant="outlined" component="section" aria-labelledby="calc-scheme" sx={{ p: 2, mb: 2 }}>
      <Typography id="calc-scheme" variant="h6" component="h2" gutterBottom>
        Scheme and version
      </Typography>
      {!policies ? (
        <CircularProgress size={24} aria-label="Loading schemes" />
      ) : policies.length === 0 ? (
        <Typography>There are no schemes yet. An officer can add one under Policies.</Typography>
      ) : (
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          <TextField
            select
            label="Scheme"
            value={policyId}
            onChange={(e) => onPolicyId(e.target.value)}
            slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
            sx={{ minWidth: 260 }}
          >
            {policies.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title} ({p.id})
              </option>
            ))}
          </TextField>
          <TextField
            select
            label="Version"
            value={version}
            onChange={(e) => onVersion(e.target.value)}
            slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
            sx={{ minWidth: 260 }}
            helperText={
              versions.find((v) => v.version === version)
                ? versionHelp(versions.find((v) => v.version === version)!, policies.find((p) => p.id === policyId)?.inForce?.version)
                : ' '
            }
          >
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                {v.version} ({statusWords(v, todayIso()).label.toLowerCase()})
              </option>
            ))}
          </TextField>
        </Box>
      )}
    </Paper>
  );
}

function versionHelp(v: VersionSummary, inForce: string | undefined) {
  if (v.version === inForce) return 'In force today.';
  if (v.status === 'draft' || v.status === 'submitted') return 'Not ratified: results are for testing only.';
  if (v.status === 'withdrawn') return 'Withdrawn: no longer used.';
  return v.ratification?.effectiveFrom ? `Effective from ${formatDate(v.ratification.effectiveFrom)}.` : ' ';
}
