import { Box, Typography } from '@mui/material';
import {
  BooleanInput,
  CheckboxGroupInput,
  Edit,
  required,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  useNotify,
  useRecordContext,
} from 'react-admin';
import { AccountHistory } from './AccountHistory';
import { incompatibleRoles, ROLE_CHOICES, roleList } from './roles';
import { PendingChangePanel, SignInSection } from './SignInSection';
import type { UserView } from './types';

const Heading = () => {
  const record = useRecordContext<UserView>();
  return (
    <>
      <Typography variant="h4" component="h1" sx={{ mt: 2 }}>
        {record?.displayName ?? ''}
      </Typography>
      {record && <Typography color="text.secondary">Signs in with the username {record.username}</Typography>}
    </>
  );
};

/** A user's page: name, roles and standing; the change waiting for a second admin; how they sign in; their history. */
export function UserEdit() {
  const notify = useNotify();
  return (
    <Edit
      title="Edit user"
      mutationMode="pessimistic"
      redirect={false}
      aside={undefined}
      mutationOptions={{
        onSuccess: (data: UserView) => {
          if (data.held && data.pending?.kind === 'roles') {
            const asked = data.pending.roles.filter((r) => !data.roles.includes(r));
            notify(
              `Saved. Giving the ${asked.length === 1 ? 'role' : 'roles'} ${roleList(asked)} waits for a second administrator to agree: until then ${data.displayName} keeps ${roleList(data.roles)}.`,
              { type: 'info', autoHideDuration: 15000, multiLine: true },
            );
          } else notify('Saved.', { type: 'success' });
        },
      }}
    >
      <Box sx={{ px: 2 }}>
        <Heading />
      </Box>
      <PendingChangePanel />
      <SimpleForm
        toolbar={
          <Toolbar>
            <SaveButton label="Save changes" />
          </Toolbar>
        }
      >
        <TextInput source="displayName" label="Display name" validate={required()} />
        <CheckboxGroupInput
          source="roles"
          label="Roles"
          choices={ROLE_CHOICES}
          row={false}
          validate={[required('Choose at least one role'), incompatibleRoles]}
          helperText="Where there is another administrator, they must agree before an officer, ratifier or administrator role takes effect, or before another administrator is disabled. Nobody changes their own roles."
        />
        <BooleanInput source="disabled" label="Disabled (cannot sign in or use API keys)" />
      </SimpleForm>
      <SignInSection />
      <AccountHistory />
    </Edit>
  );
}
