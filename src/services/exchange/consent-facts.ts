import type { ConsentFacts } from '../../domain/exchange/referrals.ts';
import type { ConsentRow } from '../../store/clients.ts';

/** A consent row as the sharing rules see it. */
export const consentFacts = (c: ConsentRow): ConsentFacts => ({
  id: c.id,
  purpose: c.purpose,
  lawfulBasis: c.lawful_basis,
  givenAt: c.given_at,
  expiresAt: c.expires_at,
  withdrawnAt: c.withdrawn_at,
});
