/**
 * Who is eligible, as an officer edits it in the form: each eligibility condition's name and the reason
 * given when it is not met (the conditions themselves, in json-rules-engine's format, are shown in words
 * and edited in the JSON tab), and the facts the case system states in each assessment for them to test.
 */

import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { SelectInput, TextInput } from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { EligibilityCondition, Policy } from '../../../engine/policy';
import { RowList } from './RowList';
import { conditionInWords } from '../../../engine/words/conditions';

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

/** The facts the case system states in each assessment: the eligibility conditions test them. */
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
