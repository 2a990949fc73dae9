import type {
  CapacityResponse,
  LoadStatusResponse,
  PractitionerCapacityResponse,
  ReallocationWhatIfResponse,
} from '../../../contract/capacity.ts';
import { CAPACITY_RAG_WORDS, type CapacityStatus } from '../../../domain/weighting/capacity.ts';
import type { CapacityView, PractitionerCapacity } from '../../../services/capacity/list-capacity.ts';
import type { ReallocationPreview } from '../../../services/capacity/preview-reallocation.ts';

export const presentLoadStatus = (s: CapacityStatus): LoadStatusResponse => ({
  load: s.load,
  capacity: s.capacity,
  share: Number.isFinite(s.share) ? s.share : null,
  rag: s.rag,
  ragWords: CAPACITY_RAG_WORDS[s.rag],
  summary: s.summary,
});

export const presentPractitionerCapacity = (p: PractitionerCapacity): PractitionerCapacityResponse => ({
  id: p.practitioner.id,
  displayName: p.practitioner.displayName,
  active: p.practitioner.status === 'active',
  teams: p.teams.map((t) => ({ id: t.id, name: t.name, role: t.role })),
  capacityPoints: Number(p.practitioner.capacity_points),
  fte: Number(p.practitioner.fte),
  ...presentLoadStatus(p.status),
  cases: p.cases.map((c) => ({
    id: c.caseId,
    reference: c.reference,
    status: c.status,
    teamId: c.teamId,
    weight: c.weight.weight,
    explanation: c.weight.explanation,
  })),
  hidden: p.hidden,
});

export const presentCapacity = (view: CapacityView): CapacityResponse => ({
  scope: view.scope,
  userId: view.userId,
  teamId: view.teamId,
  supervisedTeams: view.supervisedTeams.map((t) => ({ id: t.id, name: t.name })),
  thresholds: { ...view.thresholds },
  practitioners: view.practitioners.map(presentPractitionerCapacity),
});

export const presentReallocation = (p: ReallocationPreview): ReallocationWhatIfResponse => ({
  caseId: p.whatIf.caseId,
  reference: p.reference,
  weight: p.weight.weight,
  explanation: p.weight.explanation,
  from: {
    userId: p.from.id,
    displayName: p.from.displayName,
    before: presentLoadStatus(p.whatIf.from.before),
    after: presentLoadStatus(p.whatIf.from.after),
  },
  to: {
    userId: p.to.id,
    displayName: p.to.displayName,
    before: presentLoadStatus(p.whatIf.to.before),
    after: presentLoadStatus(p.whatIf.to.after),
  },
  warnings: [...p.whatIf.warnings],
  summary: p.summary,
});
