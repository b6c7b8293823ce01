/**
 * The names a comparison is read by: the scheme's title as every page names it, and each client group's
 * label from the compared versions' own documents (a later version's label wins where one was renamed). A group no
 * version names (a cohort may hold people of a group the scheme does not have) keeps its id.
 */

import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { Policy } from '../../../engine/policy';
import { versionId } from '../dataProvider';

export interface ComparisonNames {
  scheme: string;
  clientGroup(id: string): string;
}

export const namesFrom = (documents: readonly Pick<Policy, 'title' | 'clientGroups'>[], schemeTitle: string): ComparisonNames => {
  const labels = new Map(documents.flatMap((d) => d.clientGroups.map((g) => [g.id, g.label] as const)));
  // The scheme as every page names it (its version in force's title); a compared version's own title otherwise.
  return { scheme: schemeTitle || (documents.at(-1)?.title ?? ''), clientGroup: (id) => labels.get(id) ?? id };
};

/** Reads the compared versions whole (a list's summaries have no documents) and names their groups. */
export function useComparisonNames(policyId: string, versions: readonly string[], schemeTitle: string): ComparisonNames {
  const dataProvider = useDataProvider();
  const [documents, setDocuments] = useState<Policy[]>([]);
  const key = versions.join('\n');
  useEffect(() => {
    let current = true;
    Promise.all(
      key.split('\n').map((v) => dataProvider.getOne<{ id: string; document: Policy }>('versions', { id: versionId(policyId, v) })),
    )
      .then((read) => current && setDocuments(read.map((r) => r.data.document)))
      .catch(() => current && setDocuments([]));
    return () => {
      current = false;
    };
  }, [dataProvider, policyId, key]);
  return namesFrom(documents, schemeTitle);
}
