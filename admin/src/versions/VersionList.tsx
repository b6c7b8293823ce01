import { ChipField, DataTable, DateField, List, TextInput } from 'react-admin';

const filters = [<TextInput key="q" source="q" label="Search" alwaysOn />];

export function VersionList() {
  return (
    <List title="Policy versions" exporter={false} filters={filters} sort={{ field: 'createdAt', order: 'DESC' }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="policyId" label="Scheme" />
        <DataTable.Col source="version" />
        <DataTable.Col source="title" />
        <DataTable.Col source="status"><ChipField source="status" size="small" /></DataTable.Col>
        <DataTable.Col source="ratification.effectiveFrom" label="Effective from" />
        <DataTable.Col source="updatedAt" label="Last changed"><DateField source="updatedAt" showTime /></DataTable.Col>
      </DataTable>
    </List>
  );
}
