/**
 * The whole RAS of one version in readable form: who it is for, what is asked and how it scores, how points
 * become money, carers, uplifts, rounding and the rules that raise flags. It prints as the policy paper.
 */

import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { hourBandPence } from '../../../engine/pricing';
import type { Policy, Pricing, Questionnaire } from '../../../engine/policy';
import { ruleInWords } from '../../../engine/words/conditions';
import { awardWords, bandName, CARER_ADJUSTMENT, NO_CARER_ADJUSTMENT, roundingWords } from '../../../engine/words/policy';
import { perPeriod, pounds } from './format';
import { longDate, formatNumber } from '../format';

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper
      component="section"
      aria-labelledby={`${id}-heading`}
      variant="outlined"
      className="print-avoid-break"
      sx={{ p: { xs: 2, md: 3 }, mb: 2 }}
    >
      <Typography id={`${id}-heading`} variant="h2" component="h2" sx={{ mb: 1.5 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

function appliesTo(q: Questionnaire, policy: Policy): string {
  const a = q.appliesTo ?? {};
  const ages =
    a.minAge !== undefined && a.maxAge !== undefined
      ? `aged ${a.minAge} to ${a.maxAge}`
      : a.minAge !== undefined
        ? `aged ${a.minAge} and over`
        : a.maxAge !== undefined
          ? `aged up to ${a.maxAge}`
          : 'of any age';
  const groups = a.clientGroups?.length
    ? ` in ${a.clientGroups.map((g) => policy.clientGroups.find((c) => c.id === g)?.label ?? g).join(', ')}`
    : '';
  return `For people ${ages}${groups}.`;
}

function QuestionnaireView({ q, policy }: { q: Questionnaire; policy: Policy }) {
  const domainLabel = (id: string) => policy.domains.find((d) => d.id === id)?.label ?? id;
  return (
    <Box sx={{ mb: 3 }}>
      <Typography variant="h3" component="h3">
        {q.label}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 1 }}>
        {appliesTo(q, policy)} {formatNumber(q.questions.length)} questions.
      </Typography>
      {q.questions.map((question, i) => (
        <Box key={question.id} className="print-avoid-break" sx={{ mb: 2, pl: 2, borderLeft: 3, borderColor: 'divider' }}>
          <Typography variant="h4" component="h4">
            {i + 1}. {question.text}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            Domain: {domainLabel(question.domain)}
            {question.required === false ? ' · optional' : ''}
          </Typography>
          {question.help && (
            <Typography variant="body2" sx={{ fontStyle: 'italic' }}>
              {question.help}
            </Typography>
          )}
          <Table size="small" sx={{ maxWidth: 720, mt: 0.5 }} aria-label={`Answers to “${question.text}”`}>
            <TableHead>
              <TableRow>
                <TableCell>Answer</TableCell>
                <TableCell align="right">Points</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {question.answers.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>
                    {a.text}
                    {a.notApplicable ? ' (does not apply)' : ''}
                  </TableCell>
                  <TableCell align="right">{a.points}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      ))}
    </Box>
  );
}

export function PricingView({ pricing, caption, policy }: { pricing: Pricing; caption: string; policy: Policy }) {
  const outcomeLabel = (id: string) => policy.outcomes?.find((o) => o.id === id)?.label ?? id;
  if (pricing.method === 'price-per-point') {
    return (
      <Box sx={{ mb: 2 }}>
        <Typography variant="h3" component="h3">
          {caption}
        </Typography>
        <Typography>
          Price per point: <strong>{pounds(pricing.pencePerPoint)}</strong> {perPeriod(pricing.period)}.
        </Typography>
        {pricing.basePence !== undefined && (
          <Typography>
            Base amount, before the points: <strong>{pounds(pricing.basePence)}</strong> {perPeriod(pricing.period)}.
          </Typography>
        )}
        {pricing.reference && (
          <Typography variant="body2" color="text.secondary">
            Source: {pricing.reference.title}
          </Typography>
        )}
      </Box>
    );
  }
  const hours = pricing.method === 'hour-bands';
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="h3" component="h3">
        {caption}
      </Typography>
      <Typography>
        {hours
          ? `Hours by band at ${pounds(pricing.hourlyRatePence)} an hour, ${perPeriod(pricing.period)}.`
          : `Band table, amounts ${perPeriod(pricing.period)}.`}
      </Typography>
      <Table size="small" sx={{ maxWidth: 720 }} aria-label={`${caption}: bands`}>
        <TableHead>
          <TableRow>
            <TableCell>Band</TableCell>
            <TableCell align="right">From (points)</TableCell>
            <TableCell align="right">To (points)</TableCell>
            <TableCell align="right">{hours ? 'Hours' : 'Amount'}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {pricing.bands.map((b, i) => (
            <TableRow key={i}>
              <TableCell>{bandName(b, i)}</TableCell>
              <TableCell align="right">{b.from}</TableCell>
              <TableCell align="right">{b.to ?? 'and above'}</TableCell>
              <TableCell align="right">
                {b.outcome !== undefined
                  ? `No amount: ${outcomeLabel(b.outcome)}`
                  : 'hours' in b && b.hours !== undefined
                    ? `${b.hours} (${pounds(
                        // The engine's own arithmetic and the policy's rounding, not float rounding.
                        hourBandPence(b.hours, (pricing as { hourlyRatePence: number }).hourlyRatePence, policy.rounding.mode),
                      )})`
                    : pounds(b.pence!)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {pricing.reference && (
        <Typography variant="body2" color="text.secondary">
          Source: {pricing.reference.title}
        </Typography>
      )}
    </Box>
  );
}

export function PolicyDocumentView({ policy }: { policy: Policy }) {
  const groupLabel = (id: string) => policy.clientGroups.find((g) => g.id === id)?.label ?? id;
  const carer = policy.carerAdjustment;
  return (
    <>
      <Section id="about" title="About this RAS">
        <Typography>
          <strong>{policy.title}</strong> — {policy.council}
        </Typography>
        {policy.description && <Typography sx={{ mt: 1 }}>{policy.description}</Typography>}
        {policy.source && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            Based on: {policy.source.title}
          </Typography>
        )}
        <Typography variant="h3" component="h3" sx={{ mt: 2 }}>
          Client groups
        </Typography>
        <ul>
          {policy.clientGroups.map((g) => (
            <li key={g.id}>{g.label}</li>
          ))}
        </ul>
      </Section>

      <Section id="questionnaires" title={policy.questionnaires.length > 1 ? 'Questionnaires' : 'Questionnaire'}>
        {policy.questionnaires.map((q) => (
          <QuestionnaireView key={q.id} q={q} policy={policy} />
        ))}
      </Section>

      <Section id="domains" title="Domains and weights">
        <Typography sx={{ mb: 1 }}>Each domain's points are the sum of its answers, multiplied by its weight.</Typography>
        <Table size="small" sx={{ maxWidth: 900 }} aria-label="Domains and weights">
          <TableHead>
            <TableRow>
              <TableCell>Domain</TableCell>
              <TableCell>What it covers</TableCell>
              <TableCell align="right">Weight</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {policy.domains.map((d) => (
              <TableRow key={d.id}>
                <TableCell>{d.label}</TableCell>
                <TableCell>{d.description ?? ''}</TableCell>
                <TableCell align="right">× {d.weight ?? 1}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>

      <Section id="pricing" title="Pricing: from points to money">
        <PricingView
          policy={policy}
          pricing={policy.pricing.default}
          caption={policy.pricing.byClientGroup ? 'Everyone else (default table)' : 'Allocation table'}
        />
        {Object.entries(policy.pricing.byClientGroup ?? {}).map(([group, table]) => (
          <PricingView key={group} policy={policy} pricing={table} caption={groupLabel(group)} />
        ))}
      </Section>

      <Section id="carers" title="Carer reduction">
        {carer ? (
          <>
            <Typography sx={{ mb: 1 }}>{CARER_ADJUSTMENT}</Typography>
            <Table size="small" sx={{ maxWidth: 900 }} aria-label="Carer reduction by support level and impact">
              <TableHead>
                <TableRow>
                  <TableCell>Support level</TableCell>
                  {carer.impacts.map((i) => (
                    <TableCell key={i.id} align="right">
                      {i.label}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {carer.supportLevels.map((s) => (
                  <TableRow key={s.id}>
                    <TableCell component="th" scope="row">
                      {s.label}
                      {s.description ? (
                        <Typography variant="body2" color="text.secondary">
                          {s.description}
                        </Typography>
                      ) : null}
                    </TableCell>
                    {carer.impacts.map((i) => (
                      <TableCell key={i.id} align="right">
                        {carer.reductions[s.id]?.[i.id] ?? '–'}%
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        ) : (
          <Typography>{NO_CARER_ADJUSTMENT}</Typography>
        )}
      </Section>

      <Section id="uplifts" title="Uplifts, rounding and periods">
        {policy.uplifts?.length ? (
          <ul>
            {policy.uplifts.map((u, i) => (
              <li key={i}>
                From {longDate(u.from)}: <strong>{u.percent}%</strong>
                {u.reference ? ` (${u.reference.title})` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <Typography>No uplifts.</Typography>
        )}
        <Typography>Rounding: {roundingWords(policy.rounding, true)}.</Typography>
        <Typography>Weeks in a year: {policy.weeksPerYear}.</Typography>
        {policy.maximum && (
          <Typography>
            Maximum: <strong>{pounds(policy.maximum.pence)}</strong> {perPeriod(policy.maximum.period)}; above it:{' '}
            {policy.maximum.route.label} ({policy.maximum.route.words})
          </Typography>
        )}
        {policy.award && <Typography>{awardWords(policy.award)}</Typography>}
      </Section>

      {Boolean(policy.outcomes?.length || policy.eligibility?.length) && (
        <Section id="outcomes" title="Who is eligible, and results without an amount">
          {policy.eligibility?.length ? (
            <>
              <Typography>To be eligible, a person must meet every one of these:</Typography>
              <ul>
                {policy.eligibility.map((c) => (
                  <li key={c.id}>
                    <strong>{c.label}.</strong> If not met: {c.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {policy.outcomes?.length ? (
            <>
              <Typography>Some bands give no amount, but one of these outcomes:</Typography>
              <ul>
                {policy.outcomes.map((o) => (
                  <li key={o.id}>
                    <strong>{o.label}:</strong> {o.words}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Section>
      )}

      <Section id="rules" title="Rules that raise flags">
        {policy.rules?.length ? (
          <Table size="small" aria-label="Rules and their flags">
            <TableHead>
              <TableRow>
                <TableCell>When</TableCell>
                <TableCell>Flag</TableCell>
                <TableCell>Severity</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {policy.rules.map((r) => (
                <TableRow key={r.name}>
                  <TableCell>{ruleInWords(policy, r)}</TableCell>
                  <TableCell>{r.event.params.message}</TableCell>
                  <TableCell>{r.event.params.severity ?? 'info'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <Typography>No rules.</Typography>
        )}
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          Rules flag a case for attention; they never change the amount.
        </Typography>
      </Section>
    </>
  );
}
