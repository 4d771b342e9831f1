import request from 'supertest';
import { createSmtpMailer } from '../../activities/mailer';
import { hashToken } from '../../engine/auth/tokens';
import { eventually } from '../helpers/eventually';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { createApiHarness, PASSWORD, signInAs, signUpCompany, type ApiHarness, type SignedIn } from './helpers/api-harness';

let smtp: SmtpSink;
let h: ApiHarness;
let acme: SignedIn;
const NEW_PASSWORD = 'a brand new passphrase';

beforeAll(async () => {
  smtp = await startSmtpSink();
  h = await createApiHarness({ mailer: createSmtpMailer({ host: smtp.host, port: smtp.port, from: 'Ledgerflow <no-reply@ledgerflow.test>' }), publicUrl: 'https://studio.ledgerflow.test' });
  acme = await signUpCompany(h.server, 'acme');
});
afterAll(async () => {
  await h.close();
  await smtp.close();
});

/** The token in the last message to `to`, read from the raw SMTP data (quoted-printable soft breaks undone). */
function mailedToken(to: string, prefix: 'lfr_' | 'lfv_'): string {
  const message = [...smtp.received].reverse().find((mail) => mail.to.includes(to));
  if (!message) throw new Error(`no mail to ${to}`);
  const body = message.raw.replace(/=\r?\n/g, '');
  const match = new RegExp(`${prefix}[A-Za-z0-9_-]{43}`).exec(body);
  if (!match) throw new Error(`no ${prefix} token in ${body}`);
  return match[0];
}

const resetRequest = (email: string) => request(h.server).post('/api/auth/password-reset').send({ email });

/** A reset for an account: answered 202 at once, its mail arriving a moment later (it is sent after the answer). */
async function requestResetMail(email: string): Promise<void> {
  const before = smtp.received.length;
  expect((await resetRequest(email)).status).toBe(202);
  await eventually(async () => smtp.received.length, (count) => count > before);
}
const complete = (token: string, password = NEW_PASSWORD) => request(h.server).post('/api/auth/password-reset/complete').send({ token, password });

test('sign-up mails a verification link; its token verifies the address once', async () => {
  const token = mailedToken('owner@acme.test', 'lfv_');
  expect(await h.db.knex('email_verification_tokens').where({ token_hash: hashToken(token) }).first()).toBeDefined();
  expect((await h.db.knex('users').where({ id: acme.userId }).first('email_verified_at')).email_verified_at).toBeNull();
  expect((await request(h.server).post('/api/auth/email-verification/confirm').send({ token })).status).toBe(204);
  expect((await h.db.knex('users').where({ id: acme.userId }).first('email_verified_at')).email_verified_at).not.toBeNull();
  const again = await request(h.server).post('/api/auth/email-verification/confirm').send({ token });
  expect(again.status).toBe(400);
  expect(again.body.code).toBe('invalid_token');
});

test('a reset request for an unknown email answers the same 202 and sends nothing', async () => {
  const before = smtp.received.length;
  const tokensBefore = await h.db.knex('password_reset_tokens').count({ n: '*' }).first();
  expect((await resetRequest('nobody@acme.test')).status).toBe(202);
  expect(await h.db.knex('password_reset_tokens').count({ n: '*' }).first()).toEqual(tokensBefore);
  expect(smtp.received.length).toBe(before);
});

test('the mailed reset token sets a new password once, ends every session, and the old password stops working', async () => {
  const device = await signInAs(h.server, 'owner@acme.test', 'acme');
  await requestResetMail('owner@acme.test');
  const mail = smtp.received[smtp.received.length - 1];
  expect(mail.to).toEqual(['owner@acme.test']);
  expect(mail.subject).toBe('Reset your Ledgerflow password');
  const token = mailedToken('owner@acme.test', 'lfr_');
  expect(mail.raw.replace(/=\r?\n/g, '')).toContain('https://studio.ledgerflow.test/reset-password?token=3D' + token);
  const stored = await h.db.knex('password_reset_tokens').where({ token_hash: hashToken(token) }).first('expires_at');
  expect(new Date(stored.expires_at).getTime() - Date.now()).toBeGreaterThan(59 * 60_000);

  expect((await complete(token)).status).toBe(204);
  expect((await device.agent.get('/api/auth/me')).status).toBe(401);
  expect((await request(h.server).post('/api/auth/sign-in').send({ email: 'owner@acme.test', password: PASSWORD })).status).toBe(401);
  expect((await request(h.server).post('/api/auth/sign-in').send({ email: 'owner@acme.test', password: NEW_PASSWORD })).status).toBe(200);
  const reused = await complete(token, 'yet another passphrase');
  expect(reused.status).toBe(400);
  expect(reused.body.code).toBe('invalid_token');
});

test('an expired reset token is refused', async () => {
  await requestResetMail('owner@acme.test');
  const token = mailedToken('owner@acme.test', 'lfr_');
  await h.db.knex('password_reset_tokens').where({ token_hash: hashToken(token) }).update({ expires_at: new Date(Date.now() - 1000) });
  expect((await complete(token)).body.code).toBe('invalid_token');
});

test('a reset also lifts a lockout', async () => {
  await h.db.knex('users').where({ id: acme.userId }).update({ failed_sign_in_count: 5, locked_until: new Date(Date.now() + 600_000) });
  await requestResetMail('owner@acme.test');
  expect((await complete(mailedToken('owner@acme.test', 'lfr_'), 'the lockout is over now')).status).toBe(204);
  expect((await request(h.server).post('/api/auth/sign-in').send({ email: 'owner@acme.test', password: 'the lockout is over now' })).status).toBe(200);
});

test('a signed-in user can ask for another verification e-mail', async () => {
  const device = await signInAs(h.server, 'owner@acme.test', 'acme', 'the lockout is over now');
  const before = smtp.received.length;
  expect((await device.agent.post('/api/auth/email-verification')).status).toBe(202);
  expect(smtp.received.length).toBe(before + 1);
  expect(smtp.received[before].subject).toBe('Confirm your e-mail address for Ledgerflow');
});

test('an expired verification token is refused and leaves the address unverified', async () => {
  const device = await signUpCompany(h.server, 'late-verifier');
  const token = mailedToken('owner@late-verifier.test', 'lfv_');
  await h.db.knex('email_verification_tokens').where({ token_hash: hashToken(token) }).update({ expires_at: new Date(Date.now() - 1000) });
  const response = await request(h.server).post('/api/auth/email-verification/confirm').send({ token });
  expect([response.status, response.body.code]).toEqual([400, 'invalid_token']);
  expect((await h.db.knex('users').where({ id: device.userId }).first('email_verified_at')).email_verified_at).toBeNull();
});
