import type { ActionDefinition } from '../action-definition';

/** The dunning flow's actions; each lives in its own file beside this one. */
export const DUNNING_ACTIONS: ActionDefinition<never>[] = [];
