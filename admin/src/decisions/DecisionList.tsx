/**
 * Recorded decisions, newest first: whose (the person's reference), who recorded it, under which version,
 * and the indicative weekly amount. A person's decisions are found by their reference, searched on the server.
 */

import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { DataTable, FunctionField, List, type RaRecord, ReferenceField, TextField, TextInput } from 'react-admin';
import { dateTime, formatPence } from '../format';
import { ListPagination } from '../layout/ListPagination';

// The server matches the whole reference, in any case (GET /api/decisions?reference=); the page says so.
const filters = [<TextInput key="reference" source="reference" label="Person's reference" alwaysOn resettable />];

export function DecisionList() {
  return (
    <>
      <Typography variant="h4" component="h1" sx={{ mt: 2 }}>
        Decisions
      </Typography>
      <Typography sx={{ my: 1, maxWidth: '75ch' }}>
        Every indicative budget a case system or an officer recorded, with the version it used. Find a person's decisions by their whole
        reference; open one to read how it was worked out and its flags, or to print the letter to the person.
      </Typography>
      <List
        empty={<Typography sx={{ p: 2 }}>No decisions recorded yet. A case system or an officer records them over the API.</Typography>}
        sort={{ field: 'createdAt', order: 'DESC' }}
        perPage={25}
        filters={filters}
        title="Decisions"
        exporter={false}
        pagination={<ListPagination />}
      >
        {/* On a narrow screen the table scrolls sideways in its own box, which the keyboard can reach and scroll. */}
        <Box
          role="region"
          aria-label="Decisions found"
          tabIndex={0}
          sx={{ overflowX: 'auto', '& .RaDataTable-tableWrapper': { overflowX: 'visible' } }}
        >
          <DataTable bulkActionButtons={false} rowClick="show">
            {/* The server keeps decisions newest first and pages them; it sorts them no other way. */}
            <DataTable.Col source="createdAt" label="Recorded" disableSort>
              <FunctionField render={(r: RaRecord) => dateTime(r.createdAt)} />
            </DataTable.Col>
            <DataTable.Col source="reference" label="Person's reference" disableSort>
              <FunctionField render={(r: RaRecord) => r.reference ?? '–'} />
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
        </Box>
      </List>
    </>
  );
}
