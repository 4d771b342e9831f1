/** The two demo tenants, described as data; seed-demo.ts turns each into rows. Every value is fixed so the seed is deterministic. */
export interface DemoTenant {
  slug: string;
  name: string;
  currency: string;
  timeZone: string;
  domains: string[];
  users: { email: string; name: string; role: string }[];
  contacts: { name: string; kind: 'person' | 'organization'; email: string }[];
  contracts: { number: string; contact: number; title: string; totalMinor: number; count: number; firstDueDate: string; paidInstallments: number; partialMinor: number }[];
  planCode: string;
  previousPlanCode: string;
}

/** Every demo user signs in with this password (or LEDGERFLOW_DEMO_PASSWORD); `npm start` prints it. */
export const DEFAULT_DEMO_PASSWORD = 'ledgerflow-demo';

export const DEMO_PLANS = [
  { code: 'starter', name: 'Starter', currency: 'EUR', amount_minor: 2900, interval_unit: 'month', trial_days: 14 },
  { code: 'growth', name: 'Growth', currency: 'EUR', amount_minor: 9900, interval_unit: 'month', trial_days: 14 },
  { code: 'scale-annual', name: 'Scale (annual)', currency: 'USD', amount_minor: 199000, interval_unit: 'year', trial_days: 0 },
];

export const DEMO_TENANTS: DemoTenant[] = [
  {
    slug: 'acme',
    name: 'Acme Installments',
    currency: 'EUR',
    timeZone: 'Europe/Lisbon',
    domains: ['acme.ledgerflow.test', 'billing.acme.ledgerflow.test'],
    users: [
      { email: 'owner@acme.test', name: 'Olivia Owner', role: 'owner' },
      { email: 'designer@acme.test', name: 'Diego Designer', role: 'designer' },
      { email: 'operator@acme.test', name: 'Oscar Operator', role: 'operator' },
    ],
    contacts: [
      { name: 'Lisbon Bakery Lda', kind: 'organization', email: 'accounts@lisbonbakery.test' },
      { name: 'Marta Sousa', kind: 'person', email: 'marta.sousa@example.test' },
      { name: 'Porto Tiles SA', kind: 'organization', email: 'finance@portotiles.test' },
      { name: 'Rui Almeida', kind: 'person', email: 'rui.almeida@example.test' },
    ],
    contracts: [
      { number: 'ACME-C-001', contact: 0, title: 'Oven lease, 12 months', totalMinor: 1_200_000, count: 12, firstDueDate: '2026-01-31', paidInstallments: 2, partialMinor: 40_000 },
      { number: 'ACME-C-002', contact: 1, title: 'Kitchen refit', totalMinor: 100_000, count: 3, firstDueDate: '2026-09-15', paidInstallments: 0, partialMinor: 12_345 },
    ],
    planCode: 'growth',
    previousPlanCode: 'starter',
  },
  {
    slug: 'globex',
    name: 'Globex Subscriptions',
    currency: 'USD',
    timeZone: 'America/New_York',
    domains: ['globex.ledgerflow.test'],
    users: [
      { email: 'owner@globex.test', name: 'Grace Owner', role: 'owner' },
      { email: 'admin@globex.test', name: 'Adam Admin', role: 'admin' },
      { email: 'viewer@globex.test', name: 'Vera Viewer', role: 'viewer' },
    ],
    contacts: [
      { name: 'Springfield Power LLC', kind: 'organization', email: 'ap@springfieldpower.test' },
      { name: 'Hank Scorpio', kind: 'person', email: 'hank@example.test' },
      { name: 'Cypress Creek Inc', kind: 'organization', email: 'billing@cypresscreek.test' },
      { name: 'Lisa Park', kind: 'person', email: 'lisa.park@example.test' },
    ],
    contracts: [
      { number: 'GLX-C-001', contact: 0, title: 'Support retainer', totalMinor: 600_000, count: 6, firstDueDate: '2026-03-31', paidInstallments: 3, partialMinor: 25_000 },
      { number: 'GLX-C-002', contact: 2, title: 'Hardware financing', totalMinor: 250_001, count: 4, firstDueDate: '2026-08-29', paidInstallments: 1, partialMinor: 0 },
    ],
    planCode: 'scale-annual',
    previousPlanCode: 'growth',
  },
];
