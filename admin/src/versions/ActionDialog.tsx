import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ProblemError } from '../contract/api-answers';
import { plainMessage } from '../plainErrors';
import { flattenErrors } from './format';

export interface DialogField {
  name: string;
  label: string;
  /** A checkbox sends true when ticked, and nothing when not; a select sends the value of the option chosen. */
  type?: 'text' | 'date' | 'checkbox' | 'select';
  /** A select's options, each a value and the words shown for it. */
  options?: Array<{ value: string; label: string }>;
  /** The latest date a date field takes (YYYY-MM-DD). */
  max?: string;
  multiline?: boolean;
  required?: boolean;
  helperText?: string;
  initial?: string;
  /** Not shown unless the server's answer names it (a field asked for only in some cases). */
  hidden?: boolean;
}

/**
 * A small form in a dialog for one workflow step. The server's answer decides: its problem detail shows at
 * the top, and each field it names shows its message under that field.
 */
export function ActionDialog({
  open,
  title,
  intro,
  fields,
  confirm,
  onClose,
  onSubmit,
  children,
  checkedByServer = false,
}: {
  /** Send whatever is filled in and show every problem the server finds, rather than first asking for required fields here. */
  checkedByServer?: boolean;
  open: boolean;
  title: string;
  intro?: string;
  /** Shown between the introduction and the fields, such as what a ratifier reads before deciding. */
  children?: ReactNode;
  fields: DialogField[];
  confirm: string;
  onClose: () => void;
  onSubmit: (values: Record<string, string | boolean>) => Promise<void>;
}) {
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((f) => [f.name, f.initial ?? ''])));
  const [problem, setProblem] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  // A refusal is shown where the person is looking: at the top of the dialog, scrolled to and focused,
  // with every field at fault listed and linked (the GOV.UK error summary), however far down they were.
  const summary = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (shown === 0) return;
    summary.current?.scrollIntoView({ block: 'start' });
    summary.current?.focus();
  }, [shown]);
  const fail = (message: string, errors: Record<string, string>) => {
    setProblem(message);
    setFieldErrors(errors);
    setShown((n) => n + 1);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = checkedByServer ? [] : fields.filter((f) => f.required && !values[f.name]?.trim());
    if (missing.length) {
      fail('Some required details are missing.', Object.fromEntries(missing.map((f) => [f.name, askFor(f.label)])));
      return;
    }
    setBusy(true);
    try {
      const checkbox = new Set(fields.filter((f) => f.type === 'checkbox').map((f) => f.name));
      const body = Object.fromEntries(
        Object.entries(values)
          .filter(([, v]) => v.trim() !== '')
          .map(([k, v]) => [k, checkbox.has(k) ? true : v.trim()]),
      );
      await onSubmit(body);
    } catch (e) {
      const err = e as { message?: string; body?: { errors?: unknown; problems?: ProblemError[] } };
      const problems = err.body?.problems?.length
        ? err.body.problems.map((p) => ({ pointer: p.pointer, message: plainMessage(p) }))
        : flattenErrors(err.body?.errors);
      const byField: Record<string, string> = {};
      for (const p of problems) {
        const name = p.pointer.replace(/^\//, '').split('/')[0]!;
        byField[name] = byField[name] ? `${byField[name]} ${p.message}` : p.message;
      }
      // Several problems are each listed at their field; the server's one sentence for them all would repeat them.
      const listed = Object.keys(byField).filter((name) => fields.some((f) => f.name === name)).length;
      fail(listed > 1 ? `There are ${listed} things to put right.` : (err.message ?? 'The server refused this.'), byField);
    } finally {
      setBusy(false);
    }
  }

  // A field asked for only in some cases is shown when the server asks for it, or once something is written in it.
  const shownFields = fields.filter((f) => !f.hidden || fieldErrors[f.name] || values[f.name]?.trim());

  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} aria-labelledby="action-dialog-title" fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="action-dialog-title">{title}</DialogTitle>
        <DialogContent>
          {problem && (
            <Alert severity="error" role="alert" ref={summary} tabIndex={-1} sx={{ mb: 2 }} data-testid="dialog-error-summary">
              <AlertTitle>There is a problem</AlertTitle>
              {problem}
              {shownFields.some((f) => fieldErrors[f.name]) && (
                <Box component="ul" sx={{ m: 0, mt: 1, pl: 2 }}>
                  {shownFields
                    .filter((f) => fieldErrors[f.name])
                    .map((f) => (
                      <li key={f.name}>
                        <Link
                          component="button"
                          type="button"
                          onClick={() => document.getElementById(`dialog-${f.name}`)?.focus()}
                          sx={{ color: 'error.dark', fontWeight: 700, textAlign: 'left', fontSize: '1rem' }}
                        >
                          {f.label}: {fieldErrors[f.name]}
                        </Link>
                      </li>
                    ))}
                </Box>
              )}
            </Alert>
          )}
          {intro && <DialogContentText sx={{ mb: 2 }}>{intro}</DialogContentText>}
          {children}
          <Stack spacing={2} sx={{ pt: 1 }}>
            {shownFields.map((f) =>
              f.type === 'checkbox' ? (
                <FormControl key={f.name} error={Boolean(fieldErrors[f.name])}>
                  <FormControlLabel
                    control={
                      <Checkbox
                        id={`dialog-${f.name}`}
                        name={f.name}
                        checked={values[f.name] === 'yes'}
                        onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.checked ? 'yes' : '' }))}
                      />
                    }
                    label={f.label}
                  />
                  {(fieldErrors[f.name] ?? f.helperText) && <FormHelperText>{fieldErrors[f.name] ?? f.helperText}</FormHelperText>}
                </FormControl>
              ) : (
                <TextField
                  key={f.name}
                  id={`dialog-${f.name}`}
                  name={f.name}
                  label={f.label}
                  required={f.required}
                  type={f.type === 'select' ? undefined : (f.type ?? 'text')}
                  multiline={f.multiline}
                  minRows={f.multiline ? 3 : undefined}
                  value={values[f.name] ?? ''}
                  onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
                  error={Boolean(fieldErrors[f.name])}
                  helperText={fieldErrors[f.name] ?? f.helperText}
                  slotProps={
                    f.type === 'date'
                      ? { inputLabel: { shrink: true }, htmlInput: { max: f.max } }
                      : f.type === 'select'
                        ? { inputLabel: { shrink: true }, select: { native: true } }
                        : undefined
                  }
                  select={f.type === 'select'}
                  fullWidth
                >
                  {f.type === 'select'
                    ? f.options?.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))
                    : undefined}
                </TextField>
              ),
            )}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {confirm}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** What a missing field asks for, in words: "Enter the rationale.", but "Say why there is no comparison." */
function askFor(label: string): string {
  const lower = label.toLowerCase();
  return /^(why|what|how)\b/.test(lower) ? `Say ${lower}.` : `Enter the ${lower}.`;
}
