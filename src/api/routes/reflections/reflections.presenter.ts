import type { ReflectionListResponse, ReflectionResponse } from '../../../contract/reflections.ts';
import type { ReflectionResult } from '../../../services/reflections/reflection-view.ts';

export const presentReflection = ({
  reflection: r,
  sharedInto,
  locked,
}: ReflectionResult): ReflectionResponse => ({
  id: r.id,
  title: r.title,
  occurredOn: r.occurred_on,
  description: r.description,
  feelings: r.feelings,
  evaluation: r.evaluation,
  analysis: r.analysis,
  conclusion: r.conclusion,
  actionPlan: r.action_plan,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  sharedInto: sharedInto.map((s) => ({
    reviewId: s.reviewId,
    status: s.status === 'completed' ? 'completed' : 'in-progress',
    sharedAt: s.sharedAt.toISOString(),
  })),
  locked,
});

export const presentReflectionList = (results: readonly ReflectionResult[]): ReflectionListResponse => ({
  reflections: results.map(presentReflection),
});
