/**
 * The Algorithmic Transparency Recording Standard record of a published version, as a public page: the
 * record the server generates from the version and its ratification, in the order of the standard's tiers.
 */

import { Alert, Box, CircularProgress, Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { formatChange, formatDate, formatNumber } from '../calculator/format';
import { getJson } from './publishedApi';
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

interface ImpactSummary {
  comparedWith: string;
  cohortPeople: number;
  byClientGroup: Record<string, { betterOff: number; worseOff: number; totalChangePence: number } | string>;
}

export function TransparencyPage() {
  const { policyId = '', version = '' } = useParams();
  const [record, setRecord] = useState<TransparencyRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    getJson<TransparencyRecord>(
      `/api/public/policies/${encodeURIComponent(policyId)}/versions/${encodeURIComponent(version)}/transparency-record`,
    ).then(setRecord, (e) => setError(e.message));
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
      {tier2.impactAssessment && <Impact impact={tier2.impactAssessment} />}
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

/** Who gains and who loses against the version it replaced, by client group: aggregates, small groups withheld. */
function Impact({ impact }: { impact: ImpactSummary }) {
  return (
    <Part title={`Who gains and who loses, against version ${impact.comparedWith}`}>
      <Typography sx={{ mb: 1 }}>
        Worked out for {formatNumber(impact.cohortPeople)} people in the council's reference group. Groups of fewer than 10 people are not
        shown, so no one can be picked out.
      </Typography>
      <Box tabIndex={0} role="region" aria-label="Gains and losses by client group" sx={{ overflowX: 'auto' }}>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                Client group
              </TableCell>
              <TableCell component="th" scope="col" align="right">
                Better off
              </TableCell>
              <TableCell component="th" scope="col" align="right">
                Worse off
              </TableCell>
              <TableCell component="th" scope="col" align="right">
                Change in cost a year
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {Object.entries(impact.byClientGroup).map(([group, f]) => (
              <TableRow key={group}>
                <TableCell component="th" scope="row">
                  {group}
                </TableCell>
                {typeof f === 'string' ? (
                  <TableCell colSpan={3}>{f}: not shown</TableCell>
                ) : (
                  <>
                    <TableCell align="right">{formatNumber(f.betterOff)}</TableCell>
                    <TableCell align="right">{formatNumber(f.worseOff)}</TableCell>
                    <TableCell align="right">{formatChange(f.totalChangePence)}</TableCell>
                  </>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </Part>
  );
}
