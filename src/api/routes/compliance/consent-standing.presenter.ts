import type { RecordingConsentResponse } from '../../../contract/consent-standing.ts';
import {
  type RecordingConsentStanding,
  recordingConsentWords,
} from '../../../domain/clients/consent-state.ts';

export const presentRecordingConsent = (s: RecordingConsentStanding): RecordingConsentResponse => ({
  status: s.status,
  flagged: s.flagged,
  consentId: s.consentId,
  expiresOn: s.expiresOn,
  message: recordingConsentWords(s),
});
