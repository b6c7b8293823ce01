import type { RatificationComparison, VersionWithLinks } from '../contract/api-answers';
import Typography from '@mui/material/Typography';
import Box from '@mui/material/Box';
import { pounds } from './format';
import { dateTime, formatNumber, longDate } from '../format';
import { useGetOne, usePermissions } from 'react-admin';
import type { Access } from '../authProvider';
import type { CohortRecord } from '../comparisonAnswers';
import type { Policy } from '../../../engine/policy';
import { cohortWords } from './ReferenceCohortPanel';
import { Section } from './PolicyDocumentView';

/**
 * A version as its page reads it: the server's answer, with the console's id for it and its ETag as
 * loaded. Until the version itself is read, react-admin shows it as a list read it (from Home, say),
 * without the answer's own parts: its steps among them.
 */
export type VersionRecordView = Omit<VersionWithLinks, 'steps' | 'names'> & {
  /** Everyone the record names, by user name: their names now (absent until the version itself is read). */
  names?: VersionWithLinks['names'];
  id: string;
  /** The version's ETag as loaded: a ratification names the revision it ratifies. */
  etag: string;
  /** The steps the reader may take now; absent until the version itself is read, and then none is offered. */
  steps?: VersionWithLinks['steps'];
};
function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', sm: '220px 1fr' },
        gap: 1,
        py: 0.75,
        borderBottom: 1,
        borderColor: 'divider',
      }}
    >
      <Typography component="dt" sx={{ fontWeight: 600 }}>
        {label}
      </Typography>
      <Typography component="dd" sx={{ m: 0, whiteSpace: 'pre-wrap' }}>
        {children}
      </Typography>
    </Box>
  );
}

/** A cohort by its name, for those who may read cohorts; otherwise (or if it is gone) as "the reference cohort". */
function CohortName({ id }: { id: string }) {
  const { permissions } = usePermissions<Access>();
  const canRead = (permissions?.actions ?? []).includes('cohort.read');
  const { data } = useGetOne<CohortRecord>('cohorts', { id }, { enabled: canRead, retry: false });
  return <>{data?.id === id ? `the reference cohort ${cohortWords(data)}` : 'the reference cohort'}</>;
}

/** A group a comparison names, in words: a client group by its label in the version, an age band as "aged 65-74". */
export function groupWords(document: Policy | undefined, group: { dimension: string; group: string }): string {
  if (group.dimension === 'ageBand') return `aged ${group.group}`;
  return document?.clientGroups?.find((g) => g.id === group.group)?.label ?? group.group;
}

function ComparisonSummary({ c, document }: { c: RatificationComparison; document?: Policy }) {
  const o = c.overall;
  return (
    <>
      {c.candidate && c.candidate !== c.against ? `${c.candidate} ` : ''}Compared with {c.against} over <CohortName id={c.cohortId} /> as of{' '}
      {longDate(c.asOf)}: {formatNumber(c.people)} people
      {c.excluded ? ` (${formatNumber(c.excluded)} could not be evaluated)` : ''}; {formatNumber(o.gainers)} better off,{' '}
      {formatNumber(o.losers)} worse off, {formatNumber(o.unchanged)} unchanged; total change {pounds(o.totalChangePence)} a year.
      {c.lostAmount?.people ? ` ${formatNumber(c.lostAmount.people)} would have no amount at all.` : ''}
      {c.worseOff.length > 0
        ? ` Worse off: ${c.worseOff.map((w) => `${groupWords(document, w)} (${formatNumber(w.losers)} of ${formatNumber(w.people)}${w.lostAmount ? `, ${formatNumber(w.lostAmount)} without an amount` : ''})`).join(', ')}.`
        : ''}
    </>
  );
}

/** A person the version's record names, by their name now: never a user name, and the system in words. */
export function personWords(record: Pick<VersionRecordView, 'names'>, who: string | null | undefined): string {
  if (!who) return 'someone';
  if (who.startsWith('system:')) return 'the example schemes loaded at setup';
  return record.names?.[who] ?? who;
}

/** The decision that put a version in force, as the minutes record it, and what happened to it since. */
export function RatificationRecord({ record }: { record: VersionRecordView }) {
  const r = record.ratification;
  return (
    <Section id="ratification" title="Ratification record">
      {r ? (
        <Box component="dl" sx={{ m: 0 }}>
          <Row label="Deciding body">{r.body}</Row>
          <Row label="Decision date">{longDate(r.decisionDate)}</Row>
          <Row label="Minute reference">{r.minuteReference}</Row>
          <Row label="Effective from">{longDate(r.effectiveFrom)}</Row>
          <Row label="Rationale">{r.rationale}</Row>
          <Row label="Equality impact">{r.equalityImpact || 'No note recorded.'}</Row>
          {r.comparison && (
            <Row label="Comparison">
              <ComparisonSummary c={r.comparison} document={record.document} />
            </Row>
          )}
          {r.comparisonWaiver && <Row label="Ratified without a comparison because">{r.comparisonWaiver}</Row>}
          {r.auditAnchor && (
            <Row label="Audit checkpoint">
              Entry {r.auditAnchor.seq} of the audit log, fingerprint {r.auditAnchor.hash.slice(0, 12)}…
            </Row>
          )}
          <Row label="Ratified by">
            {personWords(record, r.ratifiedBy)}, {dateTime(r.ratifiedAt)}
          </Row>
          {record.checkpointLine && (
            <Row label="Checkpoint for the minutes">
              <Box component="code" sx={{ fontSize: '0.8rem', overflowWrap: 'anywhere' }}>
                {record.checkpointLine}
              </Box>
              <Typography variant="body2" component="span" sx={{ display: 'block', mt: 0.5 }}>
                The audit log at ratification, signed with the council's audit key. Kept in the minutes, it lets anyone find later whether
                the record was rewritten or cut short (Audit log, "Verify chain").
              </Typography>
            </Row>
          )}
          {record.superseded && (
            <Row label="Superseded">
              By {record.superseded.by} from {longDate(record.superseded.from)}
            </Row>
          )}
          {record.withdrawal && <WithdrawalRows w={record.withdrawal} record={record} />}
        </Box>
      ) : (
        <Typography>
          {record.status === 'submitted'
            ? `Submitted by ${personWords(record, record.submittedBy)} on ${dateTime(record.submittedAt)}; awaiting ratification.`
            : 'Not ratified yet.'}
        </Typography>
      )}
    </Section>
  );
}

/** A withdrawal as recorded: who proposed it and why, who confirmed it, what came back, and the note or waiver. */
function WithdrawalRows({ w, record }: { w: NonNullable<VersionRecordView['withdrawal']>; record: VersionRecordView }) {
  return (
    <>
      <Row label="Withdrawn">
        {w.proposedBy
          ? `Proposed by ${personWords(record, w.proposedBy)}${w.proposedAt ? `, ${dateTime(w.proposedAt)}` : ''}; confirmed by ${personWords(record, w.by)}, ${dateTime(w.at)}`
          : `${personWords(record, w.by)}, ${dateTime(w.at)}`}
      </Row>
      <Row label="Reason for withdrawal">{w.reason}</Row>
      {w.restores !== undefined && (
        <Row label="In force instead">
          {w.restores
            ? `Version ${w.restores.version}, for the dates this version was in force`
            : 'Nothing: no version came back into force for its dates'}
        </Row>
      )}
      {w.equalityImpact && <Row label="Equality impact of the withdrawal">{w.equalityImpact}</Row>}
      {w.comparison && (
        <Row label="Comparison for the withdrawal">
          <ComparisonSummary c={w.comparison} document={record.document} />
        </Row>
      )}
      {w.comparisonWaiver && <Row label="Withdrawn without a comparison because">{w.comparisonWaiver}</Row>}
    </>
  );
}
