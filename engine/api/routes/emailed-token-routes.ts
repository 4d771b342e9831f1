import { completePasswordReset, confirmEmailVerification, requestPasswordReset, sendEmailVerification } from '../../auth/emailed-tokens';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../auth/passwords';
import { User } from '../../db/models';
import { failureCode } from '../http/loggable-error';
import { ProblemError } from '../http/problem';
import { closedObject } from '../routing/schema-helpers';
import type { RouteDefinition, RouteInput } from '../routing/route-definition';

const token = { type: 'string', minLength: 20, maxLength: 100, pattern: '^lf[rv]_[A-Za-z0-9_-]+$' };

async function throttle({ ctx, services }: RouteInput): Promise<void> {
  const wait = await services.signInLimiter.take(services.knex, ctx.ip);
  if (wait > 0) throw new ProblemError(429, 'rate_limited', `Too many attempts from this address; wait ${wait} seconds`, undefined, { 'Retry-After': String(wait) });
}

/** Password reset and e-mail verification: single-use, expiring tokens, mailed, stored only as hashes. */
export function emailedTokenRoutes(): RouteDefinition[] {
  const common = { tag: 'Auth' };
  return [
    {
      ...common,
      operationId: 'requestPasswordReset',
      method: 'post',
      path: '/api/auth/password-reset',
      summary: 'Mail a password-reset link (the answer is the same whether or not the email has an account)',
      access: 'public',
      body: closedObject({ email: { type: 'string', format: 'email', maxLength: 254 }, company: { type: 'string', maxLength: 63 } }, ['email']),
      responses: { 202: { description: 'If the account exists, a link is on its way' } },
      handler: async (input) => {
        await throttle(input);
        const started = await requestPasswordReset(input.services.knex, input.services, input.body as { email: string; company?: string });
        // Not awaited: an account's reset answers as fast as an unknown address's, and a mail failure is only logged.
        started?.sending.catch((error: unknown) => input.services.logger.warn({ reason: failureCode(error) }, 'could not send a password-reset e-mail'));
        return { status: 202 };
      },
    },
    {
      ...common,
      operationId: 'completePasswordReset',
      method: 'post',
      path: '/api/auth/password-reset/complete',
      summary: 'Set a new password with a mailed token; every session of the user ends',
      access: 'public',
      body: closedObject({ token, password: { type: 'string', minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH } }, ['token', 'password']),
      responses: { 204: { description: 'The password is changed' } },
      handler: async (input) => {
        await throttle(input);
        await completePasswordReset(input.services.knex, input.body as { token: string; password: string });
        return { status: 204 };
      },
    },
    {
      ...common,
      operationId: 'sendEmailVerification',
      method: 'post',
      path: '/api/auth/email-verification',
      summary: 'Mail a link that confirms your e-mail address',
      access: 'signed-in',
      responses: { 202: { description: 'Sent' } },
      handler: async ({ caller, scope, services }) => {
        if (!caller?.userId) throw new ProblemError(403, 'forbidden', 'API keys have no e-mail address');
        const user = await scope!.query(User).findById(caller.userId);
        await sendEmailVerification(services.knex, services, { companyId: caller.companyId, userId: caller.userId, email: user!.email });
        return { status: 202 };
      },
    },
    {
      ...common,
      operationId: 'confirmEmailVerification',
      method: 'post',
      path: '/api/auth/email-verification/confirm',
      summary: 'Confirm an e-mail address with the mailed token',
      access: 'public',
      body: closedObject({ token }, ['token']),
      responses: { 204: { description: 'Verified' } },
      handler: async (input) => {
        await throttle(input);
        await confirmEmailVerification(input.services.knex, (input.body as { token: string }).token);
        return { status: 204 };
      },
    },
  ];
}
