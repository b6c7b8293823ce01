/**
 * The Algorithmic Transparency Recording Standard record of a published version, as a public page: the
 * record the server generates from the version and its ratification, in the order of the standard's tiers.
 */

import { Alert, Box, CircularProgress, Link, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { formatDate } from '../calculator/format';
import { Equalities, type ImpactSummary } from './Equalities';
import { getJson, type PublishedVersion } from './publishedApi';
import { Shell } from './Shell';

/** The parts of GET …/transparency-record this page shows (the OpenAPI document's TransparencyRecord). */
interface TransparencyRecord {
  tier1: {
    name: string;
    organisation: string;
    description: string;
    purpose: string;
    howItWorks: string[];
    humanDecision: string;
    contact: { name: string; phone?: string; email?: string } | null;
  };
  tier2: {
    owner: { organisation: string; decidedBy: string; decisionDate: string; minuteReference: string; effectiveFrom: string };
    dataUsed: string[];
    humanOversight: string[];
    risksAndMitigations: { risks: string | null; equalityImpact: string | null; comparisonWaiver: string | null };
    impactAssessment: ImpactSummary | null;
  };
}

export function TransparencyPage() {
  const { policyId = '', version = '' } = useParams();
  const [record, setRecord] = useState<TransparencyRecord | null>(null);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const path = `/api/public/policies/${encodeURIComponent(policyId)}/versions/${encodeURIComponent(version)}`;
    getJson<TransparencyRecord>(`${path}/transparency-record`).then(setRecord, (e) => setError(e.message));
    // Client groups are named as the scheme names them, not by their ids.
    getJson<PublishedVersion>(path).then(
      (v) => setLabels(Object.fromEntries(v.document.clientGroups.map((g) => [g.id, g.label]))),
      () => undefined,
    );
  }, [policyId, version]);

  if (error)
    return (
      <Shell title="Not found">
        <Typography variant="h3" component="h1" gutterBottom>
          Record not found
        </Typography>
        <Alert severity="error">{error}</Alert>
      </Shell>
    );
  if (!record)
    return (
      <Shell title="Loading">
        <Typography variant="h3" component="h1" gutterBottom>
          Loading the record…
        </Typography>
        <CircularProgress aria-label="Loading" />
      </Shell>
    );
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
