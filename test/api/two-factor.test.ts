import QRCode from 'qrcode';
import request from 'supertest';
import { hashToken } from '../../engine/auth/tokens';
import { otplibCode } from './helpers/otplib-code';
import { svgQrModules } from './helpers/svg-qr-modules';
import { addUser, createApiHarness, PASSWORD, signInAs, signUpCompany, type ApiHarness, type SignedIn } from './helpers/api-harness';

let h: ApiHarness;
let acme: SignedIn;
let secret: string;
let recoveryCodes: string[];

beforeAll(async () => {
  h = await createApiHarness();
  acme = await signUpCompany(h.server, 'acme');
});
afterAll(() => h.close());

const signInWith = (email: string, extra: Record<string, string> = {}) => request(h.server).post('/api/auth/sign-in').send({ email, password: PASSWORD, ...extra });
const signIn = (extra: Record<string, string> = {}) => signInWith('owner@acme.test', extra);

/** The unix time one 30 s step ahead: the server takes the next step's code (clock drift), and it is not used yet. */
const nextStepEpoch = () => Math.floor(Date.now() / 1000) + 30;

/** A six-digit code that is not valid in the current window nor either neighbour. */
function wrongCode(totpSecret = secret): string {
  const now = Math.floor(Date.now() / 1000);
  const valid = [-60, -30, 0, 30, 60].map((offset) => otplibCode(totpSecret, now + offset));
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
  // The current step's code confirmed enrolment moments ago, so the authenticator's next code is the one to use.
  const right = await signIn({ code: otplibCode(secret, nextStepEpoch()) });
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

/** A user of acme with two-factor on, confirmed with the code of the current step (returned as `confirmingCode`). */
async function enrolledUser(email: string): Promise<{ user: SignedIn; secret: string; confirmingCode: string; recoveryCodes: string[] }> {
  await addUser(h.db.knex, acme.companyId, email, 'viewer');
  const user = await signInAs(h.server, email, 'acme');
  const enrolment = await user.agent.post('/api/auth/two-factor').send({ password: PASSWORD });
  const confirmingCode = otplibCode(enrolment.body.secret);
  const confirmed = await user.agent.post('/api/auth/two-factor/confirm').send({ code: confirmingCode });
  expect(confirmed.status).toBe(200);
  return { user, secret: enrolment.body.secret, confirmingCode, recoveryCodes: confirmed.body.recovery_codes };
}

/** A problem body without its request_id, the one field that differs between any two answers. */
const problemOf = (response: request.Response) => ({ ...response.body, request_id: undefined });

const failedSignIns = async (userId: string) => (await h.db.knex('users').where({ id: userId }).first('failed_sign_in_count')).failed_sign_in_count;

describe('each code works once (RFC 6238 §5.2)', () => {
  test('the code that confirmed enrolment cannot sign in: the replay gets the wrong-code problem and counts towards the lockout', async () => {
    const { user, secret, confirmingCode } = await enrolledUser('replay@acme.test');
    const wrong = await signInWith('replay@acme.test', { code: wrongCode(secret) });
    const replayed = await signInWith('replay@acme.test', { code: confirmingCode });
    expect(replayed.status).toBe(401);
    expect(problemOf(replayed)).toEqual(problemOf(wrong));
    expect(replayed.body.code).toBe('invalid_second_factor');
    expect(await failedSignIns(user.userId)).toBe(2);
  });

  test("the next step's code signs in, and the same code a second time is refused", async () => {
    const { user, secret } = await enrolledUser('twice@acme.test');
    const epoch = nextStepEpoch();
    const code = otplibCode(secret, epoch);
    expect((await signInWith('twice@acme.test', { code })).status).toBe(200);
    const again = await signInWith('twice@acme.test', { code });
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('invalid_second_factor');
    expect(await h.db.knex('two_factors').where({ user_id: user.userId }).first('last_totp_step')).toEqual({ last_totp_step: Math.floor(epoch / 30) });
  });

  test('of four sign-ins racing with one code exactly one signs in; the others get the wrong-code problem', async () => {
    const { secret } = await enrolledUser('race@acme.test');
    const code = otplibCode(secret, nextStepEpoch());
    const responses = await Promise.all(Array.from({ length: 4 }, () => signInWith('race@acme.test', { code })));
    expect(responses.map((response) => response.status).sort()).toEqual([200, 401, 401, 401]);
    for (const refused of responses.filter((response) => response.status === 401)) expect(refused.body.code).toBe('invalid_second_factor');
  });

  test("recovery codes are unaffected: one signs in after the step is used, and using one leaves the next step's code valid", async () => {
    const { secret, recoveryCodes: codes } = await enrolledUser('recovery@acme.test');
    expect((await signInWith('recovery@acme.test', { recovery_code: codes[0] })).status).toBe(200);
    expect((await signInWith('recovery@acme.test', { code: otplibCode(secret, nextStepEpoch()) })).status).toBe(200);
    expect((await signInWith('recovery@acme.test', { recovery_code: codes[1] })).status).toBe(200);
  });
});

test('disabling needs the password and a current code not used before; afterwards the password alone signs in', async () => {
  const { user, secret, confirmingCode } = await enrolledUser('disable@acme.test');
  const wrong = await user.agent.post('/api/auth/two-factor/disable').send({ password: PASSWORD, code: wrongCode(secret) });
  expect(wrong.status).toBe(422);
  const replayed = await user.agent.post('/api/auth/two-factor/disable').send({ password: PASSWORD, code: confirmingCode });
  expect(replayed.status).toBe(422);
  expect(problemOf(replayed)).toEqual(problemOf(wrong));
  expect(await h.db.knex('two_factors').where({ user_id: user.userId }).first('enabled_at')).toEqual({ enabled_at: expect.any(Date) });
  const off = await user.agent.post('/api/auth/two-factor/disable').send({ password: PASSWORD, code: otplibCode(secret, nextStepEpoch()) });
  expect(off.status).toBe(200);
  expect(await h.db.knex('two_factors').where({ user_id: user.userId }).first()).toBeUndefined();
  expect((await signInWith('disable@acme.test')).status).toBe(200);
});
