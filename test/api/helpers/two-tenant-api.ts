import type { Server } from 'node:http';
import type { Knex } from 'knex';
import request from 'supertest';
import { DEFAULT_ROLES } from '../../../engine/auth/permissions';
import { startSession } from '../../../engine/auth/sessions';
import { csrfTokenFor } from '../../../engine/auth/tokens';
import { tenantScope } from '../../../engine/db/tenant-scope';
import { createSharedPlan, createTenantGraph } from '../../models/two-tenant-graph';
import { addUser } from './api-harness';

export type RoleKey = (typeof DEFAULT_ROLES)[number]['key'];
export const ROLE_KEYS = DEFAULT_ROLES.map((role) => role.key);

export interface ApiTenant {
  slug: string;
  companyId: string;
  /** One user per default role. */
  users: Record<string, string>;
}

/**
 * Two tenants with one row in every table (test/models/two-tenant-graph.ts, kept complete by the registry tests),
 * plus the default roles and one user per role, so tests can aim one tenant's callers at the other's rows.
 */
export async function createTwoTenants(knex: Knex): Promise<[ApiTenant, ApiTenant]> {
  const plan = await createSharedPlan(knex);
  const tenants: ApiTenant[] = [];
  for (const slug of ['acme', 'globex']) {
    const { companyId } = await createTenantGraph(knex, slug, plan);
    for (const role of DEFAULT_ROLES) {
      await knex('user_roles')
        .insert({ company_id: companyId, key: role.key, name: role.name, permissions: JSON.stringify(role.permissions) })
        .onConflict(['company_id', 'key'])
        .merge(['name', 'permissions']);
    }
    const users: Record<string, string> = {};
    for (const key of ROLE_KEYS) users[key] = await addUser(knex, companyId, `${key}@${slug}.test`, key);
    tenants.push({ slug, companyId, users });
  }
  return tenants as [ApiTenant, ApiTenant];
}

export interface Credentials {
  cookie?: string;
  csrf?: string;
  bearer?: string;
}

/** A fresh session for a user, made directly (no argon2), as the cookie and CSRF header a browser would send. */
export async function sessionFor(knex: Knex, tenant: ApiTenant, role: string): Promise<Credentials> {
  const session = await startSession(tenantScope(knex, tenant.companyId), tenant.users[role], {});
  return { cookie: `lf_session=${session.token}`, csrf: csrfTokenFor(session.token) };
}

export function send(server: Server, method: string, path: string, credentials: Credentials, body?: unknown): request.Test {
  const call = (request(server) as unknown as Record<string, (path: string) => request.Test>)[method](path);
  if (credentials.cookie) call.set('cookie', credentials.cookie);
  if (credentials.csrf) call.set('x-csrf-token', credentials.csrf);
  if (credentials.bearer) call.set('authorization', `Bearer ${credentials.bearer}`);
  // Payment writes require one; every other route ignores it.
  call.set('idempotency-key', `test-${Math.random().toString(36).slice(2)}`);
  return body === undefined ? call : call.send(body as object);
}

export async function rowIds(knex: Knex, table: string, companyId: string): Promise<string[]> {
  return knex(table).where({ company_id: companyId }).orderBy('created_at').pluck('id');
}

export async function hasCompanyColumn(knex: Knex, table: string): Promise<boolean> {
  return (await knex('information_schema.columns').where({ table_schema: 'public', table_name: table, column_name: 'company_id' }).first()) !== undefined;
}
