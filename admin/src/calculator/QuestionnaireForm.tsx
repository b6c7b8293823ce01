/** The questionnaire that applies to the person, one group of radio buttons per question, with each answer's points. */

import { Alert, Box, FormControl, FormControlLabel, FormHelperText, FormLabel, Paper, Radio, RadioGroup, Typography } from '@mui/material';
import type { Dispatch, SetStateAction } from 'react';
import { answerLabel } from './answerLabels';
import type { ProblemError } from '../http';
import { appliesToWords, type PolicyDocument, type Question, type Questionnaire } from './types';

type Answers = Record<string, string>;

interface QuestionnaireFormProps {
  doc: PolicyDocument;
  questionnaire: Questionnaire | null;
  ageYears: number | null;
  answers: Answers;
  setAnswers: Dispatch<SetStateAction<Answers>>;
  /** The server's problems, by JSON Pointer (`/answers/<question id>`). */
  errors: Record<string, ProblemError>;
}

export function QuestionnaireForm({ doc, questionnaire, ageYears, answers, setAnswers, errors }: QuestionnaireFormProps) {
  return (
    <Paper variant="outlined" component="section" aria-labelledby="calc-questions" sx={{ p: 2, mb: 2 }}>
      <Typography id="calc-questions" variant="h6" component="h2" gutterBottom>
        {questionnaire ? questionnaire.label : 'Questionnaire'}
      </Typography>
      {ageYears === null ? (
        <Typography>Enter the person's age or date of birth to see the questions that apply to them.</Typography>
      ) : !questionnaire ? (
        <Alert severity="warning">
          No questionnaire in this version applies to someone aged {ageYears} in this client group. The questionnaires are:{' '}
          {doc.questionnaires.map((q) => `${q.label} (${appliesToWords(q, doc.clientGroups).toLowerCase()})`).join('; ')}.
        </Alert>
      ) : (
        <>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {appliesToWords(questionnaire, doc.clientGroups)}. Choose one answer to each question; the points for each answer are shown.
          </Typography>
          {questionnaire.questions.map((q) => (
            <QuestionInput key={q.id} q={q} doc={doc} answers={answers} setAnswers={setAnswers} problem={errors[`/answers/${q.id}`]} />
          ))}
        </>
      )}
    </Paper>
  );
}

interface QuestionInputProps {
  q: Question;
  doc: PolicyDocument;
  answers: Answers;
  setAnswers: Dispatch<SetStateAction<Answers>>;
  problem: ProblemError | undefined;
}

function QuestionInput({ q, doc, answers, setAnswers, problem }: QuestionInputProps) {
  const domain = doc.domains.find((d) => d.id === q.domain);
  const helpId = `q-${q.id}-help`;
  return (
    <FormControl
      component="fieldset"
      error={!!problem && problem.code !== 'missing_answer'}
      sx={{ display: 'block', mb: 2, pb: 1, borderBottom: '1px solid #e0e0e0', width: '100%' }}
    >
      <FormLabel component="legend" sx={{ color: 'text.primary', fontWeight: 600 }}>
        {q.text}
        {q.required === false ? ' (optional)' : ''}
      </FormLabel>
      <Typography variant="body2" color="text.secondary" id={helpId}>
        {domain?.label ?? q.domain}
        {q.help ? `. ${q.help}` : ''}
      </Typography>
      <RadioGroup
        name={q.id}
        value={answers[q.id] ?? ''}
        aria-describedby={helpId}
        onChange={(e) => setAnswers((a) => ({ ...a, [q.id]: e.target.value }))}
      >
        {q.answers.map((a) => (
          <FormControlLabel key={a.id} value={a.id} control={<Radio size="small" />} label={answerLabel(a)} />
        ))}
      </RadioGroup>
      {problem && (
        <FormHelperText sx={problem.code === 'missing_answer' ? { color: 'text.secondary' } : undefined}>
          {problem.code === 'missing_answer' ? 'Not answered yet.' : problem.message}
        </FormHelperText>
      )}
      {q.required === false && answers[q.id] && (
        <Box
          component="button"
          type="button"
          onClick={() => setAnswers(({ [q.id]: _, ...rest }) => rest)}
          sx={{ background: 'none', border: 0, p: 0, color: '#0d47a1', textDecoration: 'underline', cursor: 'pointer', font: 'inherit' }}
        >
          Clear this answer
        </Box>
      )}
    </FormControl>
  );
}
