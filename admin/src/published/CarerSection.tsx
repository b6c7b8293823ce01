/** Part 3 of a published version: the carer adjustment as a table of reductions, and when it applies at all. */

import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { formatNumber } from '../format';
import type { PolicyDocument } from '../calculator/types';
import { Reference, Section } from './Section';

export function CarerSection({ doc }: { doc: PolicyDocument }) {
  return (
    <Section id="carer" title="3. If you have an unpaid carer">
      {!doc.carerAdjustment ? (
        <Typography>This scheme does not change your budget because of support from an unpaid carer.</Typography>
      ) : (
        <>
          <Typography sx={{ mb: 1 }}>
            If a family member or friend already cares for you without being paid, your budget is reduced a little to take account of that
            help, <strong>but only when your carer is both willing and able to carry on caring</strong>. If your carer is not willing, or
            not able, to carry on, nothing is taken off.
          </Typography>
          <Typography sx={{ mb: 1 }}>
            The reduction depends on how much support your carer gives and the impact caring has on them:
          </Typography>
          <Box tabIndex={0} role="region" aria-label="Carer reductions (scrolls sideways on a small screen)" sx={{ overflowX: 'auto' }}>
            <Table size="small">
              <caption style={{ captionSide: 'top', textAlign: 'left', padding: '0 0 8px' }}>
                Percentage taken off the budget when the carer is willing and able to continue
              </caption>
              <TableHead>
                <TableRow>
                  <TableCell component="th" scope="col">
                    Support the carer gives
                  </TableCell>
                  {doc.carerAdjustment.impacts.map((i) => (
                    <TableCell key={i.id} component="th" scope="col" align="right">
                      {i.label}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {doc.carerAdjustment.supportLevels.map((l) => (
                  <TableRow key={l.id}>
                    <TableCell component="th" scope="row">
                      {l.label}
                      {l.description ? ` (${l.description})` : ''}
                    </TableCell>
                    {doc.carerAdjustment!.impacts.map((i) => (
                      <TableCell key={i.id} align="right">
                        {formatNumber(doc.carerAdjustment!.reductions[l.id]?.[i.id] ?? 0)}%
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
          {doc.carerAdjustment.impacts
            .filter((i) => i.description)
            .map((i) => (
              <Typography key={i.id} variant="body2" sx={{ mt: 1 }}>
                {i.label}: {i.description}
              </Typography>
            ))}
          <Reference r={doc.carerAdjustment.reference} />
        </>
      )}
    </Section>
  );
}
