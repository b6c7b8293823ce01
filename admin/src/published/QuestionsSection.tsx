/** Part 1 of a published version: every questionnaire, area by area, with each answer's points and the areas' weights. */

import { Box, Typography } from '@mui/material';
import { answerLabel } from '../calculator/answerLabels';
import { formatNumber } from '../format';
import { appliesToWords, type PolicyDocument } from '../calculator/types';
import { Section } from './Section';

export function QuestionsSection({ doc }: { doc: PolicyDocument }) {
  return (
    <Section id="questions" title="1. The questions and their points">
      <Typography sx={{ mb: 2 }}>
        Your assessment asks about different areas of your life. Each answer scores points: the more support you need, the more points. Some
        areas count for more than others (they are "weighted").{' '}
        {doc.clientGroups.length > 1 && `The scheme covers: ${doc.clientGroups.map((g) => g.label).join('; ')}.`}
      </Typography>
      {doc.domains.some((d) => (d.weight ?? 1) !== 1) && (
        <Typography sx={{ mb: 2 }}>
          Weighted areas:{' '}
          {doc.domains
            .filter((d) => (d.weight ?? 1) !== 1)
            .map((d) => `${d.label}, where points count ${formatNumber(d.weight!)} times`)
            .join('; ')}
          .
        </Typography>
      )}
      {doc.questionnaires.map((q) => (
        <Box key={q.id} component="section" aria-labelledby={`qn-${q.id}`} sx={{ mb: 3 }}>
          <Typography id={`qn-${q.id}`} variant="h5" component="h3" gutterBottom>
            {q.label}
          </Typography>
          <Typography sx={{ mb: 1 }}>{appliesToWords(q, doc.clientGroups)}.</Typography>
          {doc.domains
            .filter((d) => q.questions.some((x) => x.domain === d.id))
            .map((d) => (
              <Box key={d.id} sx={{ mb: 2 }}>
                <Typography variant="h6" component="h4">
                  {d.label}
                  {(d.weight ?? 1) !== 1 ? ` (points count ${formatNumber(d.weight!)} times)` : ''}
                </Typography>
                {d.description && (
                  <Typography variant="body2" sx={{ mb: 1 }}>
                    {d.description}
                  </Typography>
                )}
                {q.questions
                  .filter((x) => x.domain === d.id)
                  .map((x) => (
                    <Box key={x.id} sx={{ mb: 1.5 }}>
                      <Typography sx={{ fontWeight: 600 }}>
                        {x.text}
                        {x.required === false ? ' (you do not have to answer this)' : ''}
                      </Typography>
                      {x.help && <Typography variant="body2">{x.help}</Typography>}
                      <Box component="ul" sx={{ mt: 0.5, mb: 0 }}>
                        {x.answers.map((a) => (
                          <li key={a.id}>
                            {answerLabel(a)}
                            {a.notApplicable ? ', when this does not apply to you' : ''}
                          </li>
                        ))}
                      </Box>
                    </Box>
                  ))}
              </Box>
            ))}
        </Box>
      ))}
    </Section>
  );
}
