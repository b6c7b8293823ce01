/** The audit log, newest first, with a check of its hash chain. */

import { Alert, Box, Button, Typography } from '@mui/material';
import VerifiedIcon from '@mui/icons-material/VerifiedUser';
import { useState } from 'react';
import {
  DataTable,
  DateField,
  ExportButton,
  FilterButton,
  FunctionField,
  List,
  SearchInput,
  SelectInput,
  TextInput,
  TopToolbar,
  type RaRecord,
} from 'react-admin';
import { api } from '../http';

/** Each action the server records, in words: what the filter offers and what the log shows. */
export const ACTION_WORDS: Record<string, string> = {
  'auth.sign-in': 'Signed in',
  'auth.sign-in-failed': 'Sign-in refused',
  'auth.sign-out': 'Signed out',
  'cohort.create': 'Cohort added',
  'cohort.delete': 'Cohort deleted',
  'decision.record': 'Decision recorded',
  'decision.final-budget': 'Final budget recorded',
  'policy.create': 'Scheme created',
  'policy.seed': 'Example scheme loaded',
  'policy.reference-cohort': 'Reference cohort chosen',
  'store.integrity': 'Record checked',
  'store.upgrade': 'Record upgraded',
  'user.create': 'User created',
  'user.update': 'User changed',
  'version.seed': 'Example version loaded',
  'version.create': 'Draft created',
  'version.edit': 'Draft changed',
  'version.edit-examples': 'Worked examples changed',
  'version.submit': 'Submitted for ratification',
  'version.return-to-draft': 'Returned to draft',
  'version.ratify': 'Ratified',
  'version.supersede': 'Superseded',
  'version.withdraw': 'Withdrawn',
  'version.delete': 'Draft deleted',
};

const filters = [
  <SearchInput key="q" source="q" placeholder="Search the log" alwaysOn />,
  <SelectInput
    key="action"
    source="action"
    label="What happened"
    choices={Object.entries(ACTION_WORDS).map(([id, name]) => ({ id, name }))}
    alwaysOn
  />,
  <TextInput key="actor" source="actor" label="Who (user name)" />,
  <TextInput key="target" source="target" label="To what" />,
];

/** GET /api/audit/verify: the whole record checked from disk. */
interface IntegrityReport {
  ok: boolean;
  entries: number;
  anchors: number;
  head: { seq: number; hash: string };
  problems: Array<{ code: string; message: string }>;
}

function VerifyChain() {
  const [state, setState] = useState<{ busy: boolean; result?: IntegrityReport; error?: string }>({ busy: false });
  const verify = async () => {
    setState({ busy: true });
    try {
      setState({ busy: false, result: (await api<IntegrityReport>('/api/audit/verify')).body });
    } catch (e) {
      setState({ busy: false, error: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <Box sx={{ mb: 2 }}>
      <Button variant="outlined" startIcon={<VerifiedIcon />} onClick={verify} disabled={state.busy}>
        Verify chain
      </Button>
      <Box role="status" sx={{ mt: 1 }}>
        {state.busy && <Typography variant="body2">Checking every entry…</Typography>}
        {state.result?.ok && (
          <Alert severity="success">
            The log is intact: all {state.result.entries} entries follow each other, none has been changed since it was written, every
            change is vouched for by its entry, and the {state.result.anchors} ratification checkpoints still hold. The latest entry's
            fingerprint is <code style={{ wordBreak: 'break-all' }}>{state.result.head.hash}</code>.
          </Alert>
        )}
        {state.result && !state.result.ok && (
          <Alert severity="error">
            The record has been tampered with or damaged:
            <Box component="ul" sx={{ m: 0, pl: 3 }}>
              {state.result.problems.map((p) => (
                <li key={p.message}>{p.message}</li>
              ))}
            </Box>
          </Alert>
        )}
        {state.error && <Alert severity="error">The check could not be run: {state.error}</Alert>}
      </Box>
    </Box>
  );
}

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <ExportButton />
  </TopToolbar>
);

/** A target in words: "version:adult-ras/2010-revised" reads "adult-ras, version 2010-revised". */
const targetWords = (target: unknown) => {
  const [kind, rest = ''] = String(target ?? '').split(/:(.*)/s);
  if (kind === 'version') return `${rest.replace('/', ', version ')}`;
  if (kind === 'decision') return `decision ${rest.slice(0, 8)}`;
  return rest ? `${kind} ${rest}` : String(target ?? '');
};

const details = (record: RaRecord) => {
  const entries = Object.entries(record.details ?? {});
  if (entries.length === 0) return '—';
  return entries.map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join('; ');
};

const Empty = () => (
  <Box sx={{ p: 3 }}>
    <Typography>No entries in the log match. Clear the search and filters to see everything.</Typography>
  </Box>
);

export function AuditList() {
  return (
    <Box>
      <Typography variant="h4" component="h1" sx={{ mt: 2 }}>
        Audit log
      </Typography>
      <Typography sx={{ my: 1, maxWidth: '75ch' }}>
        Every change made through the system, newest first. Each entry is chained to the one before by a fingerprint, so any later change to
        the log can be detected: use "Verify chain" to check it.
      </Typography>
      <VerifyChain />
      <List
        filters={filters}
        actions={<Actions />}
        sort={{ field: 'seq', order: 'DESC' }}
        perPage={25}
        title="Audit log"
        empty={<Empty />}
        disableSyncWithLocation={false}
        sx={{ '& .RaList-content': { overflowX: 'auto' } }}
      >
        <DataTable
          bulkActionButtons={false}
          rowClick={false}
          sx={{ '& td': { overflowWrap: 'anywhere', verticalAlign: 'top' }, '& td:last-of-type': { minWidth: 240 } }}
        >
          <DataTable.Col source="seq" label="No." />
          <DataTable.Col source="at" label="Time">
            <DateField source="at" showTime locales="en-GB" />
          </DataTable.Col>
          <DataTable.Col source="actor" label="Who" />
          <DataTable.Col source="action" label="What happened">
            <FunctionField render={(r: RaRecord) => ACTION_WORDS[r.action] ?? r.action} />
          </DataTable.Col>
          <DataTable.Col source="target" label="To what">
            <FunctionField render={(r: RaRecord) => targetWords(r.target)} />
          </DataTable.Col>
          <DataTable.Col label="Details" disableSort>
            <FunctionField render={details} />
          </DataTable.Col>
        </DataTable>
      </List>
    </Box>
  );
}
