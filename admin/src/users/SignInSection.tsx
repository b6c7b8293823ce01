/**
 * How an account signs in, on its page: for a person, whether they have set a password, the one-time code
 * given and not used yet (who gave it, until when; never the code), and "Give a new sign-in code"; for a
 * system, its API keys. And the change that waits for a second administrator, with Approve and Refuse:
 * the server decides who may (never the admin who asked).
 */

import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useDataProvider, useGetIdentity, useRecordContext, useRefresh } from 'react-admin';
import type { RasDataProvider } from '../dataProvider';
import { dateTime } from '../format';
import { ApiKeys } from './ApiKeys';
import { OneTimeCodeDialog } from './OneTimeCode';
import { type ApprovedKey, isSystem, nameIn, type OneTimeCode, type PendingChange, pendingWords, type UserView } from './types';

/** Why a change waits for a second administrator, by kind. */
const WHY_SECOND: Record<PendingChange['kind'], string> = {
  roles:
    'Officer and ratifier roles change what people are paid, and an administrator can be the second pair of eyes, so another administrator must agree.',
  'password-reset': 'A new sign-in code lets whoever holds it into the account, so another administrator must agree.',
  disable: 'Disabling an administrator leaves one fewer second pair of eyes, so another administrator must agree.',
  enable: 'This account can change what people are paid: bringing it back is like granting its roles, so another administrator must agree.',
  'api-key':
    'A key lets whoever holds it record decisions and final budgets as this system, so another administrator must agree; they are shown the key once.',
};

/** The server's own words for a refusal (who may approve is its rule, not the console's). */
const refusal = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function PendingChangePanel() {
  const record = useRecordContext<UserView>();
  const dataProvider = useDataProvider<RasDataProvider>();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [code, setCode] = useState<OneTimeCode | null>(null);
  const [key, setKey] = useState<ApprovedKey | null>(null);
  const { identity } = useGetIdentity();
  if (!record) return null;
  const pending = record.pending;
  // Whoever asked is offered no approval (the server would refuse it), only to withdraw the request.
  const mine = pending !== null && identity?.username === pending.requestedBy;

  const act = async (what: 'approve' | 'refuse') => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      if (what === 'approve') {
        const { oneTimeCode, apiKey } = await dataProvider.approvePending(record.id, record.etag);
        setMessage(
          oneTimeCode && pending?.kind === 'roles'
            ? `You agreed: ${record.displayName}'s roles are changed. Their password could have been set by the administrator who asked, so it no longer works: give ${record.displayName} the new sign-in code, shown once.`
            : oneTimeCode
              ? `You agreed: ${record.displayName} has a new sign-in code, shown once.`
              : apiKey
                ? `You agreed: the API key “${apiKey.label}” is issued, shown once below. Store it in the system that will use it.`
                : pending?.kind === 'disable'
                  ? `You agreed: ${record.displayName}'s account is disabled.`
                  : pending?.kind === 'enable'
                    ? `You agreed: ${record.displayName}'s account is enabled again.`
                    : `You agreed: ${record.displayName}'s roles are changed.`,
        );
        setCode(oneTimeCode);
        setKey(apiKey);
      } else {
        await dataProvider.refusePending(record.id);
        setMessage(
          mine
            ? 'Your request is withdrawn: nothing about the account changed.'
            : 'The change was refused: nothing about the account changed.',
        );
      }
      refresh();
    } catch (e) {
      setError(refusal(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {pending && (
        <Paper
          component="section"
          aria-labelledby="pending-heading"
          variant="outlined"
          sx={{ m: 2, p: 2, borderColor: 'warning.main', borderWidth: 2 }}
        >
          <Typography id="pending-heading" variant="h6" component="h2" gutterBottom>
            Waiting for a second administrator
          </Typography>
          <Typography sx={{ mb: 1, maxWidth: '75ch' }}>
            {nameIn(record.names, pending.requestedBy)} asked on {dateTime(pending.requestedAt)} {pendingWords(pending, record.displayName)}
            . {WHY_SECOND[pending.kind]} Until another administrator approves it, the account is as it was.
          </Typography>
          {mine ? (
            <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
              <Typography>You asked for this, so another administrator must agree to it.</Typography>
              <Button variant="outlined" onClick={() => act('refuse')} disabled={busy}>
                Withdraw my request
              </Button>
            </Box>
          ) : (
            <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
              <Button variant="contained" onClick={() => act('approve')} disabled={busy}>
                Approve
              </Button>
              <Button variant="outlined" color="error" onClick={() => act('refuse')} disabled={busy}>
                Refuse
              </Button>
            </Box>
          )}
        </Paper>
      )}
      <Box role="status" sx={{ mx: 2 }}>
        {error && <Alert severity="error">{error}</Alert>}
        {message && <Alert severity="success">{message}</Alert>}
        {key && (
          <Alert severity="warning" sx={{ mt: 1 }}>
            The key, shown this once: <code data-testid="approved-api-key">{key.key}</code>
          </Alert>
        )}
      </Box>
      <OneTimeCodeDialog code={code} person={record.displayName} username={record.username} onClose={() => setCode(null)} />
    </>
  );
}

export function SignInSection() {
  const record = useRecordContext<UserView>();
  const { identity } = useGetIdentity();
  const dataProvider = useDataProvider<RasDataProvider>();
  const refresh = useRefresh();
  const [confirming, setConfirming] = useState(false);
  const [code, setCode] = useState<OneTimeCode | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  if (!record) return null;
  if (isSystem(record)) return <ApiKeys />;
  const self = identity?.id === record.id;
  const outstanding = record.oneTimeCodeOutstanding;
  const expired = outstanding !== null && new Date(outstanding.expiresAt) <= new Date();
  const issuer = outstanding ? nameIn(record.names, outstanding.issuedBy) : '';

  const give = async () => {
    setConfirming(false);
    setError(null);
    setMessage(null);
    try {
      const { oneTimeCode, held } = await dataProvider.newSignInCode(record.id);
      if (held)
        setMessage(
          'Another administrator must agree before the new code is given: they will see the request on this page and on their Home page.',
        );
      setCode(oneTimeCode);
      refresh();
    } catch (e) {
      setError(refusal(e));
    }
  };

  return (
    <Paper component="section" aria-labelledby="sign-in-heading" variant="outlined" sx={{ m: 2, p: 2 }}>
      <Typography id="sign-in-heading" variant="h6" component="h2" gutterBottom>
        Signing in
      </Typography>
      <Typography sx={{ mb: 1, maxWidth: '75ch' }}>
        {record.hasPassword
          ? `${record.displayName} has set a password.`
          : `${record.displayName} has not set a password yet, so cannot sign in.`}{' '}
        Nobody but {record.displayName} knows it: an administrator gives a one-time code, and the person sets their own password with it on
        the sign-in page.
      </Typography>
      <Typography sx={{ mb: 2, maxWidth: '75ch' }} data-testid="code-status">
        {outstanding?.worksFrom && new Date(outstanding.worksFrom) > new Date()
          ? `A one-time code for a new password was given by ${issuer} on ${dateTime(outstanding.issuedAt)}. It works only from ${dateTime(outstanding.worksFrom)}, so that ${record.displayName} can see it and turn it down, and until ${dateTime(outstanding.expiresAt)}.`
          : outstanding
            ? expired
              ? `The one-time code ${issuer} gave on ${dateTime(outstanding.issuedAt)} was not used and stopped working on ${dateTime(outstanding.expiresAt)}. Give a new one.`
              : `A one-time code ${outstanding.purpose === 'new-account' ? 'for the new account' : 'for a new password'} was given by ${issuer} on ${dateTime(outstanding.issuedAt)} and has not been used yet. It works until ${dateTime(outstanding.expiresAt)}.${record.hasPassword ? ' The present password works until it is used.' : ''}`
            : 'No one-time code is waiting to be used.'}
      </Typography>
      {self ? (
        <Typography>This is your own account: change your password on the My account page.</Typography>
      ) : (
        <Button variant="outlined" onClick={() => setConfirming(true)} disabled={record.pending?.kind === 'password-reset'}>
          Give a new sign-in code
        </Button>
      )}
      <Box role="status" sx={{ mt: 1 }}>
        {error && <Alert severity="error">{error}</Alert>}
        {message && <Alert severity="info">{message}</Alert>}
      </Box>

      <Dialog open={confirming} onClose={() => setConfirming(false)} aria-labelledby="reset-title">
        <DialogTitle id="reset-title">Give {record.displayName} a new sign-in code?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            Do this when {record.displayName} has forgotten their password or it may be known to someone else. You are shown a one-time code
            once; {record.displayName} sets a new password with it. Their present password works until then, and any earlier code stops
            working. Where there is another administrator, they may have to agree first: you will be told.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>Cancel</Button>
          <Button variant="contained" onClick={give}>
            Give a new sign-in code
          </Button>
        </DialogActions>
      </Dialog>
      <OneTimeCodeDialog code={code} person={record.displayName} username={record.username} onClose={() => setCode(null)} />
    </Paper>
  );
}
