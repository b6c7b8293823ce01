import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { NumberInput } from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { CarerAdjustment } from '../../../engine/policy';

/** The carer reduction matrix: one percentage for each support level and impact on the carer. */
export function CarerMatrixInput() {
  const carer = useWatch({ name: 'document.carerAdjustment' }) as CarerAdjustment | undefined;
  if (!carer) return <Typography>This version makes no carer reduction. Add a carerAdjustment in the JSON tab to make one.</Typography>;
  return (
    <>
      <Typography sx={{ mb: 1 }}>Percentage reduction when a carer is willing and able to carry on.</Typography>
      {/* Four impacts of boxes are wider than a phone: the table scrolls sideways in its own region, not the page. */}
      <Box
        tabIndex={0}
        role="region"
        aria-label="Carer reduction percentages (scrolls sideways on a small screen)"
        sx={{ overflowX: 'auto' }}
      >
        <Table size="small" aria-label="Carer reduction percentages">
          <TableHead>
            <TableRow>
              <TableCell>Support level</TableCell>
              {carer.impacts.map((i) => (
                <TableCell key={i.id}>{i.label}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {carer.supportLevels.map((s) => (
              <TableRow key={s.id}>
                <TableCell component="th" scope="row">
                  {s.label}
                </TableCell>
                {carer.impacts.map((i) => (
                  <TableCell key={i.id}>
                    <NumberInput
                      fullWidth={false}
                      source={`document.carerAdjustment.reductions.${s.id}.${i.id}`}
                      label={false}
                      helperText={false}
                      inputProps={{ 'aria-label': `Reduction (%) for ${s.label}, ${i.label}` }}
                      sx={{ width: 110, my: 0 }}
                    />
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        To add or rename support levels and impacts, use the JSON tab.
      </Typography>
    </>
  );
}
