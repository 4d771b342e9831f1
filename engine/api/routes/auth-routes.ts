import { ProblemError } from '../http/problem';
import { failureCode } from '../http/loggable-error';
import { checkTimeZone } from '../http/time-zone-check';
import { Company, User } from '../../db/models';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../auth/passwords';
import { revokeOwnSession, startSession } from '../../auth/sessions';
import { clearSessionCookies, setSessionCookies } from '../../auth/session-cookies';
import { signIn } from '../../auth/sign-in';
import { signUp } from '../../auth/sign-up';
import { sendEmailVerification } from '../../auth/emailed-tokens';
import { tenantScope } from '../../db/tenant-scope';
import { userRoleKeys } from './caller-roles';
import { closedObject, OK_OBJECT } from '../routing/schema-helpers';
import type { RouteDefinition, RouteInput } from '../routing/route-definition';

const email = { type: 'string', format: 'email', maxLength: 254 };
const password = { type: 'string', minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH };

async function throttle({ ctx, services }: RouteInput): Promise<void> {
  const wait = await services.signInLimiter.take(services.knex, ctx.ip);
  if (wait > 0) throw new ProblemError(429, 'rate_limited', `Too many attempts from this address; wait ${wait} seconds`, undefined, { 'Retry-After': String(wait) });
}

async function signedInResponse(input: RouteInput, companyId: string, userId: string, status: number) {
  const scope = tenantScope(input.services.knex, companyId);
  const session = await startSession(scope, userId, { userAgent: input.ctx.get('user-agent'), ip: input.ctx.ip }, input.services.sessionTtlMs);
  const csrfToken = setSessionCookies(input.ctx, session.token, session.expiresAt);
  const company = await Company.query(input.services.knex).findById(companyId);
  const user = await scope.query(User).findById(userId);
  return { status, body: { user, company, session_id: session.id, expires_at: session.expiresAt.toISOString(), csrf_token: csrfToken } };
}

/** Sign-up, sign-in, sign-out and who-am-I. */
export function authRoutes(): RouteDefinition[] {
  return [
    {
      operationId: 'signUp',
      method: 'post',
      path: '/api/auth/sign-up',
      summary: 'Create a company with its owner, and sign the owner in',
      tag: 'Auth',
      access: 'public',
      body: closedObject(
        {
          company_name: { type: 'string', minLength: 1, maxLength: 200 },
          company_slug: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 63 },
          email,
          name: { type: 'string', minLength: 1, maxLength: 200 },
          password,
          currency: { type: 'string', pattern: '^[A-Z]{3}$' },
          time_zone: { type: 'string', minLength: 1, maxLength: 64 },
        },
        ['company_name', 'email', 'name', 'password'],
      ),
      responses: { 201: { description: 'Signed up and signed in; the session cookie is set', schema: OK_OBJECT } },
      handler: async (input) => {
        await throttle(input);
        const body = input.body as Parameters<typeof signUp>[1];
        checkTimeZone(body.time_zone);
        const { companyId, userId } = await signUp(input.services.knex, body);
        if (input.services.mailer) {
          // The company exists either way; a mail hiccup must not fail sign-up, and the user can ask for another link.
          // Only the failure's code: an SMTP error's message and `rejected` list name the recipient's address.
          await sendEmailVerification(input.services.knex, input.services, { companyId, userId, email: body.email }).catch((error: unknown) =>
            input.services.logger.warn({ reason: failureCode(error), companyId, userId }, 'could not send the verification e-mail after sign-up'),
          );
        }
        return signedInResponse(input, companyId, userId, 201);
      },
    },
    {
      operationId: 'signIn',
      method: 'post',
      path: '/api/auth/sign-in',
      summary: 'Sign in with email and password; sets the session cookie',
      tag: 'Auth',
      access: 'public',
      body: closedObject(
        {
          email,
          password: { type: 'string', minLength: 1, maxLength: PASSWORD_MAX_LENGTH },
          company: { type: 'string', maxLength: 63 },
          code: { type: 'string', pattern: '^[0-9]{6}$' },
          recovery_code: { type: 'string', minLength: 1, maxLength: 64 },
        },
        ['email', 'password'],
      ),
      responses: { 200: { description: 'Signed in', schema: OK_OBJECT } },
      handler: async (input) => {
        await throttle(input);
        const { companyId, userId } = await signIn(input.services.knex, input.services.secretBox, input.body as Parameters<typeof signIn>[2]);
        return signedInResponse(input, companyId, userId, 200);
      },
    },
    {
      operationId: 'signOut',
      method: 'post',
      path: '/api/auth/sign-out',
      summary: 'End the current session',
      tag: 'Auth',
      access: 'signed-in',
      responses: { 204: { description: 'Signed out' } },
      handler: async ({ ctx, caller, scope }) => {
        if (caller?.sessionId && caller.userId) await revokeOwnSession(scope!, caller.userId, caller.sessionId);
        clearSessionCookies(ctx);
        return { status: 204 };
      },
    },
    {
      operationId: 'me',
      method: 'get',
      path: '/api/auth/me',
      summary: 'The caller: user (or API key), company, permissions and role keys (none for an API key)',
      tag: 'Auth',
      access: 'signed-in',
      responses: { 200: { description: 'The caller', schema: OK_OBJECT } },
      handler: async ({ caller, scope, services }) => {
        const company = await Company.query(services.knex).findById(caller!.companyId);
        const user = caller!.userId ? await scope!.query(User).findById(caller!.userId) : null;
        // Role keys let the caller find tasks assigned to their roles without needing users.read.
        const roles = caller!.userId ? await userRoleKeys(scope!, caller!.userId) : [];
        return { body: { kind: caller!.kind, user, company, permissions: caller!.permissions, roles, api_key_id: caller!.apiKeyId ?? null } };
      },
    },
  ];
}
