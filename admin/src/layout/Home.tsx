/**
 * The first page after signing in: what is in force today, the versions waiting for this user (drafts to
 * finish for an officer, submitted ones to decide and proposed withdrawals to confirm for a ratifier),
 * recent decisions, and the audit check.
 */

import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { Title, useCreatePath, useDataProvider, useGetIdentity, useGetList, usePermissions } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import type { Access } from '../authProvider';
import type { Permission } from '../contract/api-answers';
import { formatDate, formatPence } from '../format';
import type { RasDataProvider } from '../dataProvider';
import { messageOf } from '../http';

function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper component="section" variant="outlined" aria-labelledby={`home-${id}`} sx={{ p: 2 }}>
      <Typography id={`home-${id}`} variant="h2" component="h2" sx={{ fontSize: '1.25rem', mb: 1 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

export function Home() {
  const { permissions } = usePermissions<Access>();
  const { identity } = useGetIdentity();
  const can = (action: Permission) => permissions?.actions.includes(action) ?? false;
  return (
    <Box sx={{ p: { xs: 1, md: 2 } }}>
      <Title title="Home" />
      <Typography variant="h1" component="h1" sx={{ mb: 2 }}>
        {identity?.fullName ? `Welcome, ${identity.fullName}` : 'RAS policy console'}
      </Typography>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0,1fr)', md: 'repeat(2, minmax(0,1fr))' } }}>
        {can('policy.read') && <InForce />}
        {/* Only for people versions can wait for: an admin's waiting things are accounts, in their own panel. */}
        {can('policy.read') && (can('version.draft') || can('version.ratify') || can('version.withdraw')) && (
          <Waiting officer={can('version.draft')} ratifier={can('version.ratify')} withdraws={can('version.withdraw')} />
        )}
        {can('decision.list') && <RecentDecisions />}
        {can('user.manage') && <AccountsWaiting />}
        {can('audit.read') && <AuditCheck />}
      </Box>
    </Box>
  );
}

function InForce() {
  const { data = [], isPending } = useGetList('policies', { pagination: { page: 1, perPage: 100 }, sort: { field: 'id', order: 'ASC' } });
  const createPath = useCreatePath();
  return (
    <Panel id="in-force" title="In force today">
      {isPending ? (
        <Typography role="status">Loading…</Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 3 }}>
          {data.map((p) => (
            <li key={p.id}>
              {p.inForce ? (
                <Link component={RouterLink} to={createPath({ resource: 'versions', id: `${p.id}:${p.inForce.version}`, type: 'show' })}>
                  {p.title}, version {p.inForce.version}
                </Link>
              ) : (
                `${p.title}: no version in force`
              )}
              {p.inForce ? `, since ${formatDate(p.inForce.effectiveFrom)}` : ''}
            </li>
          ))}
        </Box>
      )}
    </Panel>
  );
}

function Waiting({ officer, ratifier, withdraws }: { officer: boolean; ratifier: boolean; withdraws: boolean }) {
  const { data = [] } = useGetList('versions', { pagination: { page: 1, perPage: 1000 }, sort: { field: 'id', order: 'ASC' } });
  const { identity } = useGetIdentity();
  const createPath = useCreatePath();
  const what = (v: (typeof data)[number]): string | null => {
    if (officer && v.status === 'draft') return 'a draft to finish and submit';
    // Whoever wrote or submitted a version may not ratify it (the server refuses them): it waits for someone else.
    const wroteIt = [...(v.contributors ?? []), ...(v.inheritedAuthors ?? [])].includes(identity?.username);
    if (ratifier && v.status === 'submitted') return wroteIt ? null : 'submitted, for you to ratify or return';
    const proposal = v.withdrawalProposal as { proposedBy: string; proposedAt: string } | null | undefined;
    if (withdraws && proposal)
      return proposal.proposedBy === identity?.username
        ? 'your proposal to withdraw it, waiting for another ratifier to confirm'
        : `withdrawal proposed on ${formatDate(proposal.proposedAt)} by another ratifier, to confirm or cancel`;
    return null;
  };
  const waiting = data.map((v) => ({ v, what: what(v) })).filter((w) => w.what !== null);
  return (
    <Panel id="waiting" title="Waiting for you">
      {waiting.length === 0 ? (
        <Typography>Nothing is waiting for you.</Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 3 }}>
          {waiting.map(({ v, what }) => (
            <li key={v.id}>
              <Link component={RouterLink} to={createPath({ resource: 'versions', id: v.id, type: 'show' })}>
                {v.title}, version {v.version}
              </Link>
              : {what}
            </li>
          ))}
        </Box>
      )}
    </Panel>
  );
}

function RecentDecisions() {
  const { data = [] } = useGetList('decisions', { pagination: { page: 1, perPage: 5 }, sort: { field: 'createdAt', order: 'DESC' } });
  const { data: schemes = [] } = useGetList('policies', { pagination: { page: 1, perPage: 100 } });
  const titleOf = (policyId: string) => schemes.find((s) => s.id === policyId)?.title ?? policyId;
  const createPath = useCreatePath();
  return (
    <Panel id="decisions" title="Recent decisions">
      {data.length === 0 ? (
        <Typography>No decisions recorded yet.</Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 3 }}>
          {data.map((d) => (
            <li key={d.id}>
              <Link component={RouterLink} to={createPath({ resource: 'decisions', id: d.id, type: 'show' })}>
                {d.weeklyPence === null ? 'No amount' : `${formatPence(d.weeklyPence)} a week`}
              </Link>
              {d.reference ? ` for ${d.reference}` : ''}, {titleOf(d.policyId)}, version {d.version}, {formatDate(d.createdAt)}
            </li>
          ))}
        </Box>
      )}
    </Panel>
  );
}

/** Changes to accounts that wait for a second administrator: this one's to agree to or refuse, or their own request. */
function AccountsWaiting() {
  const { data = [] } = useGetList('users', { pagination: { page: 1, perPage: 1000 }, sort: { field: 'username', order: 'ASC' } });
  const { identity } = useGetIdentity();
  const createPath = useCreatePath();
  const waiting = data.filter((u) => u.pending);
  return (
    <Panel id="accounts" title="Accounts waiting for a second administrator">
      {waiting.length === 0 ? (
        <Typography>No account change is waiting.</Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 3 }}>
          {waiting.map((u) => {
            const pending = u.pending as { kind: 'roles' | 'password-reset' | 'disable'; requestedBy: string };
            const change = { roles: 'new roles', 'password-reset': 'a new sign-in code', disable: 'disabling the account' }[pending.kind];
            return (
              <li key={u.id}>
                <Link component={RouterLink} to={createPath({ resource: 'users', id: u.id, type: 'edit' })}>
                  {u.displayName}
                </Link>
                :{' '}
                {pending.requestedBy === identity?.username
                  ? `${change} you asked for, waiting for another administrator`
                  : `${change} asked for by ${(u.names as Record<string, string> | undefined)?.[pending.requestedBy] ?? 'another administrator'}, to approve or refuse`}
              </li>
            );
          })}
        </Box>
      )}
    </Panel>
  );
}

/** The whole record is checked on request: on a large store it reads everything. */
function AuditCheck() {
  const dataProvider = useDataProvider<RasDataProvider>();
  const [state, setState] = useState<{ busy: boolean; ok?: boolean; entries?: number; error?: string }>({ busy: false });
  const check = async () => {
    setState({ busy: true });
    try {
      const report = await dataProvider.verifyAudit();
      setState({ busy: false, ok: report.ok, entries: report.entries });
    } catch (e) {
      setState({ busy: false, error: messageOf(e) });
    }
  };
  return (
    <Panel id="audit" title="The audit log">
      <Button variant="outlined" onClick={check} disabled={state.busy}>
        Check the audit log now
      </Button>
      <Box role="status" sx={{ mt: 1 }}>
        {state.busy && <Typography>Checking every entry…</Typography>}
        {state.ok === true && <Alert severity="success">Intact: all {state.entries} entries check out.</Alert>}
        {state.ok === false && <Alert severity="error">The record has been tampered with or damaged: see the audit log page.</Alert>}
        {state.error && <Alert severity="error">{state.error}</Alert>}
      </Box>
    </Panel>
  );
}
