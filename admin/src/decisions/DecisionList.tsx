/** Recorded decisions, newest first: who, under which version, and the indicative weekly amount. */

import Typography from '@mui/material/Typography';
import { DataTable, DateField, FunctionField, List, type RaRecord, ReferenceField, TextField } from 'react-admin';
import { formatPence } from '../format';

export function DecisionList() {
  return (
    <>
      <Typography variant="h4" component="h1" sx={{ mt: 2 }}>
        Decisions
      </Typography>
      <Typography sx={{ my: 1, maxWidth: '75ch' }}>
        Every indicative budget a case system or an officer recorded, with the version it used. Open one to read it, replay it or print the
        letter to the person.
      </Typography>
      <List
        empty={<Typography sx={{ p: 2 }}>No decisions recorded yet. A case system or an officer records them over the API.</Typography>}
        sort={{ field: 'createdAt', order: 'DESC' }}
        perPage={25}
        title="Decisions"
        exporter={false}
        sx={{ '& .RaList-content': { overflowX: 'auto' } }}
      >
        <DataTable bulkActionButtons={false} rowClick="show">
          {/* The server keeps decisions newest first and pages them; it sorts them no other way. */}
          <DataTable.Col source="createdAt" label="Recorded" disableSort>
            <DateField source="createdAt" showTime locales="en-GB" />
          </DataTable.Col>
          <DataTable.Col source="policyId" label="Scheme" disableSort>
            <ReferenceField source="policyId" reference="policies" link={false}>
              <TextField source="title" />
            </ReferenceField>
          </DataTable.Col>
          <DataTable.Col source="version" label="Version" disableSort />
          <DataTable.Col source="weeklyPence" label="Indicative amount" disableSort>
            <FunctionField render={(r: RaRecord) => (r.weeklyPence === null ? 'No amount' : `${formatPence(r.weeklyPence)} a week`)} />
          </DataTable.Col>
          <DataTable.Col source="createdByName" label="Recorded by" disableSort />
        </DataTable>
      </List>
    </>
  );
}
