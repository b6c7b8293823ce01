/** Part 5 of a published version: how the amount is rounded, and how weekly, monthly and yearly amounts relate. */

import { Typography } from '@mui/material';
import { formatNumber, formatPence, periodWord, roundingWords } from '../calculator/format';
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
      <Typography>
        A yearly amount is the weekly amount times {formatNumber(doc.weeksPerYear)} weeks; a monthly amount is a twelfth of the yearly
        amount.
      </Typography>
    </Section>
  );
}
