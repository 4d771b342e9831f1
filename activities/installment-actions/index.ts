import type { ActionDefinition } from '../action-definition';

/** The installment flow's actions; each lives in its own file beside this one. */
export const INSTALLMENT_ACTIONS: ActionDefinition<never>[] = [];
