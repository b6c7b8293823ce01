import { Box, Typography } from '@mui/material';
import { CheckboxGroupInput, Create, PasswordInput, regex, required, SimpleForm, TextInput } from 'react-admin';
import { ROLE_CHOICES } from './roles';

const minLength12 = (value: string) => (value && value.length < 12 ? 'At least 12 characters' : undefined);

export function UserCreate() {
  return (
    <Box>
      <Typography variant="h4" component="h1" sx={{ mt: 2 }}>
        Add a user
      </Typography>
      <Create title="Add a user" redirect="edit" mutationMode="pessimistic">
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
            validate={required('Choose at least one role')}
          />
          <PasswordInput
            source="password"
            label="Password"
            validate={minLength12}
            helperText="At least 12 characters. Leave empty for a system account that will use an API key."
          />
        </SimpleForm>
      </Create>
    </Box>
  );
}
