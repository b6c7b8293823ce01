/** A system's API keys (people have none): issue one (shown once, with a copy button) and revoke. */

import { visuallyHidden } from '../calculator/charts';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useRecordContext, useRefresh } from 'react-admin';
import { formatDate } from '../format';
import type { RasDataProvider } from '../dataProvider';
import { messageOf } from '../http';
import type { ApiKeyView, UserView } from './types';

type Key = ApiKeyView;

function statusOf(key: Key, now: Date): string {
  if (key.revokedAt) return `Revoked on ${formatDate(key.revokedAt)}`;
  if (key.expiresAt && new Date(key.expiresAt) <= now) return `Expired on ${formatDate(key.expiresAt)}`;
  return key.expiresAt ? `In use until ${formatDate(key.expiresAt)}` : 'In use, no expiry';
}

export function ApiKeys() {
  const record = useRecordContext<UserView>();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<RasDataProvider>();
  const [label, setLabel] = useState('');
  const [expires, setExpires] = useState('');
  const [issued, setIssued] = useState<{ label: string; key: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [revoking, setRevoking] = useState<Key | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  if (!record) return null;
  const keys: Key[] = record.apiKeys ?? [];

  const issue = async () => {
    setError(null);
    setMessage(null);
    if (!label.trim()) {
      setError('Give the key a label, such as the name of the system that will use it.');
      return;
    }
    try {
      const body = await dataProvider.issueApiKey(
        String(record.id),
        label.trim(),
        // The key works to the end of the chosen day, in the officer's own time zone.
        expires ? new Date(`${expires}T23:59:59`).toISOString() : undefined,
      );
      if (body.held || !body.key)
        setMessage('The key waits for a second administrator: the one who agrees is shown it once, on this page.');
      else setIssued({ label: body.key.label, key: body.key.key });
      setCopied(false);
      setLabel('');
      setExpires('');
      refresh();
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const revoke = async (key: Key) => {
    setRevoking(null);
    try {
      await dataProvider.revokeApiKey(String(record.id), key.id);
      setMessage(`The key "${key.label}" has been revoked: it no longer works.`);
      refresh();
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(issued!.key);
      setCopied(true);
    } catch {
      setCopied(false);
      setError('Could not copy: select the key and copy it by hand.');
    }
  };

  return (
    <Paper component="section" aria-labelledby="api-keys-heading" variant="outlined" sx={{ m: 2, p: 2 }}>
      <Typography id="api-keys-heading" variant="h6" component="h2" gutterBottom>
        API keys
      </Typography>
      <Typography variant="body2" sx={{ mb: 2, maxWidth: '75ch' }}>
        This is a system's account: it signs in with an API key, never a password. A key lets the system evaluate assessments and record
        decisions. The key is shown once, when it is issued: store it in the system that will use it. Revoke a key as soon as it is no
        longer needed or may have leaked.
      </Typography>
      {keys.length === 0 ? (
        <Typography sx={{ mb: 2 }}>This system has no API keys.</Typography>
      ) : (
        // On a phone the table scrolls in its own box, which takes keyboard focus so it can be scrolled without a mouse;
        // positioned, so that a visually hidden heading inside it scrolls with it instead of widening the page.
        <Box
          sx={{ overflowX: 'auto', position: 'relative', mb: 2, maxWidth: 800 }}
          tabIndex={0}
          role="region"
          aria-label="API keys (scrolls sideways)"
        >
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col">
                  Label
                </TableCell>
                <TableCell component="th" scope="col">
                  Key id
                </TableCell>
                <TableCell component="th" scope="col">
                  Issued
                </TableCell>
                <TableCell component="th" scope="col">
                  Status
                </TableCell>
                <TableCell component="th" scope="col">
                  Last used
                </TableCell>
                <TableCell component="th" scope="col">
                  <Box component="span" sx={visuallyHidden}>
                    Actions
                  </Box>
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {keys.map((k) => (
                <TableRow key={k.id}>
                  <TableCell component="th" scope="row">
                    {k.label}
                  </TableCell>
                  <TableCell>
                    <code>{k.id}</code>
                  </TableCell>
                  <TableCell>{formatDate(k.createdAt)}</TableCell>
                  <TableCell>{statusOf(k, new Date())}</TableCell>
                  <TableCell>{k.lastUsedAt ? formatDate(k.lastUsedAt) : 'Never'}</TableCell>
                  <TableCell>
                    {!k.revokedAt && (
                      <Button color="error" onClick={() => setRevoking(k)} aria-label={`Revoke the key ${k.label}`}>
                        Revoke
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <TextField
          label="Label for a new key"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          size="small"
          helperText="e.g. case-management system"
        />
        <TextField
          label="Works until (optional)"
          type="date"
          value={expires}
          onChange={(e) => setExpires(e.target.value)}
          size="small"
          slotProps={{ inputLabel: { shrink: true } }}
          helperText="Leave empty for a key that works until revoked"
        />
        <Button variant="contained" onClick={issue}>
          Issue an API key
        </Button>
      </Box>
      <Box role="status" sx={{ mt: 1 }}>
        {error && <Alert severity="error">{error}</Alert>}
        {message && <Alert severity="success">{message}</Alert>}
      </Box>

      <Dialog open={!!issued} onClose={() => setIssued(null)} aria-labelledby="issued-title" aria-describedby="issued-text">
        <DialogTitle id="issued-title">The new API key "{issued?.label}"</DialogTitle>
        <DialogContent>
          <DialogContentText id="issued-text" sx={{ mb: 2 }}>
            Copy this key now and store it safely: it will not be shown again. Send it as the header{' '}
            <code>Authorization: ApiKey &lt;key&gt;</code>.
          </DialogContentText>
          <TextField
            label="API key"
            value={issued?.key ?? ''}
            fullWidth
            slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'issued-key' } }}
            onFocus={(e) => e.target.select()}
          />
          <Box role="status" sx={{ mt: 1, minHeight: 24 }}>
            {copied && <Typography variant="body2">Copied to the clipboard.</Typography>}
          </Box>
        </DialogContent>
        <DialogActions>
          <Button onClick={copy}>Copy the key</Button>
          <Button variant="contained" onClick={() => setIssued(null)}>
            I have stored it
          </Button>
        </DialogActions>
      </Dialog>

      <Dialog open={!!revoking} onClose={() => setRevoking(null)} aria-labelledby="revoke-title">
        <DialogTitle id="revoke-title">Revoke the key "{revoking?.label}"?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            Any system using it will stop working at once. This cannot be undone; you can issue a new key.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setRevoking(null)}>Keep it</Button>
          <Button color="error" variant="contained" onClick={() => revoking && revoke(revoking)}>
            Revoke
          </Button>
        </DialogActions>
      </Dialog>
    </Paper>
  );
}
