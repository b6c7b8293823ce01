/**
 * "Keep this case as a worked example": on a draft the user may edit, the case in the calculator and
 * what the draft works out for it become one of the draft's worked examples, so it is checked again on
 * every save and before submission.
 */

import Button from '@mui/material/Button';
import { useState } from 'react';
import { useCreatePath, useDataProvider, useNotify, usePermissions } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { expectationOf } from '../../../engine/expectation';
import type { WorkedExample } from '../../../engine/worked-example';
import type { Access } from '../authProvider';
import { versionId, type RasDataProvider } from '../dataProvider';
import { ActionDialog } from '../versions/ActionDialog';
import { amountPer } from '../../../engine/words/money';
import type { EvaluationResult } from './types';
import { formatNumber } from '../format';

export function KeepAsExample(props: {
  policyId: string;
  version: string;
  status: string | undefined;
  assessment: unknown;
  result: EvaluationResult;
}) {
  const { permissions } = usePermissions<Access>();
  const dataProvider = useDataProvider<RasDataProvider>();
  const notify = useNotify();
  const createPath = useCreatePath();
  const [open, setOpen] = useState(false);
  const [kept, setKept] = useState<string | null>(null);
  if (props.status !== 'draft' || !(permissions?.actions ?? []).includes('version.draft')) return null;
  const id = versionId(props.policyId, props.version);
  const { result } = props;
  const suggested = `Age ${result.person.age}, ${formatNumber(result.points.total)} points: ${
    result.allocation ? amountPer(result.allocation.pence, result.allocation.period) : (result.outcome?.kind ?? 'no amount')
  }`;

  async function keep(name: string) {
    const { data } = await dataProvider.getOne<{ id: string; etag: string; examples: WorkedExample[] }>('versions', { id });
    const example: WorkedExample = { name, assessment: props.assessment, expect: expectationOf(result) };
    await dataProvider.saveExamples(id, [...data.examples, example], `Added '${name}' from the calculator`, data.etag);
    notify(`'${name}' is now a worked example of ${props.version}.`, { type: 'success' });
    setKept(name);
    setOpen(false);
  }

  return (
    <>
      <Button variant="outlined" sx={{ mt: 2 }} onClick={() => setOpen(true)}>
        Keep this case as a worked example
      </Button>
      {kept && (
        <Button component={RouterLink} to={`${createPath({ resource: 'versions', id, type: 'show' })}?tab=examples`} sx={{ mt: 2, ml: 1 }}>
          See the worked examples of {props.version}
        </Button>
      )}
      {open && (
        <ActionDialog
          open
          title="Keep this case as a worked example"
          intro={`The case and what ${props.version} works out for it are kept with the draft. From now on, every save checks that it still gives the same figures.`}
          fields={[
            { name: 'name', label: 'Name of the example', required: true, initial: suggested, helperText: 'Say what the case shows.' },
          ]}
          confirm="Keep it"
          onClose={() => setOpen(false)}
          onSubmit={(values) => keep(String(values.name))}
        />
      )}
    </>
  );
}
