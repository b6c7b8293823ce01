/** A numbered part of a published version's page, and the source a part of the policy cites. */

import { Box, Link, Typography } from '@mui/material';
import type { ReactNode } from 'react';

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Box component="section" id={id} tabIndex={-1} aria-labelledby={`${id}-h`} sx={{ mb: 4, outline: 'none' }}>
      <Typography id={`${id}-h`} variant="h4" component="h2" gutterBottom sx={{ fontSize: '1.75rem' }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

export function Reference({ r }: { r?: { title: string; url?: string } }) {
  if (!r) return null;
  return (
    <Typography variant="body2" sx={{ mt: 1 }}>
      Source: {r.url ? <Link href={r.url}>{r.title}</Link> : r.title}
    </Typography>
  );
}
