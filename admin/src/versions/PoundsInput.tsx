/**
 * Money typed in pounds and kept in pence, as the policy stores it: "160" or "£160.50" is 16000 or 16050.
 * A price may have more decimals (a price per point has PRICE_POUND_DECIMALS, engine/words/money.ts).
 * What cannot be read as pounds stays as typed, and the form says how to write it.
 */

import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import { useInput } from 'react-admin';
import { penceToPoundsText, poundsToPence, validationWords } from './pounds';

export function PoundsInput({
  source,
  label,
  decimals = 2,
  helperText,
  width = 180,
}: {
  source: string;
  label: string;
  decimals?: number;
  helperText?: string;
  width?: number;
}) {
  const { field, fieldState } = useInput({
    source,
    validate: (value: unknown) => (typeof value === 'string' ? { message: value, args: {} } : undefined),
  });
  const [text, setText] = useState(() => penceToPoundsText(field.value));
  // A value set from outside (a reset, the JSON tab) replaces what is typed; one typed here is left as typed.
  useEffect(() => {
    setText((typed) => (poundsToPence(typed, decimals) === field.value ? typed : penceToPoundsText(field.value)));
  }, [field.value, decimals]);
  const error = validationWords(fieldState.error?.message);
  return (
    <TextField
      label={`${label} (£)`}
      value={text}
      name={field.name}
      onChange={(e) => {
        setText(e.target.value);
        field.onChange(e.target.value.trim() === '' ? undefined : poundsToPence(e.target.value, decimals));
      }}
      onBlur={field.onBlur}
      error={Boolean(error)}
      helperText={error ?? helperText ?? ' '}
      slotProps={{ htmlInput: { inputMode: 'decimal' } }}
      sx={{ width, mt: 0 }}
      size="small"
    />
  );
}
