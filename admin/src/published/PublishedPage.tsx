/**
 * The published RAS: public pages, no sign-in, outside the console's layout. Written for a person or
 * family to follow how a personal budget is worked out, and printable.
 */

import { Alert, Box, Link, Typography } from '@mui/material';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { formatDate } from '../format';
import { CarerSection } from './CarerSection';
import { PricingSection } from './PricingSection';
import { Loaded } from './Loaded';
import type { PublishedVersion } from './publishedApi';
import { ExampleSection } from './ExampleSection';
import { NextStepsSection } from './NextStepsSection';
import { QuestionsSection } from './QuestionsSection';
import { RatificationSection } from './RatificationSection';
import { RoundingSection } from './RoundingSection';
import { Shell } from './Shell';
import { UpliftsSection } from './UpliftsSection';

export function PublishedPage() {
  const { policyId = '', version = '' } = useParams();
  return (
    <Loaded what="scheme" keys={[policyId, version]} load={(data) => data.publishedVersion(policyId, version)}>
      {(data) => <Published data={data} />}
    </Loaded>
  );
}

function Published({ data }: { data: PublishedVersion }) {
  const doc = data.document;
  const r = data.ratification;
  return (
    <Shell title={`${doc.title}, version ${data.version}`}>
      <Typography variant="h3" component="h1" gutterBottom sx={{ fontSize: { xs: '2rem', md: '2.5rem' } }}>
        {doc.title}
      </Typography>
      <Typography variant="h6" component="p" gutterBottom>
        {doc.council}, version {data.version}
      </Typography>
      {data.superseded ? (
        <Alert severity="info" sx={{ mb: 2 }}>
          This version was replaced by{' '}
          <Link component={RouterLink} to={`/published/${encodeURIComponent(data.policyId)}/${encodeURIComponent(data.superseded.by)}`}>
            version {data.superseded.by}
          </Link>{' '}
          from {formatDate(data.superseded.from)}.
        </Alert>
      ) : (
        <Typography sx={{ mb: 2 }}>
          In force from {formatDate(r.effectiveFrom)}. Last updated {formatDate(r.decisionDate)}, when it was agreed.
        </Typography>
      )}
      {doc.description && <Typography sx={{ mb: 2 }}>{doc.description}</Typography>}
      <Box component="nav" aria-label="On this page" className="no-print" sx={{ mb: 3 }}>
        <Typography component="h2" variant="h6">
          On this page
        </Typography>
        <Box component="ol" sx={{ mt: 0 }}>
          {[
            ['questions', 'The questions and their points'],
            ['money', 'How points become money'],
            ['carer', 'If you have an unpaid carer'],
            ['uplifts', 'Yearly increases (uplifts)'],
            ['rounding', 'Rounding and weekly, monthly and yearly amounts'],
            ...(data.workedExample ? [['example', 'An example, step by step']] : []),
            ['decision', 'Who agreed this scheme'],
            ['next', 'What happens next'],
          ].map(([id, text]) => (
            <li key={id}>
              <Link
                href={`#${id}`}
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(id!)?.scrollIntoView();
                  document.getElementById(id!)?.focus();
                }}
              >
                {text}
              </Link>
            </li>
          ))}
        </Box>
      </Box>

      <QuestionsSection doc={doc} />
      <PricingSection doc={doc} />
      <CarerSection doc={doc} />
      <UpliftsSection doc={doc} />
      <RoundingSection doc={doc} />
      {data.workedExample && <ExampleSection example={data.workedExample} />}
      <RatificationSection data={data} />
      <NextStepsSection doc={doc} />
      <Typography sx={{ mt: 3 }}>
        How the council uses this scheme, who is responsible and what it does about the risks:{' '}
        <Link
          component={RouterLink}
          to={`/published/${encodeURIComponent(data.policyId)}/${encodeURIComponent(data.version)}/transparency-record`}
        >
          the algorithmic transparency record
        </Link>
        .
      </Typography>
    </Shell>
  );
}
