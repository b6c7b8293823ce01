export const ROLE_CHOICES = [
  { id: 'officer', name: 'Officer: edits drafts and submits them' },
  { id: 'ratifier', name: 'Ratifier: ratifies versions, and proposes or confirms their withdrawal' },
  { id: 'scrutiny', name: 'Scrutiny: reads versions and the audit log, and compares versions over a cohort' },
  { id: 'api-client', name: 'API client: a case-management system that evaluates and records decisions' },
  { id: 'admin', name: 'Administrator: manages users and reads the audit log' },
];

export const ROLE_SHORT: Record<string, string> = {
  officer: 'Officer',
  ratifier: 'Ratifier',
  scrutiny: 'Scrutiny',
  'api-client': 'API client',
  admin: 'Administrator',
};

/** What each role lets its holder do, in a sentence (the account page says it to the person). */
export const ROLE_WORDS: Record<string, string> = {
  officer: 'edit draft versions of a scheme and submit them for ratification',
  ratifier: "ratify submitted versions, and propose or confirm a version's withdrawal",
  scrutiny: 'read every version and the audit log, and compare versions over a cohort',
  'api-client': 'evaluate assessments and record decisions, as a case-management system',
  admin: 'manage users and read the audit log',
};

/** "Officer and Ratifier" */
export function roleList(roles: readonly string[] | undefined): string {
  const names = (roles ?? []).map((r) => ROLE_SHORT[r] ?? r);
  return names.length <= 1 ? (names[0] ?? 'no role') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Roles that one account may not hold together, as the server refuses them, said before saving. */
export function incompatibleRoles(roles: readonly string[] | undefined): string | undefined {
  const list = roles ?? [];
  if (list.includes('api-client') && list.length > 1)
    return "An API client is a system's account: it cannot hold any other role. Make a separate account for the person.";
  if (list.includes('admin') && (list.includes('officer') || list.includes('ratifier')))
    return 'An administrator cannot also be an officer or a ratifier: whoever manages accounts must not also write or ratify policy.';
  return undefined;
}
