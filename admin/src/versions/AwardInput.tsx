/** How the amount is paid, as an officer edits it in the form: an ongoing budget, once, or yearly. */

import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { SelectInput, TextInput } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import type { Award } from '../../../engine/policy';

/** How the amount is paid: ongoing (no award), once, or a year's amount pro rata. */
export function AwardInput() {
  const { setValue } = useFormContext();
  const award = useWatch({ name: 'document.award' }) as Award | undefined;
  const choose = (kind: string) =>
    setValue('document.award', kind === 'one-off' ? { kind } : kind === 'yearly' ? { kind, proRata: 'whole-months' } : undefined, {
      shouldDirty: true,
    });
  return (
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <TextField
        select
        size="small"
        label="The amount is paid"
        value={award?.kind ?? ''}
        onChange={(e) => choose(e.target.value)}
        sx={{ minWidth: 260 }}
      >
        <MenuItem value="">as an ongoing budget</MenuItem>
        <MenuItem value="one-off">once (a one-off award)</MenuItem>
        <MenuItem value="yearly">yearly, pro rata for a late start</MenuItem>
      </TextField>
      {award?.kind === 'one-off' && (
        <TextInput source="document.award.words" label="How often it may be paid" helperText={false} sx={{ flex: 1, minWidth: 300 }} />
      )}
      {award?.kind === 'yearly' && (
        <>
          <SelectInput
            source="document.award.proRata"
            label="Pro rata by"
            choices={[
              { id: 'whole-months', name: 'whole months left' },
              { id: 'days', name: 'days left' },
            ]}
            helperText={false}
            sx={{ minWidth: 200, mt: 0 }}
          />
          <TextInput source="document.award.yearStarts" label="The year starts on (MM-DD)" helperText="Empty: 04-01, the financial year." />
        </>
      )}
    </Box>
  );
}
