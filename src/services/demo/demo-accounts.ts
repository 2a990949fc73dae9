import { SIZES } from '../../domain/synthetic/sizes.ts';

/** The demo organisation that `npm run demo` serves: the small synthetic caseload. */
export const DEMO_ORGANISATION = SIZES.small.organisation;

export const DEMO_ACCOUNTS = [
  { email: 'admin@riverside.example', displayName: 'Ada Admin', roles: ['admin'] },
  { email: 'supervisor@riverside.example', displayName: 'Sam Supervisor', roles: ['supervisor', 'adviser'] },
  { email: 'adviser@riverside.example', displayName: 'Ari Adviser', roles: ['adviser'] },
] as const;
