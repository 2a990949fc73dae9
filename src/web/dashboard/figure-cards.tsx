/**
 * Figure cards: each a button showing a count that opens, just below its group, the list of the
 * cases behind it (links to the case pages). The list takes focus when it opens and gives it back
 * to its button when closed, so the whole dashboard works by keyboard.
 */
import { type ReactNode, useEffect, useRef } from 'react';
import type { DashboardFigures } from '../../contract/dashboard.ts';
import { followLink } from '../router.ts';
import { paths } from '../routes.ts';
import { BAND_WORDS, plural, STATUS_WORDS } from './dashboard-words.ts';

export interface FigureItem {
  /** Unique on the page. */
  readonly key: string;
  readonly label: string;
  readonly count: number;
  readonly caseIds: readonly string[];
  /** Under the count, e.g. "on 2 cases" or "60% compliant". */
  readonly hint?: string;
  /** A band's name, shown as a tag (the band's colour, always with its name). */
  readonly band?: keyof typeof BAND_WORDS;
  /** Says what the list shows, e.g. "Cases with an overdue action". */
  readonly listTitle?: string;
}

export interface FigureGroupProps {
  readonly id: string;
  readonly title: string;
  readonly hint?: ReactNode;
  readonly items: readonly FigureItem[];
  readonly open: string | null;
  readonly onOpen: (key: string | null) => void;
  readonly cases: DashboardFigures['cases'];
  readonly children?: ReactNode;
}

const buttonId = (key: string) => `figure-${key}`;

/** A band as a tag that always carries its name (never colour alone). */
export function BandTag({ band }: { band: keyof typeof BAND_WORDS }) {
  return <span className={`dash-tag dash-tag-${band}`}>{BAND_WORDS[band]}</span>;
}

/** A titled group of figure cards, with the open figure's case list under it. */
export function FigureGroup({ id, title, hint, items, open, onOpen, cases, children }: FigureGroupProps) {
  const opened = items.find((i) => i.key === open);
  const listId = `${id}-cases`;
  return (
    <section aria-labelledby={`${id}-title`} className="record-section dash-group">
      <h2 id={`${id}-title`} className="section-title">
        {title}
      </h2>
      {hint && <p className="section-hint">{hint}</p>}
      <ul className="dash-cards">
        {items.map((item) => (
          <li key={item.key}>
            <button
              type="button"
              id={buttonId(item.key)}
              className="dash-card"
              aria-expanded={open === item.key}
              aria-controls={listId}
              data-testid={`figure-${item.key}`}
              onClick={() => onOpen(open === item.key ? null : item.key)}
            >
              <span className="dash-count">{item.count}</span>
              <span className="dash-label">{item.band ? <BandTag band={item.band} /> : item.label}</span>
              {item.hint && <span className="dash-hint">{item.hint}</span>}
              <span className="dash-visually-hidden">
                {open === item.key ? ', list shown' : ', show the cases'}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {children}
      <div id={listId}>
        {opened && (
          <CaseList
            key={opened.key}
            title={`${opened.listTitle ?? opened.label}: ${plural(opened.caseIds.length, 'case')}`}
            caseIds={opened.caseIds}
            cases={cases}
            onClose={() => {
              onOpen(null);
              document.getElementById(buttonId(opened.key))?.focus();
            }}
          />
        )}
      </div>
    </section>
  );
}

function CaseList({
  title,
  caseIds,
  cases,
  onClose,
}: {
  title: string;
  caseIds: readonly string[];
  cases: DashboardFigures['cases'];
  onClose: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const byId = new Map(cases.map((c) => [c.id, c]));
  return (
    <div className="dash-case-list">
      <h3 ref={heading} tabIndex={-1} className="subsection-title" data-testid="case-list-title">
        {title}
      </h3>
      {caseIds.length === 0 ? (
        <p>No cases.</p>
      ) : (
        <ul>
          {caseIds.map((id) => {
            const c = byId.get(id);
            if (!c) return null;
            return (
              <li key={id}>
                <a href={paths.case(id)} onClick={followLink} className="case-ref">
                  {c.reference}
                </a>{' '}
                <BandTag band={c.band} />{' '}
                <span className="meta">
                  {STATUS_WORDS[c.status]} · {c.caseTypeName} · {c.ownerName}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <button type="button" className="text-button" onClick={onClose}>
        Close the list
      </button>
    </div>
  );
}
