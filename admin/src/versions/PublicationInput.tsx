/**
 * What people are told: the next steps and how to ask for a review (on the published scheme and in each
 * letter), why the council uses the scheme and its risks (for the transparency record), and whom to contact.
 */

import Box from '@mui/material/Box';
import { TextInput } from 'react-admin';

export function PublicationInput() {
  return (
    <Box>
      <TextInput source="document.publication.nextSteps" label="What happens next" helperText={false} multiline fullWidth />
      <TextInput source="document.publication.review" label="How to ask for a review" helperText={false} multiline fullWidth />
      <TextInput
        source="document.publication.purpose"
        label="Why the council uses this scheme (transparency record)"
        helperText={false}
        multiline
        fullWidth
      />
      <TextInput
        source="document.publication.risks"
        label="Risks and how they are managed (transparency record)"
        helperText={false}
        multiline
        fullWidth
      />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <TextInput source="document.publication.contact.name" label="Contact: team or service" helperText={false} sx={{ minWidth: 280 }} />
        <TextInput source="document.publication.contact.phone" label="Telephone" helperText={false} />
        <TextInput source="document.publication.contact.email" label="Email" helperText={false} />
        <TextInput source="document.publication.contact.web" label="Web page (https://…)" helperText={false} sx={{ minWidth: 280 }} />
      </Box>
      <TextInput source="document.publication.contact.address" label="Address" helperText={false} multiline fullWidth />
    </Box>
  );
}
