/** Part 6 of a published version: who agreed it, when and why, and the fingerprint that identifies exactly what they agreed. */

import { Box, Typography } from '@mui/material';
import { formatDate } from '../format';
import type { PublishedVersion } from './publishedApi';
import { Equalities } from './Equalities';
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
      {data.equalities && (
        <Box sx={{ mt: 2 }}>
          <Typography variant="h6" component="h3">
            Who gains and who loses
          </Typography>
          <Equalities impact={data.equalities} groupLabel={(id) => doc.clientGroups.find((g) => g.id === id)?.label ?? id} />
        </Box>
      )}
      {doc.source && (
        <Typography variant="body2" sx={{ mt: 2 }}>
          Based on: {doc.source.title}
        </Typography>
      )}
      <Box component="details" sx={{ mt: 2, '& summary': { cursor: 'pointer', color: '#1d70b8', textDecoration: 'underline' } }}>
        <summary>Check this version</summary>
        <Typography variant="body2" sx={{ mt: 1 }}>
          Anyone can check that this is exactly the scheme that was agreed. Its fingerprint is the SHA-256 hash of the scheme's content,
          written in a fixed order (JSON canonicalisation, RFC 8785); the same content always gives the same fingerprint, and any change
          gives another.
        </Typography>
        <Typography variant="body2" sx={{ mt: 1, wordBreak: 'break-all' }}>
          Fingerprint: {data.contentHash}
        </Typography>
        {r.auditAnchor && (
          <Typography variant="body2" sx={{ mt: 1, wordBreak: 'break-all' }}>
            The council's audit log stood at entry {r.auditAnchor.seq} (hash {r.auditAnchor.hash}) when the scheme was agreed; the log's
            check confirms it still passes through that entry.
          </Typography>
        )}
        {r.checkpoint && (
          <>
            <Typography variant="body2" sx={{ mt: 1 }}>
              That point of the log, signed with the council's audit key: keep this line (the minutes keep it too), and a check of the
              record against it shows whether anything recorded before it has since been changed or removed.
            </Typography>
            <Typography variant="body2" component="code" sx={{ display: 'block', mt: 1, wordBreak: 'break-all' }}>
              {r.checkpoint}
            </Typography>
          </>
        )}
        <Typography variant="body2" sx={{ mt: 1, wordBreak: 'break-all' }}>
          The council's audit key (public): {data.auditKey}
        </Typography>
      </Box>
    </Section>
  );
}
