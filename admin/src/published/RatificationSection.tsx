/** Part 6 of a published version: who agreed it, when and why, and the fingerprint that identifies exactly what they agreed. */

import { Box, Typography } from '@mui/material';
import { formatDate } from '../calculator/format';
import type { PublishedVersion } from './publishedApi';
import { Section } from './Section';

export function RatificationSection({ data }: { data: PublishedVersion }) {
  const doc = data.document;
  const r = data.ratification;
  return (
    <Section id="decision" title="6. Who agreed this scheme">
      <Box
        component="dl"
        sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '14rem 1fr' }, gap: 1, '& dt': { fontWeight: 600 }, '& dd': { m: 0 } }}
      >
        <dt>Agreed by</dt>
        <dd>{r.body}</dd>
        <dt>Date of the decision</dt>
        <dd>{formatDate(r.decisionDate)}</dd>
        <dt>Minute reference</dt>
        <dd>{r.minuteReference}</dd>
        <dt>In force from</dt>
        <dd>{formatDate(r.effectiveFrom)}</dd>
        <dt>Reasons</dt>
        <dd>{r.rationale}</dd>
        {r.equalityImpact && (
          <>
            <dt>Equality impact</dt>
            <dd>{r.equalityImpact}</dd>
          </>
        )}
      </Box>
      {doc.source && (
        <Typography variant="body2" sx={{ mt: 2 }}>
          Based on: {doc.source.title}
        </Typography>
      )}
      <Typography variant="body2" sx={{ mt: 2, wordBreak: 'break-all' }}>
        Fingerprint of this version (SHA-256): {data.contentHash}
      </Typography>
    </Section>
  );
}
