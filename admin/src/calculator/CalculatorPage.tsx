/**
 * The calculator: choose a scheme and version, describe the person, answer the questionnaire that
 * applies to them, and see the indicative allocation worked out by the server as you type, with
 * every step from points to money.
 */

import { Alert, Box, TextField, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { Title } from 'react-admin';
import { ANSWERS, buildAssessment, isCarerIncomplete, NO_CARER, type AgeMode, type CarerState, type GivenPoints } from './assessment';
import { CarerInputs } from './CarerInputs';
import { FactsAndStartInputs } from './FactsAndStartInputs';
import { GivenPointsInputs } from './GivenPointsInputs';
import { KeepAsExample } from './KeepAsExample';
import { todayIso } from '../format';
import { PersonInputs } from './PersonInputs';
import { byPointer } from '../http';
import { QuestionnaireForm } from './QuestionnaireForm';
import { ResultPanel } from './ResultPanel';
import { SchemePicker } from './SchemePicker';
import { ageFromDateOfBirth, questionnaireFor, type PolicyDocument, type Questionnaire } from './types';
import { useEvaluation } from './useEvaluation';
import { usePolicyVersion } from './usePolicyVersion';
import type { Permission } from '../contract/api-answers';

/**
 * What the calculator needs the server to allow: reading the schemes and a version's questionnaire, and
 * evaluating. A case system's account (api-client) may evaluate but reads no scheme, so it is not offered the page.
 */
export const CALCULATOR_ACTIONS: readonly Permission[] = ['policy.read', 'assessment.evaluate'];

export function CalculatorPage() {
  const [ageMode, setAgeMode] = useState<AgeMode>('age');
  const [age, setAge] = useState('');
  const [dob, setDob] = useState('');
  const [clientGroup, setClientGroup] = useState('');
  const [assessmentDate, setAssessmentDate] = useState(todayIso());
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [carer, setCarer] = useState<CarerState>(NO_CARER);
  const [requested, setRequested] = useState('');
  const [contribution, setContribution] = useState('');
  const [given, setGiven] = useState<GivenPoints>(ANSWERS);
  const [facts, setFacts] = useState<Record<string, string | boolean>>({});
  const [startDate, setStartDate] = useState('');
  const { policies, policyId, setPolicyId, versions, version, setVersion, doc, loadError } = usePolicyVersion(setClientGroup);

  // Another scheme asks other questions: what was entered for the last one does not carry over.
  const chooseScheme = (id: string) => {
    setPolicyId(id);
    setAnswers({});
    setCarer(NO_CARER);
    setRequested('');
    setContribution('');
    setGiven(ANSWERS);
    setFacts({});
    setStartDate('');
  };

  const ageYears = ageMode === 'age' ? (/^\d{1,3}$/.test(age) ? Number(age) : null) : ageFromDateOfBirth(dob, assessmentDate);
  const questionnaire = doc ? questionnaireFor(doc, ageYears, clientGroup) : null;
  const assessment = useMemo(
    () =>
      buildAssessment({
        doc,
        clientGroup,
        assessmentDate,
        ageMode,
        age,
        dob,
        questionnaire,
        answers,
        carer,
        requested,
        contribution,
        given,
        facts,
        startDate,
      }),
    [doc, clientGroup, assessmentDate, ageMode, age, dob, questionnaire, answers, carer, requested, contribution, given, facts, startDate],
  );
  const carerIncomplete = isCarerIncomplete(carer);
  const { result, problems, failure, busy } = useEvaluation(assessment, carerIncomplete, policyId, version);

  const errors = byPointer(problems);
  const fieldError = (pointer: string) => errors[pointer]?.message;
  const placed = placedPointers(questionnaire, doc);

  return (
    <Box sx={{ p: { xs: 1, md: 2 } }}>
      <Title title="Calculator" />
      <Typography variant="h4" component="h1" gutterBottom>
        Work out an indicative budget
      </Typography>
      <Typography sx={{ mb: 2, maxWidth: '70ch' }}>
        Choose a scheme and version, describe the person and answer the questions. The indicative allocation and how it was worked out
        appear as you go. Nothing is saved: this is for trying out a policy, not for recording a decision.
      </Typography>
      {loadError && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {loadError}
        </Alert>
      )}
      <Box
        sx={{
          display: 'grid',
          gap: 3,
          gridTemplateColumns: { xs: 'minmax(0,1fr)', lg: 'minmax(0,1fr) minmax(0,1fr)' },
          alignItems: 'start',
        }}
      >
        <Box component="form" aria-label="Assessment" onSubmit={(e) => e.preventDefault()} noValidate>
          <SchemePicker
            policies={policies}
            policyId={policyId}
            onPolicyId={chooseScheme}
            versions={versions}
            version={version}
            onVersion={setVersion}
          />
          {doc && (
            <PersonInputs
              doc={doc}
              assessmentDate={assessmentDate}
              onAssessmentDate={setAssessmentDate}
              clientGroup={clientGroup}
              onClientGroup={setClientGroup}
              ageMode={ageMode}
              onAgeMode={setAgeMode}
              age={age}
              onAge={setAge}
              dob={dob}
              onDob={setDob}
              ageYears={ageYears}
              fieldError={fieldError}
            />
          )}
          {doc && <GivenPointsInputs doc={doc} given={given} setGiven={setGiven} fieldError={fieldError} />}
          {doc && (
            <FactsAndStartInputs
              doc={doc}
              facts={facts}
              setFacts={setFacts}
              startDate={startDate}
              setStartDate={setStartDate}
              fieldError={fieldError}
            />
          )}
          {doc && (given.mode === 'answers' || !doc.acceptsGivenPoints?.length) && (
            <QuestionnaireForm
              doc={doc}
              questionnaire={questionnaire}
              ageYears={ageYears}
              answers={answers}
              setAnswers={setAnswers}
              errors={errors}
            />
          )}
          {doc && <CarerInputs doc={doc} carer={carer} setCarer={setCarer} carerIncomplete={carerIncomplete} fieldError={fieldError} />}
          {doc?.lesserOfRequested && (
            <AmountInput
              pointer="/requested"
              label={doc.lesserOfRequested.label}
              value={requested}
              onChange={setRequested}
              hint="The scheme pays the lesser of its amount and this one."
              fieldError={fieldError}
            />
          )}
          {doc?.contribution && (
            <AmountInput
              pointer="/contribution"
              label={doc.contribution.label}
              value={contribution}
              onChange={setContribution}
              hint="From the financial assessment: it splits the budget, which stays the same."
              fieldError={fieldError}
            />
          )}
        </Box>
        <Box sx={{ position: { lg: 'sticky' }, top: { lg: 72 } }}>
          <ResultPanel doc={doc} busy={busy} result={result} failure={failure} problems={problems} placed={placed} />
          {result && assessment && !busy && (
            <KeepAsExample
              policyId={policyId}
              version={version}
              status={versions.find((v) => v.version === version)?.status}
              assessment={assessment}
              result={result}
            />
          )}
        </Box>
      </Box>
    </Box>
  );
}

/** The pointers whose problems the form shows beside their own inputs. */
function placedPointers(questionnaire: Questionnaire | null, doc: PolicyDocument | null): Set<string> {
  return new Set([
    '/age',
    '/dateOfBirth',
    '/clientGroup',
    '/assessmentDate',
    '/questionnaire',
    '/carer',
    '/carer/supportLevel',
    '/carer/impact',
    '/carer/willingToContinue',
    '/carer/ableToContinue',
    '/requested',
    '/requested/pence',
    '/contribution',
    '/contribution/pence',
    '/points',
    '/points/total',
    '/facts',
    '/startDate',
    ...(questionnaire?.questions.map((q) => `/answers/${q.id}`) ?? []),
    ...(doc?.facts?.map((f) => `/facts/${f.id}`) ?? []),
    ...(doc?.domains.map((d) => `/points/byDomain/${d.id}`) ?? []),
  ]);
}

/** An amount in pounds the assessment may give: a requested amount, the person's contribution. */
function AmountInput(props: {
  pointer: '/requested' | '/contribution';
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint: string;
  fieldError: (pointer: string) => string | undefined;
}) {
  const error = props.fieldError(`${props.pointer}/pence`) ?? props.fieldError(props.pointer);
  return (
    <TextField
      label={`${props.label} (£, optional)`}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      error={Boolean(error)}
      helperText={error ?? props.hint}
      inputProps={{ inputMode: 'decimal' }}
      sx={{ mt: 2, maxWidth: 420 }}
      fullWidth
    />
  );
}
