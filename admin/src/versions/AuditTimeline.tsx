import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { AuditEntry, RasDataProvider } from '../dataProvider';
import { messageOf } from '../http';
import { dateTime, longDate, formatNumber } from '../format';
import { Section } from './PolicyDocumentView';

/** Each action in words; `who` names a person the entry names by user name, by their name now. */
const ACTIONS: Record<string, (d: Record<string, unknown>, who: (username: unknown) => string) => string> = {
  'version.seed': () => 'loaded as a ratified example version',
  'version.create': (d) =>
    d.basedOn ? `created as a draft, copied from ${(d.basedOn as { version: string }).version}` : 'created as a draft',
  'version.edit': () => 'changed the policy document',
  'version.edit-examples': (d) => `changed the worked examples (${formatNumber(Number(d.examples))} now)${d.reason ? `: ${d.reason}` : ''}`,
  'version.submit': () => 'submitted it for ratification',
  'version.return-to-draft': () => 'returned it to draft',
  'version.ratify': (d) => `ratified it (${d.body}, minute ${d.minuteReference}), effective from ${longDate(String(d.effectiveFrom))}`,
  'version.supersede': (d) => `marked it superseded by ${d.by} from ${longDate(String(d.from))}`,
  'version.withdrawal-proposed': (d) =>
    `proposed withdrawing it${d.reason ? `: ${d.reason}` : ''}${restored(d.restores)}; another ratifier must confirm it`,
  'version.withdrawal-cancelled': (d, who) => `cancelled the proposal${d.proposedBy ? ` by ${who(d.proposedBy)}` : ''} to withdraw it`,
  'version.withdraw': (d, who) =>
    d.proposedBy
      ? `confirmed ${who(d.proposedBy)}'s proposal and withdrew it${restored(d.restores)}`
      : `withdrew it${d.reason ? `: ${d.reason}` : ''}`,
  'version.restore': (d) => `confirmed the withdrawal of ${d.withdrawn}, so this version is in force again`,
  'version.delete': () => 'deleted the draft',
};

/** What a withdrawal brings back into force, when the entry says. */
function restored(restores: unknown): string {
  if (restores === undefined) return '';
  const back = restores as { version: string } | null;
  return back ? ` (version ${back.version} in force again for its dates)` : ' (nothing in force for its dates)';
}

/** Who did what to this version and when, from the hash-chained audit log. */
export function AuditTimeline({ id, updatedAt, names = {} }: { id: string; updatedAt: string; names?: Record<string, string> }) {
  const who = (username: unknown) => names[String(username)] ?? String(username);
  const dataProvider = useDataProvider<RasDataProvider>();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new updatedAt means new history to fetch
  useEffect(() => {
    dataProvider.versionHistory(id).then(setEntries, (e) => setError(messageOf(e)));
  }, [dataProvider, id, updatedAt]);
  return (
    <Section id="history" title="History">
      {error && <Typography color="error">The history could not be loaded: {error}</Typography>}
      {entries && entries.length === 0 && <Typography>No recorded changes.</Typography>}
      <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {entries?.map((e) => (
          <Box component="li" key={e.seq} sx={{ display: 'flex', gap: 2, py: 1, borderLeft: 3, borderColor: 'primary.main', pl: 2, mb: 1 }}>
            <Typography sx={{ minWidth: 170, color: 'text.secondary' }}>{dateTime(e.at)}</Typography>
            <Typography>
              <strong>{e.actorName}</strong> {(ACTIONS[e.action] ?? (() => e.action))(e.details ?? {}, who)}
            </Typography>
          </Box>
        ))}
      </Box>
    </Section>
  );
}
