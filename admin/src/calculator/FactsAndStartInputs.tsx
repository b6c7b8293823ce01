/**
 * What the assessment states beyond the questionnaire, for a policy that asks it: the facts its
 * eligibility conditions test, and the start date of a yearly award paid pro rata. Each appears only
 * for a policy that uses it.
 */

import { Box, Checkbox, FormControlLabel, Paper, TextField, Typography } from '@mui/material';
import type { PolicyDocument } from './types';

interface Props {
  doc: PolicyDocument;
  facts: Record<string, string | boolean>;
  setFacts: (facts: Record<string, string | boolean>) => void;
  startDate: string;
  setStartDate: (date: string) => void;
  fieldError: (pointer: string) => string | undefined;
}

export function FactsAndStartInputs({ doc, facts, setFacts, startDate, setStartDate, fieldError }: Props) {
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
