/**
 * The published RAS: public pages, no sign-in, outside the console's layout. Written for a person or
 * family to follow how a personal budget is worked out, and printable.
 */

import { Alert, Box, CircularProgress, Container, Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect, useState, type ReactNode } from 'react';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { answerLabel } from '../calculator/CalculatorPage';
import { formatDate, formatNumber, formatPence, formatPrice, periodWord, roundingWords } from '../calculator/format';
import { appliesToWords, type PolicyDocument, type Pricing } from '../calculator/types';

interface PublishedScheme {
  id: string; title: string; council: string;
  inForce: { version: string; effectiveFrom: string } | null;
  versions: Array<{ version: string; status: string; effectiveFrom: string }>;
}
interface PublishedVersion {
  policyId: string; version: string; status: string; contentHash: string; document: PolicyDocument;
  ratification: { body: string; decisionDate: string; minuteReference: string; rationale: string; effectiveFrom: string; equalityImpact?: string };
  superseded: { by: string; from: string } | null;
}

const PRINT_CSS = `
@media print {
  .no-print { display: none !important; }
  body { background: #fff !important; }
  a { color: #000 !important; text-decoration: none !important; }
  table { page-break-inside: auto; } tr { page-break-inside: avoid; }
  h2, h3 { page-break-after: avoid; }
  details > *:not(summary) { display: block !important; }
}
.published-page a:focus-visible, .published-page button:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
`;

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path);
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.detail ?? `The page could not be loaded (status ${res.status}).`);
  return body as T;
}

function Shell({ title, children }: { title: string; children: ReactNode }) {
  useEffect(() => { document.title = `${title} | Published RAS`; }, [title]);
  return (
    <Box className="published-page" sx={{ bgcolor: '#fff', color: '#1f1f1f', minHeight: '100vh' }}>
      <style>{PRINT_CSS}</style>
      <Box component="a" href="#main" className="no-print" sx={{ position: 'absolute', left: -9999, '&:focus': { left: 8, top: 8, zIndex: 10, bgcolor: '#ffbf47', color: '#000', p: 1 } }}>
        Skip to the main content
      </Box>
      <Box component="header" sx={{ bgcolor: '#0b3d6e', color: '#fff', py: 2 }}>
        <Container maxWidth="md">
          <Typography component="p" sx={{ fontWeight: 700, fontSize: '1.1rem' }}>How personal budgets are worked out</Typography>
          <Box component="nav" aria-label="Published schemes" className="no-print">
            <Link component={RouterLink} to="/published" sx={{ color: '#fff', textDecorationColor: '#fff' }}>All published schemes</Link>
          </Box>
        </Container>
      </Box>
      <Container component="main" id="main" tabIndex={-1} maxWidth="md" sx={{ py: 3, outline: 'none' }}>
        {children}
      </Container>
      <Box component="footer" sx={{ borderTop: '1px solid #b1b4b6', py: 2 }}>
        <Container maxWidth="md">
          <Typography variant="body2">
            An indicative personal budget is a starting point for planning your support, not a final decision. Your social worker
            will agree your actual budget with you in your support plan.
          </Typography>
        </Container>
      </Box>
    </Box>
  );
}

export function PublishedIndex() {
  const [schemes, setSchemes] = useState<PublishedScheme[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { getJson<PublishedScheme[]>('/api/public/policies').then(setSchemes).catch((e) => setError(e.message)); }, []);
  return (
    <Shell title="Published schemes">
      <Typography variant="h3" component="h1" gutterBottom sx={{ fontSize: { xs: '2rem', md: '2.5rem' } }}>Published resource allocation schemes</Typography>
      <Typography sx={{ mb: 3 }}>
        A resource allocation scheme turns the answers to a needs assessment into an indicative personal budget: an early estimate of
        the money needed to meet your eligible care and support needs. Each scheme below was agreed by the council and is published here
        so that anyone can see how it works.
      </Typography>
      {error && <Alert severity="error">{error}</Alert>}
      {!schemes && !error && <CircularProgress aria-label="Loading the published schemes" />}
      {schemes?.length === 0 && <Typography>No scheme has been published yet.</Typography>}
      {schemes?.map((s) => {
        const others = s.versions.filter((v) => v.version !== s.inForce?.version).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
        return (
          <Box component="section" key={s.id} aria-labelledby={`scheme-${s.id}`} sx={{ mb: 4, pb: 2, borderBottom: '1px solid #b1b4b6' }}>
            <Typography id={`scheme-${s.id}`} variant="h5" component="h2" gutterBottom>{s.title}</Typography>
            <Typography sx={{ mb: 1 }}>{s.council}</Typography>
            {s.inForce ? (
              <Typography>
                In use today:{' '}
                <Link component={RouterLink} to={`/published/${encodeURIComponent(s.id)}/${encodeURIComponent(s.inForce.version)}`}>
                  version {s.inForce.version}
                </Link>
                , in force since {formatDate(s.inForce.effectiveFrom)}.
              </Typography>
            ) : <Typography>No version of this scheme is in force today.</Typography>}
            {others.length > 0 && (
              <>
                <Typography sx={{ mt: 1 }}>Other published versions:</Typography>
                <Box component="ul" sx={{ mt: 0 }}>
                  {others.map((v) => (
                    <li key={v.version}>
                      <Link component={RouterLink} to={`/published/${encodeURIComponent(s.id)}/${encodeURIComponent(v.version)}`}>version {v.version}</Link>
                      {' '}({v.status === 'superseded' ? 'replaced; was' : v.effectiveFrom > todayText() ? 'will be' : ''} in force from {formatDate(v.effectiveFrom)})
                    </li>
                  ))}
                </Box>
              </>
            )}
          </Box>
        );
      })}
    </Shell>
  );
}

const todayText = () => new Date().toISOString().slice(0, 10);

export function PublishedPage() {
  const { policyId = '', version = '' } = useParams();
  const [data, setData] = useState<PublishedVersion | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setData(null);
    setError(null);
    getJson<PublishedVersion>(`/api/public/policies/${encodeURIComponent(policyId)}/versions/${encodeURIComponent(version)}`).then(setData).catch((e) => setError(e.message));
  }, [policyId, version]);

  if (error) return <Shell title="Not found"><Typography variant="h3" component="h1" gutterBottom>Scheme not found</Typography><Alert severity="error">{error}</Alert></Shell>;
  if (!data) return <Shell title="Loading"><Typography variant="h3" component="h1" gutterBottom>Loading the scheme…</Typography><CircularProgress aria-label="Loading" /></Shell>;
  const doc = data.document;
  const r = data.ratification;
  return (
    <Shell title={`${doc.title}, version ${data.version}`}>
      <Typography variant="h3" component="h1" gutterBottom sx={{ fontSize: { xs: '2rem', md: '2.5rem' } }}>{doc.title}</Typography>
      <Typography variant="h6" component="p" gutterBottom>{doc.council}, version {data.version}</Typography>
      {data.superseded ? (
        <Alert severity="info" sx={{ mb: 2 }}>This version was replaced by <Link component={RouterLink} to={`/published/${encodeURIComponent(data.policyId)}/${encodeURIComponent(data.superseded.by)}`}>version {data.superseded.by}</Link> from {formatDate(data.superseded.from)}.</Alert>
      ) : <Typography sx={{ mb: 2 }}>In force from {formatDate(r.effectiveFrom)}.</Typography>}
      {doc.description && <Typography sx={{ mb: 2 }}>{doc.description}</Typography>}
      <Box component="nav" aria-label="On this page" className="no-print" sx={{ mb: 3 }}>
        <Typography component="h2" variant="h6">On this page</Typography>
        <Box component="ol" sx={{ mt: 0 }}>
          {[['questions', 'The questions and their points'], ['money', 'How points become money'], ['carer', 'If you have an unpaid carer'], ['uplifts', 'Yearly increases (uplifts)'], ['rounding', 'Rounding and weekly, monthly and yearly amounts'], ['decision', 'Who agreed this scheme']]
            .map(([id, text]) => <li key={id}><Link href={`#${id}`} onClick={(e) => { e.preventDefault(); document.getElementById(id!)?.scrollIntoView(); document.getElementById(id!)?.focus(); }}>{text}</Link></li>)}
        </Box>
      </Box>

      <Section id="questions" title="1. The questions and their points">
        <Typography sx={{ mb: 2 }}>
          Your assessment asks about different areas of your life. Each answer scores points: the more support you need, the more points.
          Some areas count for more than others (they are "weighted"). {doc.clientGroups.length > 1 && `The scheme covers: ${doc.clientGroups.map((g) => g.label).join('; ')}.`}
        </Typography>
        {doc.domains.some((d) => (d.weight ?? 1) !== 1) && (
          <Typography sx={{ mb: 2 }}>
            Weighted areas: {doc.domains.filter((d) => (d.weight ?? 1) !== 1).map((d) => `${d.label}, where points count ${formatNumber(d.weight!)} times`).join('; ')}.
          </Typography>
        )}
        {doc.questionnaires.map((q) => (
          <Box key={q.id} component="section" aria-labelledby={`qn-${q.id}`} sx={{ mb: 3 }}>
            <Typography id={`qn-${q.id}`} variant="h5" component="h3" gutterBottom>{q.label}</Typography>
            <Typography sx={{ mb: 1 }}>{appliesToWords(q, doc.clientGroups)}.</Typography>
            {doc.domains.filter((d) => q.questions.some((x) => x.domain === d.id)).map((d) => (
              <Box key={d.id} sx={{ mb: 2 }}>
                <Typography variant="h6" component="h4">{d.label}{(d.weight ?? 1) !== 1 ? ` (points count ${formatNumber(d.weight!)} times)` : ''}</Typography>
                {d.description && <Typography variant="body2" sx={{ mb: 1 }}>{d.description}</Typography>}
                {q.questions.filter((x) => x.domain === d.id).map((x) => (
                  <Box key={x.id} sx={{ mb: 1.5 }}>
                    <Typography sx={{ fontWeight: 600 }}>{x.text}{x.required === false ? ' (you do not have to answer this)' : ''}</Typography>
                    {x.help && <Typography variant="body2">{x.help}</Typography>}
                    <Box component="ul" sx={{ mt: 0.5, mb: 0 }}>
                      {x.answers.map((a) => <li key={a.id}>{answerLabel(a)}{a.notApplicable ? ', when this does not apply to you' : ''}</li>)}
                    </Box>
                  </Box>
                ))}
              </Box>
            ))}
          </Box>
        ))}
      </Section>

      <Section id="money" title="2. How points become money">
        <Typography sx={{ mb: 2 }}>Your points in every area are added up. The total is then turned into money like this.</Typography>
        <PricingText pricing={doc.pricing.default} heading={doc.pricing.byClientGroup && Object.keys(doc.pricing.byClientGroup).length ? 'For most people' : undefined} />
        {Object.entries(doc.pricing.byClientGroup ?? {}).map(([group, p]) => (
          <PricingText key={group} pricing={p} heading={`For ${doc.clientGroups.find((g) => g.id === group)?.label ?? group}`} />
        ))}
      </Section>

      <Section id="carer" title="3. If you have an unpaid carer">
        {!doc.carerAdjustment ? (
          <Typography>This scheme does not change your budget because of support from an unpaid carer.</Typography>
        ) : (
          <>
            <Typography sx={{ mb: 1 }}>
              If a family member or friend already cares for you without being paid, your budget is reduced a little to take account of
              that help, <strong>but only when your carer is both willing and able to carry on caring</strong>. If your carer is not willing,
              or not able, to carry on, nothing is taken off.
            </Typography>
            <Typography sx={{ mb: 1 }}>The reduction depends on how much support your carer gives and the impact caring has on them:</Typography>
            <Box sx={{ overflowX: 'auto' }}>
              <Table size="small">
                <caption style={{ captionSide: 'top', textAlign: 'left', padding: '0 0 8px' }}>Percentage taken off the budget when the carer is willing and able to continue</caption>
                <TableHead><TableRow>
                  <TableCell component="th" scope="col">Support the carer gives</TableCell>
                  {doc.carerAdjustment.impacts.map((i) => <TableCell key={i.id} component="th" scope="col" align="right">{i.label}</TableCell>)}
                </TableRow></TableHead>
                <TableBody>
                  {doc.carerAdjustment.supportLevels.map((l) => (
                    <TableRow key={l.id}>
                      <TableCell component="th" scope="row">{l.label}{l.description ? ` (${l.description})` : ''}</TableCell>
                      {doc.carerAdjustment!.impacts.map((i) => <TableCell key={i.id} align="right">{formatNumber(doc.carerAdjustment!.reductions[l.id]?.[i.id] ?? 0)}%</TableCell>)}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
            {doc.carerAdjustment.impacts.filter((i) => i.description).map((i) => <Typography key={i.id} variant="body2" sx={{ mt: 1 }}>{i.label}: {i.description}</Typography>)}
            <Reference r={doc.carerAdjustment.reference} />
          </>
        )}
      </Section>

      <Section id="uplifts" title="4. Yearly increases (uplifts)">
        {!doc.uplifts?.length ? <Typography>This version has no uplifts.</Typography> : (
          <>
            <Typography sx={{ mb: 1 }}>From the dates below, budgets are increased by these percentages, one after another, to keep up with the cost of care:</Typography>
            <Box component="ul">
              {doc.uplifts.map((u) => <li key={u.from}>{formatNumber(u.percent)}% more from {formatDate(u.from)}{u.reference ? ` (${u.reference.title})` : ''}</li>)}
            </Box>
          </>
        )}
      </Section>

      <Section id="rounding" title="5. Rounding and weekly, monthly and yearly amounts">
        <Typography sx={{ mb: 1 }}>The budget is then {roundingWords(doc.rounding.unit, doc.rounding.mode)}.</Typography>
        <Typography>
          A yearly amount is the weekly amount times {formatNumber(doc.weeksPerYear)} weeks; a monthly amount is a twelfth of the yearly amount.
        </Typography>
      </Section>

      <Section id="decision" title="6. Who agreed this scheme">
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '14rem 1fr' }, gap: 1, '& dt': { fontWeight: 600 }, '& dd': { m: 0 } }}>
          <dt>Agreed by</dt><dd>{r.body}</dd>
          <dt>Date of the decision</dt><dd>{formatDate(r.decisionDate)}</dd>
          <dt>Minute reference</dt><dd>{r.minuteReference}</dd>
          <dt>In force from</dt><dd>{formatDate(r.effectiveFrom)}</dd>
          <dt>Reasons</dt><dd>{r.rationale}</dd>
          {r.equalityImpact && <><dt>Equality impact</dt><dd>{r.equalityImpact}</dd></>}
        </Box>
        {doc.source && <Typography variant="body2" sx={{ mt: 2 }}>Based on: {doc.source.title}</Typography>}
        <Typography variant="body2" sx={{ mt: 2, wordBreak: 'break-all' }}>Fingerprint of this version (SHA-256): {data.contentHash}</Typography>
      </Section>
    </Shell>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Box component="section" id={id} tabIndex={-1} aria-labelledby={`${id}-h`} sx={{ mb: 4, outline: 'none' }}>
      <Typography id={`${id}-h`} variant="h4" component="h2" gutterBottom sx={{ fontSize: '1.75rem' }}>{title}</Typography>
      {children}
    </Box>
  );
}

function Reference({ r }: { r?: { title: string; url?: string } }) {
  if (!r) return null;
  return <Typography variant="body2" sx={{ mt: 1 }}>Source: {r.url ? <Link href={r.url}>{r.title}</Link> : r.title}</Typography>;
}

function PricingText({ pricing, heading }: { pricing: Pricing; heading?: string }) {
  return (
    <Box sx={{ mb: 2 }}>
      {heading && <Typography variant="h6" component="h3">{heading}</Typography>}
      {pricing.method === 'price-per-point' && (
        <Typography>Each point is worth {formatPrice(pricing.pencePerPoint)} {periodWord[pricing.period]}. For example, 50 points give {formatPence(Math.round(50 * pricing.pencePerPoint))} {periodWord[pricing.period]}.</Typography>
      )}
      {pricing.method !== 'price-per-point' && (
        <>
          <Typography sx={{ mb: 1 }}>
            The total, counted in whole points (a part point does not count), falls in one of these bands.
            {pricing.method === 'hour-bands' && ` Each band gives a number of hours of support at ${formatPrice(pricing.hourlyRatePence)} an hour.`} There is no upper limit: the top band has no ceiling.
          </Typography>
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small">
              <caption style={{ captionSide: 'top', textAlign: 'left', padding: '0 0 8px' }}>{heading ?? 'Bands'}: amount {periodWord[pricing.period]}</caption>
              <TableHead><TableRow>
                <TableCell component="th" scope="col">Band</TableCell>
                <TableCell component="th" scope="col">Points</TableCell>
                {pricing.method === 'hour-bands' && <TableCell component="th" scope="col" align="right">Hours</TableCell>}
                <TableCell component="th" scope="col" align="right">Amount {periodWord[pricing.period]}</TableCell>
              </TableRow></TableHead>
              <TableBody>
                {pricing.bands.map((b, i) => (
                  <TableRow key={i}>
                    <TableCell component="th" scope="row">{b.label ?? `Band ${i + 1}`}</TableCell>
                    <TableCell>{b.to === undefined ? `${b.from} or more` : `${b.from} to ${b.to}`}</TableCell>
                    {pricing.method === 'hour-bands' && <TableCell align="right">{formatNumber((b as { hours: number }).hours)}</TableCell>}
                    <TableCell align="right">{formatPence(pricing.method === 'bands' ? (b as { pence: number }).pence : Math.round((b as { hours: number }).hours * pricing.hourlyRatePence))}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        </>
      )}
      <Reference r={pricing.reference} />
    </Box>
  );
}
