/** Part 2 of a published version: how the points total becomes money, for most people and for each client group priced apart. */

import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { formatDate, formatNumber, formatPence, formatPrice, todayIso } from '../format';
import type { PolicyDocument, Pricing } from '../calculator/types';
import { roundAllocation } from '../../../engine/rounding';
import { hourBandPence, price } from '../../../engine/pricing';
import { applyUplifts, compileUplifts } from '../../../engine/uplift';
import { PERIODS } from '../../../engine/periods';
import { amountPer } from '../../../engine/words/money';
import { bandName } from '../../../engine/words/policy';
import { Reference, Section } from './Section';

export function PricingSection({ doc }: { doc: PolicyDocument }) {
  return (
    <Section id="money" title="2. How points become money">
      <Typography sx={{ mb: 2 }}>Your points in every area are added up. The total is then turned into money like this.</Typography>
      <PricingText
        doc={doc}
        pricing={doc.pricing.default}
        heading={doc.pricing.byClientGroup && Object.keys(doc.pricing.byClientGroup).length ? 'For most people' : undefined}
      />
      {Object.entries(doc.pricing.byClientGroup ?? {}).map(([group, p]) => (
        <PricingText key={group} doc={doc} pricing={p} heading={`For ${doc.clientGroups.find((g) => g.id === group)?.label ?? group}`} />
      ))}
    </Section>
  );
}

const NO_OUTCOMES = new Map();

/** Amounts as the engine works them out: exact integer arithmetic and the policy's own rounding. */
function PricingText({ doc, pricing, heading }: { doc: PolicyDocument; pricing: Pricing; heading?: string }) {
  const mode = doc.rounding.mode;
  const outcomeOf = (id: string) => doc.outcomes?.find((o) => o.id === id);
  const bands: ReadonlyArray<{ outcome?: string; to?: number }> = pricing.method === 'price-per-point' ? [] : pricing.bands;
  const top = bands.at(-1);
  const topOutcome = top?.outcome === undefined ? undefined : outcomeOf(top.outcome);
  // What a band pays today: the engine's own uplift and rounding steps over the ratified amount (no carer reduction).
  const today = todayIso();
  const inForce = (doc.uplifts ?? []).filter((u) => u.from <= today);
  const compiledUplifts = compileUplifts(doc.uplifts ?? []);
  const paidToday = (pence: number) =>
    roundAllocation(applyUplifts(compiledUplifts, today, pence, mode).at(-1)?.afterPence ?? pence, doc.rounding, pricing.period).afterPence;
  const per = PERIODS[pricing.period].per;
  const bandPence = (b: (typeof bands)[number] & { pence?: number; hours?: number }): number | null =>
    b.outcome !== undefined ? null : pricing.method === 'hour-bands' ? hourBandPence(b.hours!, pricing.hourlyRatePence, mode) : b.pence!;
  return (
    <Box sx={{ mb: 2 }}>
      {heading && (
        <Typography variant="h6" component="h3">
          {heading}
        </Typography>
      )}
      {pricing.method === 'price-per-point' && (
        <Typography>
          {pricing.basePence !== undefined && `Everyone starts from a base of ${amountPer(pricing.basePence, pricing.period)}. `}
          Each point is worth {formatPrice(pricing.pencePerPoint)} {per}. For example, 50 points give{' '}
          {amountPer((price(pricing, 50_000, mode, NO_OUTCOMES) as { pence: number }).pence, pricing.period)}
          {pricing.basePence !== undefined && ', with the base'}.
        </Typography>
      )}
      {pricing.method !== 'price-per-point' && (
        <>
          <Typography sx={{ mb: 1 }}>
            The total, counted in whole points (a part point does not count), falls in one of these bands.
            {pricing.method === 'hour-bands' &&
              ` Each band gives a number of hours of support at ${formatPrice(pricing.hourlyRatePence)} an hour.`}{' '}
            {topOutcome
              ? `Above the last priced band the table gives no figure: ${topOutcome.label.toLowerCase()}. ${topOutcome.words}`
              : 'There is no upper limit: the top band has no ceiling.'}
          </Typography>
          <Box
            tabIndex={0}
            role="region"
            aria-label={`${heading ?? 'Bands'} (scrolls sideways on a small screen)`}
            sx={{ overflowX: 'auto' }}
          >
            <Table size="small">
              <caption style={{ captionSide: 'top', textAlign: 'left', padding: '0 0 8px' }}>
                {heading ?? 'Bands'}: amount {per}
              </caption>
              <TableHead>
                <TableRow>
                  <TableCell component="th" scope="col">
                    Band
                  </TableCell>
                  <TableCell component="th" scope="col">
                    Points
                  </TableCell>
                  {pricing.method === 'hour-bands' && (
                    <TableCell component="th" scope="col" align="right">
                      Hours
                    </TableCell>
                  )}
                  <TableCell component="th" scope="col" align="right">
                    Amount {per}, as agreed
                  </TableCell>
                  {inForce.length > 0 && (
                    <TableCell component="th" scope="col" align="right">
                      Paid today, after the uplifts from {formatDate(inForce.at(-1)!.from)}
                    </TableCell>
                  )}
                </TableRow>
              </TableHead>
              <TableBody>
                {pricing.bands.map((b, i) => (
                  <TableRow key={i}>
                    <TableCell component="th" scope="row">
                      {bandName(b, i)}
                    </TableCell>
                    <TableCell>{b.to === undefined ? `${b.from} or more` : `${b.from} to ${b.to}`}</TableCell>
                    {pricing.method === 'hour-bands' && (
                      <TableCell align="right">{'hours' in b && b.hours !== undefined ? formatNumber(b.hours) : '–'}</TableCell>
                    )}
                    <TableCell align="right">
                      {b.outcome !== undefined ? `No amount: ${outcomeOf(b.outcome)?.label ?? b.outcome}` : formatPence(bandPence(b)!)}
                    </TableCell>
                    {inForce.length > 0 && (
                      <TableCell align="right">{b.outcome !== undefined ? '–' : formatPence(paidToday(bandPence(b)!))}</TableCell>
                    )}
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
