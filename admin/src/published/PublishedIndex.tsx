/** The list of published schemes, each with the version in force today and the others published. */

import { Alert, Box, CircularProgress, Link, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { formatDate } from '../format';
import { useDataProvider } from 'react-admin';
import type { RasDataProvider } from '../dataProvider';
import { messageOf } from '../http';
import type { PublishedPolicy } from './publishedApi';
import { Shell } from './Shell';

export function PublishedIndex() {
  const [schemes, setSchemes] = useState<PublishedPolicy[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const dataProvider = useDataProvider<RasDataProvider>();
  useEffect(() => {
    dataProvider.publishedSchemes().then(setSchemes, (e) => setError(messageOf(e)));
  }, [dataProvider]);
  return (
    <Shell title="Published schemes">
      <Typography variant="h3" component="h1" gutterBottom sx={{ fontSize: { xs: '2rem', md: '2.5rem' } }}>
        Published resource allocation schemes
      </Typography>
      <Typography sx={{ mb: 3 }}>
        A resource allocation scheme turns the answers to a needs assessment into an indicative personal budget: an early estimate of the
        money needed to meet your eligible care and support needs. Each scheme below was agreed by the council and is published here so that
        anyone can see how it works.
      </Typography>
      {error && <Alert severity="error">{error}</Alert>}
      {!schemes && !error && <CircularProgress aria-label="Loading the published schemes" />}
      {schemes?.length === 0 && <Typography>No scheme has been published yet.</Typography>}
      {schemes?.map((s) => {
        const others = s.versions
          .filter((v) => v.version !== s.inForce?.version)
          .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
        return (
          <Box component="section" key={s.id} aria-labelledby={`scheme-${s.id}`} sx={{ mb: 4, pb: 2, borderBottom: '1px solid #b1b4b6' }}>
            <Typography id={`scheme-${s.id}`} variant="h5" component="h2" gutterBottom>
              {s.title}
            </Typography>
            <Typography sx={{ mb: 1 }}>{s.council}</Typography>
            {s.inForce ? (
              <Typography>
                In use today:{' '}
                <Link component={RouterLink} to={`/published/${encodeURIComponent(s.id)}/${encodeURIComponent(s.inForce.version)}`}>
                  version {s.inForce.version}
                </Link>
                , in force since {formatDate(s.inForce.effectiveFrom)}.
              </Typography>
            ) : (
              <Typography>No version of this scheme is in force today.</Typography>
            )}
            {others.length > 0 && (
              <>
                <Typography sx={{ mt: 1 }}>Other published versions:</Typography>
                <Box component="ul" sx={{ mt: 0 }}>
                  {others.map((v) => (
                    <li key={v.version}>
                      <Link component={RouterLink} to={`/published/${encodeURIComponent(s.id)}/${encodeURIComponent(v.version)}`}>
                        version {v.version}
                      </Link>{' '}
                      ({v.status === 'superseded' ? 'replaced; was' : v.effectiveFrom > todayText() ? 'will be' : ''} in force from{' '}
                      {formatDate(v.effectiveFrom)})
                    </li>
                  ))}
                </Box>
              </>
            )}
          </Box>
        );
      })}
    </Shell>
  );
}

const todayText = () => new Date().toISOString().slice(0, 10);
