import type { Worklist } from './worklist-query.ts';
import { BAND_WORDS } from './worklist-words.ts';

/** The figures at the top of the worklist: over the whole worklist of the scope, whatever the filters. */
export function WorklistSummary({ summary }: { summary: Worklist['summary'] }) {
  const { byBand, attention, resolution } = summary;
  const items: { key: string; label: string; count: number; tone?: string }[] = [
    { key: 'red', label: BAND_WORDS.red, count: byBand.red, tone: 'wl-summary-red' },
    { key: 'amber', label: BAND_WORDS.amber, count: byBand.amber, tone: 'wl-summary-amber' },
    { key: 'green', label: BAND_WORDS.green, count: byBand.green, tone: 'wl-summary-green' },
    {
      key: 'breached',
      label: 'Timescales breached',
      count: attention.breached + resolution.breached,
      tone: attention.breached + resolution.breached > 0 ? 'wl-summary-alert' : undefined,
    },
    { key: 'near', label: 'Timescales near breach', count: attention.near + resolution.near },
    {
      key: 'resources',
      label: 'Red cases lacking resources',
      count: summary.redWithResourceProblems,
      tone: summary.redWithResourceProblems > 0 ? 'wl-summary-alert' : undefined,
    },
  ];
  if (summary.notAssessed > 0)
    items.push({ key: 'unassessed', label: 'Not yet assessed', count: summary.notAssessed });
  return (
    <section aria-labelledby="worklist-summary-heading">
      <h2 id="worklist-summary-heading" className="wl-visually-hidden">
        Summary
      </h2>
      <ul className="wl-summary" data-testid="worklist-summary">
        {items.map((item) => (
          <li key={item.key} className={item.tone}>
            <span className="wl-count">{item.count}</span> {item.label}
          </li>
        ))}
      </ul>
    </section>
  );
}
