import { listOwnSessions, revokeOwnSession } from '../../auth/sessions';
import type { Caller } from '../../auth/caller';
import { ProblemError, notFound } from '../http/problem';
import { idParams, OK_OBJECT } from '../routing/schema-helpers';
import type { RouteDefinition } from '../routing/route-definition';

function signedInUser(caller: Caller | undefined): string {
  if (!caller?.userId) throw new ProblemError(403, 'forbidden', 'API keys have no sessions; sign in as a user');
  return caller.userId;
}

/** A user's devices: list their own live sessions and revoke any of them. */
export function sessionRoutes(): RouteDefinition[] {
  return [
    {
      operationId: 'listOwnSessions',
      method: 'get',
      path: '/api/auth/sessions',
      summary: 'List your own live sessions (devices)',
      tag: 'Auth',
      access: 'signed-in',
      responses: { 200: { description: 'Your sessions', schema: OK_OBJECT } },
      handler: async ({ caller, scope }) => {
        const sessions = await listOwnSessions(scope!, signedInUser(caller));
        return { body: { data: sessions.map((session) => ({ ...session.toJSON(), current: session.id === caller!.sessionId })) } };
      },
    },
    {
      operationId: 'revokeOwnSession',
      method: 'delete',
      path: '/api/auth/sessions/:id',
      summary: 'Revoke one of your own sessions',
      tag: 'Auth',
      access: 'signed-in',
      params: idParams,
      resourceTable: 'sessions',
      responses: { 204: { description: 'Revoked' } },
      handler: async ({ caller, scope, params }) => {
        if (!(await revokeOwnSession(scope!, signedInUser(caller), params.id))) throw notFound('session');
        return { status: 204 };
      },
    },
  ];
}
