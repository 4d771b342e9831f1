import type { Knex } from 'knex';
import { ProblemError } from '../api/http/problem';
import type { SecretBox } from '../security/secret-box';
import { verifyPassword } from './passwords';
import { checkSecondFactor } from './two-factor';
import { LOCKOUT_MS, LOCKOUT_THRESHOLD } from './sign-in-limiter';

export interface SignInInput {
  email: string;
  password: string;
  /** The authenticator's current code, when the user has two-factor sign-in on. */
  code?: string;
  /** Or one of the user's unused recovery codes. */
  recovery_code?: string;
  /** The company's slug; needed only when the email belongs to users of several companies. */
  company?: string;
}

const INVALID = 'Wrong email or password (if your email belongs to several companies, also send `company`)';

/**
 * Checks a password and keeps the lockout counter: LOCKOUT_THRESHOLD wrong passwords in a row lock the account for
 * LOCKOUT_MS. Unknown emails cost an argon2 verification too, so timing does not reveal which emails exist.
 */
export async function signIn(knex: Knex, secretBox: SecretBox, input: SignInInput): Promise<{ companyId: string; userId: string }> {
  const query = knex('users as u')
    .join('companies as c', 'c.id', 'u.company_id')
    .whereRaw('lower(u.email) = lower(?)', [input.email])
    .whereNull('c.deleted_at')
    .select('u.id', 'u.company_id', 'u.password_hash', 'u.status', 'u.locked_until');
  if (input.company) query.where('c.slug', input.company);
  const candidates = await query.limit(2);
  const user = candidates.length === 1 ? candidates[0] : undefined;
  if (!user || user.status !== 'active') {
    await verifyPassword(null, input.password);
    throw new ProblemError(401, 'invalid_credentials', INVALID);
  }
  if (user.locked_until && new Date(user.locked_until).getTime() > Date.now()) throw locked(new Date(user.locked_until));
  const passwordRight = await verifyPassword(user.password_hash, input.password);
  const factor = passwordRight ? await checkSecondFactor(knex, secretBox, { companyId: user.company_id, userId: user.id }, input) : 'wrong';
  // Asking for the code only after the right password reveals nothing a wrong password would not.
  if (factor === 'missing') throw new ProblemError(401, 'two_factor_required', 'Send the authenticator code as `code`, or a recovery code as `recovery_code`');
  if (factor === 'wrong') {
    // One statement, so concurrent wrong guesses cannot under-count.
    const [counted] = await knex('users')
      .where({ id: user.id })
      .update({
        failed_sign_in_count: knex.raw('failed_sign_in_count + 1'),
        locked_until: knex.raw(`CASE WHEN failed_sign_in_count + 1 >= ? THEN now() + (? * interval '1 millisecond') ELSE locked_until END`, [LOCKOUT_THRESHOLD, LOCKOUT_MS]),
      })
      .returning(['locked_until']);
    if (counted?.locked_until && new Date(counted.locked_until).getTime() > Date.now()) throw locked(new Date(counted.locked_until));
    if (passwordRight) throw new ProblemError(401, 'invalid_second_factor', 'The authenticator code is wrong, or the recovery code is unknown or used');
    throw new ProblemError(401, 'invalid_credentials', INVALID);
  }
  await knex('users').where({ id: user.id }).update({ failed_sign_in_count: 0, locked_until: null, last_sign_in_at: knex.fn.now() });
  return { companyId: user.company_id, userId: user.id };
}

function locked(until: Date): ProblemError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return new ProblemError(429, 'account_locked', `Too many wrong passwords: try again in ${seconds} seconds, or reset the password`, undefined, {
    'Retry-After': String(seconds),
  });
}
