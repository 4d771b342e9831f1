import type { Knex } from 'knex';
import type { Mailer } from '../../activities/mailer';
import { ProblemError } from '../api/http/problem';
import { EmailVerificationToken, PasswordResetToken } from '../db/models';
import { tenantScope } from '../db/tenant-scope';
import { hashPassword } from './passwords';
import { hashToken, newToken } from './tokens';

export const RESET_TTL_MS = 60 * 60_000;
export const VERIFICATION_TTL_MS = 48 * 60 * 60_000;

export interface MailContext {
  mailer?: Mailer;
  /** Where the studio lives, for the links in the e-mails. */
  publicUrl: string;
}

function invalidToken(): ProblemError {
  return new ProblemError(400, 'invalid_token', 'The link is unknown, used or expired; ask for a new one', [{ in: 'body', pointer: '#/token', message: 'is not valid' }]);
}

/**
 * Stores a reset token and starts mailing its link when exactly one active user has this email (in `company`, if
 * given). The caller answers the same whether or not anyone matched, so the endpoint does not reveal which emails
 * have accounts.
 */
export async function requestPasswordReset(knex: Knex, mail: MailContext, input: { email: string; company?: string }): Promise<{ sending: Promise<unknown> } | undefined> {
  if (!mail.mailer) throw new ProblemError(503, 'mail_unavailable', 'This server sends no e-mail; ask an administrator to reset the password');
  const query = knex('users as u')
    .join('companies as c', 'c.id', 'u.company_id')
    .whereRaw('lower(u.email) = lower(?)', [input.email])
    .where('u.status', 'active')
    .whereNull('c.deleted_at')
    .select('u.id', 'u.company_id', 'u.email');
  if (input.company) query.where('c.slug', input.company);
  const users = await query.limit(2);
  if (users.length !== 1) return undefined;
  const [user] = users;
  const token = newToken('lfr_');
  await tenantScope(knex, user.company_id)
    .query(PasswordResetToken)
    .insert({ user_id: user.id, token_hash: hashToken(token), expires_at: new Date(Date.now() + RESET_TTL_MS).toISOString() });
  // Handed back still in flight: the caller answers without waiting for SMTP, so neither the answer's timing nor a
  // mail failure tells whether the address has an account.
  const sending = mail.mailer.send({
    to: user.email,
    subject: 'Reset your Ledgerflow password',
    text: `Someone asked to reset the password of this Ledgerflow account. If it was you, open this link within an hour:\n\n${mail.publicUrl}/reset-password?token=${token}\n\nOr paste this code:\n${token}\n\nIf it was not you, ignore this e-mail; your password stays as it is.\n`,
  });
  return { sending };
}

/** Uses a reset token once: sets the new password, lifts any lockout and signs every device out. */
export async function completePasswordReset(knex: Knex, input: { token: string; password: string }): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await knex.transaction(async (trx) => {
    // Claimed in one statement: of two uses racing with the same token, only one finds used_at still empty.
    const [claimed] = await trx('password_reset_tokens')
      .where({ token_hash: hashToken(input.token) })
      .whereNull('used_at')
      .where('expires_at', '>', trx.fn.now())
      .update({ used_at: trx.fn.now() })
      .returning(['company_id', 'user_id']);
    if (!claimed) throw invalidToken();
    await trx('users').where({ company_id: claimed.company_id, id: claimed.user_id }).update({ password_hash: passwordHash, failed_sign_in_count: 0, locked_until: null });
    await trx('sessions').where({ company_id: claimed.company_id, user_id: claimed.user_id }).whereNull('revoked_at').update({ revoked_at: trx.fn.now() });
  });
}

/** Mails a link proving the user controls their current email address. */
export async function sendEmailVerification(knex: Knex, mail: MailContext, user: { companyId: string; userId: string; email: string }): Promise<void> {
  if (!mail.mailer) throw new ProblemError(503, 'mail_unavailable', 'This server sends no e-mail');
  const token = newToken('lfv_');
  await tenantScope(knex, user.companyId)
    .query(EmailVerificationToken)
    .insert({ user_id: user.userId, email: user.email, token_hash: hashToken(token), expires_at: new Date(Date.now() + VERIFICATION_TTL_MS).toISOString() });
  await mail.mailer.send({
    to: user.email,
    subject: 'Confirm your e-mail address for Ledgerflow',
    text: `Confirm this address for your Ledgerflow account by opening this link within two days:\n\n${mail.publicUrl}/verify-email?token=${token}\n\nOr paste this code:\n${token}\n`,
  });
}

/** Marks the address verified, if the token is unused, unexpired, and still names the user's current email. */
export async function confirmEmailVerification(knex: Knex, token: string): Promise<void> {
  await knex.transaction(async (trx) => {
    const [claimed] = await trx('email_verification_tokens')
      .where({ token_hash: hashToken(token) })
      .whereNull('used_at')
      .where('expires_at', '>', trx.fn.now())
      .update({ used_at: trx.fn.now() })
      .returning(['company_id', 'user_id', 'email']);
    if (!claimed) throw invalidToken();
    const updated = await trx('users')
      .where({ company_id: claimed.company_id, id: claimed.user_id })
      .whereRaw('lower(email) = lower(?)', [claimed.email])
      .update({ email_verified_at: trx.fn.now() });
    if (!updated) throw invalidToken();
  });
}
