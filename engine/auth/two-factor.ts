import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { ProblemError } from '../api/http/problem';
import { TwoFactor } from '../db/models';
import type { TenantScope } from '../db/tenant-scope';
import type { SecretBox } from '../security/secret-box';
import { hashToken, sameSecret } from './tokens';
import { newTotpSecret, otpauthUri, totpMatches } from './totp';

export { totpMatches };

const ISSUER = 'Ledgerflow';
const RECOVERY_CODES = 10;

/** Starts (or restarts) enrolment: a new secret, sealed at rest, not yet enabled until a code from it is confirmed. */
export async function beginEnrolment(scope: TenantScope, secretBox: SecretBox, userId: string, label: string): Promise<{ secret: string; otpauthUri: string }> {
  const existing = await scope.query(TwoFactor).findOne({ user_id: userId });
  if (existing?.enabled_at) throw new ProblemError(409, 'conflict', 'Two-factor sign-in is already on; disable it first to enrol a new device');
  const secret = newTotpSecret();
  if (existing) await scope.query(TwoFactor).findById(existing.id).patch({ secret_encrypted: secretBox.seal(secret), recovery_code_hashes: [] });
  else await scope.query(TwoFactor).insert({ user_id: userId, secret_encrypted: secretBox.seal(secret), recovery_code_hashes: [] });
  return { secret, otpauthUri: otpauthUri(ISSUER, label, secret) };
}

/** Turns two-factor on once the user proves the authenticator works; returns the recovery codes, shown only now. */
export async function confirmEnrolment(scope: TenantScope, secretBox: SecretBox, userId: string, code: string): Promise<string[]> {
  const pending = await scope.query(TwoFactor).findOne({ user_id: userId });
  if (!pending || pending.enabled_at) throw new ProblemError(409, 'conflict', 'There is no enrolment waiting for confirmation');
  if (!totpMatches(secretBox.open(pending.secret_encrypted), code)) {
    throw new ProblemError(422, 'validation_failed', 'The code does not match the authenticator', [{ in: 'body', pointer: '#/code', message: 'does not match' }]);
  }
  const codes = Array.from({ length: RECOVERY_CODES }, () => randomBytes(8).toString('hex'));
  await scope.query(TwoFactor).findById(pending.id).patch({ enabled_at: new Date().toISOString(), recovery_code_hashes: codes.map(hashToken) });
  return codes;
}

export async function disableTwoFactor(scope: TenantScope, userId: string): Promise<void> {
  await scope.query(TwoFactor).where({ user_id: userId }).delete();
}

export async function twoFactorEnabled(scope: TenantScope, userId: string): Promise<boolean> {
  const row = await scope.query(TwoFactor).findOne({ user_id: userId });
  return Boolean(row?.enabled_at);
}

/**
 * The second factor at sign-in: a current TOTP code, or an unused recovery code (which is then used up).
 * Returns true when the user has no two-factor, or the factor given is right.
 */
export async function checkSecondFactor(
  knex: Knex,
  secretBox: SecretBox,
  user: { companyId: string; userId: string },
  given: { code?: string; recovery_code?: string },
): Promise<'not_enrolled' | 'passed' | 'missing' | 'wrong'> {
  const row = await knex('two_factors').where({ company_id: user.companyId, user_id: user.userId }).whereNotNull('enabled_at').first();
  if (!row) return 'not_enrolled';
  if (given.code) return totpMatches(secretBox.open(row.secret_encrypted), given.code) ? 'passed' : 'wrong';
  if (given.recovery_code) {
    const hashes: string[] = row.recovery_code_hashes;
    const given_hash = hashToken(given.recovery_code.trim().toLowerCase());
    const match = hashes.find((hash) => sameSecret(hash, given_hash));
    if (!match) return 'wrong';
    // Used up in one statement, so two sign-ins racing with the same code cannot both pass.
    const removed = await knex('two_factors')
      .where({ id: row.id })
      .whereRaw('recovery_code_hashes \\? ?', [match])
      .update({ recovery_code_hashes: knex.raw(`recovery_code_hashes - ?`, [match]) });
    return removed ? 'passed' : 'wrong';
  }
  return 'missing';
}
