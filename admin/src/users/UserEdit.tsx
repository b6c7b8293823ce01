import { Box, Typography } from '@mui/material';
import {
  BooleanInput,
  CheckboxGroupInput,
  Edit,
  PasswordInput,
  required,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  useRecordContext,
} from 'react-admin';
import { AccountHistory } from './AccountHistory';
import { ApiKeys } from './ApiKeys';
import { ROLE_CHOICES } from './roles';

const minLength12 = (value: string) => (value && value.length < 12 ? 'At least 12 characters' : undefined);

const Heading = () => {
  const record = useRecordContext();
  return (
    <Typography variant="h4" component="h1" sx={{ mt: 2 }}>
      User {record?.username ?? ''}
    </Typography>
  );
};

export function UserEdit() {
  return (
    <Edit title="Edit user" mutationMode="pessimistic" redirect={false} aside={undefined}>
      <Box sx={{ px: 2 }}>
        <Heading />
      </Box>
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
          validate={required('Choose at least one role')}
        />
        <BooleanInput source="disabled" label="Disabled (cannot sign in or use API keys)" />
        <PasswordInput
          source="password"
          label="New password"
          validate={minLength12}
          helperText="Leave empty to keep the current password. At least 12 characters."
        />
      </SimpleForm>
      <ApiKeys />
      <AccountHistory />
    </Edit>
  );
}
