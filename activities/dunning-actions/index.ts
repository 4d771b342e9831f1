import type { ActionDefinition } from '../action-definition';
import { HTTP_PAYMENTS_ACTIONS } from '../../connectors/http-payments/manifest';

/** The dunning flow's actions, each in its own file beside this one, and the payment connector its retries charge through. */
export const DUNNING_ACTIONS: ActionDefinition<never>[] = [...HTTP_PAYMENTS_ACTIONS];
