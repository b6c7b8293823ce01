/** The policy's outcomes without an amount, which a band may give instead of one (universal services, say). */

import { TextInput } from 'react-admin';
import { RowList } from './RowList';

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
