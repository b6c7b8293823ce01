export const ROLE_CHOICES = [
  { id: 'officer', name: 'Officer: edits drafts and submits them' },
  { id: 'ratifier', name: 'Ratifier: ratifies and withdraws versions' },
  { id: 'scrutiny', name: 'Scrutiny: reads, replays and compares' },
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
