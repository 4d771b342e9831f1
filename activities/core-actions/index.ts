import type { ActionDefinition } from '../action-definition';
import { DUNNING_ACTIONS } from '../dunning-actions';
import { INSTALLMENT_ACTIONS } from '../installment-actions';
import { SUBSCRIPTION_ACTIONS } from '../subscription-actions';
import { createTask } from './create-task';
import { httpRequest } from './http-request';
import { notify } from './notify';
import { sendEmail } from './send-email';

/** The actions every tenant has, besides those of connectors: general ones and those of the built-in business flows. */
export const CORE_ACTIONS: ActionDefinition<never>[] = [
  ...([sendEmail, createTask, notify, httpRequest] as unknown as ActionDefinition<never>[]),
  ...INSTALLMENT_ACTIONS,
  ...DUNNING_ACTIONS,
  ...SUBSCRIPTION_ACTIONS,
];
