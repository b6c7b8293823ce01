import { Box, Typography } from '@mui/material';
import { CreateButton, DataTable, DateField, FunctionField, List, TopToolbar, type RaRecord } from 'react-admin';
import { ROLE_SHORT } from './roles';

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
        People sign in with a password; systems (such as a case-management system) use API keys. Open a user to change their roles, disable
        them, set a new password or issue and revoke API keys.
      </Typography>
      <List
        title="Users"
        sort={{ field: 'username', order: 'ASC' }}
        actions={
          <TopToolbar>
            <CreateButton label="Add a user" />
          </TopToolbar>
        }
        empty={<Empty />}
      >
        <DataTable bulkActionButtons={false} rowClick="edit">
          <DataTable.Col source="username" label="User name" />
          <DataTable.Col source="displayName" label="Name" />
          <DataTable.Col label="Roles" disableSort>
            <FunctionField render={(r: RaRecord) => (r.roles ?? []).map((x: string) => ROLE_SHORT[x] ?? x).join(', ')} />
          </DataTable.Col>
          <DataTable.Col label="Signs in with" disableSort>
            <FunctionField
              render={(r: RaRecord) =>
                [r.hasPassword ? 'password' : null, activeKeys(r) > 0 ? `${activeKeys(r)} API key${activeKeys(r) === 1 ? '' : 's'}` : null]
                  .filter(Boolean)
                  .join(', ') || 'nothing yet'
              }
            />
          </DataTable.Col>
          <DataTable.Col source="disabled" label="Status">
            <FunctionField render={(r: RaRecord) => (r.disabled ? 'Disabled' : 'Active')} />
          </DataTable.Col>
          <DataTable.Col source="createdAt" label="Created">
            <DateField source="createdAt" locales="en-GB" />
          </DataTable.Col>
        </DataTable>
      </List>
    </Box>
  );
}

const activeKeys = (user: RaRecord) =>
  ((user.apiKeys ?? []) as Array<{ revokedAt: string | null; expiresAt: string | null }>).filter(
    (k) => !k.revokedAt && (!k.expiresAt || new Date(k.expiresAt) > new Date()),
  ).length;
