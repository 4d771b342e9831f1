import QRCode from 'qrcode';
import request from 'supertest';
import { hashToken } from '../../engine/auth/tokens';
import { otplibCode } from './helpers/otplib-code';
import { svgQrModules } from './helpers/svg-qr-modules';
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

test('enrolment also returns the otpauth URI as an SVG QR code data URL whose modules are exactly the symbol of that URI', async () => {
  const enrolment = await acme.agent.post('/api/auth/two-factor').send({ password: PASSWORD });
  expect(enrolment.status).toBe(201);
  secret = enrolment.body.secret;
  const dataUrl: string = enrolment.body.otpauth_qr_code;
  const prefix = 'data:image/svg+xml;base64,';
  expect(dataUrl.startsWith(prefix)).toBe(true);
  const svg = Buffer.from(dataUrl.slice(prefix.length), 'base64').toString('utf8');
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 \d+ \d+"/);
  const expected = QRCode.create(enrolment.body.otpauth_uri, { errorCorrectionLevel: 'M' }).modules;
  const drawn = svgQrModules(svg);
  expect(drawn.margin).toBe(4);
  expect(drawn.size).toBe(expected.size);
  expect(drawn.dark).toEqual(Array.from(expected.data, Boolean));
  // A URI that differs by its secret alone draws a different symbol, so the comparison above can fail.
  const other = QRCode.create(enrolment.body.otpauth_uri.replace(secret, secret.split('').reverse().join('')), { errorCorrectionLevel: 'M' }).modules;
  expect(drawn.dark).not.toEqual(Array.from(other.data, Boolean));
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

test('once confirmed, no route shows the QR code again: the state has none and a new enrolment is refused with 409', async () => {
  const state = await acme.agent.get('/api/auth/two-factor');
  expect(state.body).not.toHaveProperty('otpauth_qr_code');
  const again = await acme.agent.post('/api/auth/two-factor').send({ password: PASSWORD });
  expect(again.status).toBe(409);
  expect(again.body).not.toHaveProperty('otpauth_qr_code');
  expect(again.body).not.toHaveProperty('otpauth_uri');
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
