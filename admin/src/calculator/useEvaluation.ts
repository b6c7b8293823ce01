/** The allocation for the assessment as it stands, asked of the server as the user types. */

import { useEffect, useRef, useState } from 'react';
import type { buildAssessment } from './assessment';
import { messageOf, ProblemError, request, type FieldProblem } from './problems';
import type { EvaluationResult } from './types';

/**
 * Waits for a pause in typing before asking, and keeps only the answer to the latest question
 * asked, so a slow reply can never overwrite a newer one.
 */
export function useEvaluation(assessment: ReturnType<typeof buildAssessment>, carerIncomplete: boolean, policyId: string, version: string) {
  const [result, setResult] = useState<EvaluationResult | null>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const sequence = useRef(0);
  useEffect(() => {
    const ticket = ++sequence.current;
    if (!assessment || carerIncomplete) {
      setResult(null);
      setProblems([]);
      setFailure(null);
      setBusy(false);
      return;
    }
    setBusy(true);
    const timer = setTimeout(() => {
      request<EvaluationResult>(`/api/policies/${encodeURIComponent(policyId)}/versions/${encodeURIComponent(version)}/evaluate`, {
        method: 'POST',
        body: assessment,
      })
        .then((r) => {
          if (ticket === sequence.current) {
            setResult(r);
            setProblems([]);
            setFailure(null);
          }
        })
        .catch((e) => {
          if (ticket !== sequence.current) return;
          setResult(null);
          if (e instanceof ProblemError && e.status === 422) {
            setProblems(e.errors);
            setFailure(e.errors.length ? null : e.message);
          } else {
            setProblems([]);
            setFailure(messageOf(e));
          }
        })
        .finally(() => {
          if (ticket === sequence.current) setBusy(false);
        });
    }, 350);
    return () => clearTimeout(timer);
  }, [assessment, carerIncomplete, policyId, version]);

  return { result, problems, failure, busy };
}
