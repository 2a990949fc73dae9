import { describe, expect, it } from 'vitest';
import { canonicalRoles } from './roles.ts';

describe('canonicalRoles', () => {
  it('puts roles in the order adviser, supervisor, admin, auditor', () => {
    expect(canonicalRoles(['auditor', 'admin', 'adviser', 'supervisor'])).toEqual([
      'adviser',
      'supervisor',
      'admin',
      'auditor',
    ]);
    expect(canonicalRoles(['admin', 'adviser'])).toEqual(['adviser', 'admin']);
  });

  it('drops repeats', () => {
    expect(canonicalRoles(['admin', 'admin', 'supervisor', 'admin'])).toEqual(['supervisor', 'admin']);
  });

  it('keeps an empty list empty', () => {
    expect(canonicalRoles([])).toEqual([]);
  });

  it('does not change its argument', () => {
    const roles = ['auditor', 'adviser'] as const;
    canonicalRoles(roles);
    expect(roles).toEqual(['auditor', 'adviser']);
  });
});
