/** The worklist's filter vocabularies (a module of its own, so the contract and the web app load nothing else). */

export const WORKLIST_FLAGS = ['safeguarding', 'vulnerability', 'overridden', 'resources'] as const;
/**
 * `safeguarding` / `vulnerability`: an open flag of that kind; `overridden`: the band was overridden;
 * `resources`: a red case that fails the resources check.
 */
export type WorklistFlag = (typeof WORKLIST_FLAGS)[number];

export const WORKLIST_STATUSES = ['open', 'on_hold'] as const;
export type WorklistStatus = (typeof WORKLIST_STATUSES)[number];
