import { randomBytes } from 'node:crypto';
import { createSecretBox } from '../../engine/security/secret-box';
import { seedDemo } from '../../engine/db/seed/seed-demo';
import { SEED_TABLES } from '../helpers/seed-tables';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let db: TestDatabase;
const secrets = createSecretBox(randomBytes(32));

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

// Sign-in artefacts (sessions, tokens, 2FA secrets, OAuth links) are created by people signing in, not by a seed.
const SIGN_IN_ARTEFACTS = ['sessions', 'oauth_accounts', 'two_factors', 'password_reset_tokens', 'email_verification_tokens'];

test('the demo seed creates two tenants with rows in every business table of the data model', async () => {
  const summaries = await seedDemo(db.knex, secrets);
  expect(summaries.map((s) => [s.slug, s.created])).toEqual([['acme', true], ['globex', true]]);
  for (const { companyId } of summaries) {
    const empty: string[] = [];
    for (const table of SEED_TABLES.filter((t) => t !== 'plans' && t !== 'companies' && !SIGN_IN_ARTEFACTS.includes(t))) {
      const row = await db.knex(table).where({ company_id: companyId }).count('* as n').first();
      if (Number(row?.n) === 0) empty.push(table);
    }
    expect(empty).toEqual([]);
  }
  expect(await db.knex('plans').count('* as n').first()).toEqual({ n: 3 });
});

test('running the seed again changes nothing', async () => {
  const before = await Promise.all(SEED_TABLES.map((t) => db.knex(t).count('* as n').first()));
  const again = await seedDemo(db.knex, secrets);
  expect(again.every((s) => !s.created)).toBe(true);
  expect(await Promise.all(SEED_TABLES.map((t) => db.knex(t).count('* as n').first()))).toEqual(before);
});

test('the 12-installment demo contract is scheduled exactly, with two paid installments and one partial payment', async () => {
  const contract = await db.knex('contracts').where({ contract_number: 'ACME-C-001' }).first();
  const installments = await db.knex('contract_installments').where({ contract_id: contract.id }).orderBy('sequence');
  expect(installments).toHaveLength(12);
  expect(installments.reduce((sum: number, i: { principal_minor: number }) => sum + i.principal_minor, 0)).toBe(1_200_000);
  expect(installments.slice(0, 4).map((i: { due_date: string }) => i.due_date)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
  expect(installments.slice(0, 4).map((i: { status: string; paid_minor: number }) => [i.status, i.paid_minor])).toEqual([
    ['paid', 100_000],
    ['paid', 100_000],
    ['partially_paid', 40_000],
    ['open', 0],
  ]);
});

test('an uneven contract total puts the remainder on its last installment', async () => {
  const contract = await db.knex('contracts').where({ contract_number: 'GLX-C-002' }).first();
  const amounts = (await db.knex('contract_installments').where({ contract_id: contract.id }).orderBy('sequence')).map((i: { principal_minor: number }) => i.principal_minor);
  expect(amounts).toEqual([62_500, 62_500, 62_500, 62_501]);
});

test('each demo tenant has one active subscription and a canceled one in its history', async () => {
  const rows = await db.knex('subscriptions').join('companies', 'companies.id', 'subscriptions.company_id').select('companies.slug', 'subscriptions.status').orderBy(['slug', 'status']);
  expect(rows.map((r: { slug: string; status: string }) => `${r.slug}:${r.status}`)).toEqual(['acme:active', 'acme:canceled', 'globex:active', 'globex:canceled']);
});

test('revenue of a paid invoice is allocated by category and cost center and sums to its subtotal', async () => {
  const invoice = await db.knex('invoices').where({ invoice_number: 'ACME-INV-0001' }).first();
  const revenues = await db.knex('revenues').where({ invoice_id: invoice.id });
  expect(revenues.map((r: { amount_minor: number }) => r.amount_minor).sort()).toEqual([30_000, 70_000]);
  expect(new Set(revenues.map((r: { cost_center_id: string }) => r.cost_center_id)).size).toBe(2);
});

test('webhook secrets and integration credentials are stored sealed, never in plain text', async () => {
  const endpoint = await db.knex('webhook_endpoints').join('companies', 'companies.id', 'webhook_endpoints.company_id').where('companies.slug', 'acme').first();
  expect(endpoint.secret_encrypted).not.toContain('whsec_demo_acme');
  expect(secrets.open(endpoint.secret_encrypted)).toBe('whsec_demo_acme');
  const integration = await db.knex('integrations').first();
  expect(integration.credentials_encrypted).not.toContain('password');
});
