import './priority.css';
import type { AssessmentResponse } from '../../contract/assessments.ts';
import { BAND_WORDS } from './priority-labels.ts';

type Band = AssessmentResponse['band'];

/**
 * A band as a coloured tag that always says its name (never colour alone), and when the band is a
 * practitioner's override, the band the policy gave beside it.
 */
export function BandTag({ band, computedBand }: { band: Band; computedBand?: Band | undefined }) {
  const overridden = computedBand !== undefined && computedBand !== band;
  return (
    <span className="band-tag-group">
      <span className={`band-tag band-${band}`}>{BAND_WORDS[band]}</span>
      {overridden && (
        <span className="band-override">overridden from {BAND_WORDS[computedBand].toLowerCase()}</span>
      )}
    </span>
  );
}
