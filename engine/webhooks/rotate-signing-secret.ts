import { WebhookEndpoint } from '../db/models';
import type { TenantScope } from '../db/tenant-scope';
import type { SecretBox } from '../security/secret-box';
import { newSigningSecret } from './webhook-signature';

/**
 * Replaces an endpoint's signing secret at once: every request sent afterwards, retries included, is signed with the
 * new one. Only the sealed secret is stored; the plain one is returned for the caller to show once. Null when the
 * tenant has no such endpoint.
 */
export async function rotateSigningSecret(scope: TenantScope, secrets: SecretBox, endpointId: string): Promise<{ endpoint: WebhookEndpoint; signingSecret: string } | null> {
  const signingSecret = newSigningSecret();
  const endpoint = await scope.query(WebhookEndpoint).patchAndFetchById(endpointId, { secret_encrypted: secrets.seal(signingSecret) });
  return endpoint ? { endpoint, signingSecret } : null;
}
