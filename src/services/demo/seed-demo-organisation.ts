import { findOrganisationByName } from '../../store/organisations.ts';
import { loadActor } from '../../store/users.ts';
import type { ServiceContext } from '../context.ts';
import { createTeam } from '../teams/create-team.ts';
import { createAdmin } from '../users/create-admin.ts';
import { createUser } from '../users/create-user.ts';

export const DEMO_ORGANISATION = 'Riverside Advice (demo)';

export const DEMO_ACCOUNTS = [
  { email: 'admin@riverside.example', displayName: 'Ada Admin', roles: ['admin'] },
  { email: 'supervisor@riverside.example', displayName: 'Sam Supervisor', roles: ['supervisor', 'adviser'] },
  { email: 'adviser@riverside.example', displayName: 'Ari Adviser', roles: ['adviser'] },
] as const;

/**
 * Creates the demo organisation through the real use cases (so everything is audited): an admin,
 * a team with a supervisor and an adviser, all with `password`. Does nothing when it exists.
 * @returns whether it was created now
 */
export async function seedDemoOrganisation(ctx: ServiceContext, password: string): Promise<boolean> {
  if (await findOrganisationByName(ctx.db, DEMO_ORGANISATION)) return false;
  const [admin, supervisor, adviser] = DEMO_ACCOUNTS;
  const { org, user } = await createAdmin(ctx, {
    organisation: DEMO_ORGANISATION,
    email: admin.email,
    displayName: admin.displayName,
    password,
  });
  const actor = await loadActor(ctx.db, org.id, user.id);
  if (!actor) throw new Error('the demo administrator was not created');
  const asAdmin: ServiceContext = { ...ctx, actor };
  const { team } = await createTeam(asAdmin, { name: 'Housing and welfare benefits' });
  await createUser(asAdmin, { ...supervisor, password, teamId: team.id, teamRole: 'supervisor' });
  await createUser(asAdmin, { ...adviser, password, teamId: team.id, teamRole: 'member' });
  return true;
}
