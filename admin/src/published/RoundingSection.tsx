/** Part 5 of a published version: how the amount is rounded, and how weekly, monthly and yearly amounts relate. */

import { Typography } from '@mui/material';
import { awardWords, paysAtMost, periodsSentence, roundingWords } from '../../../engine/words/policy';
import type { PolicyDocument } from '../calculator/types';
import { Section } from './Section';

export function RoundingSection({ doc }: { doc: PolicyDocument }) {
  return (
    <Section id="rounding" title="5. Rounding and weekly, monthly and yearly amounts">
      <Typography sx={{ mb: 1 }}>The budget is then rounded {roundingWords(doc.rounding, true)}.</Typography>
      {doc.maximum && (
        <Typography sx={{ mb: 1 }}>
          This scheme {paysAtMost(doc.maximum)}: a higher amount is limited to it. To ask for more: {doc.maximum.route.label}.{' '}
          {doc.maximum.route.words}
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
      {doc.award && <Typography>{awardWords(doc.award)}</Typography>}
    </Section>
  );
}
