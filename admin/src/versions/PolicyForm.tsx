import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import Box from '@mui/material/Box';
import type { ReactNode } from 'react';
import { DateInput, NumberInput, SelectInput, TextInput } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { CarerMatrixInput } from './CarerMatrixInput';
import { AwardInput } from './AwardInput';
import { EligibilityInput, FactsInput } from './EligibilityInput';
import { OutcomesInput } from './OutcomesInput';
import { PublicationInput } from './PublicationInput';
import { AllocationTablesInput, PERIOD_CHOICES } from './PricingInput';
import { QuestionnairesInput } from './QuestionnairesInput';
import { PoundsInput } from './PoundsInput';
import { RowList } from './RowList';

function FormSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper component="section" variant="outlined" aria-labelledby={`form-${id}`} sx={{ p: { xs: 2, md: 3 }, mb: 2 }}>
      <Typography id={`form-${id}`} variant="h2" component="h2" sx={{ mb: 1.5 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

function IdLine() {
  const id = useWatch({ name: 'document.id' }) as string;
  const version = useWatch({ name: 'document.version' }) as string;
  return (
    <Typography variant="body2" color="text.secondary">
      Scheme <strong>{id}</strong>, version <strong>{version}</strong>. These are fixed: clone to make a version with another name.
    </Typography>
  );
}

/** The draft as a form, section by section in the order the engine works. */
export function PolicyForm() {
  return (
    <Box>
      <FormSection id="about" title="About">
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          <TextInput source="document.title" label="Title" helperText={false} sx={{ flex: 2, minWidth: 320 }} />
          <TextInput source="document.council" label="Council" helperText={false} sx={{ flex: 1, minWidth: 240 }} />
        </Box>
        <TextInput source="document.description" label="Description" helperText={false} multiline fullWidth />
        <IdLine />
      </FormSection>

      <FormSection id="groups" title="Client groups">
        <RowList name="document.clientGroups" noun="client group" blank={() => ({ id: '', label: '' })}>
          {(row) => (
            <>
              <TextInput source={`${row}.label`} label="Client group" helperText={false} sx={{ flex: 2, minWidth: 300 }} />
              <TextInput source={`${row}.id`} label="Code used in cohort files" helperText={false} />
            </>
          )}
        </RowList>
      </FormSection>

      <FormSection id="domains" title="Domains and weights">
        <RowList name="document.domains" noun="domain" blank={() => ({ id: '', label: '', weight: 1 })}>
          {(row) => (
            <>
              <TextInput source={`${row}.label`} label="Domain" helperText={false} sx={{ flex: 2, minWidth: 280 }} />
              <TextInput source={`${row}.id`} label="Code used in files" helperText={false} sx={{ width: 170 }} />
              {/* A domain without a weight counts its points once: the box says so rather than standing empty. The
                  input is given its value as react-admin holds it, where a missing weight is '' (null in the form),
                  so each is shown as 1; the document gains a weight only when one is typed. */}
              <NumberInput
                fullWidth={false}
                source={`${row}.weight`}
                label="Weight"
                helperText={false}
                format={(value) => (value === undefined || value === null || value === '' ? 1 : value)}
                sx={{ width: 110 }}
              />
              <TextInput source={`${row}.description`} label="What it covers" helperText={false} sx={{ flexBasis: '100%' }} />
            </>
          )}
        </RowList>
      </FormSection>

      <FormSection id="questionnaires" title="Questionnaires">
        <QuestionnairesInput />
      </FormSection>

      <FormSection id="pricing" title="Pricing">
        <AllocationTablesInput />
      </FormSection>

      <FormSection id="carers" title="Carer reduction">
        <CarerMatrixInput />
      </FormSection>

      <FormSection id="uplifts" title="Uplifts">
        <RowList name="document.uplifts" noun="uplift" blank={() => ({ from: new Date().toISOString().slice(0, 10), percent: 0 })}>
          {(row) => (
            <>
              <DateInput fullWidth={false} source={`${row}.from`} label="From" helperText={false} />
              <NumberInput fullWidth={false} source={`${row}.percent`} label="Percent" helperText={false} sx={{ width: 120 }} />
              <TextInput source={`${row}.reference.title`} label="Reference" helperText={false} sx={{ flex: 1, minWidth: 260 }} />
            </>
          )}
        </RowList>
      </FormSection>

      <FormSection id="maximum" title="Maximum">
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          The ADASS framework recommends no ceiling. A scheme that has a maximum states it here with the route for going above it; leave the
          amount empty for none.
        </Typography>
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          <PoundsInput source="document.maximum.pence" label="Maximum" />
          <SelectInput
            fullWidth={false}
            source="document.maximum.period"
            label="Maximum is"
            choices={PERIOD_CHOICES}
            helperText={false}
            sx={{ minWidth: 140 }}
          />
          <TextInput source="document.maximum.route.id" label="Route id" helperText={false} sx={{ width: 160 }} />
          <TextInput source="document.maximum.route.label" label="Route above it" helperText={false} sx={{ minWidth: 220 }} />
          <TextInput
            source="document.maximum.route.words"
            label="What to do, in plain words"
            helperText={false}
            sx={{ flex: 1, minWidth: 320 }}
          />
        </Box>
        <TextInput
          source="document.lesserOfRequested.label"
          label="Pay the lesser of the amount and one requested: what the requested amount is (empty for no)"
          helperText={false}
          sx={{ mt: 1 }}
        />
        <TextInput
          source="document.contribution.label"
          label="Split the budget by the person's contribution: what the contribution is (empty for no)"
          helperText={false}
          sx={{ mt: 1 }}
        />
      </FormSection>

      <FormSection id="outcomes" title="Outcomes without an amount">
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          A band may give one of these instead of an amount, such as universal services, or an individual assessment above the table.
        </Typography>
        <OutcomesInput />
      </FormSection>

      <FormSection id="eligibility" title="Who is eligible">
        <EligibilityInput />
        <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>
          Facts the case system states in each assessment
        </Typography>
        <FactsInput />
      </FormSection>

      <FormSection id="award" title="How the amount is paid">
        <AwardInput />
      </FormSection>

      <FormSection id="publication" title="What people are told">
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          Shown on the published scheme and in the letter to each person, and used for the algorithmic transparency record. Left empty,
          general words are used.
        </Typography>
        <PublicationInput />
      </FormSection>

      <FormSection id="rounding" title="Rounding and periods">
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          <SelectInput
            fullWidth={false}
            source="document.rounding.unit"
            label="Round to the"
            choices={[
              { id: 'penny', name: 'penny' },
              { id: 'pound', name: 'pound' },
            ]}
            helperText={false}
            sx={{ minWidth: 160 }}
          />
          <SelectInput
            fullWidth={false}
            source="document.rounding.mode"
            label="Rounding"
            choices={[
              { id: 'up', name: 'up' },
              { id: 'down', name: 'down' },
              { id: 'half-up', name: 'nearest (halves up)' },
            ]}
            helperText={false}
            sx={{ minWidth: 200 }}
          />
          <NumberInput fullWidth={false} source="document.weeksPerYear" label="Weeks in a year" helperText={false} sx={{ width: 160 }} />
          <SelectInput
            fullWidth={false}
            source="document.schemaVersion"
            label="Policy format"
            choices={[
              { id: 1, name: 'Format 1' },
              { id: 2, name: 'Format 2 (base amounts, maximum, outcomes, eligibility, awards)' },
            ]}
            helperText={false}
            sx={{ minWidth: 220 }}
          />
        </Box>
      </FormSection>

      <Typography variant="body2" color="text.secondary">
        The rules that raise flags are edited in the JSON tab.
      </Typography>
    </Box>
  );
}
