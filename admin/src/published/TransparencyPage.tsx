/**
 * The Algorithmic Transparency Recording Standard record of a published version, as a public page: the
 * record the server generates from the version and its ratification, in the order of the standard's tiers.
 */

import { Box, Link, Typography } from '@mui/material';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { formatDate } from '../format';
import { Equalities } from './Equalities';
import { Loaded } from './Loaded';
import type { TransparencyRecord } from './publishedApi';
import { Shell } from './Shell';

export function TransparencyPage() {
  const { policyId = '', version = '' } = useParams();
  return (
    <Loaded
      what="record"
      keys={[policyId, version]}
      load={async (data) => {
        const [record, published] = await Promise.all([
          data.transparencyRecord(policyId, version),
          // Client groups are named as the scheme names them, not by their ids.
          data.publishedVersion(policyId, version).catch(() => null),
        ]);
        const labels = Object.fromEntries(published?.document.clientGroups.map((g) => [g.id, g.label]) ?? []);
        return { record, labels };
      }}
    >
      {({ record, labels }) => <Record record={record} labels={labels} policyId={policyId} version={version} />}
    </Loaded>
  );
}

function Record({
  record,
  labels,
  policyId,
  version,
}: {
  record: TransparencyRecord;
  labels: Record<string, string>;
  policyId: string;
  version: string;
}) {
  const { tier1, tier2 } = record;
  return (
    <Shell title={`Algorithmic transparency record: ${tier1.name}`}>
      <Typography variant="h3" component="h1" gutterBottom sx={{ fontSize: { xs: '2rem', md: '2.5rem' } }}>
        Algorithmic transparency record: {tier1.name}
      </Typography>
      <Typography sx={{ mb: 2 }}>
        {tier1.organisation} publishes this record under the Algorithmic Transparency Recording Standard. It is generated from{' '}
        <Link component={RouterLink} to={`/published/${encodeURIComponent(policyId)}/${encodeURIComponent(version)}`}>
          the published scheme, version {version}
        </Link>
        , and the record of the decision that agreed it.
      </Typography>

      <Part title="What it is and why it is used">
        <Typography sx={{ mb: 1 }}>{tier1.description}</Typography>
        <Typography sx={{ mb: 1 }}>{tier1.purpose}</Typography>
      </Part>
      <Part title="How it works">
        <List items={tier1.howItWorks} />
        <Typography>{tier1.humanDecision}</Typography>
      </Part>
      <Part title="Who is responsible">
        <Typography>
          {tier2.owner.organisation}. Agreed by {tier2.owner.decidedBy} on {formatDate(tier2.owner.decisionDate)} (minute{' '}
          {tier2.owner.minuteReference}), in force from {formatDate(tier2.owner.effectiveFrom)}.
        </Typography>
        {tier1.contact && (
          <Typography sx={{ mt: 1 }}>
            Contact: {tier1.contact.name}
            {tier1.contact.phone ? `, telephone ${tier1.contact.phone}` : ''}
            {tier1.contact.email ? `, email ${tier1.contact.email}` : ''}.
          </Typography>
        )}
      </Part>
      <Part title="The information it uses">
        <List items={tier2.dataUsed} />
      </Part>
      <Part title="How people stay in charge of the decision">
        <List items={tier2.humanOversight} />
      </Part>
      <Part title="Risks, and what is done about them">
        {tier2.risksAndMitigations.risks && <Typography sx={{ mb: 1 }}>{tier2.risksAndMitigations.risks}</Typography>}
        {tier2.risksAndMitigations.equalityImpact && (
          <Typography sx={{ mb: 1 }}>Equality impact: {tier2.risksAndMitigations.equalityImpact}</Typography>
        )}
        {tier2.risksAndMitigations.comparisonWaiver && (
          <Typography sx={{ mb: 1 }}>Why no comparison was made: {tier2.risksAndMitigations.comparisonWaiver}</Typography>
        )}
        {!tier2.risksAndMitigations.risks && !tier2.risksAndMitigations.equalityImpact && !tier2.risksAndMitigations.comparisonWaiver && (
          <Typography>The council has not yet written this part.</Typography>
        )}
      </Part>
      {tier2.impactAssessment && (
        <Part title="Who gains and who loses">
          <Equalities impact={tier2.impactAssessment} groupLabel={(id) => labels[id] ?? id} />
        </Part>
      )}
    </Shell>
  );
}

function Part({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Box component="section" sx={{ mb: 3 }}>
      <Typography variant="h5" component="h2" gutterBottom>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

function List({ items }: { items: string[] }) {
  return (
    <Box component="ul" sx={{ mt: 0 }}>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </Box>
  );
}
