/**
 * The signed-in person's own account (GET /api/auth/me): their roles and what each lets them do, any
 * change waiting for a second administrator, a one-time code given and not used, their own password,
 * and everything done to the account and by whom: who granted each role, who gave each code, when the
 * password was set. Anyone signed in reaches it from the menu.
 */

import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Title, useDataProvider } from 'react-admin';
import type { RasDataProvider } from '../dataProvider';
import { messageOf, problemsOf } from '../http';
import { plainMessage } from '../plainErrors';
import { dateTime } from '../format';
import { AccountHistoryList } from './AccountHistory';
import { ROLE_SHORT, ROLE_WORDS } from './roles';
import { type CodeOutstanding, type MyAccount, nameIn, pendingWords } from './types';

export function MyAccountPage() {
  const dataProvider = useDataProvider<RasDataProvider>();
  const [me, setMe] = useState<MyAccount | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    dataProvider.myAccount().then(setMe, (e) => setError(messageOf(e)));
  }, [dataProvider]);
  useEffect(load, [load]);

  return (
    <Box sx={{ p: { xs: 1, md: 2 }, maxWidth: '90ch' }}>
      <Title title="My account" />
      <Typography variant="h1" component="h1" sx={{ mb: 2 }}>
        My account
      </Typography>
      {error && <Alert severity="error">Your account could not be loaded: {error}</Alert>}
      {!me && !error && <Typography role="status">Loading…</Typography>}
      {me && (
        <>
          <Paper component="section" variant="outlined" aria-labelledby="me-roles" sx={{ p: 2, mb: 2 }}>
            <Typography id="me-roles" variant="h6" component="h2" gutterBottom>
              You and your roles
            </Typography>
            <Typography sx={{ mb: 1 }}>
              You are signed in as <strong>{me.displayName}</strong> (username {me.username}).
            </Typography>
            {me.roles.length === 0 ? (
              <Typography>You have no role yet, so there is nothing you can do in the console. Ask an administrator.</Typography>
            ) : (
              <Box component="ul" sx={{ m: 0, pl: 3 }}>
                {me.roles.map((r) => (
                  <li key={r}>
                    <Typography>
                      <strong>{ROLE_SHORT[r] ?? r}</strong>: you can {ROLE_WORDS[r] ?? 'use the console'}.
                    </Typography>
                  </li>
                ))}
              </Box>
            )}
            {me.pending && (
              <Alert severity="info" sx={{ mt: 2 }}>
                {nameIn(me.names, me.pending.requestedBy)} asked on {dateTime(me.pending.requestedAt)}{' '}
                {pendingWords(me.pending, 'you', 'your')}: this waits for a second administrator to agree.
              </Alert>
            )}
            {me.oneTimeCodeOutstanding && (
              <CodeForMe code={me.oneTimeCodeOutstanding} issuer={nameIn(me.names, me.oneTimeCodeOutstanding.issuedBy)} onRefused={load} />
            )}
          </Paper>
          {me.via === 'session' && <ChangePassword onChanged={load} />}
          <Paper variant="outlined" sx={{ mb: 2, pt: 2 }}>
            <AccountHistoryList
              history={me.accountHistory}
              self={me.username}
              headingId="my-account-history"
              title="What has been done to your account"
            />
          </Paper>
        </>
      )}
    </Box>
  );
}

type PasswordFields = { currentPassword: string; newPassword: string; confirm: string };

function ChangePassword({ onChanged }: { onChanged: () => void }) {
  const dataProvider = useDataProvider<RasDataProvider>();
  const empty: PasswordFields = { currentPassword: '', newPassword: '', confirm: '' };
  const [values, setValues] = useState<PasswordFields>(empty);
  const [errors, setErrors] = useState<Partial<PasswordFields>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    setProblem(null);
    const missing: Partial<PasswordFields> = {};
    if (!values.currentPassword) missing.currentPassword = 'Enter your current password.';
    if ([...values.newPassword].length < 12) missing.newPassword = 'Use at least 12 characters.';
    else if (values.confirm !== values.newPassword) missing.confirm = 'The two passwords are not the same.';
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      await dataProvider.changeOwnPassword(values.currentPassword, values.newPassword);
      setValues(empty);
      setDone(true);
      onChanged();
    } catch (e) {
      setErrors(Object.fromEntries(problemsOf(e).map((p) => [p.pointer.split('/')[1] ?? '', plainMessage(p)])));
      setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  const field = (name: keyof PasswordFields, label: string, auto: string, help = ' ') => (
    <TextField
      id={`me-${name}`}
      name={name}
      label={label}
      type="password"
      autoComplete={auto}
      required
      fullWidth
      value={values[name]}
      onChange={(e) => setValues({ ...values, [name]: e.target.value })}
      error={Boolean(errors[name])}
      helperText={errors[name] ?? help}
      sx={{ mb: 1.5 }}
    />
  );

  return (
    <Paper component="section" variant="outlined" aria-labelledby="me-password" sx={{ p: 2, mb: 2 }}>
      <Typography id="me-password" variant="h6" component="h2" gutterBottom>
        Change your password
      </Typography>
      <Box component="form" onSubmit={submit} noValidate aria-labelledby="me-password" sx={{ maxWidth: 480 }}>
        {problem && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {problem}
          </Alert>
        )}
        {field('currentPassword', 'Current password', 'current-password')}
        {field('newPassword', 'New password', 'new-password', '12 characters or more, not a common password.')}
        {field('confirm', 'New password again', 'new-password')}
        <Button type="submit" variant="outlined" disabled={busy}>
          Change my password
        </Button>
        <Box role="status" sx={{ mt: 1 }}>
          {done && <Alert severity="success">Your password is changed. Your other sessions have ended.</Alert>}
        </Box>
      </Box>
    </Paper>
  );
}

/**
 * A code given for your own account: who gave it, from when and until when it works. If you did not ask
 * for it, you turn it down here, and it stops working at once (whoever holds it cannot set your password).
 */
function CodeForMe({ code, issuer, onRefused }: { code: CodeOutstanding; issuer: string; onRefused: () => void }) {
  const dataProvider = useDataProvider<RasDataProvider>();
  const [failure, setFailure] = useState<string | null>(null);
  const refuse = () => dataProvider.refuseOwnCode().then(onRefused, (e) => setFailure(messageOf(e)));
  const later = code.worksFrom > code.issuedAt;
  return (
    <Alert
      severity="warning"
      sx={{ mt: 2 }}
      action={
        <Button color="inherit" size="small" onClick={refuse}>
          Turn this code down
        </Button>
      }
    >
      {issuer} gave a one-time code to set a new password for your account on {dateTime(code.issuedAt)}; it works
      {later ? ` from ${dateTime(code.worksFrom)}` : ''} until {dateTime(code.expiresAt)}. If you did not ask for it, turn it down: it then
      stops working at once.
      {failure && <Typography role="alert">{failure}</Typography>}
    </Alert>
  );
}
