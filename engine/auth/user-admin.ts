import type { Knex } from 'knex';
import type { Mailer } from '../../activities/mailer';
import { ProblemError } from '../api/http/problem';
import { PasswordResetToken, User, UserPermission, UserRole } from '../db/models';
import type { TenantScope } from '../db/tenant-scope';
import { coversGrants } from './permissions';
import { hashToken, newToken } from './tokens';

const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;

export interface UserView {
  id: string;
  email: string;
  name: string;
  status: string;
  roles: string[];
  email_verified_at: string | null;
  last_sign_in_at: string | null;
  created_at: string;
}

export async function listUsers(scope: TenantScope): Promise<UserView[]> {
  const users = await scope.query(User).orderBy('created_at').withGraphFetched('roles');
  return users.map(view);
}

export async function getUser(scope: TenantScope, id: string): Promise<UserView | undefined> {
  const user = await scope.query(User).findById(id).withGraphFetched('roles');
  return user ? view(user) : undefined;
}

function view(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    status: user.status,
    roles: (user.roles ?? []).map((role) => role.key).sort(),
    email_verified_at: user.email_verified_at,
    last_sign_in_at: user.last_sign_in_at,
    created_at: user.created_at,
  };
}

/** The role a caller may hand out: it must exist and carry no grant the caller lacks. */
async function grantableRole(scope: TenantScope, callerPermissions: string[], key: string): Promise<UserRole> {
  const role = await scope.query(UserRole).findOne({ key });
  if (!role) throw new ProblemError(422, 'reference_not_found', `No role ${key} in this company`, [{ in: 'body', pointer: '#/role', message: 'is not a role of this company' }]);
  if (!coversGrants(callerPermissions, role.permissions)) throw new ProblemError(403, 'forbidden', `The ${key} role holds permissions you do not have`);
  return role;
}

/**
 * Adds a user with one role and mails an invitation: a single-use link (a password-reset token valid a week) with
 * which they choose their own password. Nobody else ever knows it.
 */
export async function inviteUser(
  scope: TenantScope,
  mail: { mailer?: Mailer; publicUrl: string },
  callerPermissions: string[],
  input: { email: string; name: string; role: string },
): Promise<UserView> {
  const userId = await scope.transaction(async (tx) => {
    const role = await grantableRole(tx, callerPermissions, input.role);
    const user = await tx.query(User).insert({ email: input.email, name: input.name, status: 'active' });
    await tx.query(UserPermission).insert({ user_id: user.id, role_id: role.id });
    const invitation = newToken('lfr_');
    await tx.query(PasswordResetToken).insert({ user_id: user.id, token_hash: hashToken(invitation), expires_at: new Date(Date.now() + INVITATION_TTL_MS).toISOString() });
    // Sent before the commit: an invitation that cannot be sent adds nobody, so the same invite can simply be retried.
    await mail.mailer
      ?.send({
        to: input.email,
        subject: 'You are invited to Ledgerflow',
        text: `You have been given a Ledgerflow account. Choose your password within a week at:\n\n${mail.publicUrl}/reset-password?token=${invitation}\n\nOr paste this code:\n${invitation}\n`,
      })
      .catch(() => {
        throw new ProblemError(503, 'mail_send_failed', 'The invitation e-mail could not be sent, so no user was added; try again later');
      });
    return user.id;
  });
  return (await getUser(scope, userId))!;
}

/** Changes a user's name, status or role. Disabling ends their sessions; the company always keeps an active owner. */
export async function updateUser(
  scope: TenantScope,
  caller: { userId?: string; permissions: string[] },
  id: string,
  changes: { name?: string; status?: 'active' | 'disabled'; role?: string },
): Promise<UserView | undefined> {
  await scope.transaction(async (tx) => {
    const user = await tx.query(User).findById(id).withGraphFetched('roles').forUpdate();
    if (!user) return;
    const currentGrants = (user.roles ?? []).flatMap((role) => role.permissions);
    if (!coversGrants(caller.permissions, currentGrants)) throw new ProblemError(403, 'forbidden', 'This user holds permissions you do not have');
    if (changes.role !== undefined) {
      const role = await grantableRole(tx, caller.permissions, changes.role);
      await tx.query(UserPermission).where({ user_id: id }).delete();
      await tx.query(UserPermission).insert({ user_id: id, role_id: role.id });
    }
    if (changes.name !== undefined || changes.status !== undefined) {
      await tx.query(User).findById(id).patch({ ...(changes.name !== undefined ? { name: changes.name } : {}), ...(changes.status ? { status: changes.status } : {}) });
    }
    if (changes.status === 'disabled') await revokeSessions(tx.knex, tx.companyId, id);
    await keepAnActiveOwner(tx);
  });
  return getUser(scope, id);
}

async function revokeSessions(knex: Knex, companyId: string, userId: string): Promise<void> {
  await knex('sessions').where({ company_id: companyId, user_id: userId }).whereNull('revoked_at').update({ revoked_at: knex.fn.now() });
}

async function keepAnActiveOwner(scope: TenantScope): Promise<void> {
  const owners = await scope.knex('user_permissions as up')
    .join('user_roles as r', function joinRole() {
      this.on('r.company_id', 'up.company_id').andOn('r.id', 'up.role_id');
    })
    .join('users as u', function joinUser() {
      this.on('u.company_id', 'up.company_id').andOn('u.id', 'up.user_id');
    })
    .where({ 'up.company_id': scope.companyId, 'r.key': 'owner', 'u.status': 'active' })
    .count({ n: '*' })
    .first();
  if (Number(owners?.n ?? 0) === 0) throw new ProblemError(409, 'conflict', 'The company must keep at least one active owner');
}
