/** Part 4 of a published version: the yearly increases and the dates they apply from. */

import { Box, Typography } from '@mui/material';
import { formatDate, formatNumber } from '../format';
import type { PolicyDocument } from '../calculator/types';
import { Section } from './Section';

export function UpliftsSection({ doc }: { doc: PolicyDocument }) {
  return (
    <Section id="uplifts" title="4. Yearly increases (uplifts)">
      {!doc.uplifts?.length ? (
        <Typography>This version has no uplifts.</Typography>
      ) : (
        <>
          <Typography sx={{ mb: 1 }}>
            From the dates below, budgets are increased by these percentages, one after another, to keep up with the cost of care:
          </Typography>
          <Box component="ul">
            {doc.uplifts.map((u) => (
              <li key={u.from}>
                {formatNumber(u.percent)}% more from {formatDate(u.from)}
                {u.reference ? ` (${u.reference.title})` : ''}
              </li>
            ))}
          </Box>
        </>
      )}
    </Section>
  );
}
