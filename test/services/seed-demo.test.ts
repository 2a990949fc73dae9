import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/services/audit/verify-audit-chain.ts';
import { systemClock } from '../../src/services/context.ts';
import { DEMO_ORGANISATION, seedDemoOrganisation } from '../../src/services/demo/seed-demo-organisation.ts';
import { buildTestApp } from '../app.ts';
import { setupTestDatabase } from '../db.ts';

const t = setupTestDatabase();

describe('seedDemoOrganisation', () => {
  it('creates an audited demo organisation with a team, once', async () => {
    const ctx = { db: t.db, clock: systemClock };
    expect(await seedDemoOrganisation(ctx, 'demo passphrase for tests')).toBe(true);
    expect(await seedDemoOrganisation(ctx, 'demo passphrase for tests')).toBe(false);
    const org = await t.db
      .selectFrom('organisations')
      .selectAll()
      .where('name', '=', DEMO_ORGANISATION)
      .executeTakeFirstOrThrow();
    const users = await t.db
      .selectFrom('users')
      .select(['email', 'roles'])
      .where('org_id', '=', org.id)
      .orderBy('email')
      .execute();
    expect(users.map((u) => u.email)).toEqual([
      'admin@riverside.example',
      'adviser@riverside.example',
      'supervisor@riverside.example',
    ]);
    const members = await t.db
      .selectFrom('team_members')
      .select('role')
      .where('org_id', '=', org.id)
      .execute();
    expect(members.map((m) => m.role).sort()).toEqual(['member', 'supervisor']);
    const actions = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('org_id', '=', org.id)
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'organisation.created',
      'user.created',
      'team.created',
      'user.created',
      'user.created',
    ]);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    const app = await buildTestApp(t);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'adviser@riverside.example', password: 'demo passphrase for tests' },
    });
    expect(login.json().stage).toBe('full');
  });
});
