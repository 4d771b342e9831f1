import type { ActionDefinition } from '../action-definition';

/** The subscription flow's actions; each lives in its own file beside this one. */
export const SUBSCRIPTION_ACTIONS: ActionDefinition<never>[] = [];
