/**
 * A person sets their own password with the one-time code an administrator gave them (a new account, or a
 * new code after a forgotten password), without signing in; then they sign in with it. The code works
 * once: a wrong, used or out-of-date code is refused in one sentence that does not say which.
 */

import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { enrolment } from '../authProvider';
import { problemsOf, statusOf } from '../http';
import { plainMessage } from '../plainErrors';
import { SignInFrame } from './LoginPage';

const FIELDS = [
  {
    name: 'username',
    label: 'Username',
    help: 'The username your administrator gave you, such as j.smith.',
    type: 'text',
    auto: 'username',
  },
  {
    name: 'code',
    label: 'One-time code',
    help: 'The code your administrator gave you. It works once, for a few days.',
    type: 'text',
    auto: 'one-time-code',
  },
  {
    name: 'password',
    label: 'New password',
    help: '12 characters or more. A few unrelated words make a strong password that is easy to remember.',
    type: 'password',
    auto: 'new-password',
  },
  { name: 'confirm', label: 'New password again', help: ' ', type: 'password', auto: 'new-password' },
] as const;

type Values = Record<(typeof FIELDS)[number]['name'], string>;

export function SetPasswordPage() {
  const navigate = useNavigate();
  const [values, setValues] = useState<Values>({ username: '', code: '', password: '', confirm: '' });
  const [errors, setErrors] = useState<Partial<Values>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const missing: Partial<Values> = Object.fromEntries(
      FIELDS.filter((f) => !values[f.name].trim()).map((f) => [f.name, `Enter your ${f.label.toLowerCase()}.`]),
    );
    if (!missing.password && [...values.password].length < 12) missing.password = 'Use at least 12 characters.';
    if (!missing.confirm && !missing.password && values.confirm !== values.password)
      missing.confirm = 'The two passwords are not the same.';
    setErrors(missing);
    if (Object.keys(missing).length > 0) {
      setProblem('Some details need your attention.');
      return;
    }
    setBusy(true);
    try {
      const username = values.username.trim();
      await enrolment.setPassword({ username, code: values.code.trim(), password: values.password });
      navigate('/login', { state: { username, passwordSet: true } });
    } catch (e) {
      const problems = problemsOf(e);
      setErrors(Object.fromEntries(problems.map((p) => [p.pointer.split('/')[1] ?? '', plainMessage(p)])));
      setProblem(
        statusOf(e) === 429
          ? 'Too many tries: wait a few minutes, then try again.'
          : e instanceof Error
            ? e.message
            : 'Your password could not be set. Try again.',
      );
      setBusy(false);
    }
  }

  return (
    <SignInFrame intro="Set your own password with the one-time code an administrator gave you. Nobody else will know it.">
      <form onSubmit={submit} noValidate aria-labelledby="set-password-title">
        <Typography id="set-password-title" variant="h2" component="h2" sx={{ fontSize: '1.3rem', fontWeight: 700, mb: 2 }}>
          Set your password with a one-time code
        </Typography>
        {problem && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {problem}
          </Alert>
        )}
        {FIELDS.map((f) => (
          <TextField
            key={f.name}
            id={`enrol-${f.name}`}
            name={f.name}
            label={f.label}
            type={f.type}
            autoComplete={f.auto}
            required
            fullWidth
            autoFocus={f.name === 'username'}
            value={values[f.name]}
            onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
            error={Boolean(errors[f.name])}
            helperText={errors[f.name] ?? f.help}
            sx={{ mb: 1.5 }}
          />
        ))}
        <Button type="submit" variant="contained" size="large" fullWidth disabled={busy}>
          Set my password
        </Button>
        <Typography sx={{ mt: 3 }}>
          <Link component={RouterLink} to="/login">
            Back to sign in
          </Link>
        </Typography>
      </form>
    </SignInFrame>
  );
}
