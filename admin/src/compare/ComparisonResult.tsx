/** A finished comparison: costs per version, gainers and losers, breakdowns, histograms, and why. */

import PrintIcon from '@mui/icons-material/Print';
import { Alert, Box, Button, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { Histogram } from '../calculator/charts';
import { formatChange, formatDate, formatNumber, formatPence, formatShare, formatWholePounds } from '../format';
import { useDataProvider } from 'react-admin';
import type { RasDataProvider } from '../dataProvider';
import { messageOf, statusOf } from '../http';
import type { CohortRecord, ComparisonJob, FinishedComparison } from '../comparisonAnswers';
import { PolicyChanges } from '../versions/PolicyChanges';
import type { PairComparison, PairStats, PersonChange } from '../../../engine/cohort/compare';
import type { Histogram as HistogramData } from '../../../engine/cohort/statistics';
import type { ComparisonNames } from './groupNames';

type Pair = PairComparison;

const th = { fontWeight: 600 };

export function ComparisonResult({ job, cohort, names }: { job: FinishedComparison; cohort?: CohortRecord; names: ComparisonNames }) {
  const result = job.result;
  const materiality =
    job.materiality.pence !== undefined
      ? `${formatPence(job.materiality.pence)} a year`
      : job.materiality.percent !== undefined
        ? `${job.materiality.percent}% of the base amount`
        : 'nothing';
  return (
    <Box component="section" aria-labelledby="cmp-results">
      <Typography id="cmp-results" variant="h5" component="h2" gutterBottom>
        Results
      </Typography>
      <Typography sx={{ mb: 1 }}>
        {result.evaluated.toLocaleString('en-GB')} of {result.cohortSize.toLocaleString('en-GB')} people in{' '}
        {cohort ? `"${cohort.name}"` : 'the cohort'} compared under {inWords(job.versions)} of {names.scheme}, as at{' '}
        {formatDate(result.asOf)}. Amounts are a year. A change of at most {materiality} counts as unchanged.
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <DownloadCsv job={job} />
        <Button variant="outlined" startIcon={<PrintIcon />} onClick={() => window.print()}>
          Print the results
        </Button>
      </Box>
      {result.excluded.count > 0 && (
        <Alert severity="warning" sx={{ my: 2 }}>
          {result.excluded.count.toLocaleString('en-GB')} {result.excluded.count === 1 ? 'person was' : 'people were'} left out because a
          version could not work out their amount, for example:
          <ul>
            {result.excluded.examples.slice(0, 5).map((x) => (
              <li key={x.ref + x.version}>
                {x.ref} under {x.version}: {x.reason}
              </li>
            ))}
          </ul>
        </Alert>
      )}

      <Paper variant="outlined" component="section" aria-labelledby="cmp-cost" sx={{ p: 2, my: 2, overflowX: 'auto' }}>
        <Typography id="cmp-cost" variant="h6" component="h3" gutterBottom>
          Cost of each version
        </Typography>
        <Table size="small">
          <caption style={{ captionSide: 'top', textAlign: 'left', padding: 0 }}>Annual amounts over the people compared</caption>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col" sx={th}>
                Version
              </TableCell>
              <TableCell component="th" scope="col" sx={th} align="right">
                Total a year
              </TableCell>
              <TableCell component="th" scope="col" sx={th} align="right">
                Mean
              </TableCell>
              <TableCell component="th" scope="col" sx={th} align="right">
                Median
              </TableCell>
              <TableCell component="th" scope="col" sx={th} align="right">
                90th percentile
              </TableCell>
              <TableCell component="th" scope="col" sx={th} align="right">
                Largest
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {result.versions.map((v) => (
              <TableRow key={v.version}>
                <TableCell component="th" scope="row">
                  {v.version}
                </TableCell>
                <TableCell align="right">{formatPence(v.summary.totalPence)}</TableCell>
                <TableCell align="right">{formatPence(v.summary.meanPence)}</TableCell>
                <TableCell align="right">{formatPence(v.summary.medianPence)}</TableCell>
                <TableCell align="right">{formatPence(v.summary.p90Pence)}</TableCell>
                <TableCell align="right">{formatPence(v.summary.maxPence)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {result.versions.some((v) => v.currentCost) && (
          <Box component="ul" sx={{ mt: 1 }}>
            {result.versions
              .filter((v) => v.currentCost)
              .map((v) => (
                <li key={v.version}>
                  <Typography variant="body2" component="span">
                    Against what people cost now ({v.currentCost!.people.toLocaleString('en-GB')} with a current cost): under {v.version},{' '}
                    {formatNumber(v.currentCost!.above)} would get more, {formatNumber(v.currentCost!.below)} less and{' '}
                    {formatNumber(v.currentCost!.equal)} the same; mean difference {formatChange(v.currentCost!.meanDifferencePence)}.
                  </Typography>
                </li>
              ))}
          </Box>
        )}
        {result.versions.map((v) => (
          <Histogram
            key={v.version}
            caption={`How many people get how much a year under ${v.version}`}
            summary={`Histogram of annual allocations under ${v.version}, from ${formatWholePounds(v.histogram.bins[0]?.fromPence ?? 0)} to ${formatWholePounds(v.histogram.bins[v.histogram.bins.length - 1]?.toPence ?? 0)}; the most common range is ${modeRange(v.histogram)}.`}
            rangeHeading="Annual amount"
            bins={v.histogram.bins.map((b) => ({
              fromLabel: formatWholePounds(b.fromPence),
              toLabel: formatWholePounds(b.toPence),
              count: b.count,
            }))}
          />
        ))}
      </Paper>

      {result.pairs.map((pair, k) => (
        <PairView key={pair.candidate} pair={pair} attribution={result.attribution[k]} names={names} />
      ))}
    </Box>
  );
}

/** "2009-pilot and 2010-revised"; "a, b and c". */
const inWords = (items: readonly string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

function modeRange(h: HistogramData) {
  const top = h.bins.reduce<HistogramData['bins'][number] | null>((a, b) => (!a || b.count > a.count ? b : a), null);
  return top ? `${formatWholePounds(top.fromPence)} to ${formatWholePounds(top.toPence)} (${formatNumber(top.count)} people)` : 'none';
}

function PairView({
  pair,
  attribution,
  names,
}: {
  pair: Pair;
  attribution?: FinishedComparison['result']['attribution'][number];
  names: ComparisonNames;
}) {
  const o = pair.overall;
  const id = `cmp-pair-${pair.candidate}`;
  return (
    <Paper variant="outlined" component="section" aria-labelledby={id} sx={{ p: 2, my: 2, overflowX: 'auto' }}>
      <Typography id={id} variant="h6" component="h3" gutterBottom>
        {pair.candidate} compared with {pair.base}
      </Typography>
      <Box component="dl" sx={{ display: 'flex', gap: 4, flexWrap: 'wrap', m: 0, mb: 2 }} data-testid={`gainers-losers-${pair.candidate}`}>
        <Figure label="Gain" value={`${o.gainers.toLocaleString('en-GB')} people`} note={formatShare(o.gainersShare)} />
        <Figure label="Lose" value={`${o.losers.toLocaleString('en-GB')} people`} note={formatShare(o.losersShare)} />
        <Figure label="Unchanged" value={`${o.unchanged.toLocaleString('en-GB')} people`} note={formatShare(o.unchangedShare)} />
        <Figure
          label="Change in total cost"
          value={formatChange(o.totalChangePence)}
          note={`${formatPence(o.totalBasePence)} → ${formatPence(o.totalCandidatePence)} a year`}
        />
        <Figure label="Average change" value={formatChange(o.meanChangePence)} note="a person a year" />
      </Box>

      <Typography variant="subtitle1" component="h4" sx={{ fontWeight: 600 }}>
        What changed in the policy
      </Typography>
      <PolicyChanges changes={pair.policyChanges} />

      {attribution && attribution.steps.length > 0 && (
        <>
          <Typography variant="subtitle1" component="h4" sx={{ fontWeight: 600, mt: 2 }}>
            Which change caused how much
          </Typography>
          <Typography variant="body2" sx={{ mb: 1 }}>
            The changes were applied one at a time, in this order; each row is what that step added to the total.
          </Typography>
          <Table size="small" sx={{ maxWidth: 900 }}>
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col" sx={th}>
                  Step
                </TableCell>
                <TableCell component="th" scope="col" sx={th}>
                  Changes in it
                </TableCell>
                <TableCell component="th" scope="col" sx={th} align="right">
                  Change a year
                </TableCell>
                <TableCell component="th" scope="col" sx={th} align="right">
                  People affected
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {attribution.steps.map((s) => (
                <TableRow key={s.id}>
                  <TableCell component="th" scope="row">
                    {s.label}
                  </TableCell>
                  <TableCell>{s.changes.map((c) => c.description).join('; ') || '—'}</TableCell>
                  <TableCell align="right">{formatChange(s.totalAnnualChangePence)}</TableCell>
                  <TableCell align="right">{s.peopleAffected.toLocaleString('en-GB')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}

      <Breakdown title="By client group" heading="Client group" rows={pair.byClientGroup} nameOf={names.clientGroup} />
      <Breakdown title="By age band" heading="Age band" rows={pair.byAgeBand} nameOf={(band) => band} />

      <Histogram
        caption={`How much people's annual amounts change from ${pair.base} to ${pair.candidate}`}
        summary={`Histogram of annual changes: ${formatNumber(o.losers)} people lose, ${formatNumber(o.unchanged)} are unchanged and ${formatNumber(o.gainers)} gain; the most common change is ${modeRange(pair.changeHistogram)}.`}
        rangeHeading="Change a year"
        bins={pair.changeHistogram.bins.map((b) => ({
          fromLabel: formatChange(b.fromPence),
          toLabel: formatChange(b.toPence),
          count: b.count,
          negative: b.toPence <= 0,
        }))}
      />

      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
        <People title="Largest losses" people={pair.largestLosses} empty="No one loses." names={names} />
        <People title="Largest gains" people={pair.largestGains} empty="No one gains." names={names} />
      </Box>
    </Paper>
  );
}

function Figure({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <Box>
      <Typography component="dt" variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" sx={{ m: 0 }}>
        <Box component="span" sx={{ fontSize: '1.25rem', fontWeight: 700 }}>
          {value}
        </Box>{' '}
        <Box component="span" sx={{ color: 'text.secondary' }}>
          ({note})
        </Box>
      </Typography>
    </Box>
  );
}

function Breakdown({
  title,
  heading,
  rows,
  nameOf,
}: {
  title: string;
  heading: string;
  rows: Record<string, PairStats>;
  nameOf: (group: string) => string;
}) {
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="subtitle1" component="h4" sx={{ fontWeight: 600 }}>
        {title}
      </Typography>
      <Table size="small" sx={{ maxWidth: 1000 }}>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col" sx={th}>
              {heading}
            </TableCell>
            <TableCell component="th" scope="col" sx={th} align="right">
              People
            </TableCell>
            <TableCell component="th" scope="col" sx={th} align="right">
              Gain
            </TableCell>
            <TableCell component="th" scope="col" sx={th} align="right">
              Lose
            </TableCell>
            <TableCell component="th" scope="col" sx={th} align="right">
              Unchanged
            </TableCell>
            <TableCell component="th" scope="col" sx={th} align="right">
              Change in total
            </TableCell>
            <TableCell component="th" scope="col" sx={th} align="right">
              Average change
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {Object.entries(rows)
            .map(([group, s]) => [nameOf(group), s] as const)
            .sort(([x], [y]) => x.localeCompare(y, 'en-GB', { numeric: true }))
            .map(([name, s]) => (
              <TableRow key={name}>
                <TableCell component="th" scope="row">
                  {name}
                </TableCell>
                <TableCell align="right">{s.people.toLocaleString('en-GB')}</TableCell>
                <TableCell align="right">
                  {formatNumber(s.gainers)} ({formatShare(s.gainersShare)})
                </TableCell>
                <TableCell align="right">
                  {formatNumber(s.losers)} ({formatShare(s.losersShare)})
                </TableCell>
                <TableCell align="right">
                  {formatNumber(s.unchanged)} ({formatShare(s.unchangedShare)})
                </TableCell>
                <TableCell align="right">{formatChange(s.totalChangePence)}</TableCell>
                <TableCell align="right">{formatChange(s.meanChangePence)}</TableCell>
              </TableRow>
            ))}
        </TableBody>
      </Table>
    </Box>
  );
}

function People({ title, people, empty, names }: { title: string; people: PersonChange[]; empty: string; names: ComparisonNames }) {
  return (
    <Box>
      <Typography variant="subtitle1" component="h4" sx={{ fontWeight: 600 }}>
        {title}
      </Typography>
      {people.length === 0 ? (
        <Typography>{empty}</Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col" sx={th}>
                Reference
              </TableCell>
              <TableCell component="th" scope="col" sx={th}>
                Group, age
              </TableCell>
              <TableCell component="th" scope="col" sx={th} align="right">
                Before
              </TableCell>
              <TableCell component="th" scope="col" sx={th} align="right">
                After
              </TableCell>
              <TableCell component="th" scope="col" sx={th} align="right">
                Change
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {people.map((p) => (
              <TableRow key={p.ref}>
                <TableCell component="th" scope="row">
                  {p.ref}
                </TableCell>
                <TableCell>
                  {names.clientGroup(p.clientGroup)}, {p.ageBand}
                </TableCell>
                <TableCell align="right">{formatPence(p.basePence)}</TableCell>
                <TableCell align="right">{formatPence(p.candidatePence)}</TableCell>
                <TableCell align="right">{formatChange(p.changePence)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}

/** The per-person CSV needs the bearer token, so it is fetched and saved as a file from a blob. */
function DownloadCsv({ job }: { job: ComparisonJob }) {
  const dataProvider = useDataProvider<RasDataProvider>();
  const [state, setState] = useState<'idle' | 'busy' | 'done' | string>('idle');
  const download = async () => {
    setState('busy');
    try {
      const { blob, fileName } = await dataProvider.comparisonCsv(job).catch((e) => {
        throw statusOf(e) === 404 ? new Error('The comparison is no longer kept on the server: run it again.') : e;
      });
      const name = fileName ?? `comparison-${job.id}.csv`;
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState('done');
    } catch (e) {
      setState(messageOf(e));
    }
  };
  return (
    <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
      <Button variant="outlined" onClick={download} disabled={state === 'busy'}>
        Download CSV (one row per person)
      </Button>
      <Box role="status">
        {state === 'done' && <Typography variant="body2">The CSV has been saved to your downloads.</Typography>}
        {state !== 'idle' && state !== 'busy' && state !== 'done' && (
          <Typography variant="body2" color="error">
            {state}
          </Typography>
        )}
      </Box>
    </Box>
  );
}
