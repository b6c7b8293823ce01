/**
 * What a format-2 policy may ask of an assessment beyond the questionnaire: points scored in the
 * case-management system instead of answers, the facts its eligibility conditions test, and the start
 * date of a yearly award paid pro rata. Each appears only for a policy that uses it.
 */

import { Box, Checkbox, FormControl, FormControlLabel, FormLabel, Paper, Radio, RadioGroup, TextField, Typography } from '@mui/material';
import type { GivenPoints } from './assessment';
import type { PolicyDocument } from './types';

interface Props {
  doc: PolicyDocument;
  given: GivenPoints;
  setGiven: (given: GivenPoints) => void;
  facts: Record<string, string | boolean>;
  setFacts: (facts: Record<string, string | boolean>) => void;
  startDate: string;
  setStartDate: (date: string) => void;
  fieldError: (pointer: string) => string | undefined;
}

export function GivenPointsInputs({ doc, given, setGiven, fieldError }: Pick<Props, 'doc' | 'given' | 'setGiven' | 'fieldError'>) {
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

export function FactsAndStartInputs({ doc, facts, setFacts, startDate, setStartDate, fieldError }: Omit<Props, 'given' | 'setGiven'>) {
  const declared = doc.facts ?? [];
  const yearly = doc.award?.kind === 'yearly';
  if (declared.length === 0 && !yearly) return null;
  return (
    <Paper variant="outlined" component="section" aria-labelledby="calc-facts" sx={{ p: 2, mb: 2 }}>
      <Typography id="calc-facts" variant="h6" component="h2" gutterBottom>
        {declared.length > 0 ? 'About the person’s situation' : 'The award'}
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        {declared.map((f) => {
          const error = fieldError(`/facts/${f.id}`);
          return f.type === 'boolean' ? (
            <FormControlLabel
              key={f.id}
              control={<Checkbox checked={facts[f.id] === true} onChange={(e) => setFacts({ ...facts, [f.id]: e.target.checked })} />}
              label={f.label}
            />
          ) : (
            <TextField
              key={f.id}
              label={f.label}
              value={String(facts[f.id] ?? '')}
              onChange={(e) => setFacts({ ...facts, [f.id]: e.target.value })}
              required
              slotProps={{ htmlInput: f.type === 'number' ? { inputMode: 'decimal' } : {} }}
              error={Boolean(error)}
              helperText={error ?? (f.type === 'number' ? 'A number' : ' ')}
              sx={{ minWidth: 280 }}
            />
          );
        })}
        {yearly && (
          <TextField
            type="date"
            label="Award starts on (optional)"
            value={startDate}
            onChange={(e) => setStartDate(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
            error={Boolean(fieldError('/startDate'))}
            helperText={fieldError('/startDate') ?? 'For a start part-way through the year, the award is paid pro rata.'}
          />
        )}
      </Box>
      {fieldError('/facts') && (
        <Typography color="error" variant="body2" sx={{ mt: 1 }}>
          {fieldError('/facts')}
        </Typography>
      )}
    </Paper>
  );
}
