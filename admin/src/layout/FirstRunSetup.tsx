/**
 * First run: while the system has no users, the sign-in page offers this instead. The person who started
 * the server types the one-time setup code it printed, and chooses the first administrator's name and
 * password; they are then signed in. No curl, no JSON.
 */

import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { useLogin } from 'react-admin';
import { firstRun } from '../authProvider';
import { messageOf, problemsOf } from '../http';
import { plainMessage } from '../plainErrors';

const FIELDS = [
  { name: 'code', label: 'Setup code', help: 'The one-time code the server printed when it started.', type: 'text', auto: 'one-time-code' },
  {
    name: 'username',
    label: 'Username',
    help: 'Lower-case letters, digits, dots and hyphens, such as admin.',
    type: 'text',
    auto: 'username',
  },
  { name: 'displayName', label: 'Your name', help: 'As others will see it in the audit log.', type: 'text', auto: 'name' },
  { name: 'password', label: 'Password', help: '12 characters or more, not a common password.', type: 'password', auto: 'new-password' },
  { name: 'confirm', label: 'Password again', help: ' ', type: 'password', auto: 'new-password' },
] as const;

type Values = Record<(typeof FIELDS)[number]['name'], string>;

export function FirstRunSetup() {
  const login = useLogin();
  const [values, setValues] = useState<Values>({ code: '', username: '', displayName: '', password: '', confirm: '' });
  const [errors, setErrors] = useState<Partial<Values>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const missing = Object.fromEntries(
      FIELDS.filter((f) => f.name !== 'displayName' && !values[f.name].trim()).map((f) => [f.name, `Enter the ${f.label.toLowerCase()}.`]),
    );
    if (!missing.confirm && values.confirm !== values.password) missing.confirm = 'The two passwords are not the same.';
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      const { confirm: _, ...body } = values;
      await firstRun.setUp({ ...body, displayName: body.displayName.trim() || undefined });
      await login({ username: values.username, password: values.password });
    } catch (e) {
      setErrors(Object.fromEntries(problemsOf(e).map((p) => [p.pointer.split('/')[1] ?? '', plainMessage(p)])));
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="setup-title">
      <Typography id="setup-title" variant="h2" component="h2" sx={{ fontSize: '1.3rem', fontWeight: 700, mb: 1 }}>
        Set up the console
      </Typography>
      <Typography sx={{ mb: 2 }}>Nobody can sign in yet. Create the first administrator: they can then add everyone else.</Typography>
      {problem && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {problem}
        </Alert>
      )}
      {FIELDS.map((f) => (
        <TextField
          key={f.name}
          name={f.name}
          label={f.label}
          type={f.type}
          autoComplete={f.auto}
          required={f.name !== 'displayName'}
          fullWidth
          value={values[f.name]}
          onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
          error={Boolean(errors[f.name])}
          helperText={errors[f.name] ?? f.help}
          sx={{ mb: 1.5 }}
        />
      ))}
      <Button type="submit" variant="contained" size="large" fullWidth disabled={busy}>
        Create the administrator and sign in
      </Button>
    </form>
  );
}
