import type { Knex } from 'knex';
import type { SecretBox } from '../engine/security/secret-box';
import type { Mailer } from './mailer';

/** What an action may use: its tenant, the run it serves, and the side-effect dependencies the worker wired in. */
export interface ActionContext {
  companyId: string;
  workflowId: string;
  stepId: string;
  /** The same for every retry of one step execution. */
  idempotencyKey: string;
  knex: Knex;
  mailer: Mailer;
  /** Opens tenant secrets sealed at rest (connector credentials); absent where the worker was started without a key. */
  secrets?: SecretBox;
}

/** One action a definition can call by name, e.g. core.sendEmail; connector actions have the same shape. */
export interface ActionDefinition<Input = Record<string, unknown>> {
  name: string;
  description: string;
  /** JSON Schema of the input; checked before execute runs. */
  inputSchema: Record<string, unknown>;
  execute(input: Input, context: ActionContext): Promise<unknown>;
}
