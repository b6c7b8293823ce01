/**
 * The explanation's steps from the total to the amount, in the engine's own words (explainSteps, the
 * lines of explain()), with the points for each answer a click away.
 */

import { Box, Typography } from '@mui/material';
import { explainSteps } from '../../../engine/explain';
import { formatNumber } from '../format';
import type { EvaluationResult, PolicyDocument } from './types';

export function ExplanationSteps({ result }: { result: EvaluationResult; doc?: PolicyDocument }) {
  const steps = explainSteps(result);
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
