import type { Knex } from 'knex';
import { translateDatabaseError } from '../db/errors/constraint-errors';
import { Company, CompanySettings, User, UserPermission, UserRole } from '../db/models';
import { tenantScope } from '../db/tenant-scope';
import { installBuiltInDefinitions } from '../definition-store/built-in-definitions';
import { coreActionCatalogue } from '../definition-store/core-catalogue';
import { definitionStore } from '../definition-store/definition-store';
import { hashPassword } from './passwords';
import { DEFAULT_ROLES } from './permissions';

export interface SignUpInput {
  company_name: string;
  company_slug?: string;
  email: string;
  name: string;
  password: string;
  currency?: string;
  time_zone?: string;
}

/** `Acme Installments, Lda.` → `acme-installments-lda`. */
export function slugFrom(name: string): string {
  const slug = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63);
  return slug || 'company';
}

/**
 * A new tenant: the company, its settings, the default roles, the owner and its own copies of the built-in flows,
 * in one transaction, so a failure leaves no half-made tenant behind.
 */
export async function signUp(knex: Knex, input: SignUpInput): Promise<{ companyId: string; userId: string }> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await knex.transaction(async (trx) => {
      const company = await Company.query(trx).insert({ name: input.company_name, slug: input.company_slug ?? slugFrom(input.company_name) });
      const scope = tenantScope(trx, company.id);
      await scope.query(CompanySettings).insert({ default_currency: input.currency ?? 'EUR', time_zone: input.time_zone ?? 'UTC' });
      const roles = await scope.query(UserRole).insert(DEFAULT_ROLES.map((role) => ({ ...role, permissions: [...role.permissions] })));
      const user = await scope.query(User).insert({ email: input.email, name: input.name, password_hash: passwordHash, status: 'active' });
      const owner = roles.find((role) => role.key === 'owner');
      await scope.query(UserPermission).insert({ user_id: user.id, role_id: owner!.id });
      await installBuiltInDefinitions(scope, definitionStore(scope, coreActionCatalogue()));
      return { companyId: company.id, userId: user.id };
    });
  } catch (error) {
    throw translateDatabaseError(error);
  }
}
