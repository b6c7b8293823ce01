import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useRecordContext } from 'react-admin';
import { dateTime } from '../versions/format';
import { ROLE_SHORT } from './roles';

interface HistoryEntry {
  seq: number;
  at: string;
  actor: string;
  action: 'user.create' | 'user.update' | 'api-key.create' | 'api-key.revoke';
  details: { granted?: string[]; removed?: string[]; disabled?: boolean; changed?: string[]; label?: string; keyId?: string };
}

/** Who created the account and who granted or took away each role, from the audit log: separation of duties, shown. */
export function AccountHistory() {
  const record = useRecordContext<{ history?: HistoryEntry[] }>();
  const history = record?.history ?? [];
  return (
    <Box component="section" aria-labelledby="account-history" sx={{ px: 2, pb: 3 }}>
      <Typography id="account-history" variant="h6" component="h2" sx={{ mb: 1 }}>
        Account history
      </Typography>
      {history.length === 0 ? (
        <Typography>Nothing recorded.</Typography>
      ) : (
        <Box component="ol" sx={{ pl: 3, m: 0 }}>
          {history.map((entry) => (
            <li key={entry.seq}>
              <Typography variant="body2">
                {dateTime(entry.at)}: {describe(entry)}
              </Typography>
            </li>
          ))}
        </Box>
      )}
    </Box>
  );
}

function describe({ action, actor, details }: HistoryEntry): string {
  const roles = (list: string[] | undefined) => (list ?? []).map((r) => ROLE_SHORT[r] ?? r).join(', ');
  switch (action) {
    case 'user.create':
      return `${actor} created the account with the role${(details.granted ?? []).length === 1 ? '' : 's'} ${roles(details.granted)}.`;
    case 'user.update': {
      const parts = [
        ...(details.granted?.length ? [`granted ${roles(details.granted)}`] : []),
        ...(details.removed?.length ? [`took away ${roles(details.removed)}`] : []),
        ...(details.changed?.includes('disabled') ? [details.disabled ? 'disabled the account' : 'enabled the account'] : []),
        ...(details.changed?.includes('password') ? ['set a new password'] : []),
        ...(details.changed?.includes('displayName') ? ['changed the display name'] : []),
      ];
      return `${actor} ${parts.length > 0 ? parts.join('; ') : 'changed the account'}.`;
    }
    case 'api-key.create':
      return `${actor} issued the API key “${details.label}”.`;
    case 'api-key.revoke':
      return `${actor} revoked an API key.`;
  }
}
