import request from 'supertest';
import { hashToken } from '../../engine/auth/tokens';
import { otplibCode } from './helpers/otplib-code';
import { createApiHarness, PASSWORD, signUpCompany, type ApiHarness, type SignedIn } from './helpers/api-harness';

let h: ApiHarness;
let acme: SignedIn;
let secret: string;
let recoveryCodes: string[];

beforeAll(async () => {
  h = await createApiHarness();
  acme = await signUpCompany(h.server, 'acme');
});
afterAll(() => h.close());

const signIn = (extra: Record<string, string> = {}) => request(h.server).post('/api/auth/sign-in').send({ email: 'owner@acme.test', password: PASSWORD, ...extra });

/** A six-digit code that is not valid in the current window nor either neighbour. */
function wrongCode(): string {
  const now = Math.floor(Date.now() / 1000);
  const valid = [-60, -30, 0, 30, 60].map((offset) => otplibCode(secret, now + offset));
  for (let n = 0; ; n += 1) {
    const candidate = String(n).padStart(6, '0');
    if (!valid.includes(candidate)) return candidate;
  }
}

test('enrolment needs the password, returns an otpauth URI, and keeps the secret sealed at rest', async () => {
  expect((await acme.agent.post('/api/auth/two-factor').send({ password: 'not my password' })).status).toBe(422);
  const enrolment = await acme.agent.post('/api/auth/two-factor').send({ password: PASSWORD });
  expect(enrolment.status).toBe(201);
  secret = enrolment.body.secret;
  expect(enrolment.body.otpauth_uri).toBe(`otpauth://totp/Ledgerflow:owner%40acme.test?secret=${secret}&issuer=Ledgerflow&algorithm=SHA1&digits=6&period=30`);
  const stored = await h.db.knex('two_factors').where({ user_id: acme.userId }).first('secret_encrypted', 'enabled_at');
  expect(stored.secret_encrypted).toMatch(/^v1:/);
  expect(stored.secret_encrypted).not.toContain(secret);
  expect(stored.enabled_at).toBeNull();
  expect((await acme.agent.get('/api/auth/two-factor')).body).toEqual({ enabled: false });
});

test('confirming needs a current code from the authenticator, then gives ten recovery codes stored as hashes', async () => {
  expect((await acme.agent.post('/api/auth/two-factor/confirm').send({ code: wrongCode() })).status).toBe(422);
  const confirmed = await acme.agent.post('/api/auth/two-factor/confirm').send({ code: otplibCode(secret) });
  expect(confirmed.status).toBe(200);
  recoveryCodes = confirmed.body.recovery_codes;
  expect(recoveryCodes).toHaveLength(10);
  const stored = await h.db.knex('two_factors').where({ user_id: acme.userId }).first('recovery_code_hashes');
  expect(stored.recovery_code_hashes).toEqual(recoveryCodes.map(hashToken));
  expect((await acme.agent.get('/api/auth/two-factor')).body).toEqual({ enabled: true });
});

test('sign-in then asks for the code: missing is two_factor_required, wrong is invalid_second_factor, right signs in', async () => {
  const missing = await signIn();
  expect(missing.status).toBe(401);
  expect(missing.body.code).toBe('two_factor_required');
  expect(missing.headers['set-cookie']).toBeUndefined();
  const wrong = await signIn({ code: wrongCode() });
  expect(wrong.body.code).toBe('invalid_second_factor');
  const right = await signIn({ code: otplibCode(secret) });
  expect(right.status).toBe(200);
});

test('a wrong password with a right code is still just a wrong password', async () => {
  const response = await request(h.server).post('/api/auth/sign-in').send({ email: 'owner@acme.test', password: 'wrong password', code: otplibCode(secret) });
  expect(response.body.code).toBe('invalid_credentials');
});

test('a recovery code signs in once and is then used up', async () => {
  expect((await signIn({ recovery_code: recoveryCodes[0] })).status).toBe(200);
  expect((await signIn({ recovery_code: recoveryCodes[0] })).body.code).toBe('invalid_second_factor');
  const stored = await h.db.knex('two_factors').where({ user_id: acme.userId }).first('recovery_code_hashes');
  expect(stored.recovery_code_hashes).toHaveLength(9);
});

test('disabling needs the password and a current code; afterwards the password alone signs in', async () => {
  expect((await acme.agent.post('/api/auth/two-factor/disable').send({ password: PASSWORD, code: wrongCode() })).status).toBe(422);
  const off = await acme.agent.post('/api/auth/two-factor/disable').send({ password: PASSWORD, code: otplibCode(secret) });
  expect(off.status).toBe(200);
  expect(await h.db.knex('two_factors').where({ user_id: acme.userId }).first()).toBeUndefined();
  expect((await signIn()).status).toBe(200);
});
