/** A load against capacity: the RAG as a tag that says its name, and a labelled bar. */
import './capacity.css';
import type { CapacityRagValue, LoadStatusResponse } from '../../contract/capacity.ts';

export const RAG_LABELS: Record<CapacityRagValue, string> = {
  blue: 'Under-used',
  green: 'Within capacity',
  amber: 'Near capacity',
  red: 'Over capacity',
};

/** The capacity RAG as a coloured tag that always carries its words (never colour alone). */
export function RagTag({ rag }: { rag: CapacityRagValue }) {
  return <span className={`cap-rag cap-rag-${rag}`}>{RAG_LABELS[rag]}</span>;
}

/** The bar's scale in percent of capacity: 150, or more when the load is further over. */
export function barScale(status: LoadStatusResponse): { percent: number; scale: number } {
  const percent =
    status.share === null ? (status.load > 0 ? Number.POSITIVE_INFINITY : 0) : Math.round(status.share * 100);
  const scale = Number.isFinite(percent) ? Math.max(150, Math.ceil(percent / 50) * 50) : 150;
  return { percent, scale };
}

/**
 * The load as a bar from 0 to `scale` % of capacity, with a mark at 100%. A meter for assistive
 * technology: named by `labelledBy`, valued by the summary in words.
 */
export function LoadBar({ status, labelledBy }: { status: LoadStatusResponse; labelledBy: string }) {
  const { percent, scale } = barScale(status);
  const now = Number.isFinite(percent) ? Math.min(percent, scale) : scale;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a native <meter> cannot be given the four RAG colours and the capacity mark across browsers
    <div
      className="cap-bar"
      role="meter"
      aria-labelledby={labelledBy}
      aria-valuemin={0}
      aria-valuemax={scale}
      aria-valuenow={now}
      aria-valuetext={status.summary}
      data-testid="load-bar"
    >
      <div className={`cap-bar-fill cap-fill-${status.rag}`} style={{ width: `${(now / scale) * 100}%` }} />
      <span className="cap-bar-mark" style={{ left: `${(100 / scale) * 100}%` }} aria-hidden="true">
        <span className="cap-bar-mark-label">capacity</span>
      </span>
    </div>
  );
}
