import { getUser, inviteUser, listUsers, updateUser } from '../../auth/user-admin';
import { UserRole } from '../../db/models';
import { notFound } from '../http/problem';
import { closedObject, idParams, OK_OBJECT } from '../routing/schema-helpers';
import type { RouteDefinition } from '../routing/route-definition';

const READ = { permission: 'users.read' };
const MANAGE = { permission: 'users.manage' };
const name = { type: 'string', minLength: 1, maxLength: 200 };
const role = { type: 'string', minLength: 1, maxLength: 64 };

/** The company's people and roles: list, invite by e-mail, change name, role or status. */
export function userRoutes(): RouteDefinition[] {
  const common = { tag: 'Users' };
  return [
    {
      ...common,
      operationId: 'listRoles',
      method: 'get',
      path: '/api/roles',
      summary: 'The company\'s roles and the permissions each grants',
      access: READ,
      responses: { 200: { description: 'The roles', schema: OK_OBJECT } },
      handler: async ({ scope }) => ({ body: { data: await scope!.query(UserRole).orderBy('key') } }),
    },
    {
      ...common,
      operationId: 'listUsers',
      method: 'get',
      path: '/api/users',
      summary: 'The company\'s users with their roles',
      access: READ,
      responses: { 200: { description: 'The users', schema: OK_OBJECT } },
      handler: async ({ scope }) => ({ body: { data: await listUsers(scope!) } }),
    },
    {
      ...common,
      operationId: 'getUser',
      method: 'get',
      path: '/api/users/:id',
      summary: 'One user with their roles',
      access: READ,
      params: idParams,
      resourceTable: 'users',
      responses: { 200: { description: 'The user', schema: OK_OBJECT } },
      handler: async ({ scope, params }) => {
        const user = await getUser(scope!, params.id);
        if (!user) throw notFound('user');
        return { body: user };
      },
    },
    {
      ...common,
      operationId: 'inviteUser',
      method: 'post',
      path: '/api/users',
      summary: 'Add a user with one role; they get an e-mail to choose their password',
      access: MANAGE,
      body: closedObject({ email: { type: 'string', format: 'email', maxLength: 254 }, name, role }, ['email', 'name', 'role']),
      bodyExample: { email: 'new.colleague@example.test', name: 'New Colleague', role: 'viewer' },
      responses: { 201: { description: 'Invited', schema: OK_OBJECT } },
      handler: async ({ scope, services, caller, body }) => ({
        status: 201,
        body: await inviteUser(scope!, services, caller!.permissions, body as { email: string; name: string; role: string }),
      }),
    },
    {
      ...common,
      operationId: 'updateUser',
      method: 'patch',
      path: '/api/users/:id',
      summary: 'Change a user\'s name, role or status (disabling ends their sessions)',
      access: MANAGE,
      params: idParams,
      resourceTable: 'users',
      body: { ...closedObject({ name, role, status: { enum: ['active', 'disabled'] } }), minProperties: 1 },
      responses: { 200: { description: 'The user', schema: OK_OBJECT } },
      handler: async ({ scope, caller, params, body }) => {
        const user = await updateUser(scope!, caller!, params.id, body as Parameters<typeof updateUser>[3]);
        if (!user) throw notFound('user');
        return { body: user };
      },
    },
  ];
}
