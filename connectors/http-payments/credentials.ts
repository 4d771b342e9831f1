import type { ActionContext } from '../../activities/action-definition';
import { DataError } from '../../engine/db/errors/tenant-errors';

/** The tenant's account at its payment service: where to call, and the API key sealed in integrations.credentials_encrypted. */
export interface HttpPaymentsAccount {
  integrationId: string;
  baseUrl: string;
  apiKey: string;
}

/** The sealed credentials' shape: `secrets.seal(JSON.stringify({ apiKey }))`. */
export interface HttpPaymentsCredentials {
  apiKey: string;
}

export interface OutgoingRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

/** The tenant has no usable http-payments integration (none, several without a name, no key): retrying cannot help. */
export class IntegrationNotConfiguredError extends DataError {
  constructor(reason: string) {
    super(`http-payments is not configured for this tenant: ${reason}`, 422, 'integration_not_configured');
  }
}

export const CONNECTOR_SLUG = 'http-payments';

/** Finds the tenant's active integration (by name when it has several) and opens its sealed API key. */
export async function loadAccount(context: ActionContext, integrationName?: string): Promise<HttpPaymentsAccount> {
  const query = context.knex('integrations').where({ company_id: context.companyId, connector: CONNECTOR_SLUG, status: 'active' });
  const rows: { id: string; config: { baseUrl?: unknown }; credentials_encrypted: string | null }[] = await (integrationName ? query.andWhere({ name: integrationName }) : query).select(
    'id', 'config', 'credentials_encrypted',
  );
  if (rows.length === 0) throw new IntegrationNotConfiguredError(integrationName ? `no active integration named "${integrationName}"` : 'no active integration');
  if (rows.length > 1) throw new IntegrationNotConfiguredError('several active integrations; name the one to use');
  const [row] = rows;
  if (typeof row.config.baseUrl !== 'string' || !/^https?:\/\//.test(row.config.baseUrl)) throw new IntegrationNotConfiguredError('config.baseUrl is not an http(s) URL');
  if (!row.credentials_encrypted) throw new IntegrationNotConfiguredError('no credentials are stored');
  if (!context.secrets) throw new IntegrationNotConfiguredError('the worker was started without the secret key that opens credentials');
  const credentials = JSON.parse(context.secrets.open(row.credentials_encrypted)) as Partial<HttpPaymentsCredentials>;
  if (typeof credentials.apiKey !== 'string' || credentials.apiKey.length === 0) throw new IntegrationNotConfiguredError('the stored credentials hold no apiKey');
  return { integrationId: row.id, baseUrl: row.config.baseUrl.replace(/\/+$/, ''), apiKey: credentials.apiKey };
}

/** Signs a request for the account: a bearer token, as most payment APIs take. */
export function authenticate(request: OutgoingRequest, account: HttpPaymentsAccount): OutgoingRequest {
  return { ...request, headers: { ...request.headers, authorization: `Bearer ${account.apiKey}` } };
}
