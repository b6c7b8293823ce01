/**
 * The parts of a format-2 policy an officer edits in the form: outcomes without an amount, the facts an
 * assessment states, the eligibility conditions' names and reasons (their conditions, in json-rules-engine's
 * format, are shown in words and edited in the JSON tab), how the amount is paid, and what people are told.
 */

import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { SelectInput, TextInput } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import type { Award, EligibilityCondition, Policy } from '../../../engine/policy';
import { RowList } from './RowList';
import { conditionInWords } from './rulesInWords';

export function OutcomesInput() {
  return (
    <RowList name="document.outcomes" noun="outcome" blank={() => ({ id: '', label: '', words: '' })}>
      {(row) => (
        <>
          <TextInput source={`${row}.label`} label="Outcome" helperText={false} sx={{ minWidth: 240 }} />
          <TextInput source={`${row}.id`} label="Outcome id" helperText={false} />
          <TextInput
            source={`${row}.words`}
            label="What it means for the person"
            helperText={false}
            multiline
            sx={{ flex: 1, minWidth: 320 }}
          />
        </>
      )}
    </RowList>
  );
}

export function FactsInput() {
  return (
    <RowList name="document.facts" noun="fact" blank={() => ({ id: '', label: '', type: 'number' })}>
      {(row) => (
        <>
          <TextInput source={`${row}.label`} label="Fact the case system states" helperText={false} sx={{ minWidth: 300 }} />
          <TextInput source={`${row}.id`} label="Fact id" helperText={false} />
          <SelectInput
            source={`${row}.type`}
            label="Kind"
            choices={[
              { id: 'number', name: 'a number' },
              { id: 'boolean', name: 'yes or no' },
              { id: 'string', name: 'text' },
            ]}
            helperText={false}
            sx={{ minWidth: 140, mt: 0 }}
          />
        </>
      )}
    </RowList>
  );
}

/** Each condition's name and reason; the condition itself in words. */
export function EligibilityInput() {
  const policy = useWatch({ name: 'document' }) as Policy;
  const conditions = (policy?.eligibility ?? []) as EligibilityCondition[];
  if (conditions.length === 0)
    return <Typography color="text.secondary">No eligibility conditions: everyone is eligible. Add them in the JSON tab.</Typography>;
  return (
    <Box component="ol" sx={{ pl: 3, m: 0 }}>
      {conditions.map((c, i) => (
        <li key={`${i}-${c.id}`}>
          <Typography sx={{ mb: 1 }}>
            Met when {conditionInWords(policy, c.conditions)}. <em>(The condition is edited in the JSON tab.)</em>
          </Typography>
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
            <TextInput
              source={`document.eligibility.${i}.label`}
              label="Condition, in a few words"
              helperText={false}
              sx={{ minWidth: 280 }}
            />
            <TextInput
              source={`document.eligibility.${i}.reason`}
              label="Reason given when it is not met"
              helperText={false}
              multiline
              sx={{ flex: 1, minWidth: 320 }}
            />
          </Box>
        </li>
      ))}
    </Box>
  );
}

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

export function PublicationInput() {
  return (
    <Box>
      <TextInput source="document.publication.nextSteps" label="What happens next" helperText={false} multiline fullWidth />
      <TextInput source="document.publication.review" label="How to ask for a review" helperText={false} multiline fullWidth />
      <TextInput
        source="document.publication.purpose"
        label="Why the council uses this scheme (transparency record)"
        helperText={false}
        multiline
        fullWidth
      />
      <TextInput
        source="document.publication.risks"
        label="Risks and how they are managed (transparency record)"
        helperText={false}
        multiline
        fullWidth
      />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <TextInput source="document.publication.contact.name" label="Contact: team or service" helperText={false} sx={{ minWidth: 280 }} />
        <TextInput source="document.publication.contact.phone" label="Telephone" helperText={false} />
        <TextInput source="document.publication.contact.email" label="Email" helperText={false} />
        <TextInput source="document.publication.contact.web" label="Web page (https://…)" helperText={false} sx={{ minWidth: 280 }} />
      </Box>
      <TextInput source="document.publication.contact.address" label="Address" helperText={false} multiline fullWidth />
    </Box>
  );
}
