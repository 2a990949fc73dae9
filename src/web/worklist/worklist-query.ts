/**
 * The worklist's view as it lives in the address (`/?scope=team&teamId=…&band=red&flag=resources`):
 * whose worklist and which filters, read from and written to the query string, so a view can be
 * bookmarked, shared and walked back through with the browser's Back button.
 */
import type { z } from 'zod';
import { worklistFlagSchema, worklistSchema, worklistStatusSchema } from '../../contract/worklist.ts';
import type { ApiClient } from '../api-client.ts';

export type Worklist = z.infer<typeof worklistSchema>;
export type WorklistRow = Worklist['rows'][number];
export type Band = WorklistRow['band'];
export const BANDS: readonly Band[] = ['red', 'amber', 'green'];
export type WorklistStatus = z.infer<typeof worklistStatusSchema>;
export const WORKLIST_STATUSES = worklistStatusSchema.options;
export type WorklistFlag = z.infer<typeof worklistFlagSchema>;
export const WORKLIST_FLAGS = worklistFlagSchema.options;

export type WorklistScope =
  | { kind: 'mine' }
  | { kind: 'user'; userId: string }
  | { kind: 'team'; teamId: string };

export interface WorklistView {
  scope: WorklistScope;
  bands: Band[];
  /** A case type's key, or '' for any. */
  type: string;
  status: WorklistStatus | '';
  flag: WorklistFlag | '';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TYPE_KEY = /^[a-z0-9-]{1,80}$/;

const isIn = <T extends string>(list: readonly T[], value: string | null): value is T =>
  value !== null && (list as readonly string[]).includes(value);

/**
 * The view in a query string; anything unknown or malformed is left out (the default view).
 * @example viewFromSearch('?band=red,amber&flag=resources').bands // ['red', 'amber']
 */
export function viewFromSearch(search: string): WorklistView {
  const params = new URLSearchParams(search);
  const scopeKind = params.get('scope');
  const userId = params.get('userId') ?? '';
  const teamId = params.get('teamId') ?? '';
  const scope: WorklistScope =
    scopeKind === 'user' && UUID.test(userId)
      ? { kind: 'user', userId: userId.toLowerCase() }
      : scopeKind === 'team' && UUID.test(teamId)
        ? { kind: 'team', teamId: teamId.toLowerCase() }
        : { kind: 'mine' };
  const bands = params
    .getAll('band')
    .flatMap((b) => b.split(','))
    .filter((b): b is Band => isIn(BANDS, b));
  const type = params.get('type') ?? '';
  const status = params.get('status');
  const flag = params.get('flag');
  return {
    scope,
    bands: BANDS.filter((b) => bands.includes(b)),
    type: TYPE_KEY.test(type) ? type : '',
    status: isIn(WORKLIST_STATUSES, status) ? status : '',
    flag: isIn(WORKLIST_FLAGS, flag) ? flag : '',
  };
}

/**
 * The query string of a view ('' for the default), in a fixed order; used for the page address and
 * the API request alike.
 * @example searchOfView({ scope: { kind: 'mine' }, bands: ['red'], type: '', status: '', flag: '' }) // '?band=red'
 */
export function searchOfView(view: WorklistView): string {
  const params = new URLSearchParams();
  if (view.scope.kind === 'user') {
    params.set('scope', 'user');
    params.set('userId', view.scope.userId);
  }
  if (view.scope.kind === 'team') {
    params.set('scope', 'team');
    params.set('teamId', view.scope.teamId);
  }
  for (const band of view.bands) params.append('band', band);
  if (view.type) params.set('type', view.type);
  if (view.status) params.set('status', view.status);
  if (view.flag) params.set('flag', view.flag);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Whether any filter (not the scope) narrows the view. */
export const isFiltered = (view: WorklistView): boolean =>
  view.bands.length > 0 || view.type !== '' || view.status !== '' || view.flag !== '';

/** The scope as the value of the "Whose worklist" control: 'mine', 'user:<id>' or 'team:<id>'. */
export function scopeValue(scope: WorklistScope): string {
  if (scope.kind === 'user') return `user:${scope.userId}`;
  if (scope.kind === 'team') return `team:${scope.teamId}`;
  return 'mine';
}

/** The scope a "Whose worklist" value names (the actor's own for anything else). */
export function scopeOfValue(value: string): WorklistScope {
  const [kind, id = ''] = value.split(':');
  if (kind === 'user' && UUID.test(id)) return { kind: 'user', userId: id };
  if (kind === 'team' && UUID.test(id)) return { kind: 'team', teamId: id };
  return { kind: 'mine' };
}

/** @throws ApiError FORBIDDEN (another's worklist), VALIDATION_FAILED */
export const fetchWorklist = (api: ApiClient, view: WorklistView): Promise<Worklist> =>
  api.get(`/api/worklist${searchOfView(view)}`, worklistSchema);
