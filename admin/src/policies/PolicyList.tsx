import Typography from '@mui/material/Typography';
import { DataTable, List, TextInput, useRecordContext } from 'react-admin';
import { longDate } from '../format';
import { ListPagination } from '../layout/ListPagination';

function InForce() {
  const record = useRecordContext<{ inForce: { version: string; effectiveFrom: string } | null }>();
  if (!record?.inForce)
    return (
      <Typography variant="body2" component="span" color="text.secondary">
        None in force
      </Typography>
    );
  return (
    <Typography variant="body2" component="span">
      <strong>{record.inForce.version}</strong>, since {longDate(record.inForce.effectiveFrom)}
    </Typography>
  );
}

// Searched by the server (GET /api/policies?q=): id, title or council.
const filters = [<TextInput key="q" source="q" label="Search schemes" alwaysOn resettable />];

/** Each RAS scheme with the version in force today; a row opens the scheme's versions. */
export function PolicyList() {
  return (
    <List
      title="Policies"
      exporter={false}
      perPage={100}
      pagination={<ListPagination rowsPerPageOptions={[25, 50, 100]} />}
      filters={filters}
    >
      <DataTable rowClick={(id) => `/versions?filter=${encodeURIComponent(JSON.stringify({ policyId: id }))}`} bulkActionButtons={false}>
        <DataTable.Col source="id" label="Scheme" />
        <DataTable.Col source="title" label="Title" />
        <DataTable.Col source="council" label="Council" />
        <DataTable.Col source="inForce.version" label="In force today">
          <InForce />
        </DataTable.Col>
        <DataTable.NumberCol source="versions" label="Versions" />
      </DataTable>
    </List>
  );
}
