import type { ActionDefinition } from '../action-definition';
import { createTask } from './create-task';
import { httpRequest } from './http-request';
import { notify } from './notify';
import { sendEmail } from './send-email';

/** The actions every tenant has, besides those of connectors. */
export const CORE_ACTIONS: ActionDefinition<never>[] = [sendEmail, createTask, notify, httpRequest] as unknown as ActionDefinition<never>[];
