import { createHash } from 'node:crypto';
import type { TenantScope } from '../../db/tenant-scope';
import { ProblemError } from './problem';

/** Keys share a namespace when the writes behind them share one key space (payments and reversals do). */
export type IdempotencyNamespace = 'payments' | 'invoices';

/** JSON with object keys sorted, so two bodies that differ only in key order are the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, field]) => field !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonical(field)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

// One statement: a new key stores this request's hash; a known key keeps its first hash and returns it. A request
// racing on the same key waits for the first one's transaction, then reads what it committed (or claims the key).
const CLAIM_SQL = `
  INSERT INTO ledgerflow_runtime.idempotency_fingerprints AS stored (company_id, namespace, key_hash, request_hash)
  VALUES (:companyId, :namespace, :keyHash, :requestHash)
  ON CONFLICT (company_id, namespace, key_hash) DO UPDATE SET request_hash = stored.request_hash
  RETURNING request_hash`;

/**
 * Binds an Idempotency-Key to the request first sent with it (operation, path ids and body). Call it inside the
 * write's transaction: a refused write rolls the claim back, so the client may correct the request and reuse the key.
 * The same key with a different request is a 422, as the IETF Idempotency-Key draft asks (Stripe refuses it too).
 */
export async function claimIdempotencyKey(scope: TenantScope, namespace: IdempotencyNamespace, key: string, request: { operation: string; params: Record<string, string>; body: unknown }): Promise<void> {
  const requestHash = sha256(canonical(request));
  const { rows } = await scope.knex.raw(CLAIM_SQL, { companyId: scope.companyId, namespace, keyHash: sha256(key), requestHash });
  if (!(rows[0].request_hash as Buffer).equals(requestHash)) {
    throw new ProblemError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different request; send a new key for a new request', [
      { in: 'header', pointer: '/Idempotency-Key', message: 'was already used with another body or another target' },
    ]);
  }
}
