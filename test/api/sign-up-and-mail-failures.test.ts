import pino from 'pino';
import request from 'supertest';
import type { Mailer } from '../../activities/mailer';
import { eventually } from '../helpers/eventually';
import { createApiHarness, signUpCompany, type ApiHarness } from './helpers/api-harness';

let h: ApiHarness;
const logLines: Record<string, unknown>[] = [];

/** Fails the way nodemailer does when the server refuses the recipient: the address is in the message and in `rejected`. */
const refusingMailer: Mailer = {
  send: async (email) => {
    throw Object.assign(new Error(`Can't send mail - all recipients were rejected: 550 5.1.1 <${email.to}>: Recipient address rejected`), { code: 'EENVELOPE', rejected: [email.to] });
  },
};

beforeAll(async () => {
  h = await createApiHarness({ mailer: refusingMailer, logger: pino({ level: 'info' }, { write: (line: string) => logLines.push(JSON.parse(line)) }) });
});
afterAll(() => h.close());

const signUp = (email: string, extra: Record<string, unknown> = {}) =>
  request(h.server).post('/api/auth/sign-up').send({ company_name: `Company of ${email}`, email, name: 'Owner', password: 'correct horse battery staple', ...extra });

test('a time zone that is not an IANA name is a 422 at #/time_zone on sign-up, and no company is made', async () => {
  const response = await signUp('zone@mars.test', { time_zone: 'Mars/Olympus_Mons' });
  expect([response.status, response.body.code, response.body.errors]).toEqual([422, 'validation_failed', [expect.objectContaining({ in: 'body', pointer: '#/time_zone' })]]);
  expect(await h.db.knex('users').where({ email: 'zone@mars.test' })).toHaveLength(0);
});

test('an IANA time zone given at sign-up is the company setting', async () => {
  const response = await signUp('zone@lisbon.test', { time_zone: 'Europe/Lisbon' });
  expect(response.status).toBe(201);
  expect(await h.db.knex('company_settings').where({ company_id: response.body.company.id }).first('time_zone')).toEqual({ time_zone: 'Europe/Lisbon' });
});

test('when the verification e-mail is refused, sign-up still succeeds and the log names the failure code but never the address', async () => {
  const response = await signUp('private.person@example.test');
  expect(response.status).toBe(201);
  const warning = logLines.find((line) => line.msg === 'could not send the verification e-mail after sign-up' && line.userId === response.body.user.id);
  expect(warning).toMatchObject({ reason: 'EENVELOPE', companyId: response.body.company.id });
  expect(JSON.stringify(logLines)).not.toContain('private.person');
});

test('a reset request for an account whose mail is refused answers the same 202 as for an unknown address, and logs only the code', async () => {
  const owner = await signUp('reset.person@example.test');
  const known = await request(h.server).post('/api/auth/password-reset').send({ email: 'reset.person@example.test' });
  const unknown = await request(h.server).post('/api/auth/password-reset').send({ email: 'nobody.here@example.test' });
  expect([known.status, known.text]).toEqual([unknown.status, unknown.text]);
  expect(known.status).toBe(202);
  const warning = await eventually(async () => logLines.find((line) => line.msg === 'could not send a password-reset e-mail'), (line) => line !== undefined);
  expect(warning).toMatchObject({ reason: 'EENVELOPE' });
  expect(await h.db.knex('password_reset_tokens').where({ user_id: owner.body.user.id })).toHaveLength(1);
  expect(JSON.stringify(logLines)).not.toContain('reset.person');
});

test('an invitation whose e-mail cannot be sent is a 503 problem and adds nobody, so a retry meets no duplicate', async () => {
  const owner = await signUpCompany(h.server, 'inviting');
  const response = await owner.agent.post('/api/users').send({ email: 'new.colleague@example.test', name: 'New colleague', role: 'operator' });
  expect([response.status, response.body.code, response.headers['content-type']]).toEqual([503, 'mail_send_failed', expect.stringMatching(/^application\/problem\+json/)]);
  expect(await h.db.knex('users').where({ company_id: owner.companyId, email: 'new.colleague@example.test' })).toHaveLength(0);
  expect(await h.db.knex('password_reset_tokens').where({ company_id: owner.companyId })).toHaveLength(0);
  const retried = await owner.agent.post('/api/users').send({ email: 'new.colleague@example.test', name: 'New colleague', role: 'operator' });
  expect(retried.body.code).toBe('mail_send_failed');
  expect(JSON.stringify(logLines)).not.toContain('new.colleague');
});
