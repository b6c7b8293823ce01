import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import { formatNumber } from '../format';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { BooleanInput, NumberInput, SelectInput, TextInput } from 'react-admin';
import { useFieldArray, useWatch } from 'react-hook-form';
import { RowList } from './RowList';

function QuestionSummary({ path, index }: { path: string; index: number }) {
  const text = useWatch({ name: `${path}.text` }) as string | undefined;
  const answers = (useWatch({ name: `${path}.answers` }) ?? []) as unknown[];
  return (
    <Typography>
      <strong>{index + 1}.</strong> {text || 'New question'}{' '}
      <Box component="span" sx={{ color: 'text.secondary' }}>
        · {formatNumber(answers.length)} answers
      </Box>
    </Typography>
  );
}

function QuestionFields({ path }: { path: string }) {
  const domains = (useWatch({ name: 'document.domains' }) ?? []) as Array<{ id: string; label: string }>;
  return (
    <>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <TextInput source={`${path}.text`} label="Question" helperText={false} sx={{ flex: 2, minWidth: 300 }} />
        <TextInput source={`${path}.id`} label="Question id" helperText={false} sx={{ width: 180 }} />
        <SelectInput
          fullWidth={false}
          source={`${path}.domain`}
          label="Domain"
          choices={domains.map((d) => ({ id: d.id, name: d.label }))}
          helperText={false}
          sx={{ minWidth: 240, mt: 0 }}
        />
      </Box>
      <TextInput source={`${path}.help`} label="Help text" helperText={false} fullWidth multiline />
      <BooleanInput source={`${path}.required`} label="Must be answered" format={(v: unknown) => v !== false} helperText={false} />
      <Typography variant="h4" component="h5" sx={{ mt: 1 }}>
        Answers and points
      </Typography>
      <RowList name={`${path}.answers`} noun="answer" blank={() => ({ id: '', text: '', points: 0 })}>
        {(row) => (
          <>
            <TextInput source={`${row}.text`} label="Answer" helperText={false} sx={{ flex: 2, minWidth: 260 }} />
            <TextInput source={`${row}.id`} label="Answer id" helperText={false} sx={{ width: 150 }} />
            <NumberInput fullWidth={false} source={`${row}.points`} label="Points" helperText={false} sx={{ width: 100 }} />
            <BooleanInput source={`${row}.notApplicable`} label="Does not apply" helperText={false} />
          </>
        )}
      </RowList>
    </>
  );
}

function QuestionList({ base }: { base: string }) {
  const { fields, append, remove } = useFieldArray({ name: `${base}.questions` });
  return (
    <Box>
      {fields.map((field, i) => {
        const path = `${base}.questions.${i}`;
        return (
          <Accordion key={field.id} disableGutters variant="outlined" slotProps={{ transition: { unmountOnExit: true } }}>
            <AccordionSummary expandIcon={<ExpandMoreIcon />} id={`${path}-summary`} aria-controls={`${path}-details`}>
              <QuestionSummary path={path} index={i} />
            </AccordionSummary>
            <AccordionDetails id={`${path}-details`}>
              <QuestionFields path={path} />
              <Button color="error" startIcon={<DeleteOutlineIcon />} onClick={() => remove(i)} sx={{ mt: 1 }}>
                Remove question {i + 1}
              </Button>
            </AccordionDetails>
          </Accordion>
        );
      })}
      <Button
        startIcon={<AddIcon />}
        sx={{ mt: 1 }}
        onClick={() =>
          append({
            id: `question-${fields.length + 1}`,
            domain: '',
            text: '',
            answers: [{ id: 'none', text: 'No help needed', points: 0 }],
          })
        }
      >
        Add question
      </Button>
    </Box>
  );
}

/** Each questionnaire: who it is for, then its questions, each with its answers and their points. */
export function QuestionnairesInput() {
  const { fields } = useFieldArray({ name: 'document.questionnaires' });
  return (
    <>
      {fields.map((field, qi) => {
        const base = `document.questionnaires.${qi}`;
        return (
          <Box key={field.id} role="group" aria-label={`Questionnaire ${qi + 1}`} sx={{ mb: 3 }}>
            <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
              <TextInput source={`${base}.label`} label="Questionnaire name" helperText={false} sx={{ flex: 2, minWidth: 300 }} />
              <NumberInput fullWidth={false} source={`${base}.appliesTo.minAge`} label="From age" helperText={false} sx={{ width: 120 }} />
              <NumberInput fullWidth={false} source={`${base}.appliesTo.maxAge`} label="To age" helperText={false} sx={{ width: 120 }} />
            </Box>
            <QuestionList base={base} />
          </Box>
        );
      })}
      <Typography variant="body2" color="text.secondary">
        To add a questionnaire or limit one to client groups, use the JSON tab.
      </Typography>
    </>
  );
}
