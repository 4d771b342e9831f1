import { createRole, deleteRole, updateRole, type RoleInput } from '../../auth/role-admin';
import { getUser, inviteUser, listUsers, updateUser } from '../../auth/user-admin';
import { UserRole } from '../../db/models';
import { notFound } from '../http/problem';
import { closedObject, idParams, OK_OBJECT } from '../routing/schema-helpers';
import type { RouteDefinition } from '../routing/route-definition';

const READ = { permission: 'users.read' };
const MANAGE = { permission: 'users.manage' };
const name = { type: 'string', minLength: 1, maxLength: 200 };
const role = { type: 'string', minLength: 1, maxLength: 64 };
const roleKey = { type: 'string', pattern: '^[a-z][a-z0-9_-]{0,63}$' };
const roleName = { type: 'string', minLength: 1, maxLength: 120 };
/** `<area>.<verb>` with `*` for a whole segment, or `*` alone: the grants permissions.ts reads. */
const grantList = { type: 'array', maxItems: 200, uniqueItems: true, items: { type: 'string', pattern: '^(\\*|(\\*|[a-z_]{1,64})\\.(\\*|[a-z_]{1,64}))$' } };

/** The company's people and roles: list, invite by e-mail, change name, role or status; roles of the company's own. */
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
      operationId: 'getRole',
      method: 'get',
      path: '/api/roles/:id',
      summary: 'One role and the permissions it grants',
      access: READ,
      params: idParams,
      resourceTable: 'user_roles',
      responses: { 200: { description: 'The role', schema: OK_OBJECT } },
      handler: async ({ scope, params }) => {
        const found = await scope!.query(UserRole).findById(params.id);
        if (!found) throw notFound('role');
        return { body: found };
      },
    },
    {
      ...common,
      operationId: 'createRole',
      method: 'post',
      path: '/api/roles',
      summary: 'Create a role of your own from grants you hold yourself (`<area>.<verb>`, `*` for a whole segment)',
      access: MANAGE,
      body: closedObject({ key: roleKey, name: roleName, permissions: grantList }, ['key', 'name', 'permissions']),
      bodyExample: { key: 'auditor', name: 'Auditor', permissions: ['invoices.read', 'payments.read'] },
      responses: { 201: { description: 'Created', schema: OK_OBJECT }, 409: { description: 'The key is taken' } },
      handler: async ({ scope, caller, body }) => ({ status: 201, body: await createRole(scope!, caller!.permissions, body as RoleInput) }),
    },
    {
      ...common,
      operationId: 'updateRole',
      method: 'patch',
      path: '/api/roles/:id',
      summary: "Rename a role of your own or change its grants (built-in roles are read-only); holders get the change at once",
      access: MANAGE,
      params: idParams,
      resourceTable: 'user_roles',
      body: { ...closedObject({ name: roleName, permissions: grantList }), minProperties: 1 },
      responses: { 200: { description: 'The role', schema: OK_OBJECT }, 409: { description: 'A built-in role' } },
      handler: async ({ scope, caller, params, body }) => {
        const updated = await updateRole(scope!, caller!.permissions, params.id, body as Partial<RoleInput>);
        if (!updated) throw notFound('role');
        return { body: updated };
      },
    },
    {
      ...common,
      operationId: 'deleteRole',
      method: 'delete',
      path: '/api/roles/:id',
      summary: 'Delete a role of your own that no user or API key holds (409 names what still holds it)',
      access: MANAGE,
      params: idParams,
      resourceTable: 'user_roles',
      responses: { 204: { description: 'Deleted' }, 409: { description: 'A built-in role, or still held' } },
      handler: async ({ scope, caller, params }) => {
        if (!(await deleteRole(scope!, caller!.permissions, params.id))) throw notFound('role');
        return { status: 204 };
      },
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
