/**
 * A public page's data, fetched through the data layer: while it loads, and when it cannot be found,
 * every public page shows the same frame; once it is there, the page itself.
 */

import { Alert, CircularProgress, Typography } from '@mui/material';
import { type ReactNode, useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import { messageOf } from '../http';
import type { RasDataProvider } from '../dataProvider';
import { Shell } from './Shell';

export function Loaded<T>({
  load,
  keys,
  what,
  children,
}: {
  /** Fetches the page's data; run again when any of `keys` changes. */
  load: (data: RasDataProvider) => Promise<T>;
  keys: readonly string[];
  /** What is loading, in words: "scheme", "record". */
  what: string;
  children: (data: T) => ReactNode;
}) {
  const dataProvider = useDataProvider<RasDataProvider>();
  const [state, setState] = useState<{ data: T } | { error: string } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the keys name what is loaded; load is a new function each render
  useEffect(() => {
    setState(null);
    let current = true;
    load(dataProvider).then(
      (data) => current && setState({ data }),
      (e) => current && setState({ error: messageOf(e) }),
    );
    return () => {
      current = false;
    };
  }, [dataProvider, ...keys]);

  if (state && 'error' in state)
    return (
      <Shell title="Not found">
        <Typography variant="h3" component="h1" gutterBottom>
          {`${what[0]!.toUpperCase()}${what.slice(1)} not found`}
        </Typography>
        <Alert severity="error">{state.error}</Alert>
      </Shell>
    );
  if (!state)
    return (
      <Shell title="Loading">
        <Typography variant="h3" component="h1" gutterBottom>
          Loading the {what}…
        </Typography>
        <CircularProgress aria-label="Loading" />
      </Shell>
    );
  return <>{children(state.data)}</>;
}
