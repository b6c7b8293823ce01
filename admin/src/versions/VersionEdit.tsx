/**
 * Editing a draft, two ways kept in step: a form for the parts officers change most, and the whole document
 * as JSON checked against the policy schema. Saves are pessimistic, so the server's 422 problems land on the
 * fields they name; a stale save (412) says so plainly and offers a reload.
 */

import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import {
  Edit,
  Form,
  SaveButton,
  Toolbar,
  useCreatePath,
  useDataProvider,
  useNotify,
  usePermissions,
  useRecordContext,
  useRedirect,
  useRefresh,
  useSaveContext,
  type HttpError,
} from 'react-admin';
import type { Access } from '../authProvider';
import type { RasDataProvider } from '../dataProvider';
import { formatNumber } from '../format';
import type { ProblemError } from '../contract/api-answers';
import { EditorContext, useEditorState, type EditorState } from './editorState';
import { prune } from './prune';
import { ErrorSummary } from './ErrorSummary';
import { PolicyForm } from './PolicyForm';
import { StatusChip } from './StatusChip';

// Monaco is most of the console's code: it loads only when someone opens the JSON tab.
const JsonTab = lazy(() => import('./JsonTab').then((m) => ({ default: m.JsonTab })));

const STALE = 'Someone else changed this version since you opened it. Reload to see their changes, then make yours again.';
type Editing = { id: string; policyId: string; version: string; status: string; contentHash: string; document: { title: string } };

function Warnings() {
  const record = useRecordContext<Editing>();
  const { permissions } = usePermissions<Access>();
  const { stale } = useEditorState();
  const refresh = useRefresh();
  if (!record) return null;
  return (
    <>
      {stale && (
        <Alert
          severity="error"
          role="alert"
          sx={{ mb: 2 }}
          action={
            <Button color="inherit" onClick={refresh}>
              Reload
            </Button>
          }
        >
          {STALE}
        </Alert>
      )}
      {record.status !== 'draft' && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          This version is {record.status} and can never change: clone it to a new draft to make changes.
        </Alert>
      )}
      {permissions && !permissions.actions.includes('version.draft') && (
        <Alert severity="info" sx={{ mb: 2 }}>
          You can read this draft, but only a policy officer can change it.
        </Alert>
      )}
    </>
  );
}

function PolicyEditor() {
  const record = useRecordContext<Editing>();
  const { save } = useSaveContext();
  const notify = useNotify();
  const createPath = useCreatePath();
  const state = useEditorState();
  const [tab, setTab] = useState(0);
  const { permissions } = usePermissions<Access>();
  // The form starts from the record as first read whole, and only a new revision of the content starts it
  // again (the Form is keyed by the content hash). react-admin resets a form whenever its record's data
  // changes, and the record here is refetched in the background when the page opens: under load that
  // answer can land after the officer has begun, and a reset would silently drop every change the form's
  // inputs do not hold themselves (what was typed in the JSON tab), so the save would lose it.
  const pinned = usePinnedRecord(record);
  // From the list, the record may be a summary without its document until the version itself arrives.
  if (!record?.document || !pinned) return null;
  // Someone who may not change this version reads it instead of being given a form the server would refuse.
  if (!permissions || record.status !== 'draft' || !permissions.actions.includes('version.draft')) return <ReadOnly record={record} />;

  async function onSubmit(values: Record<string, unknown>) {
    if (state.jsonBroken) {
      notify(`The JSON cannot be read, so it was not saved: ${state.jsonBroken}`, { type: 'error' });
      return undefined;
    }
    state.clear();
    const errors = await save?.(values);
    return errors && Object.keys(errors).length > 0 ? { document: errors } : undefined;
  }

  return (
    <Form record={pinned} onSubmit={onSubmit} disableInvalidFormNotification warnWhenUnsavedChanges key={record.contentHash}>
      <Box sx={{ p: { xs: 1, md: 2 } }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 2, flexWrap: 'wrap' }}>
          <Typography variant="h1" component="h1">
            Edit {record.document.title}, version {record.version}
          </Typography>
          <StatusChip of={record as never} />
        </Box>
        <Warnings />
        <ErrorSummary problems={state.serverErrors} onFieldMissing={() => setTab(1)} />
        <Tabs
          value={tab}
          onChange={(_e, v: number) => setTab(v)}
          aria-label="How to edit"
          sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}
        >
          <Tab label="Form" id="edit-tab-form" aria-controls="edit-panel-form" />
          <Tab label="JSON" id="edit-tab-json" aria-controls="edit-panel-json" />
        </Tabs>
        <div role="tabpanel" id="edit-panel-form" aria-labelledby="edit-tab-form" hidden={tab !== 0}>
          {tab === 0 && <PolicyForm />}
        </div>
        <div role="tabpanel" id="edit-panel-json" aria-labelledby="edit-tab-json" hidden={tab !== 1}>
          {tab === 1 && (
            <Suspense fallback={<Typography role="status">Loading the JSON editor…</Typography>}>
              <JsonTab modelName={`${record.policyId}-${record.version}`} />
            </Suspense>
          )}
        </div>
      </Box>
      <Toolbar sx={{ position: 'sticky', bottom: 0, gap: 2, zIndex: 2 }}>
        <SaveButton label="Save draft" />
        <Button component={RouterLink} to={createPath({ resource: 'versions', id: record.id, type: 'show' })}>
          Cancel
        </Button>
      </Toolbar>
    </Form>
  );
}

/** The first whole record of each content hash: the same object however often the same content is read again. */
function usePinnedRecord(record: Editing | undefined): Editing | undefined {
  const pinned = useRef<Editing | undefined>(undefined);
  if (record?.document && record.contentHash !== pinned.current?.contentHash) pinned.current = record;
  return record?.document ? pinned.current : undefined;
}

function ReadOnly({ record }: { record: Editing }) {
  const createPath = useCreatePath();
  return (
    <Box sx={{ p: { xs: 1, md: 2 } }}>
      <Typography variant="h1" component="h1" sx={{ mb: 2 }}>
        {record.document.title}, version {record.version}
      </Typography>
      <Warnings />
      <Button component={RouterLink} to={createPath({ resource: 'versions', id: record.id, type: 'show' })} variant="outlined">
        Read this version
      </Button>
    </Box>
  );
}

const Title = () => {
  const record = useRecordContext<Editing>();
  return <span>{record ? `Edit ${record.document?.title ?? record.policyId}, version ${record.version}` : 'Edit version'}</span>;
};

export default function VersionEdit() {
  const notify = useNotify();
  const dataProvider = useDataProvider<RasDataProvider>();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const [serverErrors, setServerErrors] = useState<ProblemError[]>([]);
  const [stale, setStale] = useState(false);
  const [jsonBroken, setJsonBroken] = useState<string | null>(null);
  const state = useMemo<EditorState>(
    () => ({
      serverErrors,
      stale,
      jsonBroken,
      setJsonBroken,
      clear: () => {
        setServerErrors([]);
        setStale(false);
      },
    }),
    [serverErrors, stale, jsonBroken],
  );

  function onError(error: unknown) {
    const e = error as HttpError;
    if (e.status === 412) {
      setStale(true);
      notify(STALE, { type: 'error', autoHideDuration: 20000 });
      return;
    }
    const problems: ProblemError[] = e.body?.problems ?? [];
    setServerErrors(problems);
    if (problems.length === 0) notify(e.message, { type: 'error', autoHideDuration: 15000 });
  }

  // Leave for the saved version once the form has taken the saved record (it remounts on a new content
  // hash, clean): leaving from the save itself would be held by the unsaved-changes guard of the old form.
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    if (saved) redirect('show', 'versions', saved);
  }, [saved, redirect]);

  function onSuccess(data: { id: string; version: string }) {
    notify(`Draft ${data.version} saved.`, { type: 'success' });
    // A change of price or weight moves the worked examples' results: the officer is told at once, not only
    // on the Worked examples tab, since a draft whose examples fail cannot be submitted.
    dataProvider
      .runExamples(data.id)
      .then((report) => {
        const failing = report.examples.filter((e) => !e.passed).length;
        if (failing > 0)
          notify(
            `Draft ${data.version} saved. ${formatNumber(failing)} of ${formatNumber(report.examples.length)} worked examples now give a different result: correct them on the Worked examples tab before submitting.`,
            { type: 'warning', autoHideDuration: 20000 },
          );
      })
      .catch(() => undefined);
    // A read of the version begun before the save (the page's own re-read when it opened, slow under load) would
    // land after the saved record and put the old one back: the version's page, which waits for that same read
    // rather than start its own, would then show the draft as it was before the save, for good. Reading again
    // now cancels it, so what follows is the version as saved. (react-admin cancels such reads only for
    // optimistic saves; a policy's save is pessimistic, so that the server's problems reach the fields.)
    refresh();
    setSaved(data.id);
  }

  return (
    <EditorContext.Provider value={state}>
      <Edit
        mutationMode="pessimistic"
        actions={false}
        title={<Title />}
        transform={(data) => ({ ...data, document: prune(data.document) })}
        mutationOptions={{ onError, onSuccess }}
        sx={{
          // The card is a flex item: without a minimum width of 0 it grows to its widest field, past a phone's width.
          '& .RaEdit-card': { overflow: 'visible', minWidth: 0 },
          '& .RaEdit-card .MuiFormControlLabel-root': { maxWidth: '100%' },
          // On a phone every field takes the width there is: the widths set for a desk never push the page sideways.
          '@media (max-width: 599.95px)': { '& .RaEdit-card .MuiFormControl-root': { minWidth: '0 !important', maxWidth: '100%' } },
        }}
      >
        <PolicyEditor />
      </Edit>
    </EditorContext.Provider>
  );
}
