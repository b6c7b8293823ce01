/** The audit log, newest first, with a check of its hash chain. */

import { Alert, Box, Button, Typography } from '@mui/material';
import VerifiedIcon from '@mui/icons-material/VerifiedUser';
import { useState } from 'react';
import { DataTable, DateField, ExportButton, FilterButton, FunctionField, List, TextInput, TopToolbar, type RaRecord } from 'react-admin';
import { api } from '../http';

const filters = [
  <TextInput key="actor" source="actor" label="Actor (user name)" alwaysOn />,
  <TextInput key="action" source="action" label="Action (e.g. version.ratify)" alwaysOn />,
  <TextInput key="target" source="target" label="Target (e.g. version:adult-ras:2010-revised)" />,
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

const details = (record: RaRecord) => {
  const entries = Object.entries(record.details ?? {});
  if (entries.length === 0) return '—';
  return entries.map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join('; ');
};

const Empty = () => (
  <Box sx={{ p: 3 }}>
    <Typography>No audit entries match these filters. Filters match whole values exactly: clear them to see everything.</Typography>
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
      >
        <DataTable bulkActionButtons={false} rowClick={false}>
          <DataTable.Col source="seq" label="No." />
          <DataTable.Col source="at" label="Time">
            <DateField source="at" showTime locales="en-GB" />
          </DataTable.Col>
          <DataTable.Col source="actor" label="Actor" />
          <DataTable.Col source="action" label="Action" />
          <DataTable.Col source="target" label="Target" />
          <DataTable.Col label="Details" disableSort>
            <FunctionField render={details} />
          </DataTable.Col>
        </DataTable>
      </List>
    </Box>
  );
}
