import { Box, Typography } from '@mui/material';
import { CreateButton, DataTable, FunctionField, List, SelectInput, TextInput, TopToolbar, type RaRecord } from 'react-admin';
import { MomentField } from '../fields';
import { formatNumber } from '../format';
import { ListPagination } from '../layout/ListPagination';
import { ROLE_SHORT } from './roles';

// Searched and filtered by the server (GET /api/users: q, role).
const filters = [
  <TextInput key="q" source="q" label="Search names" alwaysOn resettable />,
  <SelectInput key="role" source="role" label="Role" choices={Object.entries(ROLE_SHORT).map(([id, name]) => ({ id, name }))} alwaysOn />,
];
import { isSystem, type UserView } from './types';

const Empty = () => (
  <Box sx={{ p: 3 }}>
    <Typography gutterBottom>There are no users yet.</Typography>
    <CreateButton label="Add a user" />
  </Box>
);

export function UserList() {
  return (
    <Box>
      <Typography variant="h4" component="h1" sx={{ mt: 2 }}>
        Users
      </Typography>
      <Typography sx={{ my: 1, maxWidth: '75ch' }}>
        People sign in with a password they set themselves, with a one-time code you give them; systems (such as a case-management system)
        use API keys. Open a user to change their roles, disable them, give them a new sign-in code or issue and revoke a system's API keys.
        Giving the officer, ratifier or administrator role waits for a second administrator where there is one.
      </Typography>
      <List
        title="Users"
        sort={{ field: 'username', order: 'ASC' }}
        filters={filters}
        actions={
          <TopToolbar>
            <CreateButton label="Add a user" />
          </TopToolbar>
        }
        empty={<Empty />}
        pagination={<ListPagination />}
      >
        <DataTable bulkActionButtons={false} rowClick="edit">
          <DataTable.Col source="username" label="User name" />
          <DataTable.Col source="displayName" label="Name" />
          <DataTable.Col label="Roles" disableSort>
            <FunctionField render={(r: RaRecord) => (r.roles ?? []).map((x: string) => ROLE_SHORT[x] ?? x).join(', ')} />
          </DataTable.Col>
          <DataTable.Col label="Signs in with" disableSort>
            <FunctionField render={(r: RaRecord) => signsInWith(r as unknown as UserView)} />
          </DataTable.Col>
          <DataTable.Col source="disabled" label="Status">
            <FunctionField
              render={(r: RaRecord) =>
                `${r.disabled ? 'Disabled' : 'Active'}${r.pending ? '; a change waits for a second administrator' : ''}`
              }
            />
          </DataTable.Col>
          <DataTable.Col source="createdAt" label="Created">
            <MomentField source="createdAt" />
          </DataTable.Col>
        </DataTable>
      </List>
    </Box>
  );
}

function signsInWith(user: UserView): string {
  if (isSystem(user)) {
    const keys = user.apiKeys.filter((k) => !k.revokedAt && (!k.expiresAt || new Date(k.expiresAt) > new Date())).length;
    return keys > 0 ? `${formatNumber(keys)} API key${keys === 1 ? '' : 's'}` : 'no API key yet';
  }
  const code = user.oneTimeCodeOutstanding && new Date(user.oneTimeCodeOutstanding.expiresAt) > new Date();
  if (user.hasPassword) return code ? 'password (a new code is not used yet)' : 'password';
  return code ? 'nothing yet: one-time code not used' : 'nothing yet';
}
