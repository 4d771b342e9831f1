import type { ActionContext, ActionDefinition } from '../../activities/action-definition';
import { CONNECTOR_SLUG } from './credentials';
import { chargeInputSchema, chargeOutputSchema, executeCharge } from './actions/charge';

/** One action of one connector version, before it is named `<slug>@<version>.<verb>` in the catalogue. */
interface ConnectorAction {
  description: string;
  inputSchema: Record<string, unknown>;
  outputSchema: Record<string, unknown>;
  execute(input: never, context: ActionContext): Promise<unknown>;
}

export interface ConnectorManifest {
  slug: string;
  name: string;
  description: string;
  /** How credentials are kept: which integration config and sealed fields the connector reads (see credentials.ts). */
  credentials: { config: string[]; sealed: string[] };
  /** A definition pins `slug@version`; a breaking change is a new version beside the old one. */
  versions: Record<number, Record<string, ConnectorAction>>;
}

/**
 * A generic card-on-file payment service over HTTPS: `POST {baseUrl}/v1/charges` with a bearer key and an Idempotency-Key,
 * answering `{ id, status: succeeded | failed, amount_minor, currency, failure_code? }`, or 402 `{ error: { code, message } }`.
 */
export const httpPaymentsManifest: ConnectorManifest = {
  slug: CONNECTOR_SLUG,
  name: 'HTTP payments',
  description: 'Charges a customer through a payment service with a Stripe-like JSON API.',
  credentials: { config: ['baseUrl'], sealed: ['apiKey'] },
  versions: {
    1: {
      charge: { description: 'Charges the customer an amount in minor units; never twice for one idempotency key.', inputSchema: chargeInputSchema, outputSchema: chargeOutputSchema, execute: executeCharge as never },
    },
  },
};

/** The manifest's actions as the catalogue names them, e.g. http-payments@1.charge. */
export function connectorActions(manifest: ConnectorManifest): ActionDefinition<never>[] {
  return Object.entries(manifest.versions).flatMap(([version, actions]) =>
    Object.entries(actions).map(([verb, action]) => ({
      name: `${manifest.slug}@${version}.${verb}`,
      description: action.description,
      inputSchema: action.inputSchema,
      execute: action.execute,
    })),
  );
}

export const HTTP_PAYMENTS_ACTIONS = connectorActions(httpPaymentsManifest);
