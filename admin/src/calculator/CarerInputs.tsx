/** The unpaid carer: whether there is one and, if so, the four answers the carer adjustment needs. */

import {
  Box,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Paper,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@mui/material';
import type { Dispatch, SetStateAction } from 'react';
import { NO_CARER, type CarerState } from './assessment';
import type { PolicyDocument } from './types';

interface CarerInputsProps {
  doc: PolicyDocument;
  carer: CarerState;
  setCarer: Dispatch<SetStateAction<CarerState>>;
  carerIncomplete: boolean;
  fieldError: (pointer: string) => string | undefined;
}

export function CarerInputs({ doc, carer, setCarer, carerIncomplete, fieldError }: CarerInputsProps) {
  return (
    <Paper variant="outlined" component="section" aria-labelledby="calc-carer" sx={{ p: 2, mb: 2 }}>
      <Typography id="calc-carer" variant="h6" component="h2" gutterBottom>
        Unpaid carer
      </Typography>
      {!doc.carerAdjustment ? (
        <Typography>This version makes no adjustment for support from an unpaid carer.</Typography>
      ) : (
        <>
          <FormControlLabel
            control={
              <Checkbox checked={carer.present} onChange={(e) => setCarer(e.target.checked ? { ...NO_CARER, present: true } : NO_CARER)} />
            }
            label="The person has an unpaid carer (family or a friend)"
          />
          {carer.present && (
            <Box sx={{ pl: 1 }}>
              <YesNo
                legend="Is the carer willing to carry on caring?"
                value={carer.willing}
                onChange={(v) => setCarer((c) => ({ ...c, willing: v }))}
                error={fieldError('/carer/willingToContinue')}
              />
              <YesNo
                legend="Is the carer able to carry on caring?"
                value={carer.able}
                onChange={(v) => setCarer((c) => ({ ...c, able: v }))}
                error={fieldError('/carer/ableToContinue')}
              />
              <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mt: 1 }}>
                <TextField
                  select
                  label="How much support the carer gives"
                  value={carer.supportLevel}
                  onChange={(e) => setCarer((c) => ({ ...c, supportLevel: e.target.value }))}
                  slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
                  sx={{ minWidth: 280 }}
                  error={!!fieldError('/carer/supportLevel')}
                  helperText={fieldError('/carer/supportLevel') ?? ' '}
                >
                  <option value="">Choose…</option>
                  {doc.carerAdjustment.supportLevels.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.label}
                      {l.description ? ` (${l.description})` : ''}
                    </option>
                  ))}
                </TextField>
                <TextField
                  select
                  label="Impact of caring on the carer"
                  value={carer.impact}
                  onChange={(e) => setCarer((c) => ({ ...c, impact: e.target.value }))}
                  slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
                  sx={{ minWidth: 280 }}
                  error={!!fieldError('/carer/impact')}
                  helperText={fieldError('/carer/impact') ?? ' '}
                >
                  <option value="">Choose…</option>
                  {doc.carerAdjustment.impacts.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.label}
                    </option>
                  ))}
                </TextField>
              </Box>
              {carerIncomplete && (
                <Typography variant="body2" sx={{ mt: 1 }}>
                  Answer all four carer questions, or untick the box, to see the allocation.
                </Typography>
              )}
            </Box>
          )}
        </>
      )}
    </Paper>
  );
}

function YesNo({ legend, value, onChange, error }: { legend: string; value: string; onChange: (v: 'yes' | 'no') => void; error?: string }) {
  return (
    <FormControl component="fieldset" error={!!error} sx={{ display: 'block', mt: 1 }}>
      <FormLabel component="legend" sx={{ color: 'text.primary' }}>
        {legend}
      </FormLabel>
      <RadioGroup row value={value} onChange={(e) => onChange(e.target.value as 'yes' | 'no')}>
        <FormControlLabel value="yes" control={<Radio size="small" />} label="Yes" />
        <FormControlLabel value="no" control={<Radio size="small" />} label="No" />
      </RadioGroup>
      {error && <FormHelperText>{error}</FormHelperText>}
    </FormControl>
  );
}
