/**
 * The GOV.UK design system's error summary: at the top of the form, "There is a problem", and a link to
 * each field the server refused, named as the screen names it. Following a link moves to the field; a
 * problem with no field in the form (one only the JSON holds) opens the JSON tab.
 */

import Box from '@mui/material/Box';
import { formatNumber } from '../format';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useEffect, useRef } from 'react';
import { useWatch } from 'react-hook-form';
import type { Policy } from '../../../engine/policy';
import type { ProblemError } from '../contract/api-answers';
import { inputNameFor, plainMessage, whereInPolicy } from '../plainErrors';

export function ErrorSummary({ problems, onFieldMissing }: { problems: ProblemError[]; onFieldMissing: () => void }) {
  const policy = useWatch({ name: 'document' }) as Partial<Policy> | undefined;
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length > 0) box.current?.focus();
  }, [problems]);
  if (problems.length === 0) return null;

  function goTo(pointer: string) {
    const field = document.querySelector<HTMLElement>(`[name="${CSS.escape(inputNameFor(pointer))}"]`);
    if (!field) return onFieldMissing();
    field.scrollIntoView({ block: 'center' });
    field.focus();
  }

  return (
    <Box
      ref={box}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      data-testid="error-summary"
      sx={{ border: '5px solid', borderColor: 'error.main', p: 2, mb: 2, '&:focus': { outline: '3px solid #ffdd00' } }}
    >
      <Typography id="error-summary-title" variant="h2" component="h2" sx={{ fontSize: '1.5rem', mb: 1 }}>
        There is a problem
      </Typography>
      <Typography sx={{ mb: 1 }}>
        The draft was not saved. Correct {problems.length === 1 ? 'this' : `these ${formatNumber(problems.length)} things`}:
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 2 }}>
        {problems.map((p, i) => (
          <li key={`${p.pointer}-${i}`}>
            <Link
              component="button"
              type="button"
              onClick={() => goTo(p.pointer)}
              sx={{ color: 'error.main', fontWeight: 700, textAlign: 'left', fontSize: '1rem' }}
            >
              {whereInPolicy(policy, p.pointer)}: {plainMessage(p)}
            </Link>
          </li>
        ))}
      </Box>
    </Box>
  );
}
