/** Part 7 of a published version: the rules that call for a closer look, what happens next, reviews and whom to contact. */

import { Box, Typography } from '@mui/material';
import { contactLines, nextStepsWords, reviewWords } from '../../../engine/publication';
import type { PolicyDocument } from '../calculator/types';
import { ruleInWords } from '../../../engine/words/conditions';
import { Section } from './Section';

export function NextStepsSection({ doc }: { doc: PolicyDocument }) {
  const rules = doc.rules ?? [];
  return (
    <Section id="next" title="7. What happens next">
      {rules.length > 0 && (
        <>
          <Typography sx={{ mb: 1 }}>The council takes a closer look at some budgets. This never changes the amount worked out:</Typography>
          <Box component="ul" sx={{ mt: 0 }}>
            {rules.map((r) => (
              <li key={r.name}>
                {ruleInWords(doc, r)} {r.event.params.message}
              </li>
            ))}
          </Box>
        </>
      )}
      <Typography sx={{ mb: 1 }}>{nextStepsWords(doc)}</Typography>
      <Typography variant="h6" component="h3">
        If you think your budget is wrong
      </Typography>
      <Typography sx={{ mb: 1 }}>{reviewWords(doc)}</Typography>
      {doc.publication?.contact && (
        <>
          <Typography variant="h6" component="h3">
            Contact
          </Typography>
          {contactLines(doc.publication.contact).map((line) => (
            <Typography key={line}>{line}</Typography>
          ))}
        </>
      )}
    </Section>
  );
}
