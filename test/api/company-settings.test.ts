import { createApiHarness, signUpCompany, type ApiHarness, type SignedIn } from './helpers/api-harness';

let h: ApiHarness;
let acme: SignedIn;

beforeAll(async () => {
  h = await createApiHarness();
  acme = await signUpCompany(h.server, 'settings');
});
afterAll(() => h.close());

test("the company's settings are read and changed through the API, and the change is stored", async () => {
  const read = await acme.agent.get('/api/company-settings');
  expect(read.status).toBe(200);
  expect(read.body.company_id).toBe(acme.companyId);
  const changed = await acme.agent.patch('/api/company-settings').send({ time_zone: 'America/Sao_Paulo', default_currency: 'BRL', locale: 'pt-BR', invoice_prefix: 'BR-' });
  expect(changed.status).toBe(200);
  expect(changed.body).toMatchObject({ time_zone: 'America/Sao_Paulo', default_currency: 'BRL', locale: 'pt-BR', invoice_prefix: 'BR-' });
  expect(await h.db.knex('company_settings').where({ company_id: acme.companyId }).first('time_zone', 'default_currency')).toEqual({ time_zone: 'America/Sao_Paulo', default_currency: 'BRL' });
});

test('a time zone that does not exist is a 422 pointing at time_zone, and nothing changes', async () => {
  const before = await h.db.knex('company_settings').where({ company_id: acme.companyId }).first();
  const response = await acme.agent.patch('/api/company-settings').send({ time_zone: 'Mars/Olympus_Mons', invoice_prefix: 'X-' });
  expect(response.status).toBe(422);
  expect(response.body.errors).toEqual([{ in: 'body', pointer: '#/time_zone', message: 'is not an IANA time zone, e.g. Europe/Lisbon' }]);
  expect(await h.db.knex('company_settings').where({ company_id: acme.companyId }).first()).toEqual(before);
});

test('the invoice sequence cannot be written: next_invoice_number is a 400 unknown field', async () => {
  const response = await acme.agent.patch('/api/company-settings').send({ next_invoice_number: 1 });
  expect(response.status).toBe(400);
  expect(response.body.errors[0].pointer).toBe('#/next_invoice_number');
});
