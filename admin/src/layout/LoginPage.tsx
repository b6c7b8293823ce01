import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CircularProgress from '@mui/material/CircularProgress';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import Link from '@mui/material/Link';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useLogin } from 'react-admin';
import { Link as RouterLink, useLocation } from 'react-router-dom';
import { firstRun } from '../authProvider';
import { FirstRunSetup } from './FirstRunSetup';

/** Sign-in: labelled fields and an error said in words; while there are no users yet, the first-run setup instead. */
export function LoginPage() {
  const login = useLogin();
  // Coming back from setting a password with a one-time code: the username is filled in, and the page says so.
  const arrived = (useLocation().state ?? {}) as { username?: string; passwordSet?: boolean };
  const [username, setUsername] = useState(arrived.username ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [setupNeeded, setSetupNeeded] = useState(false);

  useEffect(() => {
    firstRun.needed().then(setSetupNeeded, () => undefined);
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login({ username, password });
    } catch (e) {
      const status = (e as { status?: number }).status;
      setError(
        status === 401 || status === 403 || status === 400
          ? 'The username or password is not right. Check them and try again.'
          : `Signing in failed: ${(e as Error).message}`,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <SignInFrame intro="Sign in to read, draft and ratify the council's resource allocation policy.">
      {setupNeeded ? (
        <FirstRunSetup />
      ) : (
        <form onSubmit={submit} noValidate aria-label="Sign in">
          {arrived.passwordSet && !error && (
            <Alert severity="success" role="status" sx={{ mb: 2 }}>
              Your password is set. Sign in with it now.
            </Alert>
          )}
          {error && (
            <Alert severity="error" role="alert" sx={{ mb: 2 }}>
              {error}
            </Alert>
          )}
          <TextField
            id="username"
            name="username"
            label="Username"
            autoComplete="username"
            required
            fullWidth
            autoFocus={!arrived.username}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            sx={{ mb: 2 }}
          />
          <TextField
            id="password"
            name="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            required
            fullWidth
            autoFocus={Boolean(arrived.username)}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            sx={{ mb: 3 }}
          />
          <Button
            type="submit"
            variant="contained"
            size="large"
            fullWidth
            disabled={busy}
            startIcon={busy ? <CircularProgress size={18} color="inherit" aria-hidden /> : undefined}
          >
            Sign in
          </Button>
          <Typography sx={{ mt: 3 }}>
            New here, or given a new code by an administrator?{' '}
            <Link component={RouterLink} to="/set-password">
              Set your password with a one-time code
            </Link>
          </Typography>
        </form>
      )}
    </SignInFrame>
  );
}

/** The sign-in pages' frame: the console's name on a card, centred. */
export function SignInFrame({ intro, children }: { intro: string; children: ReactNode }) {
  return (
    <Box
      component="main"
      sx={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', bgcolor: '#1f3a5f', p: 2 }}
    >
      <Card sx={{ width: '100%', maxWidth: 460 }}>
        <CardContent sx={{ p: 4 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mb: 1 }}>
            <LockOutlinedIcon aria-hidden sx={{ color: 'primary.main' }} />
            <Typography variant="h1" component="h1">
              RAS policy console
            </Typography>
          </Box>
          <Typography color="text.secondary" sx={{ mb: 3 }}>
            {intro}
          </Typography>
          {children}
        </CardContent>
      </Card>
    </Box>
  );
}
