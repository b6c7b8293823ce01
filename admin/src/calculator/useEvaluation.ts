/** The allocation for the assessment as it stands, asked of the server as the user types. */

import { useEffect, useRef, useState } from 'react';
import { useDataProvider } from 'react-admin';
import { type RasDataProvider, versionId } from '../dataProvider';
import { type ProblemError, messageOf, problemsOf, statusOf } from '../http';
import type { buildAssessment } from './assessment';
import type { EvaluationResult } from './types';

/**
 * Waits for a pause in typing before asking, and keeps only the answer to the latest question
 * asked, so a slow reply can never overwrite a newer one.
 */
export function useEvaluation(assessment: ReturnType<typeof buildAssessment>, carerIncomplete: boolean, policyId: string, version: string) {
  const [result, setResult] = useState<EvaluationResult | null>(null);
  const [problems, setProblems] = useState<ProblemError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dataProvider = useDataProvider<RasDataProvider>();

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
      dataProvider
        .evaluate(versionId(policyId, version), assessment)
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
          if (statusOf(e) === 422) {
            const problems = problemsOf(e);
            setProblems(problems);
            setFailure(problems.length ? null : messageOf(e));
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
  }, [dataProvider, assessment, carerIncomplete, policyId, version]);

  return { result, problems, failure, busy };
}
