/**
 * Permissions are `<area>.<verb>` strings. Roles hold grants, which may use `*` for a whole segment:
 * `*` grants everything, `contacts.*` every verb on contacts, `*.read` reading everything.
 */
export type Permission = string;

export function grants(grant: string, needed: Permission): boolean {
  if (grant === '*' || grant === needed) return true;
  const [grantArea, grantVerb] = grant.split('.', 2);
  const [area, verb] = needed.split('.', 2);
  return (grantArea === '*' || grantArea === area) && (grantVerb === '*' || grantVerb === verb);
}

export function isGranted(held: readonly string[], needed: Permission): boolean {
  return held.some((grant) => grants(grant, needed));
}

/** A role may only be handed out (to a user or an API key) by a caller who already holds every grant it carries. */
export function coversGrants(held: readonly string[], roleGrants: readonly string[]): boolean {
  // Read as patterns, grants(mine, theirs) holds exactly when every permission `theirs` matches, `mine` matches too.
  return roleGrants.every((grant) => held.some((mine) => grants(mine, grant)));
}

/** Areas that only operators of the tenant's data may change; designers and viewers only read them. */
const OPERATIONAL_WRITES = ['contacts', 'deals', 'invoices', 'contracts', 'payments', 'subscriptions', 'sales', 'sale_items', 'activities', 'tasks', 'calendar_events'].map((area) => `${area}.write`);

/** The roles every new tenant starts with. The owner alone manages the company itself. */
export const DEFAULT_ROLES: { key: string; name: string; permissions: string[] }[] = [
  { key: 'owner', name: 'Owner', permissions: ['*'] },
  { key: 'admin', name: 'Administrator', permissions: ['*.read', '*.write', 'users.manage', 'api_keys.manage', 'definitions.*', 'runs.*', 'tasks.*'] },
  { key: 'designer', name: 'Flow designer', permissions: ['*.read', 'definitions.*', 'runs.start'] },
  // Operators replay webhook deliveries a receiver missed; changing endpoints (URLs, secrets) stays with admins.
  { key: 'operator', name: 'Operator', permissions: ['*.read', ...OPERATIONAL_WRITES, 'webhook_deliveries.write', 'runs.start', 'runs.signal', 'tasks.decide'] },
  { key: 'viewer', name: 'Viewer', permissions: ['*.read'] },
];

export const DEFAULT_ROLE_KEYS = DEFAULT_ROLES.map((role) => role.key);
