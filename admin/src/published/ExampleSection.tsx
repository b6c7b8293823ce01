/** One case followed from answers to money: the version's first worked example, as the engine worked it out. */

import { Typography } from '@mui/material';
import { amountPer } from '../../../engine/words/money';
import { ExplanationSteps } from '../calculator/Steps';
import type { PublishedVersion } from './publishedApi';
import { Section } from './Section';

export function ExampleSection({ example }: { example: NonNullable<PublishedVersion['workedExample']> }) {
  const { result } = example;
  const person = result.explanation.find((l) => l.step === 'person');
  return (
    <Section id="example" title="An example, step by step">
      <Typography sx={{ mb: 1 }}>
        {example.name}. Aged {result.person.age}; client group:{' '}
        {person?.step === 'person' ? person.clientGroupLabel : result.person.clientGroup}.
      </Typography>
      <ExplanationSteps result={result} />
      <Typography sx={{ mt: 1, fontWeight: 600 }} data-testid="example-amount">
        {result.weeklyPence === null
          ? 'This example gets no amount from the table.'
          : `The indicative budget: ${amountPer(result.weeklyPence, 'week')}, ${amountPer(result.monthlyPence!, 'month')}, ${amountPer(result.annualPence!, 'year')}.`}
      </Typography>
    </Section>
  );
}
