/** Part 5 of a published version: how the amount is rounded, and how weekly, monthly and yearly amounts relate. */

import { Typography } from '@mui/material';
import { periodsSentence } from '../../../engine/publication';
import { formatPence, periodWord, roundingWords } from '../format';
import type { PolicyDocument } from '../calculator/types';
import { Section } from './Section';

export function RoundingSection({ doc }: { doc: PolicyDocument }) {
  return (
    <Section id="rounding" title="5. Rounding and weekly, monthly and yearly amounts">
      <Typography sx={{ mb: 1 }}>The budget is then {roundingWords(doc.rounding.unit, doc.rounding.mode)}.</Typography>
      {doc.maximum && (
        <Typography sx={{ mb: 1 }}>
          This scheme pays at most {formatPence(doc.maximum.pence)} {periodWord[doc.maximum.period]}: a higher amount is limited to it. To
          ask for more: {doc.maximum.route.label}. {doc.maximum.route.words}
        </Typography>
      )}
      {doc.lesserOfRequested && (
        <Typography sx={{ mb: 1 }}>
          If you ask for less ({doc.lesserOfRequested.label.toLowerCase()}), the scheme pays the amount you asked for.
        </Typography>
      )}
      {doc.contribution && (
        <Typography sx={{ mb: 1 }}>
          Your assessed contribution, from the financial assessment, is your share of the budget; the council pays the rest. It does not
          change the budget.
        </Typography>
      )}
      {/* Worded from the tables' own periods, as the engine converts them, with the weeks a year as the policy states them. */}
      {[...new Set([doc.pricing.default, ...Object.values(doc.pricing.byClientGroup ?? {})].map((t) => t.period))].map((period) => (
        <Typography key={period} sx={{ mb: 1 }}>
          {periodsSentence(period, doc.weeksPerYear)} Each is rounded to the nearest penny.
        </Typography>
      ))}
      {doc.award?.kind === 'one-off' && <Typography>The amount is paid once. {doc.award.words ?? ''}</Typography>}
      {doc.award?.kind === 'yearly' && (
        <Typography>
          The amount is for a year from {doc.award.yearStarts ?? '04-01'} (month-day). If your support starts part-way through the year, you
          are paid for the part of the year that is left, counted in{' '}
          {doc.award.proRata === 'days' ? 'days' : 'whole months (the month it starts in counts in full)'}.
        </Typography>
      )}
    </Section>
  );
}
