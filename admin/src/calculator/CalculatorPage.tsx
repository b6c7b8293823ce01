/**
 * The calculator: choose a scheme and version, describe the person, answer the questionnaire that
 * applies to them, and see the indicative allocation worked out by the server as you type, with
 * every step from points to money.
 */

import {
  Alert, Box, Checkbox, CircularProgress, FormControl, FormControlLabel, FormHelperText, FormLabel, Paper,
  Radio, RadioGroup, TextField, Typography,
} from '@mui/material';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Title } from 'react-admin';
import { HorizontalBarChart } from './charts';
import { formatDate, formatNumber, formatPence, periodWord, todayIso } from './format';
import { byPointer, messageOf, ProblemError, request, type FieldProblem } from './problems';
import { ExplanationSteps } from './Steps';
import { ageOn, appliesToWords, questionnaireFor, type EvaluationResult, type PolicyDocument } from './types';

interface PolicySummary { id: string; title: string; council: string; inForce: { version: string } | null }
interface VersionSummary { policyId: string; version: string; status: string; ratification?: { effectiveFrom: string } | null }

const STATUS_WORDS: Record<string, string> = {
  draft: 'draft', submitted: 'submitted, awaiting ratification', ratified: 'ratified', superseded: 'superseded', withdrawn: 'withdrawn',
};

interface CarerState { present: boolean; willing: '' | 'yes' | 'no'; able: '' | 'yes' | 'no'; supportLevel: string; impact: string }
const NO_CARER: CarerState = { present: false, willing: '', able: '', supportLevel: '', impact: '' };

export const pointsWord = (n: number) => (n === 1 ? '1 point' : `${formatNumber(n)} points`);
/** The label of an answer's radio button, e.g. "Some help (10 points)". */
export const answerLabel = (a: { text: string; points: number }) => `${a.text} (${pointsWord(a.points)})`;

export function CalculatorPage() {
  const [policies, setPolicies] = useState<PolicySummary[] | null>(null);
  const [policyId, setPolicyId] = useState('');
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [version, setVersion] = useState('');
  const [doc, setDoc] = useState<PolicyDocument | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const [ageMode, setAgeMode] = useState<'age' | 'dob'>('age');
  const [age, setAge] = useState('');
  const [dob, setDob] = useState('');
  const [clientGroup, setClientGroup] = useState('');
  const [assessmentDate, setAssessmentDate] = useState(todayIso());
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [carer, setCarer] = useState<CarerState>(NO_CARER);

  const [result, setResult] = useState<EvaluationResult | null>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    request<PolicySummary[]>('/api/policies').then((list) => {
      setPolicies(list);
      if (list[0]) setPolicyId((current) => current || list[0]!.id);
    }).catch((e) => setLoadError(messageOf(e)));
  }, []);

  useEffect(() => {
    if (!policyId) return;
    setVersions([]);
    request<VersionSummary[]>(`/api/policies/${encodeURIComponent(policyId)}/versions`).then((list) => {
      setVersions(list);
      const inForce = policies?.find((p) => p.id === policyId)?.inForce?.version;
      setVersion(inForce && list.some((v) => v.version === inForce) ? inForce : list[list.length - 1]?.version ?? '');
    }).catch((e) => setLoadError(messageOf(e)));
  }, [policyId, policies]);

  useEffect(() => {
    if (!policyId || !version) return;
    setDoc(null);
    request<{ document: PolicyDocument }>(`/api/policies/${encodeURIComponent(policyId)}/versions/${encodeURIComponent(version)}`).then(({ document }) => {
      setDoc(document);
      setClientGroup((g) => (document.clientGroups.some((c) => c.id === g) ? g : document.clientGroups[0]?.id ?? ''));
    }).catch((e) => setLoadError(messageOf(e)));
  }, [policyId, version]);

  const ageYears = ageMode === 'age' ? (/^\d{1,3}$/.test(age) ? Number(age) : null) : ageOn(dob, assessmentDate);
  const questionnaire = doc ? questionnaireFor(doc, ageYears, clientGroup) : null;

  const assessment = useMemo(() => {
    if (!doc || !clientGroup || !assessmentDate) return null;
    if (ageMode === 'age' ? age === '' : dob === '') return null;
    const chosen = questionnaire ? Object.fromEntries(Object.entries(answers).filter(([q]) => questionnaire.questions.some((x) => x.id === q))) : answers;
    return {
      assessmentDate,
      ...(ageMode === 'age' ? { age: /^\d+$/.test(age) ? Number(age) : age } : { dateOfBirth: dob }),
      clientGroup,
      ...(questionnaire ? { questionnaire: questionnaire.id } : {}),
      answers: chosen,
      ...(carer.present ? {
        carer: { willingToContinue: carer.willing === 'yes', ableToContinue: carer.able === 'yes', supportLevel: carer.supportLevel, impact: carer.impact },
      } : {}),
    };
  }, [doc, clientGroup, assessmentDate, ageMode, age, dob, questionnaire, answers, carer]);

  const carerIncomplete = carer.present && (!carer.willing || !carer.able || !carer.supportLevel || !carer.impact);
  const sequence = useRef(0);
  useEffect(() => {
    const ticket = ++sequence.current;
    if (!assessment || carerIncomplete) { setResult(null); setProblems([]); setFailure(null); setBusy(false); return; }
    setBusy(true);
    const timer = setTimeout(() => {
      request<EvaluationResult>(`/api/policies/${encodeURIComponent(policyId)}/versions/${encodeURIComponent(version)}/evaluate`, { method: 'POST', body: assessment })
        .then((r) => { if (ticket === sequence.current) { setResult(r); setProblems([]); setFailure(null); } })
        .catch((e) => {
          if (ticket !== sequence.current) return;
          setResult(null);
          if (e instanceof ProblemError && e.status === 422) { setProblems(e.errors); setFailure(e.errors.length ? null : e.message); } else { setProblems([]); setFailure(messageOf(e)); }
        })
        .finally(() => { if (ticket === sequence.current) setBusy(false); });
    }, 350);
    return () => clearTimeout(timer);
  }, [assessment, carerIncomplete, policyId, version]);

  const errors = byPointer(problems);
  const fieldError = (pointer: string) => errors[pointer]?.message;
  const unanswered = problems.filter((p) => p.code === 'missing_answer');
  const placed = new Set(['/age', '/dateOfBirth', '/clientGroup', '/assessmentDate', '/questionnaire', '/carer', '/carer/supportLevel', '/carer/impact', '/carer/willingToContinue', '/carer/ableToContinue',
    ...(questionnaire?.questions.map((q) => `/answers/${q.id}`) ?? [])]);
  const otherProblems = problems.filter((p) => !placed.has(p.pointer));

  return (
    <Box sx={{ p: { xs: 1, md: 2 } }}>
      <Title title="Calculator" />
      <Typography variant="h4" component="h1" gutterBottom>Work out an indicative budget</Typography>
      <Typography sx={{ mb: 2, maxWidth: '70ch' }}>
        Choose a scheme and version, describe the person and answer the questions. The indicative allocation and how it was worked out
        appear as you go. Nothing is saved: this is for trying out a policy, not for recording a decision.
      </Typography>
      {loadError && <Alert severity="error" sx={{ mb: 2 }}>{loadError}</Alert>}
      <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: 'minmax(0,1fr)', lg: 'minmax(0,1fr) minmax(0,1fr)' }, alignItems: 'start' }}>
        <Box component="form" aria-label="Assessment" onSubmit={(e) => e.preventDefault()} noValidate>
          <Paper variant="outlined" component="section" aria-labelledby="calc-scheme" sx={{ p: 2, mb: 2 }}>
            <Typography id="calc-scheme" variant="h6" component="h2" gutterBottom>Scheme and version</Typography>
            {!policies ? <CircularProgress size={24} aria-label="Loading schemes" /> : policies.length === 0 ? (
              <Typography>There are no schemes yet. An officer can add one under Policies.</Typography>
            ) : (
              <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
                <TextField select label="Scheme" value={policyId} onChange={(e) => setPolicyId(e.target.value)} slotProps={{ select: { native: true }, inputLabel: { shrink: true } }} sx={{ minWidth: 260 }}>
                  {policies.map((p) => <option key={p.id} value={p.id}>{p.title} ({p.id})</option>)}
                </TextField>
                <TextField select label="Version" value={version} onChange={(e) => setVersion(e.target.value)} slotProps={{ select: { native: true }, inputLabel: { shrink: true } }} sx={{ minWidth: 260 }}
                  helperText={versions.find((v) => v.version === version) ? versionHelp(versions.find((v) => v.version === version)!, policies.find((p) => p.id === policyId)?.inForce?.version) : ' '}>
                  {versions.map((v) => <option key={v.version} value={v.version}>{v.version} ({STATUS_WORDS[v.status] ?? v.status})</option>)}
                </TextField>
              </Box>
            )}
          </Paper>

          {doc && (
            <Paper variant="outlined" component="section" aria-labelledby="calc-person" sx={{ p: 2, mb: 2 }}>
              <Typography id="calc-person" variant="h6" component="h2" gutterBottom>The person</Typography>
              <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
                <TextField type="date" label="Assessment date" value={assessmentDate} onChange={(e) => setAssessmentDate(e.target.value)} required
                  slotProps={{ inputLabel: { shrink: true } }} error={!!fieldError('/assessmentDate')} helperText={fieldError('/assessmentDate') ?? 'Uplifts in force on this date apply.'} />
                <TextField select label="Client group" value={clientGroup} onChange={(e) => setClientGroup(e.target.value)} required
                  slotProps={{ select: { native: true }, inputLabel: { shrink: true } }} sx={{ minWidth: 280 }} error={!!fieldError('/clientGroup')} helperText={fieldError('/clientGroup') ?? ' '}>
                  {doc.clientGroups.map((g) => <option key={g.id} value={g.id}>{g.label}</option>)}
                </TextField>
              </Box>
              <FormControl component="fieldset" sx={{ mt: 1 }}>
                <FormLabel component="legend">Give the person's</FormLabel>
                <RadioGroup row value={ageMode} onChange={(e) => setAgeMode(e.target.value as 'age' | 'dob')}>
                  <FormControlLabel value="age" control={<Radio />} label="Age in years" />
                  <FormControlLabel value="dob" control={<Radio />} label="Date of birth" />
                </RadioGroup>
              </FormControl>
              <Box sx={{ mt: 1 }}>
                {ageMode === 'age' ? (
                  <TextField label="Age" value={age} onChange={(e) => setAge(e.target.value.trim())} required name="age"
                    slotProps={{ htmlInput: { inputMode: 'numeric', pattern: '[0-9]*', 'aria-describedby': 'calc-age-help' } }}
                    error={!!fieldError('/age')} helperText={<span id="calc-age-help">{fieldError('/age') ?? 'Whole years on the assessment date.'}</span>} />
                ) : (
                  <TextField type="date" label="Date of birth" value={dob} onChange={(e) => setDob(e.target.value)} required
                    slotProps={{ inputLabel: { shrink: true } }} error={!!fieldError('/dateOfBirth') || !!fieldError('/age')}
                    helperText={fieldError('/dateOfBirth') ?? fieldError('/age') ?? (ageYears !== null ? `Age ${ageYears} on the assessment date.` : ' ')} />
                )}
              </Box>
            </Paper>
          )}

          {doc && (
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
                  <Typography variant="body2" sx={{ mb: 2 }}>{appliesToWords(questionnaire, doc.clientGroups)}. Choose one answer to each question; the points for each answer are shown.</Typography>
                  {questionnaire.questions.map((q) => {
                    const problem = errors[`/answers/${q.id}`];
                    const domain = doc.domains.find((d) => d.id === q.domain);
                    const helpId = `q-${q.id}-help`;
                    return (
                      <FormControl key={q.id} component="fieldset" error={!!problem && problem.code !== 'missing_answer'} sx={{ display: 'block', mb: 2, pb: 1, borderBottom: '1px solid #e0e0e0', width: '100%' }}>
                        <FormLabel component="legend" sx={{ color: 'text.primary', fontWeight: 600 }}>
                          {q.text}{q.required === false ? ' (optional)' : ''}
                        </FormLabel>
                        <Typography variant="body2" color="text.secondary" id={helpId}>{domain?.label ?? q.domain}{q.help ? `. ${q.help}` : ''}</Typography>
                        <RadioGroup name={q.id} value={answers[q.id] ?? ''} aria-describedby={helpId}
                          onChange={(e) => setAnswers((a) => ({ ...a, [q.id]: e.target.value }))}>
                          {q.answers.map((a) => <FormControlLabel key={a.id} value={a.id} control={<Radio size="small" />} label={answerLabel(a)} />)}
                        </RadioGroup>
                        {problem && (
                          <FormHelperText sx={problem.code === 'missing_answer' ? { color: 'text.secondary' } : undefined}>
                            {problem.code === 'missing_answer' ? 'Not answered yet.' : problem.message}
                          </FormHelperText>
                        )}
                        {q.required === false && answers[q.id] && (
                          <Box component="button" type="button" onClick={() => setAnswers(({ [q.id]: _, ...rest }) => rest)}
                            sx={{ background: 'none', border: 0, p: 0, color: '#0d47a1', textDecoration: 'underline', cursor: 'pointer', font: 'inherit' }}>
                            Clear this answer
                          </Box>
                        )}
                      </FormControl>
                    );
                  })}
                </>
              )}
            </Paper>
          )}

          {doc && (
            <Paper variant="outlined" component="section" aria-labelledby="calc-carer" sx={{ p: 2, mb: 2 }}>
              <Typography id="calc-carer" variant="h6" component="h2" gutterBottom>Unpaid carer</Typography>
              {!doc.carerAdjustment ? (
                <Typography>This version makes no adjustment for support from an unpaid carer.</Typography>
              ) : (
                <>
                  <FormControlLabel control={<Checkbox checked={carer.present} onChange={(e) => setCarer(e.target.checked ? { ...NO_CARER, present: true } : NO_CARER)} />}
                    label="The person has an unpaid carer (family or a friend)" />
                  {carer.present && (
                    <Box sx={{ pl: 1 }}>
                      <YesNo legend="Is the carer willing to carry on caring?" value={carer.willing} onChange={(v) => setCarer((c) => ({ ...c, willing: v }))} error={fieldError('/carer/willingToContinue')} />
                      <YesNo legend="Is the carer able to carry on caring?" value={carer.able} onChange={(v) => setCarer((c) => ({ ...c, able: v }))} error={fieldError('/carer/ableToContinue')} />
                      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mt: 1 }}>
                        <TextField select label="How much support the carer gives" value={carer.supportLevel} onChange={(e) => setCarer((c) => ({ ...c, supportLevel: e.target.value }))}
                          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }} sx={{ minWidth: 280 }} error={!!fieldError('/carer/supportLevel')} helperText={fieldError('/carer/supportLevel') ?? ' '}>
                          <option value="">Choose…</option>
                          {doc.carerAdjustment.supportLevels.map((l) => <option key={l.id} value={l.id}>{l.label}{l.description ? ` (${l.description})` : ''}</option>)}
                        </TextField>
                        <TextField select label="Impact of caring on the carer" value={carer.impact} onChange={(e) => setCarer((c) => ({ ...c, impact: e.target.value }))}
                          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }} sx={{ minWidth: 280 }} error={!!fieldError('/carer/impact')} helperText={fieldError('/carer/impact') ?? ' '}>
                          <option value="">Choose…</option>
                          {doc.carerAdjustment.impacts.map((l) => <option key={l.id} value={l.id}>{l.label}</option>)}
                        </TextField>
                      </Box>
                      {carerIncomplete && <Typography variant="body2" sx={{ mt: 1 }}>Answer all four carer questions, or untick the box, to see the allocation.</Typography>}
                    </Box>
                  )}
                </>
              )}
            </Paper>
          )}
        </Box>

        <Box component="section" aria-labelledby="calc-result" sx={{ position: { lg: 'sticky' }, top: { lg: 72 } }}>
          <Paper variant="outlined" sx={{ p: 2 }}>
            <Typography id="calc-result" variant="h6" component="h2" gutterBottom>Indicative allocation</Typography>
            <Box role="status" aria-live="polite" aria-atomic="true">
              {busy && <Typography variant="body2" color="text.secondary">Working it out…</Typography>}
              {!busy && !result && !failure && problems.length === 0 && (
                <Typography>{!doc ? 'Choose a scheme and version to start.' : 'Enter the assessment date, client group and age, and answer the questions: the allocation will appear here.'}</Typography>
              )}
              {!busy && !result && unanswered.length > 0 && (
                <Typography>{unanswered.length === 1 ? 'One question is' : `${unanswered.length} questions are`} still to answer before the allocation can be worked out.</Typography>
              )}
              {result && <Amounts result={result} />}
            </Box>
            {failure && <Alert severity="error" sx={{ mt: 1 }}>{failure}</Alert>}
            {otherProblems.length > 0 && (
              <Alert severity="error" sx={{ mt: 1 }}>
                The assessment does not fit this version:
                <ul>{otherProblems.map((p) => <li key={p.pointer + p.code}>{p.message}</li>)}</ul>
              </Alert>
            )}
            {problems.filter((p) => placed.has(p.pointer) && p.code !== 'missing_answer').length > 0 && (
              <Alert severity="warning" sx={{ mt: 1 }}>Some answers need attention: see the messages next to them.</Alert>
            )}
            {result && doc && <Explanation result={result} doc={doc} />}
          </Paper>
        </Box>
      </Box>
    </Box>
  );
}

function versionHelp(v: VersionSummary, inForce: string | undefined) {
  if (v.version === inForce) return 'In force today.';
  if (v.status === 'draft' || v.status === 'submitted') return 'Not ratified: results are for testing only.';
  if (v.status === 'withdrawn') return 'Withdrawn: no longer used.';
  return v.ratification?.effectiveFrom ? `Effective from ${formatDate(v.ratification.effectiveFrom)}.` : ' ';
}

function YesNo({ legend, value, onChange, error }: { legend: string; value: string; onChange: (v: 'yes' | 'no') => void; error?: string }) {
  return (
    <FormControl component="fieldset" error={!!error} sx={{ display: 'block', mt: 1 }}>
      <FormLabel component="legend" sx={{ color: 'text.primary' }}>{legend}</FormLabel>
      <RadioGroup row value={value} onChange={(e) => onChange(e.target.value as 'yes' | 'no')}>
        <FormControlLabel value="yes" control={<Radio size="small" />} label="Yes" />
        <FormControlLabel value="no" control={<Radio size="small" />} label="No" />
      </RadioGroup>
      {error && <FormHelperText>{error}</FormHelperText>}
    </FormControl>
  );
}

function Amounts({ result }: { result: EvaluationResult }) {
  const figures = [
    { label: 'Weekly', pence: result.weeklyPence },
    { label: 'Monthly', pence: result.monthlyPence },
    { label: 'Annual', pence: result.annualPence },
  ];
  return (
    <Box>
      <Box component="dl" sx={{ display: 'flex', gap: 3, flexWrap: 'wrap', m: 0 }} data-testid="amounts">
        {figures.map((f) => (
          <Box key={f.label}>
            <Typography component="dt" variant="body2" color="text.secondary">{f.label}</Typography>
            <Typography component="dd" variant="h5" sx={{ m: 0, fontWeight: 700 }}>{formatPence(f.pence)}</Typography>
          </Box>
        ))}
      </Box>
      <Typography variant="body2" sx={{ mt: 1 }}>
        Worked out in the table's period as {formatPence(result.allocation.pence)} {periodWord[result.allocation.period]}, under {result.provenance.policyId} version {result.provenance.version},
        as at {formatDate(result.asOf)}.
      </Typography>
    </Box>
  );
}

function Explanation({ result, doc }: { result: EvaluationResult; doc: PolicyDocument }) {
  const domains = result.explanation.filter((l) => l.step === 'domain');
  const total = result.explanation.find((l) => l.step === 'total');
  return (
    <Box sx={{ mt: 2 }}>
      {result.flags.length > 0 && (
        <Box component="section" aria-labelledby="calc-flags" sx={{ mb: 2 }}>
          <Typography id="calc-flags" variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>Flags raised</Typography>
          {result.flags.map((f) => (
            <Alert key={f.code} severity={f.severity === 'action' ? 'error' : f.severity === 'review' ? 'warning' : 'info'} sx={{ mb: 1 }}>
              <strong>{f.severity === 'action' ? 'Action needed' : f.severity === 'review' ? 'For review' : 'For information'}:</strong> {f.message}
            </Alert>
          ))}
        </Box>
      )}
      {result.flags.length === 0 && <Typography variant="body2" sx={{ mb: 2 }}>No flags were raised.</Typography>}
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>Points by area of need</Typography>
      <HorizontalBarChart
        caption={`Points by area of need (total ${formatNumber(total?.points ?? result.points.total)})`}
        summary={`Bar chart of points by area of need: ${domains.map((d) => `${d.label} ${formatNumber(d.weightedPoints)}`).join(', ')}.`}
        valueHeading="Points counted" noteHeading="How"
        bars={domains.map((d) => ({
          label: d.label, value: d.weightedPoints, display: formatNumber(d.weightedPoints),
          note: d.weight === 1 ? `${formatNumber(d.rawPoints)} points` : `${formatNumber(d.rawPoints)} points × weight ${formatNumber(d.weight)}`,
        }))} />
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>From points to money</Typography>
      <ExplanationSteps result={result} doc={doc} />
    </Box>
  );
}
