import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import { lazy, Suspense } from 'react';

// Monaco is large: the editor page and everything it needs load only when a draft is opened for editing.
const VersionEdit = lazy(() => import('./VersionEdit'));

export function VersionEditRoute() {
  return (
    <Suspense
      fallback={
        <Box role="status" sx={{ p: 4, display: 'flex', gap: 2, alignItems: 'center' }}>
          <CircularProgress size={24} aria-hidden /> Loading the editor…
        </Box>
      }
    >
      <VersionEdit />
    </Suspense>
  );
}
