import { verifyPassword } from '../../auth/passwords';
import { totpQrCodeDataUrl } from '../../auth/totp-qr-code';
import { beginEnrolment, confirmEnrolment, disableTwoFactor, twoFactorEnabled } from '../../auth/two-factor';
import type { Caller } from '../../auth/caller';
import { User } from '../../db/models';
import type { TenantScope } from '../../db/tenant-scope';
import { ProblemError } from '../http/problem';
import { closedObject, OK_OBJECT } from '../routing/schema-helpers';
import type { RouteDefinition } from '../routing/route-definition';

const password = { type: 'string', minLength: 1, maxLength: 256 };
const code = { type: 'string', pattern: '^[0-9]{6}$' };

function userOf(caller: Caller | undefined): string {
  if (!caller?.userId) throw new ProblemError(403, 'forbidden', 'Two-factor sign-in belongs to users; API keys have none');
  return caller.userId;
}

/** Changing how a user signs in asks for the password again, so a borrowed session cannot lock the owner out. */
async function reauthenticate(scope: TenantScope, userId: string, given: string): Promise<User> {
  const user = await scope.query(User).findById(userId);
  if (!user || !(await verifyPassword(user.password_hash, given))) {
    throw new ProblemError(422, 'validation_failed', 'The password is wrong', [{ in: 'body', pointer: '#/password', message: 'is wrong' }]);
  }
  return user;
}

/** TOTP two-factor: enrol (otpauth URI and its QR code for the authenticator app), confirm with a code, see the state, disable. */
export function twoFactorRoutes(): RouteDefinition[] {
  const common = { tag: 'Auth', access: 'signed-in' as const };
  return [
    {
      ...common,
      operationId: 'twoFactorStatus',
      method: 'get',
      path: '/api/auth/two-factor',
      summary: 'Whether two-factor sign-in is on for you',
      responses: { 200: { description: 'The state', schema: OK_OBJECT } },
      handler: async ({ caller, scope }) => ({ body: { enabled: await twoFactorEnabled(scope!, userOf(caller)) } }),
    },
    {
      ...common,
      operationId: 'beginTwoFactorEnrolment',
      method: 'post',
      path: '/api/auth/two-factor',
      summary: 'Start enrolment: returns the otpauth:// URI, the same URI as an SVG QR code data URL for an <img>, and the secret for manual entry',
      body: closedObject({ password }, ['password']),
      responses: { 201: { description: 'Waiting for confirmation', schema: OK_OBJECT } },
      handler: async ({ caller, scope, body, services }) => {
        const user = await reauthenticate(scope!, userOf(caller), (body as { password: string }).password);
        const enrolment = await beginEnrolment(scope!, services.secretBox, user.id, user.email);
        return { status: 201, body: { otpauth_uri: enrolment.otpauthUri, otpauth_qr_code: await totpQrCodeDataUrl(enrolment.otpauthUri), secret: enrolment.secret } };
      },
    },
    {
      ...common,
      operationId: 'confirmTwoFactorEnrolment',
      method: 'post',
      path: '/api/auth/two-factor/confirm',
      summary: 'Turn two-factor on with a current code (each code works once); returns recovery codes, shown only now',
      body: closedObject({ code }, ['code']),
      responses: { 200: { description: 'On', schema: OK_OBJECT } },
      handler: async ({ caller, scope, body, services }) => ({
        body: { enabled: true, recovery_codes: await confirmEnrolment(scope!, services.secretBox, userOf(caller), (body as { code: string }).code) },
      }),
    },
    {
      ...common,
      operationId: 'disableTwoFactor',
      method: 'post',
      path: '/api/auth/two-factor/disable',
      summary: 'Turn two-factor off, with the password and a current code not used before',
      body: closedObject({ password, code }, ['password', 'code']),
      responses: { 200: { description: 'Off', schema: OK_OBJECT } },
      handler: async ({ caller, scope, body, services }) => {
        const given = body as { password: string; code: string };
        const user = await reauthenticate(scope!, userOf(caller), given.password);
        await disableTwoFactor(scope!, services.secretBox, user.id, given.code);
        return { body: { enabled: false } };
      },
    },
  ];
}
