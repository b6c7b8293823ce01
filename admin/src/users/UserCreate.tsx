import { Alert, Box, Button, Paper, Typography } from '@mui/material';
import { useState } from 'react';
import {
  CheckboxGroupInput,
  Create,
  regex,
  required,
  SimpleForm,
  TextInput,
  Title,
  useCreatePath,
  useNotify,
  useRedirect,
} from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { OneTimeCodeShown } from './OneTimeCode';
import { incompatibleRoles, ROLE_CHOICES, roleList } from './roles';
import type { CreatedUser } from './types';

/**
 * A new account. A person's comes with a one-time code, shown here once, with which they set their own
 * password: nobody else ever knows it. A system's account (API client alone) gets API keys on its page.
 */
export function UserCreate() {
  const [created, setCreated] = useState<CreatedUser | null>(null);
  const notify = useNotify();
  const redirect = useRedirect();
  if (created) return <Created user={created} onAnother={() => setCreated(null)} />;
  return (
    <Box>
      <Typography variant="h4" component="h1" sx={{ mt: 2 }}>
        Add a user
      </Typography>
      <Typography sx={{ my: 1, maxWidth: '75ch' }}>
        You do not choose a person's password. Once the account is made you are shown a one-time code, once: give it to the person, and they
        set their own password with it on the sign-in page. A system's account (API client) uses API keys instead, issued on its page.
      </Typography>
      <Create
        title="Add a user"
        mutationMode="pessimistic"
        mutationOptions={{
          onSuccess: (data: CreatedUser) => {
            if (data.oneTimeCode) setCreated(data);
            else if (data.held) {
              notify(
                `The account for ${data.displayName} is made. Its roles wait for a second administrator, who is shown ${data.displayName}'s one-time code when they agree, to give to them.`,
                { type: 'info', autoHideDuration: 10_000 },
              );
              redirect('edit', 'users', data.id);
            } else {
              notify(`The account for ${data.displayName} is made: issue it an API key below.`, { type: 'success' });
              redirect('edit', 'users', data.id);
            }
          },
        }}
      >
        <SimpleForm>
          <TextInput
            source="username"
            label="User name"
            validate={[
              required(),
              regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'Lower-case letters, digits, dots, hyphens and underscores, 2 to 64 characters'),
            ]}
            helperText="Used to sign in, e.g. j.smith"
          />
          <TextInput
            source="displayName"
            label="Display name"
            validate={required()}
            helperText="The name shown in the console and the audit log"
          />
          <CheckboxGroupInput
            source="roles"
            label="Roles"
            choices={ROLE_CHOICES}
            row={false}
            validate={[required('Choose at least one role'), incompatibleRoles]}
            helperText="An administrator cannot also be an officer or ratifier; an API client is a system and holds no other role. Where there is another administrator, they must agree before an officer, ratifier or administrator role takes effect."
          />
        </SimpleForm>
      </Create>
    </Box>
  );
}

/** What the admin sees once, after making a person's account: the code to pass on, and any role still waiting. */
function Created({ user, onAnother }: { user: CreatedUser; onAnother: () => void }) {
  const createPath = useCreatePath();
  const waiting = user.pending?.kind === 'roles' ? user.pending.roles.filter((r) => !user.roles.includes(r)) : [];
  return (
    <Box sx={{ p: { xs: 1, md: 2 }, maxWidth: '80ch' }}>
      <Title title="Account made" />
      <Typography variant="h4" component="h1" sx={{ mt: 2, mb: 2 }}>
        Account made for {user.displayName}
      </Typography>
      {waiting.length > 0 && (
        <Alert severity="info" sx={{ mb: 2 }}>
          Giving {user.displayName} the {waiting.length === 1 ? 'role' : 'roles'} {roleList(waiting)} waits for a second administrator to
          agree, on {user.displayName}'s page under Users. Until then {user.displayName} has{' '}
          {user.roles.length > 0 ? `only the ${user.roles.length === 1 ? 'role' : 'roles'} ${roleList(user.roles)}` : 'no role'}.
        </Alert>
      )}
      <Paper variant="outlined" component="section" aria-labelledby="code-heading" sx={{ p: 2, mb: 2 }}>
        <Typography id="code-heading" variant="h6" component="h2" gutterBottom>
          One-time code for {user.displayName}
        </Typography>
        {user.oneTimeCode && <OneTimeCodeShown code={user.oneTimeCode} person={user.displayName} username={user.username} />}
      </Paper>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <Button component={RouterLink} to={createPath({ resource: 'users', id: user.id, type: 'edit' })} variant="contained">
          Go to {user.displayName}'s account
        </Button>
        <Button onClick={onAnother} variant="outlined">
          Add another user
        </Button>
      </Box>
    </Box>
  );
}
