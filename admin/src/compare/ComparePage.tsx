/**
 * Compare versions of a scheme over a cohort: who gains, who loses, what it costs, and why.
 * The server runs the comparison as a job; the page polls it and shows progress until it is done.
 */

import {
  Alert,
  Box,
  Button,
  Checkbox,
  CircularProgress,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  LinearProgress,
  Paper,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Title, usePermissions } from 'react-admin';
import type { Access } from '../authProvider';
import { todayIso } from '../format';
import { statusWords } from '../versions/status';
import { useDataProvider } from 'react-admin';
import { type PolicySummary, type RasDataProvider, type VersionSummary, versionId } from '../dataProvider';
import type { Policy } from '../../../engine/policy';
import { messageOf, problemsOf } from '../http';
import { csvProblemText } from './csvProblemText';
import type { CohortRecord, ComparisonJob, FinishedComparison } from '../comparisonAnswers';
import { ComparisonResult } from './ComparisonResult';
import { useComparisonNames } from './groupNames';

export function ComparePage() {
  const dataProvider = useDataProvider<RasDataProvider>();
  // Offered only what the server allows this person (GET /api/auth/me): a ratifier compares but adds no cohort.
  const { permissions } = usePermissions<Access>();
  const mayAddCohorts = permissions?.actions.includes('cohort.manage') ?? false;
  const [policies, setPolicies] = useState<PolicySummary[] | null>(null);
  const [policyId, setPolicyId] = useState('');
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [cohorts, setCohorts] = useState<CohortRecord[] | null>(null);
  const [cohortId, setCohortId] = useState('');
  const today = todayIso();
  const [asOf, setAsOf] = useState(today);
  const [materialityKind, setMaterialityKind] = useState<'pounds' | 'percent'>('pounds');
  const [materiality, setMateriality] = useState('0');
  const [attribution, setAttribution] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [job, setJob] = useState<ComparisonJob | null>(null);
  const [starting, setStarting] = useState(false);

  const loadCohorts = useCallback(
    (select?: string) =>
      dataProvider
        .getList<CohortRecord>('cohorts', {
          pagination: { page: 1, perPage: 1000 },
          sort: { field: 'createdAt', order: 'ASC' },
          filter: {},
        })
        .then(({ data: list }) => {
          setCohorts(list);
          setCohortId((c) => select ?? (c && list.some((x) => x.id === c) ? c : (list[list.length - 1]?.id ?? '')));
        })
        .catch((e) => {
          setCohorts([]);
          setError(messageOf(e));
        }),
    [dataProvider],
  );

  useEffect(() => {
    dataProvider
      .policyList()
      .then((list) => {
        setPolicies(list);
        if (list[0]) setPolicyId((p) => p || list[0]!.id);
      })
      .catch((e) => setError(messageOf(e)));
    loadCohorts();
  }, [dataProvider, loadCohorts]);

  useEffect(() => {
    if (!policyId) return;
    dataProvider
      .versionList(policyId)
      .then((list) => {
        setVersions(list);
        const usable = list.filter((v) => v.status !== 'withdrawn');
        setChosen(usable.slice(-2).map((v) => v.version));
      })
      .catch((e) => setError(messageOf(e)));
  }, [dataProvider, policyId]);

  // Poll the job until it is done or failed.
  const polling = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (polling.current) clearTimeout(polling.current);
    },
    [],
  );
  const poll = (id: string) => {
    dataProvider
      .comparison(id)
      .then((j) => {
        setJob(j);
        if (j.status !== 'done' && j.status !== 'failed') polling.current = setTimeout(() => poll(id), 400);
      })
      .catch((e) => setError(messageOf(e)));
  };

  const run = async () => {
    setError(null);
    setFieldErrors({});
    const problems: Record<string, string> = {};
    if (chosen.length < 2) problems.versions = 'Choose at least two versions to compare.';
    if (!cohortId) problems.cohortId = 'Choose a cohort, or make one below.';
    const amount = Number(materiality || '0');
    if (!(amount >= 0) || (materialityKind === 'percent' && amount > 100))
      problems.materiality = materialityKind === 'percent' ? 'Give a percentage from 0 to 100.' : 'Give an amount of £0 or more.';
    if (Object.keys(problems).length) {
      setFieldErrors(problems);
      return;
    }
    const ordered = versions.map((v) => v.version).filter((v) => chosen.includes(v));
    setStarting(true);
    setJob(null);
    try {
      const started = await dataProvider.startComparison({
        policyId,
        versions: ordered,
        cohortId,
        asOf,
        materiality: { [materialityKind]: amount },
        attribution,
      });
      setJob(started);
      poll(started.id);
    } catch (e) {
      const problems = problemsOf(e);
      if (problems.length) setFieldErrors(Object.fromEntries(problems.map((x) => [x.pointer.split('/')[1] ?? '', x.message])));
      setError(messageOf(e));
    } finally {
      setStarting(false);
    }
  };

  const cohort = cohorts?.find((c) => c.id === cohortId);
  const running = job && job.status !== 'done' && job.status !== 'failed';

  return (
    <Box sx={{ p: { xs: 1, md: 2 } }}>
      <Title title="Compare versions" />
      <Typography variant="h4" component="h1" gutterBottom>
        Compare versions over a cohort
      </Typography>
      <Typography sx={{ mb: 2, maxWidth: '75ch' }}>
        See what a change of policy would mean for a group of people: the cost of each version, who would gain or lose, by how much, and
        which change caused it. A cohort is a set of anonymised assessments; a synthetic one is made up for trying things out, never for
        decisions.
      </Typography>
      {error && (
        <Alert severity="error" sx={{ mb: 2 }} onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      <Paper variant="outlined" component="section" aria-labelledby="cmp-setup" sx={{ p: 2, mb: 2 }} className="no-print">
        <Typography id="cmp-setup" variant="h6" component="h2" gutterBottom>
          What to compare
        </Typography>
        {!policies ? (
          <CircularProgress size={24} aria-label="Loading schemes" />
        ) : (
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
            <Box>
              <TextField
                select
                label="Scheme"
                value={policyId}
                onChange={(e) => setPolicyId(e.target.value)}
                fullWidth
                slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
              >
                {policies.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.title}
                  </option>
                ))}
              </TextField>
              <FormControl component="fieldset" error={!!fieldErrors.versions} sx={{ mt: 2 }}>
                <FormLabel component="legend">Versions (the first chosen is the base the others are compared with)</FormLabel>
                <FormGroup>
                  {versions.map((v) => (
                    <FormControlLabel
                      key={v.version}
                      label={`${v.version} (${statusWords(v, today).label.toLowerCase()})`}
                      control={
                        <Checkbox
                          checked={chosen.includes(v.version)}
                          name={`version-${v.version}`}
                          onChange={(e) => setChosen((c) => (e.target.checked ? [...c, v.version] : c.filter((x) => x !== v.version)))}
                        />
                      }
                    />
                  ))}
                </FormGroup>
                {fieldErrors.versions && <FormHelperText>{fieldErrors.versions}</FormHelperText>}
              </FormControl>
            </Box>
            <Box>
              <TextField
                select
                label="Cohort"
                value={cohortId}
                onChange={(e) => setCohortId(e.target.value)}
                fullWidth
                slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
                error={!!fieldErrors.cohortId}
                helperText={
                  fieldErrors.cohortId ??
                  (cohorts?.length === 0
                    ? `There are no cohorts yet${mayAddCohorts ? ': make a synthetic one or upload a CSV below' : ''}.`
                    : cohort
                      ? `${cohort.people.toLocaleString('en-GB')} people; ${cohort.description ?? cohort.source}`
                      : ' ')
                }
              >
                <option value="">{cohorts?.length ? 'Choose a cohort…' : 'No cohorts yet'}</option>
                {cohorts?.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} ({c.people.toLocaleString('en-GB')} people)
                  </option>
                ))}
              </TextField>
              <TextField
                type="date"
                label="As at (uplifts in force on this date apply)"
                value={asOf}
                onChange={(e) => setAsOf(e.target.value)}
                sx={{ mt: 2 }}
                fullWidth
                slotProps={{ inputLabel: { shrink: true } }}
                error={!!fieldErrors.asOf}
                helperText={fieldErrors.asOf ?? ' '}
              />
              <FormControl component="fieldset" sx={{ mt: 1 }}>
                <FormLabel component="legend">Count a change as "unchanged" when it is at most</FormLabel>
                <RadioGroup row value={materialityKind} onChange={(e) => setMaterialityKind(e.target.value as 'pounds' | 'percent')}>
                  <FormControlLabel value="pounds" control={<Radio />} label="pounds a year" />
                  <FormControlLabel value="percent" control={<Radio />} label="per cent of the base amount" />
                </RadioGroup>
              </FormControl>
              <TextField
                label={materialityKind === 'pounds' ? 'Materiality (£ a year)' : 'Materiality (%)'}
                value={materiality}
                onChange={(e) => setMateriality(e.target.value)}
                slotProps={{ htmlInput: { inputMode: 'decimal' } }}
                error={!!fieldErrors.materiality}
                helperText={fieldErrors.materiality ?? '0 means any change at all counts.'}
              />
              <Box>
                <FormControlLabel
                  control={<Checkbox checked={attribution} onChange={(e) => setAttribution(e.target.checked)} />}
                  label="Show which policy change caused how much of the difference (attribution)"
                />
              </Box>
            </Box>
          </Box>
        )}
        <Box sx={{ mt: 2, display: 'flex', gap: 2, alignItems: 'center' }}>
          <Button variant="contained" onClick={run} disabled={starting || !!running || !policies}>
            Run the comparison
          </Button>
        </Box>
        {job && running && (
          <Box sx={{ mt: 2 }} role="status">
            <Typography variant="body2" id="cmp-progress-label">
              Comparing… {job.progress.done.toLocaleString('en-GB')} of {job.progress.total.toLocaleString('en-GB')} people
            </Typography>
            <LinearProgress
              variant={job.progress.total ? 'determinate' : 'indeterminate'}
              value={job.progress.total ? (100 * job.progress.done) / job.progress.total : 0}
              aria-labelledby="cmp-progress-label"
              sx={{ mt: 1, height: 8 }}
            />
          </Box>
        )}
        {job?.status === 'failed' && (
          <Alert severity="error" sx={{ mt: 2 }}>
            The comparison failed: {job.error ?? 'no reason was given'}.
          </Alert>
        )}
      </Paper>

      {mayAddCohorts ? (
        <CohortTools policyId={policyId} versions={versions} defaultVersion={chosen[0] ?? ''} onCreated={(c) => loadCohorts(c.id)} />
      ) : (
        <Typography sx={{ mb: 2 }} className="no-print">
          Cohorts are added by policy officers and scrutiny members; compare over any cohort already here.
        </Typography>
      )}

      {job?.status === 'done' && (
        <FinishedResult job={job} cohort={cohort} schemeTitle={policies?.find((p) => p.id === job.policyId)?.title ?? ''} />
      )}
    </Box>
  );
}

/** A finished comparison, read by the names of its scheme and client groups. */
function FinishedResult({ job, cohort, schemeTitle }: { job: FinishedComparison; cohort?: CohortRecord; schemeTitle: string }) {
  const names = useComparisonNames(job.policyId, job.versions, schemeTitle);
  return <ComparisonResult job={job} cohort={cohort} names={names} />;
}

/** Make a synthetic cohort, or upload one as CSV. */
function CohortTools({
  policyId,
  versions,
  defaultVersion,
  onCreated,
}: {
  policyId: string;
  versions: VersionSummary[];
  defaultVersion: string;
  onCreated: (c: CohortRecord) => void;
}) {
  const [version, setVersion] = useState('');
  const [size, setSize] = useState('1000');
  const [seed, setSeed] = useState('1');
  const [name, setName] = useState('');
  const [csvName, setCsvName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [templateVersion, setTemplateVersion] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string; details?: string[] } | null>(null);
  const dataProvider = useDataProvider<RasDataProvider>();
  const useVersion = version || defaultVersion;

  const generate = async () => {
    setMessage(null);
    const n = Number(size);
    const s = Number(seed);
    if (!Number.isInteger(n) || n < 1 || n > 1_000_000) {
      setMessage({ ok: false, text: 'The size must be a whole number from 1 to 1,000,000.' });
      return;
    }
    if (!Number.isInteger(s) || s < 0) {
      setMessage({ ok: false, text: 'The seed must be a whole number, 0 or more.' });
      return;
    }
    setBusy(true);
    try {
      const { data: record } = await dataProvider.create<CohortRecord>('cohorts', {
        data: {
          policyId,
          version: useVersion,
          size: n,
          seed: s,
          name: name.trim() || `Synthetic, from ${useVersion}: ${n.toLocaleString('en-GB')} people, seed ${s}`,
        },
      });
      setMessage({ ok: true, text: `Made "${record.name}" with ${record.people.toLocaleString('en-GB')} people, and chose it above.` });
      onCreated(record);
    } catch (e) {
      setMessage({ ok: false, text: messageOf(e), details: problemsOf(e).map((x) => x.message) });
    } finally {
      setBusy(false);
    }
  };

  const forTemplate = templateVersion || defaultVersion;
  /** A template CSV for the chosen version, made here from its questionnaires, saved as a file. */
  const downloadTemplate = async () => {
    setMessage(null);
    try {
      const [{ data }, { cohortTemplateCsv, cohortTemplateName }] = await Promise.all([
        dataProvider.getOne<{ id: string; document: Policy }>('versions', { id: versionId(policyId, forTemplate) }),
        import('./cohortTemplate'),
      ]);
      const url = URL.createObjectURL(new Blob([cohortTemplateCsv(data.document)], { type: 'text/csv' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = cohortTemplateName(policyId, forTemplate);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setMessage({ ok: false, text: `The template could not be made: ${messageOf(e)}` });
    }
  };

  const upload = async () => {
    setMessage(null);
    if (!file) {
      setMessage({ ok: false, text: 'Choose a CSV file first.' });
      return;
    }
    if (!csvName.trim()) {
      setMessage({ ok: false, text: 'Give the uploaded cohort a name.' });
      return;
    }
    setBusy(true);
    try {
      const text = await file.text();
      const record = await dataProvider.importCohortCsv(text, csvName.trim(), policyId);
      setMessage({
        ok: true,
        text: `Uploaded "${record.name}" with ${record.people.toLocaleString('en-GB')} ${record.people === 1 ? 'person' : 'people'}, and chose it above.`,
      });
      onCreated(record);
    } catch (e) {
      setMessage({
        ok: false,
        text: messageOf(e),
        details: problemsOf(e).slice(0, 20).map(csvProblemText),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper variant="outlined" component="section" aria-labelledby="cmp-cohorts" sx={{ p: 2, mb: 2 }} className="no-print">
      <Typography id="cmp-cohorts" variant="h6" component="h2" gutterBottom>
        Add a cohort
      </Typography>
      <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
        <Box component="section" aria-labelledby="cmp-generate">
          <Typography id="cmp-generate" variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
            Generate a synthetic cohort
          </Typography>
          <Typography variant="body2" sx={{ mb: 1 }}>
            Made-up people whose answers fit a version of this scheme. The same seed always gives the same people.
          </Typography>
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
            <VersionSelect label="Based on version" versions={versions} value={useVersion} onChange={setVersion} />
            <TextField
              label="Number of people"
              value={size}
              onChange={(e) => setSize(e.target.value)}
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              sx={{ width: 160 }}
            />
            <TextField
              label="Seed"
              value={seed}
              onChange={(e) => setSeed(e.target.value)}
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              sx={{ width: 120 }}
            />
            <TextField label="Name (optional)" value={name} onChange={(e) => setName(e.target.value)} sx={{ minWidth: 220 }} />
          </Box>
          <Button variant="outlined" sx={{ mt: 1 }} onClick={generate} disabled={busy || !policyId || !useVersion}>
            Generate a synthetic cohort
          </Button>
        </Box>
        <Box component="section" aria-labelledby="cmp-upload">
          <Typography id="cmp-upload" variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
            Upload a cohort as CSV
          </Typography>
          <Typography variant="body2" sx={{ mb: 1 }}>
            One row per person with the columns ref, clientGroup, ageBand (such as 65-74 or 85+), optionally carerWilling, carerAble,
            carerSupportLevel, carerImpact and currentAnnualCost, then one column per question holding the answer's id. No names: references
            only.
          </Typography>
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center', mb: 1 }}>
            <VersionSelect label="Template for version" versions={versions} value={forTemplate} onChange={setTemplateVersion} />
            <Button variant="text" onClick={downloadTemplate} disabled={busy || !policyId || !forTemplate}>
              Download a template CSV
            </Button>
          </Box>
          <Typography variant="body2" sx={{ mb: 1 }}>
            The template has the heading row for that version and one made-up example person: fill in a row per person.
          </Typography>
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
            <Box>
              <Typography component="label" htmlFor="cmp-csv-file" variant="body2" sx={{ display: 'block' }}>
                CSV file
              </Typography>
              <input id="cmp-csv-file" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            </Box>
            <TextField label="Cohort name" value={csvName} onChange={(e) => setCsvName(e.target.value)} />
          </Box>
          <Button variant="outlined" sx={{ mt: 1 }} onClick={upload} disabled={busy}>
            Upload the CSV
          </Button>
        </Box>
      </Box>
      {busy && <LinearProgress sx={{ mt: 2 }} aria-label="Working" />}
      <Box role="status" sx={{ mt: message ? 2 : 0 }}>
        {message && (
          <Alert severity={message.ok ? 'success' : 'error'}>
            {message.text}
            {message.details && message.details.length > 0 && (
              <ul>
                {message.details.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ul>
            )}
          </Alert>
        )}
      </Box>
    </Paper>
  );
}

/** One of the scheme's versions, chosen by its name. */
function VersionSelect({
  label,
  versions,
  value,
  onChange,
}: {
  label: string;
  versions: VersionSummary[];
  value: string;
  onChange: (version: string) => void;
}) {
  return (
    <TextField
      select
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
    >
      {versions.map((v) => (
        <option key={v.version} value={v.version}>
          {v.version}
        </option>
      ))}
    </TextField>
  );
}
