/** The explanation's money steps in plain words, in the order the engine takes them (rules/README.md). */

import { Box, Typography } from '@mui/material';
import { formatDate, formatNumber, formatPence, formatPrice, periodWord, roundingWords } from './format';
import type { EvaluationResult, ExplanationLine, PolicyDocument } from './types';

const METHOD_WORDS: Record<string, string> = {
  'price-per-point': 'a price for each point',
  bands: 'bands of points, each with a set amount',
  'hour-bands': 'bands of points, each with a number of hours at an hourly rate',
};

const CARER_REASONS: Record<string, string> = {
  'no-carer-table': 'This version makes no adjustment for an unpaid carer.',
  'no-carer': 'No carer adjustment: no unpaid carer was recorded.',
  'not-willing': 'No carer adjustment: the carer is not willing to carry on caring, so the full amount is kept.',
  'not-able': 'No carer adjustment: the carer is not able to carry on caring, so the full amount is kept.',
  'not-willing-or-able': 'No carer adjustment: the carer is neither willing nor able to carry on caring, so the full amount is kept.',
  'no-amount': 'No carer adjustment: there is no amount to adjust.',
};

export function stepWords(line: ExplanationLine): string | null {
  switch (line.step) {
    case 'total':
      return `Total: ${formatNumber(line.points)} points${line.wholePoints !== line.points ? ` (${formatNumber(line.wholePoints)} whole points)` : ''}.`;
    case 'allocation-table':
      return `${line.table === 'client-group' ? `The allocation table for this client group` : 'The standard allocation table'} is used: ${METHOD_WORDS[line.method] ?? line.method}, ${periodWord[line.period]}.`;
    case 'eligibility':
      return line.met ? `${line.label}: met.` : `${line.label}: not met. ${line.reason}`;
    case 'pricing':
      if ('outcome' in line)
        return `${formatNumber(line.wholePoints)} whole points fall in ${line.label ?? `band ${line.band}`} (${line.from} to ${line.to ?? 'any number of'} points), which gives no amount: ${line.outcome.label}. ${line.outcome.words}`;
      if (line.method === 'price-per-point')
        return line.basePence === undefined
          ? `${formatNumber(line.points)} points × ${formatPrice(line.pencePerPoint)} a point = ${formatPence(line.pence)} ${periodWord[line.period]}.`
          : `A base of ${formatPence(line.basePence)}, plus ${formatNumber(line.points)} points × ${formatPrice(line.pencePerPoint)} a point (${formatPence(line.pointsPence ?? 0)}) = ${formatPence(line.pence)} ${periodWord[line.period]}.`;
      if (line.method === 'bands')
        return `${formatNumber(line.wholePoints)} whole points fall in ${line.label ?? `band ${line.band}`} (${line.from} to ${line.to ?? 'any number of'} points): ${formatPence(line.pence)} ${periodWord[line.period]}.`;
      return `${formatNumber(line.wholePoints)} whole points fall in ${line.label ?? `band ${line.band}`} (${line.from} to ${line.to ?? 'any number of'} points): ${formatNumber(line.hours)} hours × ${formatPrice(line.hourlyRatePence)} an hour = ${formatPence(line.pence)} ${periodWord[line.period]}.`;
    case 'carer-adjustment':
      if (line.applied) {
        return `Carer adjustment: the carer is willing and able to carry on, gives ${String(line.supportLevelLabel).toLowerCase()} with ${String(line.impactLabel).toLowerCase()}, so the amount is reduced by ${formatNumber(line.percent)}%: ${formatPence(line.beforePence)} − ${formatPence(line.reductionPence)} = ${formatPence(line.afterPence)}.`;
      }
      return CARER_REASONS[line.reason] ?? `No carer adjustment (${line.reason}).`;
    case 'uplift':
      return line.applied
        ? `Uplift of ${formatNumber(line.percent)}% from ${formatDate(line.from)}${line.reference ? ` (${line.reference})` : ''}: ${formatPence(line.beforePence)} + ${formatPence(line.upliftPence)} = ${formatPence(line.afterPence)}.`
        : `Uplift of ${formatNumber(line.percent)}% from ${formatDate(line.from)} not applied: it starts after the date used.`;
    case 'rounding':
      return line.beforePence === line.afterPence
        ? `${capitalise(roundingWords(line.unit, line.mode))}: ${formatPence(line.afterPence)} needs no rounding.`
        : `${capitalise(roundingWords(line.unit, line.mode))}: ${formatPence(line.beforePence)} becomes ${formatPence(line.afterPence)} ${periodWord[line.period]}.`;
    case 'maximum':
      return line.applied
        ? `This scheme pays at most ${formatPence(line.maximumPence)} ${periodWord[line.period]}, so the amount is limited to it: ${formatPence(line.beforePence)} − ${formatPence(line.limitedByPence)} = ${formatPence(line.afterPence)}. To ask for more: ${line.route.label}. ${line.route.words}`
        : `This scheme pays at most ${formatPence(line.maximumPence)} ${periodWord[line.period]}; this amount is within it. Above it: ${line.route.label}.`;
    case 'requested':
      return line.applied
        ? `${line.label}: ${formatPence(line.requestedPence)} ${periodWord[line.period]}, less than ${formatPence(line.beforePence)}, so ${formatPence(line.afterPence)} is paid.`
        : `${line.label}: ${formatPence(line.requestedPence)} ${periodWord[line.period]}, no less than ${formatPence(line.beforePence)}, which is paid.`;
    case 'contribution':
      return `${line.label}: ${formatPence(line.personPence)} ${periodWord[line.period]} of the ${formatPence(line.budgetPence)} is the person's to pay; the council pays ${formatPence(line.councilPence)}.`;
    case 'award':
      if (line.kind === 'one-off') return `Paid once: ${formatPence(line.pence)}.${line.words ? ` ${line.words}` : ''}`;
      return line.remaining === line.whole
        ? `The whole award year (${formatDate(line.yearFrom)} to ${formatDate(line.yearTo)}) is paid: ${formatPence(line.pence)}.`
        : `Starting on ${formatDate(line.startDate ?? line.yearFrom)}, ${line.remaining} of the ${line.whole} ${line.unit} of the award year (${formatDate(line.yearFrom)} to ${formatDate(line.yearTo)}) are left: ${formatPence(line.fullPence)} × ${line.remaining}/${line.whole} = ${formatPence(line.pence)} for this year.`;
    case 'periods':
      return `That is ${formatPence(line.weeklyPence)} a week, ${formatPence(line.monthlyPence)} a month and ${formatPence(line.annualPence)} a year (${formatNumber(line.weeksPerYear)} weeks in a year, a month being a twelfth of a year).`;
    default:
      return null;
  }
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function ExplanationSteps({ result }: { result: EvaluationResult; doc?: PolicyDocument }) {
  const steps = result.explanation.map(stepWords).filter((s): s is string => s !== null);
  const answers = result.explanation.filter((l) => l.step === 'answer');
  return (
    <Box>
      <Box component="ol" sx={{ pl: 3, mt: 0, '& li': { mb: 0.75 } }} data-testid="steps">
        {steps.map((s, i) => (
          <li key={i}>
            <Typography variant="body2" component="span">
              {s}
            </Typography>
          </li>
        ))}
      </Box>
      {answers.length > 0 && (
        <Box component="details" sx={{ mt: 1, '& summary': { cursor: 'pointer', color: '#0d47a1', textDecoration: 'underline' } }}>
          <summary>Show the points for each answer</summary>
          <Box component="ul" sx={{ pl: 3 }}>
            {answers.map((a) => (
              <li key={a.question}>
                <Typography variant="body2" component="span">
                  {a.questionText}: {a.answerText ?? 'not answered'}
                  {a.notApplicable ? ' (does not apply)' : ''}, {formatNumber(a.points)} {a.points === 1 ? 'point' : 'points'}
                </Typography>
              </li>
            ))}
          </Box>
        </Box>
      )}
    </Box>
  );
}
