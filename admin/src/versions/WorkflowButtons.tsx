/**
 * The steps of a version's life that the server says this person may take now (the version's `steps`):
 * edit, submit, return to draft, ratify, propose a withdrawal, clone and delete. (A proposed withdrawal is
 * confirmed or cancelled on the version's page: WithdrawalPanel.) The server still judges each request; its
 * refusal is shown in its own words.
 */

import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import GavelIcon from '@mui/icons-material/Gavel';
import PrintIcon from '@mui/icons-material/Print';
import SendIcon from '@mui/icons-material/Send';
import UndoIcon from '@mui/icons-material/Undo';
import BlockIcon from '@mui/icons-material/Block';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { TopToolbar, useNotify, useRecordContext, useRedirect, useRefresh, useDataProvider, useCreatePath } from 'react-admin';
import { type RasDataProvider, type Transition, versionId } from '../dataProvider';
import { ActionDialog, type DialogField } from './ActionDialog';
import { useComparisonBasis } from './RatificationPreview';
import { describeError } from './format';
import type { VersionRecordView } from './RatificationRecord';
import type { Step } from '../contract/api-answers';

type DialogName = 'submit' | 'clone' | 'ratify' | 'propose-withdrawal' | 'delete' | null;

const today = () => new Date().toISOString().slice(0, 10);

const RATIFY_FIELDS: DialogField[] = [
  { name: 'body', label: 'Deciding body', required: true, helperText: 'The committee or cabinet that made the decision.' },
  {
    name: 'decisionDate',
    label: 'Decision date',
    type: 'date',
    required: true,
    helperText: 'The day the decision was made: today or earlier.',
  },
  { name: 'minuteReference', label: 'Minute reference', required: true },
  {
    name: 'effectiveFrom',
    label: 'Effective from',
    type: 'date',
    required: true,
    helperText: 'The first date on which this version is in force.',
  },
  {
    name: 'confirmEffectiveFrom',
    label: 'The effective date is before today or more than a year ahead, and that is intended',
    type: 'checkbox',
    helperText: 'Only needed for such a date: it is recorded with the ratification.',
  },
  { name: 'rationale', label: 'Rationale', multiline: true, required: true },
  {
    name: 'equalityImpact',
    label: 'Equality impact note',
    multiline: true,
    helperText: 'Required when the comparison leaves any group worse off.',
  },
  {
    name: 'comparisonWaiver',
    label: 'Why there is no comparison',
    multiline: true,
    helperText: 'Required when the scheme has no reference cohort, or nothing is in force to compare with on the effective date.',
    // Asked only when there is no comparison to read; shown all the same if the server asks for it.
    hidden: true,
  },
];

export function WorkflowButtons() {
  const record = useRecordContext<VersionRecordView>();
  const notify = useNotify();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const dataProvider = useDataProvider<RasDataProvider>();
  const createPath = useCreatePath();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<DialogName>(null);
  const [busy, setBusy] = useState(false);
  const { comparable } = useComparisonBasis(record?.policyId ?? '', record?.version ?? '');
  // Until the version itself is read whole (its document and the steps open to this reader), a record from a
  // list's cache is a summary: nothing is offered from it, and nothing is read from a document it lacks.
  if (!record?.document || !record.steps) return null;
  // The server says which steps this person may take on this version now; the console restates no rule.
  const may = (step: Step) => record.steps?.includes(step) ?? false;

  async function step(transition: Transition, done: string, body?: unknown, etag?: string) {
    await dataProvider.transition(String(record!.id), transition, body, etag);
    notify(done, { type: 'success' });
    setDialog(null);
    refresh();
  }

  async function quick(transition: Transition, done: string) {
    setBusy(true);
    try {
      await step(transition, done);
    } catch (e) {
      notify(describeError(e), { type: 'error', autoHideDuration: 15000, multiLine: true });
    } finally {
      setBusy(false);
    }
  }

  /** A submit refused for failing worked examples leads to them, rather than to a message about them. */
  async function submit() {
    setBusy(true);
    try {
      await step('submit', `Version ${record!.version} submitted for ratification.`);
    } catch (e) {
      const failing = Object.keys((e as { body?: { errors?: { examples?: object } } }).body?.errors?.examples ?? {}).length;
      if (failing > 0) {
        notify(
          `${failing === 1 ? 'One worked example does' : `${failing} worked examples do`} not give what ${failing === 1 ? 'it expects' : 'they expect'}: the version was not submitted.`,
          { type: 'warning' },
        );
        navigate(`${createPath({ resource: 'versions', id: record!.id, type: 'show' })}?tab=examples`);
      } else notify(describeError(e), { type: 'error', autoHideDuration: 15000, multiLine: true });
    } finally {
      setBusy(false);
    }
  }

  async function clone(values: Record<string, string | boolean>) {
    const { data } = await dataProvider.create('versions', {
      data: {
        policyId: record!.policyId,
        source: record!.version,
        version: String(values.version),
        ...(values.title ? { title: String(values.title) } : {}),
        ...(values.description ? { description: String(values.description) } : {}),
      },
    });
    notify(`Draft ${data.version} created from ${record!.version}.`, { type: 'success' });
    setDialog(null);
    redirect('edit', 'versions', versionId(data.policyId, data.version));
  }

  async function remove() {
    await dataProvider.delete('versions', { id: record!.id, previousData: record! });
    notify(`Draft ${record!.version} deleted.`, { type: 'success' });
    setDialog(null);
    redirect('list', 'versions');
  }

  return (
    <TopToolbar className="no-print" sx={{ flexWrap: 'wrap', gap: 1 }}>
      {may('edit') && (
        <Button
          component={RouterLink}
          to={createPath({ resource: 'versions', id: record.id, type: 'edit' })}
          startIcon={<EditIcon />}
          variant="contained"
        >
          Edit draft
        </Button>
      )}
      {may('submit') && (
        <Button onClick={() => setDialog('submit')} disabled={busy} startIcon={<SendIcon />} variant="outlined">
          Submit
        </Button>
      )}
      {may('return-to-draft') && (
        <Button
          onClick={() => quick('return-to-draft', `Version ${record.version} is a draft again.`)}
          disabled={busy}
          startIcon={<UndoIcon />}
          variant="outlined"
        >
          Return to draft
        </Button>
      )}
      {may('ratify') && (
        <Button onClick={() => setDialog('ratify')} startIcon={<GavelIcon />} variant="contained">
          Ratify
        </Button>
      )}
      {may('propose-withdrawal') && (
        <Button onClick={() => setDialog('propose-withdrawal')} startIcon={<BlockIcon />} color="error" variant="outlined">
          Propose withdrawal
        </Button>
      )}
      {may('clone') && (
        <Button onClick={() => setDialog('clone')} startIcon={<ContentCopyIcon />} variant="outlined">
          Clone to new draft
        </Button>
      )}
      {may('delete') && (
        <Button onClick={() => setDialog('delete')} startIcon={<DeleteIcon />} color="error" variant="outlined">
          Delete draft
        </Button>
      )}
      <Button onClick={() => window.print()} startIcon={<PrintIcon />}>
        Print
      </Button>

      {dialog === 'clone' && (
        <ActionDialog
          open
          title={`Clone ${record.version} to a new draft`}
          confirm="Create draft"
          onClose={() => setDialog(null)}
          onSubmit={clone}
          intro="The new draft starts as an exact copy, worked examples included. Give it a version name: lower-case letters, digits and hyphens, such as 2011-revised."
          fields={[
            { name: 'version', label: 'New version name', required: true },
            { name: 'title', label: 'Title of the new version', required: true, initial: record.document?.title ?? '' },
            {
              // A new version says what it changes from this one: it starts empty, never with this version's words.
              name: 'description',
              label: 'What this version changes',
              multiline: true,
              helperText: `What the new version changes from ${record.version}, in words: shown with the version and on the published page. It can be written later, before the draft is submitted.`,
            },
          ]}
        />
      )}
      {dialog === 'ratify' && (
        <ActionDialog
          open
          title={`Ratify ${record.document?.title ?? record.policyId}, version ${record.version}`}
          confirm="Ratify"
          onClose={() => setDialog(null)}
          // The ratification is of the version exactly as shown (its ETag): if it has changed since, the server refuses.
          onSubmit={(v) => step('ratify', `Version ${record.version} ratified.`, v, record.etag)}
          intro="Record the decision as the minutes give it, having read on the version's page what it changes and who is better or worse off. The version comes into force on the effective-from date."
          // The server's one check of every field answers all their problems at once, each at its field.
          checkedByServer
          fields={RATIFY_FIELDS.map((f) =>
            f.name === 'decisionDate'
              ? { ...f, initial: today(), max: today() }
              : f.name === 'comparisonWaiver'
                ? { ...f, hidden: comparable !== false }
                : f,
          )}
        />
      )}
      {dialog === 'propose-withdrawal' && (
        <ActionDialog
          open
          title={`Propose withdrawing version ${record.version}`}
          confirm="Propose withdrawal"
          onClose={() => setDialog(null)}
          onSubmit={async (v) => {
            await dataProvider.proposeWithdrawal(String(record.id), String(v.reason ?? ''));
            notify(`Withdrawal of version ${record.version} proposed: another ratifier must confirm it.`, { type: 'success' });
            setDialog(null);
            refresh();
          }}
          intro={`A withdrawn version counts for no date. Taking version ${record.version} out of force takes two ratifiers: you propose it with the reason, and another ratifier confirms it (or any ratifier cancels it). Until then it stays as it is. The page then says what comes back into force for its dates.`}
          fields={[
            {
              name: 'reason',
              label: 'Reason',
              multiline: true,
              required: true,
              helperText: 'Why the version must be withdrawn, in words: it goes on the public record.',
            },
          ]}
        />
      )}
      {dialog === 'submit' && (
        <ActionDialog
          open
          title={`Submit version ${record.version} for ratification?`}
          confirm="Submit for ratification"
          onClose={() => setDialog(null)}
          onSubmit={async () => {
            setDialog(null);
            await submit();
          }}
          intro="A ratifier then decides it. While it is submitted it cannot be changed; until it is decided, you can return it to draft."
          fields={[]}
        />
      )}
      {dialog === 'delete' && (
        <ActionDialog
          open
          title={`Delete draft ${record.version}?`}
          confirm="Delete draft"
          onClose={() => setDialog(null)}
          onSubmit={remove}
          intro="The draft and its worked examples are removed. The audit log keeps a record that it existed."
          fields={[]}
        />
      )}
    </TopToolbar>
  );
}
