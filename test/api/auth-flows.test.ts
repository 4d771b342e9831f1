import request from 'supertest';
import { hashToken } from '../../engine/auth/tokens';
import { createSignInLimiter } from '../../engine/auth/sign-in-limiter';
import { addUser, createApiHarness, PASSWORD, signInAs, signUpCompany, type ApiHarness, type SignedIn } from './helpers/api-harness';

let h: ApiHarness;
let acme: SignedIn;

beforeAll(async () => {
  h = await createApiHarness();
  acme = await signUpCompany(h.server, 'acme');
});
afterAll(() => h.close());

function cookie(response: request.Response, name: string): string {
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const found = cookies.find((line) => line.startsWith(`${name}=`));
  if (!found) throw new Error(`no ${name} cookie in ${cookies.join(' | ')}`);
  return found;
}

describe('sign-up', () => {
  test('creates the company, its settings, the five default roles and the owner holding the owner role', async () => {
    const knex = h.db.knex;
    expect(await knex('companies').where({ id: acme.companyId }).first('slug')).toEqual({ slug: 'acme' });
    expect(await knex('company_settings').where({ company_id: acme.companyId }).first('default_currency')).toEqual({ default_currency: 'EUR' });
    const roles = await knex('user_roles').where({ company_id: acme.companyId }).orderBy('key').select('key', 'permissions');
    expect(roles.map((role: { key: string }) => role.key)).toEqual(['admin', 'designer', 'operator', 'owner', 'viewer']);
    expect(roles.find((role: { key: string }) => role.key === 'owner').permissions).toEqual(['*']);
    const held = await knex('user_permissions as up').join('user_roles as r', 'r.id', 'up.role_id').where({ 'up.user_id': acme.userId }).select('r.key');
    expect(held).toEqual([{ key: 'owner' }]);
    const user = await knex('users').where({ id: acme.userId }).first('password_hash');
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
  });

  test('refuses a password shorter than ten characters', async () => {
    const response = await request(h.server).post('/api/auth/sign-up').send({ company_name: 'Short', email: 'a@short.test', name: 'A', password: 'short' });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].pointer).toBe('#/password');
  });
});

describe('sign-in and sessions', () => {
  test('sets an HttpOnly SameSite=Lax session cookie, not Secure over plain http, and stores only its SHA-256', async () => {
    const response = await request(h.server).post('/api/auth/sign-in').send({ email: 'owner@acme.test', password: PASSWORD });
    expect(response.status).toBe(200);
    const session = cookie(response, 'lf_session');
    expect(session).toMatch(/; httponly/i);
    expect(session).toMatch(/; samesite=lax/i);
    expect(session).not.toMatch(/; secure/i);
    const token = decodeURIComponent(session.split(';')[0].split('=')[1]);
    const stored = await h.db.knex('sessions').where({ id: response.body.session_id }).first('token_hash');
    expect(stored.token_hash).toBe(hashToken(token));
    expect(await h.db.knex('sessions').where({ token_hash: token }).first()).toBeUndefined();
    expect(cookie(response, 'lf_csrf')).not.toMatch(/httponly/i);
  });

  test('behind an https proxy the cookies are Secure', async () => {
    const proxied = await createApiHarness({ trustProxy: true });
    try {
      await signUpCompany(proxied.server, 'proxied');
      const response = await request(proxied.server).post('/api/auth/sign-in').set('x-forwarded-proto', 'https').send({ email: 'owner@proxied.test', password: PASSWORD });
      expect(cookie(response, 'lf_session')).toMatch(/; secure/i);
    } finally {
      await proxied.close();
    }
  });

  test('a wrong password and an unknown email get the same 401 problem', async () => {
    const wrong = await request(h.server).post('/api/auth/sign-in').send({ email: 'owner@acme.test', password: 'not the password' });
    const unknown = await request(h.server).post('/api/auth/sign-in').send({ email: 'nobody@acme.test', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.code).toBe('invalid_credentials');
    expect(unknown.body.detail).toBe(wrong.body.detail);
  });

  test('five wrong passwords lock the account for 15 minutes, even against the right password; unlocking resets the count', async () => {
    await addUser(h.db.knex, acme.companyId, 'locked@acme.test', 'viewer');
    const attempt = (password: string) => request(h.server).post('/api/auth/sign-in').send({ email: 'locked@acme.test', password });
    for (let i = 1; i <= 4; i += 1) expect((await attempt(`wrong ${i}`)).status).toBe(401);
    const fifth = await attempt('wrong 5');
    expect(fifth.status).toBe(429);
    expect(fifth.body.code).toBe('account_locked');
    expect(Number(fifth.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect((await attempt(PASSWORD)).body.code).toBe('account_locked');
    const row = await h.db.knex('users').where({ email: 'locked@acme.test' }).first('failed_sign_in_count', 'locked_until');
    expect(row.failed_sign_in_count).toBe(5);
    await h.db.knex('users').where({ email: 'locked@acme.test' }).update({ locked_until: new Date(Date.now() - 1000) });
    expect((await attempt(PASSWORD)).status).toBe(200);
    expect((await h.db.knex('users').where({ email: 'locked@acme.test' }).first('failed_sign_in_count')).failed_sign_in_count).toBe(0);
  });

  test('sign-in attempts from one address beyond the window budget get 429 rate_limited', async () => {
    const limited = await createApiHarness({ signInLimiter: createSignInLimiter(3, 60_000) });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await request(limited.server).post('/api/auth/sign-in').send({ email: 'x@y.test', password: 'whatever' })).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });

  test('a user lists their own sessions, sees which is current, and revoking one signs that device out', async () => {
    const laptop = await signInAs(h.server, 'owner@acme.test', 'acme');
    const phone = await signInAs(h.server, 'owner@acme.test', 'acme');
    const listed = await laptop.agent.get('/api/auth/sessions');
    expect(listed.status).toBe(200);
    const current = listed.body.data.filter((session: { current: boolean }) => session.current);
    expect(current).toHaveLength(1);
    expect(listed.body.data.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(listed.body)).not.toMatch(/token_hash/);
    const phoneSession = (await phone.agent.get('/api/auth/sessions')).body.data.find((session: { current: boolean }) => session.current).id;
    expect((await laptop.agent.delete(`/api/auth/sessions/${phoneSession}`)).status).toBe(204);
    expect((await phone.agent.get('/api/auth/me')).status).toBe(401);
    expect((await laptop.agent.get('/api/auth/me')).status).toBe(200);
  });

  test("a user cannot revoke another user's session: 404", async () => {
    await addUser(h.db.knex, acme.companyId, 'colleague@acme.test', 'admin');
    const colleague = await signInAs(h.server, 'colleague@acme.test', 'acme');
    const theirs = (await colleague.agent.get('/api/auth/sessions')).body.data[0].id;
    expect((await acme.agent.delete(`/api/auth/sessions/${theirs}`)).status).toBe(404);
    expect((await colleague.agent.get('/api/auth/me')).status).toBe(200);
  });

  test('an expired session is refused with 401', async () => {
    const device = await signInAs(h.server, 'owner@acme.test', 'acme');
    const me = (await device.agent.get('/api/auth/sessions')).body.data.find((session: { current: boolean }) => session.current);
    await h.db.knex('sessions').where({ id: me.id }).update({ expires_at: new Date(Date.now() - 1000) });
    const response = await device.agent.get('/api/auth/me');
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('unauthenticated');
  });

  test('sign-out revokes the session and clears the cookie', async () => {
    const device = await signInAs(h.server, 'owner@acme.test', 'acme');
    const out = await device.agent.post('/api/auth/sign-out');
    expect(out.status).toBe(204);
    expect(cookie(out, 'lf_session')).toMatch(/^lf_session=;/);
    expect((await device.agent.get('/api/auth/me')).status).toBe(401);
  });
});

describe('CSRF', () => {
  test('a cookie-authenticated write without the X-CSRF-Token header, or with a wrong one, is refused with 403', async () => {
    const signedIn = await request(h.server).post('/api/auth/sign-in').send({ email: 'owner@acme.test', password: PASSWORD });
    const cookies = ['lf_session', 'lf_csrf'].map((name) => cookie(signedIn, name).split(';')[0]).join('; ');
    const csrf: string = signedIn.body.csrf_token;
    const missing = await request(h.server).post('/api/api-keys').set('cookie', cookies).send({ name: 'k', role: 'viewer' });
    expect(missing.status).toBe(403);
    expect(missing.body.code).toBe('csrf_failed');
    const wrong = await request(h.server).post('/api/api-keys').set('cookie', cookies).set('x-csrf-token', 'forged').send({ name: 'k', role: 'viewer' });
    expect(wrong.body.code).toBe('csrf_failed');
    const right = await request(h.server).post('/api/api-keys').set('cookie', cookies).set('x-csrf-token', csrf).send({ name: 'k', role: 'viewer' });
    expect(right.status).toBe(201);
    expect((await request(h.server).get('/api/auth/me').set('cookie', cookies)).status).toBe(200);
  });
});

describe('API keys', () => {
  test('a key acts as its role in its tenant, needs no CSRF header, is stored hashed, and stops working when revoked', async () => {
    const created = await acme.agent.post('/api/api-keys').send({ name: 'Accounting sync', role: 'viewer' });
    expect(created.status).toBe(201);
    const token: string = created.body.token;
    expect(token).toMatch(/^lf_/);
    const stored = await h.db.knex('api_keys').where({ id: created.body.id }).first('token_hash', 'token_prefix');
    expect(stored).toEqual({ token_hash: hashToken(token), token_prefix: token.slice(0, 10) });
    expect((await acme.agent.get('/api/api-keys')).body.data.every((key: Record<string, unknown>) => !('token' in key) && !('token_hash' in key))).toBe(true);

    const me = await request(h.server).get('/api/auth/me').set('authorization', `Bearer ${token}`);
    expect(me.body).toMatchObject({ kind: 'api_key', company: { id: acme.companyId }, permissions: ['*.read'] });
    const write = await request(h.server).post('/api/api-keys').set('authorization', `Bearer ${token}`).send({ name: 'x', role: 'viewer' });
    expect(write.status).toBe(403);
    expect(write.body.code).toBe('forbidden');
    expect((await h.db.knex('api_keys').where({ id: created.body.id }).first('last_used_at')).last_used_at).not.toBeNull();

    expect((await acme.agent.delete(`/api/api-keys/${created.body.id}`)).status).toBe(200);
    expect((await request(h.server).get('/api/auth/me').set('authorization', `Bearer ${token}`)).status).toBe(401);
  });

  test('an unknown or malformed bearer token is a 401, never anonymous access', async () => {
    for (const header of ['Bearer lf_' + 'a'.repeat(43), 'Bearer nonsense', 'Basic abc']) {
      const response = await request(h.server).get('/api/auth/me').set('authorization', header);
      expect(response.status).toBe(401);
    }
  });

  test('an admin cannot mint a key with the owner role (it would hold grants the admin lacks)', async () => {
    await addUser(h.db.knex, acme.companyId, 'admin@acme.test', 'admin');
    const admin = await signInAs(h.server, 'admin@acme.test', 'acme');
    expect((await admin.agent.post('/api/api-keys').send({ name: 'escalate', role: 'owner' })).status).toBe(403);
    expect((await admin.agent.post('/api/api-keys').send({ name: 'fine', role: 'operator' })).status).toBe(201);
  });
});
