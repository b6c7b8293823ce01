import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { DataTable, List, ReferenceField, SelectInput, TextField, TextInput, useGetList, useRecordContext } from 'react-admin';
import { MomentField } from '../fields';
import { longDate } from '../format';
import { ListPagination } from '../layout/ListPagination';
import { StatusChip } from './StatusChip';

const statuses = [
  { id: 'draft', name: 'Draft' },
  { id: 'submitted', name: 'Submitted' },
  { id: 'ratified', name: 'Ratified' },
  { id: 'superseded', name: 'Superseded' },
  { id: 'withdrawn', name: 'Withdrawn' },
];

function PolicyFilter(props: { source: string; alwaysOn?: boolean }) {
  const { data = [] } = useGetList('policies', { pagination: { page: 1, perPage: 100 }, sort: { field: 'id', order: 'ASC' } });
  return <SelectInput {...props} label="Scheme" choices={data.map((p) => ({ id: p.id, name: p.title ?? p.id }))} />;
}

const filters = [
  <TextInput key="q" source="q" label="Search" alwaysOn />,
  <PolicyFilter key="policyId" source="policyId" alwaysOn />,
  <SelectInput key="status" source="status" label="Status" choices={statuses} alwaysOn />,
];

/** Marks the version in force today, by the policy list's own answer (so the rule lives on the server). */
function InForceMark() {
  const record = useRecordContext<{ policyId: string; version: string }>();
  const { data = [] } = useGetList('policies', { pagination: { page: 1, perPage: 100 }, sort: { field: 'id', order: 'ASC' } });
  const policy = data.find((p) => p.id === record?.policyId);
  if (!record || policy?.inForce?.version !== record.version) return null;
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, color: 'success.main', fontWeight: 600 }}>
      <CheckCircleIcon fontSize="small" aria-hidden /> In force
    </Box>
  );
}

/** A version whose withdrawal is proposed and waits for a second ratifier says so beside its status. */
function ProposalMark() {
  const record = useRecordContext<{ withdrawalProposal?: { proposedBy: string } | null }>();
  if (!record?.withdrawalProposal) return null;
  return (
    <Typography variant="body2" component="span" sx={{ display: 'block', mt: 0.5, color: 'warning.dark', fontWeight: 600 }}>
      Withdrawal proposed
    </Typography>
  );
}

function EffectiveFrom() {
  const record = useRecordContext<{ ratification?: { effectiveFrom: string } | null }>();
  return (
    <Typography variant="body2" component="span">
      {record?.ratification ? longDate(record.ratification.effectiveFrom) : '–'}
    </Typography>
  );
}

export function VersionList() {
  return (
    <List
      title="Policy versions"
      exporter={false}
      filters={filters}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      pagination={<ListPagination />}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="policyId" label="Scheme">
          <ReferenceField source="policyId" reference="policies" link={false}>
            <TextField source="title" />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="version" label="Version" />
        <DataTable.Col source="title" label="Title" />
        <DataTable.Col source="status" label="Status">
          <StatusChip />
          <ProposalMark />
        </DataTable.Col>
        <DataTable.Col label="Effective from" source="ratification.effectiveFrom">
          <EffectiveFrom />
        </DataTable.Col>
        <DataTable.Col label="In force today" disableSort>
          <InForceMark />
        </DataTable.Col>
        <DataTable.Col source="updatedAt" label="Last changed">
          <MomentField source="updatedAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
