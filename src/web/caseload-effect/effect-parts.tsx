/** Small pieces the caseload health page shares: a band that says its name, and a link to a case. */
import type { CaseRef } from '../../contract/caseload.ts';
import { followLink } from '../router.ts';
import { paths } from '../routes.ts';

export type Band = 'red' | 'amber' | 'green';

export const BAND_NAMES: Record<Band, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

/** A band as a coloured tag that always carries its name (never colour alone). */
export function BandName({ band }: { band: Band }) {
  return <span className={`effect-band effect-band-${band}`}>{BAND_NAMES[band]}</span>;
}

/** The case's reference as a link to its page, with the client's name. */
export function CaseLink({ kase }: { kase: CaseRef }) {
  return (
    <span className="effect-case">
      <a href={paths.case(kase.id)} onClick={followLink} className="case-ref">
        {kase.reference}
      </a>{' '}
      <span className="effect-client">{kase.clientName}</span>
    </span>
  );
}

/** Cases as links in a sentence, or a dash when there are none. */
export function CaseLinks({ cases }: { cases: readonly CaseRef[] }) {
  if (cases.length === 0) return <>—</>;
  return (
    <ul className="effect-case-list">
      {cases.map((c) => (
        <li key={c.id}>
          <CaseLink kase={c} />
        </li>
      ))}
    </ul>
  );
}

export const hours = (n: number): string => `${n} ${n === 1 ? 'hour' : 'hours'}`;
export const percent = (share: number): string => `${Math.round(share * 100)}%`;
