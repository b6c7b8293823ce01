/**
 * A one-time code, shown once: the admin reads it out or passes it on to the person, who sets their own
 * password with it on the sign-in page. The console keeps it only on screen, never in storage.
 */

import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { visuallyHidden } from '../calculator/charts';
import { dateTime } from '../format';
import type { OneTimeCode } from './types';

/** The code in large type, with what to do with it in words. */
export function OneTimeCodeShown({ code, person, username }: { code: OneTimeCode; person: string; username: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code.code);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Box data-testid="one-time-code-panel">
      <Typography sx={{ mb: 1 }}>
        Give this code to {person}. They set their own password with it on the sign-in page, under “Set your password with a one-time code”,
        with the username <strong>{username}</strong>. It works once, until {dateTime(code.expiresAt)}.
      </Typography>
      <Box component="span" sx={visuallyHidden}>
        The one-time code:
      </Box>
      <Box
        component="p"
        data-testid="one-time-code"
        sx={{
          fontFamily: 'monospace',
          fontSize: '1.5rem',
          letterSpacing: '0.08em',
          p: 2,
          my: 2,
          border: 2,
          borderColor: 'primary.main',
          borderRadius: 1,
          wordBreak: 'break-all',
          userSelect: 'all',
        }}
      >
        {code.code}
      </Box>
      <Alert severity="warning" sx={{ mb: 1 }}>
        This code will not be shown again. Give it to {person} yourself (in person or by phone), not in an email anyone else can read. If it
        is lost, give a new code from their account page.
      </Alert>
      <Button onClick={copy} variant="outlined">
        Copy the code
      </Button>
      <Box role="status" sx={{ mt: 1, minHeight: 24 }}>
        {copied === true && <Typography variant="body2">Copied to the clipboard.</Typography>}
        {copied === false && <Typography variant="body2">Could not copy: select the code and copy it by hand.</Typography>}
      </Box>
    </Box>
  );
}

/** The code in a dialog, for a new code given from an account's page. */
export function OneTimeCodeDialog({
  code,
  person,
  username,
  onClose,
}: {
  code: OneTimeCode | null;
  person: string;
  username: string;
  onClose: () => void;
}) {
  return (
    <Dialog open={code !== null} onClose={onClose} aria-labelledby="code-title" fullWidth maxWidth="sm">
      <DialogTitle id="code-title">A new sign-in code for {person}</DialogTitle>
      <DialogContent>{code && <OneTimeCodeShown code={code} person={person} username={username} />}</DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          I have noted the code
        </Button>
      </DialogActions>
    </Dialog>
  );
}
