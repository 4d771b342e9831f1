import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { ProblemError } from '../api/http/problem';
import { TwoFactor } from '../db/models';
import type { TenantScope } from '../db/tenant-scope';
import type { SecretBox } from '../security/secret-box';
import { hashToken, sameSecret } from './tokens';
import { matchedTotpStep, newTotpSecret, otpauthUri } from './totp';

const ISSUER = 'Ledgerflow';
const RECOVERY_CODES = 10;

/** A wrong code and a replayed one get this same answer, so a caller cannot tell which it sent. */
function codeDoesNotMatch(): ProblemError {
  return new ProblemError(422, 'validation_failed', 'The code does not match the authenticator', [{ in: 'body', pointer: '#/code', message: 'does not match' }]);
}

/** Starts (or restarts) enrolment: a new secret, sealed at rest, not yet enabled until a code from it is confirmed. */
export async function beginEnrolment(scope: TenantScope, secretBox: SecretBox, userId: string, label: string): Promise<{ secret: string; otpauthUri: string }> {
  const existing = await scope.query(TwoFactor).findOne({ user_id: userId });
  if (existing?.enabled_at) throw new ProblemError(409, 'conflict', 'Two-factor sign-in is already on; disable it first to enrol a new device');
  const secret = newTotpSecret();
  if (existing) await scope.query(TwoFactor).findById(existing.id).patch({ secret_encrypted: secretBox.seal(secret), recovery_code_hashes: [] });
  else await scope.query(TwoFactor).insert({ user_id: userId, secret_encrypted: secretBox.seal(secret), recovery_code_hashes: [] });
  return { secret, otpauthUri: otpauthUri(ISSUER, label, secret) };
}

/**
 * Turns two-factor on once the user proves the authenticator works; returns the recovery codes, shown only now. The
 * confirming code's time step is used up in the same conditional UPDATE (RFC 6238 §5.2), so it cannot sign in too.
 */
export async function confirmEnrolment(scope: TenantScope, secretBox: SecretBox, userId: string, code: string): Promise<string[]> {
  const pending = await scope.query(TwoFactor).findOne({ user_id: userId });
  if (!pending || pending.enabled_at) throw new ProblemError(409, 'conflict', 'There is no enrolment waiting for confirmation');
  const step = matchedTotpStep(secretBox.open(pending.secret_encrypted), code);
  if (step === null) throw codeDoesNotMatch();
  const codes = Array.from({ length: RECOVERY_CODES }, () => randomBytes(8).toString('hex'));
  const confirmed = await scope
    .query(TwoFactor)
    .findById(pending.id)
    .whereNull('enabled_at')
    .where('last_totp_step', '<', step)
    .patch({ enabled_at: new Date().toISOString(), recovery_code_hashes: codes.map(hashToken), last_totp_step: step });
  if (!confirmed) throw codeDoesNotMatch();
  return codes;
}

/**
 * Turns two-factor off with a current code. Deleting only while the code's step is still unused makes the check and
 * the change one statement, so a code seen once (over a shoulder, in a log) cannot be replayed to switch it off.
 */
export async function disableTwoFactor(scope: TenantScope, secretBox: SecretBox, userId: string, code: string): Promise<void> {
  const row = await scope.query(TwoFactor).findOne({ user_id: userId });
  if (!row?.enabled_at) throw new ProblemError(409, 'conflict', 'Two-factor sign-in is not on');
  const step = matchedTotpStep(secretBox.open(row.secret_encrypted), code);
  if (step === null) throw codeDoesNotMatch();
  const deleted = await scope.query(TwoFactor).findById(row.id).where('last_totp_step', '<', step).delete();
  if (!deleted) throw codeDoesNotMatch();
}

export async function twoFactorEnabled(scope: TenantScope, userId: string): Promise<boolean> {
  const row = await scope.query(TwoFactor).findOne({ user_id: userId });
  return Boolean(row?.enabled_at);
}

/**
 * The second factor at sign-in: a current TOTP code from a step not used before, or an unused recovery code (either
 * is then used up).
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
  if (given.code) {
    const step = matchedTotpStep(secretBox.open(row.secret_encrypted), given.code);
    if (step === null) return 'wrong';
    // RFC 6238 §5.2: each step's code is accepted once. Claimed in one conditional UPDATE, so of two sign-ins racing
    // with the same code exactly one passes; a replay is simply 'wrong', counted towards the lockout like any other.
    const claimed = await knex('two_factors')
      .where({ id: row.id, company_id: user.companyId })
      .where('last_totp_step', '<', step)
      .update({ last_totp_step: step });
    return claimed ? 'passed' : 'wrong';
  }
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
