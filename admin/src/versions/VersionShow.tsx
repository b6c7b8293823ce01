import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { Show, useGetList, usePermissions, useRecordContext } from 'react-admin';
import type { Access } from '../authProvider';
import { RatificationPreview } from './RatificationPreview';
import { useSearchParams } from 'react-router-dom';
import type { Policy } from '../../../engine/policy';
import { AuditTimeline } from './AuditTimeline';
import { dateTime, longDate, formatNumber } from '../format';
import { ChangesSince } from './PolicyChanges';
import { PolicyDocumentView, Section } from './PolicyDocumentView';
import { personWords, RatificationRecord, type VersionRecordView } from './RatificationRecord';
import { ReferenceCohortPanel } from './ReferenceCohortPanel';
import { StatusChip } from './StatusChip';
import { WorkedExamples, type ExamplesVersion } from './WorkedExamples';
import { WithdrawalProposalPanel } from './WithdrawalPanel';
import { WorkflowButtons } from './WorkflowButtons';

type Shown = VersionRecordView & ExamplesVersion & { document: Policy };

/** The parts of a version's page, each a tab whose name is kept in the address (?tab=examples), so a link can open it. */
const TABS = [
  { id: 'ras', label: 'The RAS' },
  { id: 'changes', label: 'What changed' },
  { id: 'examples', label: 'Worked examples' },
  { id: 'history', label: 'History' },
] as const;

function Header({ record }: { record: Shown }) {
  const { data = [] } = useGetList('policies', { pagination: { page: 1, perPage: 100 }, sort: { field: 'id', order: 'ASC' } });
  const scheme = data.find((p) => p.id === record.policyId);
  const inForce = scheme?.inForce?.version === record.version;
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="h1" component="h1" sx={{ mb: 1 }}>
        {record.document.title}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <StatusChip of={record} size="medium" />
        {inForce && (
          <Typography component="span" sx={{ fontWeight: 700, color: 'success.main' }}>
            In force today
          </Typography>
        )}
        <Typography component="span" color="text.secondary">
          {scheme?.title ?? record.policyId} · version {record.version}
          {record.ratification ? ` · effective from ${longDate(record.ratification.effectiveFrom)}` : ''}
        </Typography>
      </Box>
      <Typography variant="body2" color="text.secondary">
        {record.createdBy.startsWith('system:')
          ? 'Loaded with the example schemes'
          : `Created by ${record.createdByName ?? record.createdBy}`}{' '}
        on {dateTime(record.createdAt)}
        {record.basedOn ? `, copied from ${record.basedOn.version}` : ''}. Last changed {dateTime(record.updatedAt)}.{' '}
        {formatNumber(record.examples.length)} worked examples.
      </Typography>
      <Box component="details" sx={{ mt: 1, color: 'text.secondary', '& summary': { cursor: 'pointer' } }} className="no-print">
        <summary>Technical details</summary>
        <Typography variant="body2" sx={{ wordBreak: 'break-all' }}>
          Scheme id {record.policyId}, version {record.version}. Content hash {record.contentHash}.
        </Typography>
      </Box>
      {record.status === 'draft' && (
        <Alert severity="info" sx={{ mt: 2 }} className="no-print">
          This is a draft: it has no effect until it is submitted and ratified.
        </Alert>
      )}
      {record.status === 'withdrawn' && (
        <Alert severity="error" sx={{ mt: 2 }}>
          Withdrawn: this version counts for no date.
          {record.withdrawal
            ? ` ${record.withdrawal.proposedBy ? `${personWords(record, record.withdrawal.proposedBy)} proposed it and ${personWords(record, record.withdrawal.by)} confirmed it` : `${personWords(record, record.withdrawal.by)} withdrew it`} on ${dateTime(record.withdrawal.at)}.`
            : ''}
          {record.withdrawal?.restores ? ` Version ${record.withdrawal.restores.version} is in force again for its dates.` : ''}
          {record.withdrawal?.restores === null ? ' Nothing came back into force for its dates.' : ''}
        </Alert>
      )}
      <WithdrawalProposalPanel record={record} />
    </Box>
  );
}

function VersionBody() {
  const record = useRecordContext<Shown>();
  const [search, setSearch] = useSearchParams();
  if (!record?.document) return null;
  // A version copied from another says what changed since; one made from nothing has nothing to compare.
  const tabs = TABS.filter((t) => t.id !== 'changes' || record.basedOn);
  const tab = tabs.find((t) => t.id === search.get('tab'))?.id ?? 'ras';
  return (
    <Box sx={{ p: { xs: 1, md: 2 } }}>
      <Header record={record} />
      <ReferenceCohortPanel policyId={record.policyId} />
      {record.status === 'submitted' && <BeforeRatifying record={record} />}
      <Tabs
        value={tab}
        onChange={(_, value: string) => setSearch(value === 'ras' ? {} : { tab: value }, { replace: true })}
        aria-label="Parts of this version"
        variant="scrollable"
        allowScrollButtonsMobile
        className="no-print"
        sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}
      >
        {tabs.map((t) => (
          <Tab key={t.id} value={t.id} label={t.label} id={`tab-${t.id}`} aria-controls={`panel-${t.id}`} />
        ))}
      </Tabs>
      <Box role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'ras' && (
          <>
            <RatificationRecord record={record} />
            <PolicyDocumentView policy={record.document} />
          </>
        )}
        {tab === 'changes' && record.basedOn && (
          <Section id="changes" title={`What changed since version ${record.basedOn.version}`}>
            <ChangesSince policyId={record.policyId} version={record.basedOn.version} candidate={record.document} />
          </Section>
        )}
        {tab === 'examples' && <WorkedExamples record={record} />}
        {tab === 'history' && <AuditTimeline id={record.id} updatedAt={record.updatedAt} names={record.names} />}
      </Box>
    </Box>
  );
}

/**
 * A submitted version against the version in force, over the reference cohort: who is better or worse off and
 * what changes, read on the page before anyone presses Ratify (the Ratify dialog then records the decision).
 */
function BeforeRatifying({ record }: { record: Shown }) {
  const { permissions } = usePermissions<Access>();
  if (!(permissions?.actions ?? []).includes('comparison.run')) return null;
  return (
    <Box component="section" aria-labelledby="before-ratifying-heading" sx={{ mb: 2 }}>
      <Typography id="before-ratifying-heading" variant="h2" component="h2" sx={{ fontSize: '1.15rem', fontWeight: 700, mb: 1 }}>
        Before it is ratified: who is better or worse off
      </Typography>
      <RatificationPreview
        policyId={record.policyId}
        version={record.version}
        candidate={record.document}
        groupLabel={(id) => record.document.clientGroups?.find((g) => g.id === id)?.label ?? id}
      />
    </Box>
  );
}

const Title = () => {
  const record = useRecordContext<Partial<Shown> & { policyId: string; version: string; title?: string }>();
  // From the list, the record may be a summary without its document until the version itself arrives.
  return <span>{record ? `${record.document?.title ?? record.title ?? record.policyId}, version ${record.version}` : 'Version'}</span>;
};

/** One version in full: the RAS as a reader sees it, its ratification and its history; prints as a paper. */
export function VersionShow() {
  return (
    <Show actions={<WorkflowButtons />} title={<Title />} sx={{ '& .RaShow-card': { bgcolor: 'transparent', boxShadow: 'none' } }}>
      <VersionBody />
    </Show>
  );
}
