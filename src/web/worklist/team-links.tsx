/**
 * For a supervisor who holds no open cases: a link to each team they supervise, in place of an
 * empty own view (the worklist, the dashboard). A team leader's work is usually their team's.
 */
import type { TeamListResponse } from '../../contract/teams.ts';
import { followLink } from '../router.ts';

export function SupervisedTeamLinks({
  teams,
  hrefOf,
  what,
}: {
  teams: TeamListResponse['teams'];
  /** The address of the same view for the whole team. */
  hrefOf: (teamId: string) => string;
  /** What the links lead to: "cases", "figures". */
  what: string;
}) {
  if (teams.length === 0) return null;
  return (
    <ul className="plain-list supervised-team-links" aria-label="Teams you supervise">
      {teams.map((t) => (
        <li key={t.id}>
          <a href={hrefOf(t.id)} onClick={followLink}>
            See the {what} of your team {t.name}
          </a>
        </li>
      ))}
    </ul>
  );
}
