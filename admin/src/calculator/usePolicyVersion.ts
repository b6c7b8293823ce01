/** The calculator's choice of scheme and version, and the policy document of the version chosen. */

import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import { useDataProvider } from 'react-admin';
import { type PolicySummary, type RasDataProvider, versionId, type VersionSummary } from '../dataProvider';
import { messageOf } from '../http';
import type { PolicyDocument } from './types';

export type { PolicySummary, VersionSummary };

/**
 * Starts on the first scheme and the version in force (else the latest), and keeps the chosen
 * client group when the new version still has it.
 */
export function usePolicyVersion(setClientGroup: Dispatch<SetStateAction<string>>) {
  const [policies, setPolicies] = useState<PolicySummary[] | null>(null);
  const [policyId, setPolicyId] = useState('');
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [version, setVersion] = useState('');
  const [doc, setDoc] = useState<PolicyDocument | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const dataProvider = useDataProvider<RasDataProvider>();

  useEffect(() => {
    dataProvider
      .policyList()
      .then((list) => {
        setPolicies(list);
        if (list[0]) setPolicyId((current) => current || list[0]!.id);
      })
      .catch((e) => setLoadError(messageOf(e)));
  }, [dataProvider]);

  useEffect(() => {
    if (!policyId) return;
    setLoadError(null);
    setVersions([]);
    dataProvider
      .versionList(policyId)
      .then((list) => {
        setVersions(list);
        const inForce = policies?.find((p) => p.id === policyId)?.inForce?.version;
        setVersion(inForce && list.some((v) => v.version === inForce) ? inForce : (list[list.length - 1]?.version ?? ''));
      })
      .catch((e) => setLoadError(messageOf(e)));
  }, [dataProvider, policyId, policies]);

  useEffect(() => {
    if (!policyId || !version) return;
    setLoadError(null);
    setDoc(null);
    dataProvider
      .getOne<{ id: string; document: PolicyDocument }>('versions', { id: versionId(policyId, version) })
      .then(({ data: { document } }) => {
        setDoc(document);
        setClientGroup((g) => (document.clientGroups.some((c) => c.id === g) ? g : (document.clientGroups[0]?.id ?? '')));
      })
      .catch((e) => setLoadError(messageOf(e)));
  }, [dataProvider, policyId, version, setClientGroup]);

  return { policies, policyId, setPolicyId, versions, version, setVersion, doc, loadError };
}
