/**
 * Who gains and who loses against the version a scheme replaced, as its ratification's comparison found:
 * by client group and by age band, aggregates only, groups under 10 people withheld (the server withholds
 * them; this only shows what it sends).
 */

import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ImpactSummary } from '../../../engine/contract/transparency-record';
import { formatChange, formatNumber } from '../format';

export type { ImpactSummary };

/** What a group's row shows: the ratification dialog's comparison gives these too. */
type Figures = { betterOff: number; worseOff: number; totalChangePence: number };

export function Equalities({ impact, groupLabel }: { impact: ImpactSummary; groupLabel: (id: string) => string }) {
  return (
    <Box data-testid="equalities">
      <Typography sx={{ mb: 1 }}>
        Against version {impact.comparedWith}, worked out for {formatNumber(impact.cohortPeople)} people in the council's reference group.
        Groups of fewer than 10 people are not shown, so no one can be picked out.
      </Typography>
      <GroupTable title="By client group" groups={impact.byClientGroup} label={groupLabel} />
      <GroupTable title="By age" groups={impact.byAgeBand} label={(band) => `Aged ${band}`} />
    </Box>
  );
}

/** Gains, losses and cost by group, one row each; a withheld group says so. */
export function GroupTable({
  title,
  groups,
  label,
}: {
  title: string;
  groups: Record<string, Figures | string>;
  label: (id: string) => string;
}) {
  return (
    <Box tabIndex={0} role="region" aria-label={`${title}: who gains and who loses`} sx={{ overflowX: 'auto', mb: 2 }}>
      <Table size="small">
        <caption style={{ captionSide: 'top', textAlign: 'left', padding: '0 0 8px' }}>{title}</caption>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              Group
            </TableCell>
            <TableCell component="th" scope="col" align="right">
              Better off
            </TableCell>
            <TableCell component="th" scope="col" align="right">
              Worse off
            </TableCell>
            <TableCell component="th" scope="col" align="right">
              Change in cost a year
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {Object.entries(groups).map(([group, f]) => (
            <TableRow key={group}>
              <TableCell component="th" scope="row">
                {label(group)}
              </TableCell>
              {typeof f === 'string' ? (
                <TableCell colSpan={3}>{f}: not shown</TableCell>
              ) : (
                <>
                  <TableCell align="right">{formatNumber(f.betterOff)}</TableCell>
                  <TableCell align="right">{formatNumber(f.worseOff)}</TableCell>
                  <TableCell align="right">{formatChange(f.totalChangePence)}</TableCell>
                </>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
