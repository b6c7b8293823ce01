/** The audit log, newest first, with a check of its hash chain. */

import { Alert, Box, Button, TextField, Typography } from '@mui/material';
import VerifiedIcon from '@mui/icons-material/VerifiedUser';
import { useEffect, useState } from 'react';
import { MomentField } from '../fields';
import { ListPagination } from '../layout/ListPagination';
import {
  DataTable,
  ExportButton,
  FilterButton,
  FunctionField,
  List,
  SearchInput,
  SelectInput,
  TextInput,
  TopToolbar,
  type RaRecord,
  useDataProvider,
} from 'react-admin';
import { formatDate, formatNumber } from '../format';
import type { IntegrityReport, RasDataProvider } from '../dataProvider';
import { messageOf } from '../http';

/** The actions the log records, in the server's words: what the filter offers. */
function ActionFilter(props: { source: string; label: string; alwaysOn?: boolean }) {
  const dataProvider = useDataProvider<RasDataProvider>();
  const [choices, setChoices] = useState<Array<{ id: string; name: string }>>([]);
  useEffect(() => {
    dataProvider.auditActions().then(
      (actions) => setChoices(actions.map(({ action, words }) => ({ id: action, name: words }))),
      () => setChoices([]),
    );
  }, [dataProvider]);
  return <SelectInput {...props} choices={choices} />;
}

const filters = [
  <SearchInput key="q" source="q" placeholder="Search the log" alwaysOn />,
  <ActionFilter key="action" source="action" label="What happened" alwaysOn />,
  <TextInput key="actor" source="actor" label="Who (user name)" />,
];

function VerifyChain() {
  const dataProvider = useDataProvider<RasDataProvider>();
  const [kept, setKept] = useState('');
  const [state, setState] = useState<{ busy: boolean; result?: IntegrityReport; error?: string }>({ busy: false });
  const verify = async () => {
    setState({ busy: true });
    try {
      setState({ busy: false, result: await dataProvider.verifyAudit(kept) });
    } catch (e) {
      setState({ busy: false, error: messageOf(e) });
    }
  };
  const checkpoints = state.result?.checkpoints;
  return (
    <Box sx={{ mb: 2, maxWidth: '75ch' }}>
      <TextField
        label="Checkpoints kept outside the system (optional)"
        helperText="Paste the minutes, or the lines starting ras-checkpoint: the check finds any that the record no longer holds as it was."
        value={kept}
        onChange={(e) => setKept(e.target.value)}
        multiline
        minRows={2}
        fullWidth
        sx={{ mb: 1 }}
      />
      <Button variant="outlined" startIcon={<VerifiedIcon />} onClick={verify} disabled={state.busy}>
        Verify chain
      </Button>
      <Box role="status" sx={{ mt: 1 }}>
        {state.busy && <Typography variant="body2">Checking every entry…</Typography>}
        {state.result?.ok && (
          <Alert severity="success">
            The log is intact: all {formatNumber(state.result.entries)} entries follow each other, none has been changed since it was
            written, every change is vouched for by its entry, the {formatNumber(state.result.anchors)} ratification anchors and{' '}
            {formatNumber(checkpoints?.inRecord ?? 0)} signed checkpoints still hold, and no recorded step breaks the rules.
            {checkpoints &&
              checkpoints.known > 0 &&
              ` The ${formatNumber(checkpoints.known)} checkpoints kept outside were all found as kept.`}{' '}
            The latest entry's fingerprint is <code style={{ wordBreak: 'break-all' }}>{state.result.head.hash}</code>.
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

/** The record as it stands, signed: one line for a committee clerk to paste into the minutes. */
function CheckpointForMinutes() {
  const dataProvider = useDataProvider<RasDataProvider>();
  const [state, setState] = useState<{ line?: string; error?: string }>({});
  const sign = async () => {
    try {
      setState({ line: (await dataProvider.auditCheckpoint()).line });
    } catch (e) {
      setState({ error: messageOf(e) });
    }
  };
  return (
    <Box sx={{ mb: 2, maxWidth: '75ch' }}>
      <Button variant="outlined" onClick={sign}>
        Checkpoint for the minutes
      </Button>
      <Box role="status" sx={{ mt: 1 }}>
        {state.line && (
          <TextField
            label="Paste this line into the minutes"
            value={state.line}
            multiline
            fullWidth
            slotProps={{ htmlInput: { readOnly: true, style: { fontFamily: 'monospace', fontSize: '0.8rem' } } }}
            onFocus={(e) => e.target.select()}
          />
        )}
        {state.error && <Alert severity="error">No checkpoint could be signed: {state.error}</Alert>}
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

/** What an entry's details say that a person reads; ids and fingerprints stay in "Technical details". */
const SAID: Record<string, (value: unknown) => string> = {
  reason: (v) => `Reason: ${v}`,
  rationale: (v) => `Why: ${v}`,
  body: (v) => `Decided by ${v}`,
  minuteReference: (v) => `minute ${v}`,
  decisionDate: (v) => `on ${formatDate(String(v))}`,
  effectiveFrom: (v) => `in force from ${formatDate(String(v))}`,
  from: (v) => `from ${formatDate(String(v))}`,
  by: (v) => `replaced by version ${v}`,
  examples: (v) => `${v} worked example${v === 1 ? '' : 's'}`,
  status: (v) => `now ${v}`,
};

function Details({ record }: { record: RaRecord }) {
  const entries = Object.entries((record.details ?? {}) as Record<string, unknown>);
  if (entries.length === 0) return <>—</>;
  const said = entries.flatMap(([key, value]) =>
    SAID[key] && (typeof value === 'string' || typeof value === 'number') ? [SAID[key](value)] : [],
  );
  return (
    <>
      {said.length > 0 && <Typography variant="body2">{said.join('; ')}</Typography>}
      <Box component="details" sx={{ fontSize: '0.8rem', color: 'text.secondary' }}>
        <summary>Technical details</summary>
        {entries.map(([key, value]) => (
          <div key={key} style={{ overflowWrap: 'anywhere' }}>
            {key}: {typeof value === 'string' ? value : JSON.stringify(value)}
          </div>
        ))}
      </Box>
    </>
  );
}

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
      <CheckpointForMinutes />
      <List
        filters={filters}
        actions={<Actions />}
        sort={{ field: 'seq', order: 'DESC' }}
        perPage={25}
        pagination={<ListPagination />}
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
            <MomentField source="at" />
          </DataTable.Col>
          <DataTable.Col source="actorName" label="Who" disableSort />
          <DataTable.Col source="actionWords" label="What happened" disableSort />
          <DataTable.Col source="targetWords" label="To what" disableSort />
          <DataTable.Col label="Details" disableSort>
            <FunctionField render={(record: RaRecord) => <Details record={record} />} />
          </DataTable.Col>
        </DataTable>
      </List>
    </Box>
  );
}
