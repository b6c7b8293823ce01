import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useRecordContext } from 'react-admin';
import { dateTime } from '../format';
import { roleList } from './roles';
import type { AccountHistoryEntry } from './types';

/**
 * Who created an account, who granted or took away each role, who gave each one-time code and when the
 * password was set, from the audit log: separation of duties, shown to admins and to the person.
 */
export function AccountHistoryList({
  history,
  self,
  headingId = 'account-history',
  title = 'Account history',
}: {
  history: AccountHistoryEntry[];
  /** The username of the person reading about their own account: what they did is said as "You". */
  self?: string;
  headingId?: string;
  title?: string;
}) {
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ px: 2, pb: 3 }}>
      <Typography id={headingId} variant="h6" component="h2" sx={{ mb: 1 }}>
        {title}
      </Typography>
      {history.length === 0 ? (
        <Typography>Nothing recorded.</Typography>
      ) : (
        <Box component="ol" sx={{ pl: 3, m: 0 }}>
          {history.map((entry) => (
            <li key={entry.seq}>
              <Typography variant="body2">
                {dateTime(entry.at)}: {describeAccountEntry(entry, self)}
              </Typography>
            </li>
          ))}
        </Box>
      )}
    </Box>
  );
}

/** The history of the account whose page this is (GET /api/users/:id). */
export function AccountHistory() {
  const record = useRecordContext<{ history?: AccountHistoryEntry[] }>();
  return <AccountHistoryList history={record?.history ?? []} />;
}

const plural = (list: readonly string[] | undefined, one: string, many: string) => ((list ?? []).length === 1 ? one : many);

/** One entry in a sentence: who did what to the account. */
export function describeAccountEntry({ action, actor, actorName, details, names }: AccountHistoryEntry, self?: string): string {
  const you = self !== undefined && actor === self;
  const who = you ? 'You' : actorName;
  // The people the details name, by their names now (the server says them: a reader may not list users).
  const named = (username: string) => names[username] ?? username;
  const their = you ? 'your' : 'their';
  const until = (iso: string | undefined) => (iso ? `, working until ${dateTime(iso)}` : '');
  const waiting = Array.isArray(details.awaitingSecondAdmin) ? details.awaitingSecondAdmin : [];
  switch (action) {
    case 'user.create': {
      if (details.via === 'setup') return `${who} created the account as the first administrator, when the console was set up.`;
      const granted = details.granted ?? [];
      const made =
        granted.length > 0
          ? `${who} created the account with the ${plural(granted, 'role', 'roles')} ${roleList(granted)}`
          : `${who} created the account with no role yet`;
      const code = details.oneTimeCodeExpiresAt ? ` and gave a one-time code to set a password${until(details.oneTimeCodeExpiresAt)}` : '';
      const held = waiting.length > 0 ? ` Giving ${roleList(waiting)} was held for a second administrator to agree to.` : '';
      return `${made}${code}.${held}`;
    }
    case 'user.update': {
      if (details.awaitingSecondAdmin === 'disable')
        return `${who} asked for the account to be disabled: this waits for a second administrator to agree.`;
      if (waiting.length > 0)
        return `${who} asked for the account to have the ${plural(waiting, 'role', 'roles')} ${roleList(waiting)}: this waits for a second administrator to agree.`;
      const parts = [
        ...(details.granted?.length ? [`granted ${roleList(details.granted)}`] : []),
        ...(details.removed?.length ? [`took away ${roleList(details.removed)}`] : []),
        ...(details.changed?.includes('disabled') ? [details.disabled ? 'disabled the account' : 'enabled the account'] : []),
        ...(details.changed?.includes('password') ? [`changed ${their} own password`] : []),
        ...(details.changed?.includes('displayName') ? ['changed the display name'] : []),
      ];
      const agreed = details.requestedBy ? ` agreed, as the second administrator, to what ${named(details.requestedBy)} asked:` : '';
      return `${who}${agreed} ${parts.length > 0 ? parts.join('; ') : 'changed the account'}.`;
    }
    case 'user.password-reset':
      if (details.awaitingSecondAdmin === true)
        return `${who} asked for a new sign-in code for the account: this waits for a second administrator to agree.`;
      return details.requestedBy
        ? `${who} agreed, as the second administrator, to ${named(details.requestedBy)}'s request and gave a new one-time code to set a password${until(details.oneTimeCodeExpiresAt)}.`
        : `${who} gave a new one-time code to set a password${details.oneTimeCodeWorksFrom ? `, working from ${dateTime(details.oneTimeCodeWorksFrom)}` : ''}${until(details.oneTimeCodeExpiresAt)}.`;
    case 'user.pending-cancelled': {
      const pending = details.pending;
      const what =
        pending?.kind === 'roles'
          ? `to give the ${plural(pending.roles, 'role', 'roles')} ${roleList(pending.roles)}`
          : pending?.kind === 'disable'
            ? 'to disable the account'
            : 'for a new sign-in code';
      if (pending && pending.requestedBy === actor) return `${who} withdrew ${their} request ${what}.`;
      return `${who} refused ${pending ? `${named(pending.requestedBy)}'s` : 'the'} request ${what}.`;
    }
    case 'user.enrol': {
      const given = details.codeIssuedBy
        ? ` ${named(details.codeIssuedBy)} gave${details.codeIssuedAt ? ` on ${dateTime(details.codeIssuedAt)}` : ''}`
        : '';
      return `${who} set ${details.purpose === 'password-reset' ? `a new password` : `${their} password`} with the one-time code${given}.`;
    }
    case 'user.code-refused':
      return `${who} turned down the one-time code ${details.issuedBy ? named(details.issuedBy) : 'an administrator'} gave${details.codeIssuedAt ? ` on ${dateTime(details.codeIssuedAt)}` : ''}: it no longer works.`;
    case 'api-key.create':
      return `${who} issued the API key “${details.label}”.`;
    case 'api-key.revoke':
      return `${who} revoked an API key.`;
    default:
      return `${who}: ${action}.`;
  }
}
