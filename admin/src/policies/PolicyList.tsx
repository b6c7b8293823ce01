import { DataTable, List, TextField } from 'react-admin';

export function PolicyList() {
  return (
    <List title="Policies" exporter={false} pagination={false}>
      <DataTable rowClick={(id) => `/versions?filter=${encodeURIComponent(JSON.stringify({ policyId: id }))}`} bulkActionButtons={false}>
        <DataTable.Col source="id" label="Scheme" />
        <DataTable.Col source="title" />
        <DataTable.Col source="council" />
        <DataTable.Col source="inForce.version" label="In force today" />
        <DataTable.Col source="inForce.effectiveFrom" label="Since" />
        <DataTable.NumberCol source="versions" label="Versions" />
      </DataTable>
    </List>
  );
}

export { TextField };
