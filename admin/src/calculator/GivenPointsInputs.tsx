/**
 * Points scored in the case-management system instead of answers, for a policy that accepts them
 * (acceptsGivenPoints): the total, or points for each area, weighted by the scheme. Shown only for such a policy.
 */

import { Box, FormControl, FormControlLabel, FormLabel, Paper, Radio, RadioGroup, TextField, Typography } from '@mui/material';
import type { GivenPoints } from './assessment';
import type { PolicyDocument } from './types';

interface Props {
  doc: PolicyDocument;
  given: GivenPoints;
  setGiven: (given: GivenPoints) => void;
  fieldError: (pointer: string) => string | undefined;
}

export function GivenPointsInputs({ doc, given, setGiven, fieldError }: Props) {
  const accepted = doc.acceptsGivenPoints ?? [];
  if (accepted.length === 0) return null;
  return (
    <Paper variant="outlined" component="section" aria-labelledby="calc-points" sx={{ p: 2, mb: 2 }}>
      <Typography id="calc-points" variant="h6" component="h2" gutterBottom>
        Points
      </Typography>
      <FormControl component="fieldset">
        <FormLabel component="legend">This scheme accepts points scored elsewhere, instead of answers</FormLabel>
        <RadioGroup row value={given.mode} onChange={(e) => setGiven({ ...given, mode: e.target.value as GivenPoints['mode'] })}>
          <FormControlLabel value="answers" control={<Radio />} label="Answer the questionnaire" />
          {accepted.includes('total') && <FormControlLabel value="total" control={<Radio />} label="Enter the total" />}
          {accepted.includes('domains') && <FormControlLabel value="domains" control={<Radio />} label="Enter points for each area" />}
        </RadioGroup>
      </FormControl>
      {given.mode === 'total' && (
        <TextField
          label="Total points"
          value={given.total}
          onChange={(e) => setGiven({ ...given, total: e.target.value.trim() })}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          error={Boolean(fieldError('/points/total') ?? fieldError('/points'))}
          helperText={fieldError('/points/total') ?? fieldError('/points') ?? 'Used as the total, as it is: not weighted again.'}
          sx={{ mt: 1, display: 'block' }}
        />
      )}
      {given.mode === 'domains' && (
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mt: 1 }}>
          {doc.domains.map((d) => (
            <TextField
              key={d.id}
              label={d.label}
              value={given.byDomain[d.id] ?? ''}
              onChange={(e) => setGiven({ ...given, byDomain: { ...given.byDomain, [d.id]: e.target.value.trim() } })}
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              error={Boolean(fieldError(`/points/byDomain/${d.id}`))}
              helperText={fieldError(`/points/byDomain/${d.id}`) ?? 'Raw points, weighted by the scheme'}
            />
          ))}
        </Box>
      )}
    </Paper>
  );
}
