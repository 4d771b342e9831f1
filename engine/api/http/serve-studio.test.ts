import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-database';
import { createSecretBox } from '../../security/secret-box';
import { createApp } from '../app';

const INDEX = '<!doctype html><title>Ledgerflow studio</title><script type="module" src="./assets/index-3f9a.js"></script>';
const SCRIPT = 'console.log("studio");';

let db: TestDatabase;
let outside: string;
let dist: string;
let servers: Server[] = [];

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP, so paths like `/../x` reach the server exactly as written (fetch and supertest would normalise them). */
function call(server: Server, path: string, options: { method?: string; accept?: string } = {}): Promise<Answer> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { accept: options.accept ?? '*/*' } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

async function serve(studioDist: string): Promise<Server> {
  const server = createApp({ knex: db.knex, secretBox: createSecretBox(randomBytes(32)), studioDist }).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  servers.push(server);
  return server;
}

beforeAll(async () => {
  db = await createTestDatabase();
  // dist sits in a folder that holds a file it must never serve, as studio/dist sits beside package.json.
  outside = mkdtempSync(join(tmpdir(), 'studio-checkout-'));
  writeFileSync(join(outside, 'package.json'), '{"dependencies":{}}');
  dist = join(outside, 'dist');
  mkdirSync(dist);
  mkdirSync(join(dist, 'assets'));
  mkdirSync(join(dist, 'api', 'auth'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'assets', 'index-3f9a.js'), SCRIPT);
  writeFileSync(join(dist, 'assets', 'index-3f9a.css'), 'body{}');
  // Files named like API paths, which must never answer in the API's place.
  writeFileSync(join(dist, 'health'), 'shadow');
  writeFileSync(join(dist, 'openapi.json'), '{"shadow":true}');
  writeFileSync(join(dist, 'api', 'auth', 'me'), 'shadow');
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  servers = [];
  rmSync(outside, { recursive: true, force: true });
  await db.drop();
});

test('GET / answers the studio index.html as HTML that the browser must revalidate', async () => {
  const answer = await call(await serve(dist), '/');
  expect(answer.status).toBe(200);
  expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(answer.headers['cache-control']).toBe('no-cache');
  expect(answer.body).toBe(INDEX);
});

test('the studio page may not be framed by another site and may run only its own scripts, never inline ones', async () => {
  const answer = await call(await serve(dist), '/');
  expect(answer.headers['x-frame-options']).toBe('DENY');
  const policy = Object.fromEntries(String(answer.headers['content-security-policy']).split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]));
  expect(policy['frame-ancestors']).toEqual(["'none'"]);
  expect(policy['script-src']).toEqual(["'self'", "'unsafe-eval'"]);
  expect(policy['connect-src']).toEqual(["'self'"]);
  expect(answer.headers['referrer-policy']).toBe('same-origin');
});

test('a hashed asset is served with its content type and cached for a year as immutable', async () => {
  const server = await serve(dist);
  const script = await call(server, '/assets/index-3f9a.js');
  expect(script.status).toBe(200);
  expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
  expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(script.headers['x-content-type-options']).toBe('nosniff');
  expect(script.body).toBe(SCRIPT);
  expect((await call(server, '/assets/index-3f9a.css')).headers['content-type']).toBe('text/css; charset=utf-8');
});

test('HEAD / answers the headers with the length of index.html and no body', async () => {
  const answer = await call(await serve(dist), '/', { method: 'HEAD' });
  expect(answer.status).toBe(200);
  expect(answer.headers['content-length']).toBe(String(Buffer.byteLength(INDEX)));
  expect(answer.body).toBe('');
});

test.each([
  '/../package.json',
  '/assets/../../package.json',
  '/%2e%2e/%2e%2e/package.json',
  '/assets/..%2f..%2fpackage.json',
  '/assets/%2e%2e%5c%2e%2e%5cpackage.json',
  '/assets/%00index-3f9a.js',
  '/assets/%E0%A4%A',
])('a path that leaves dist (%s) is refused with a 404 problem, never a file from outside', async (path) => {
  const answer = await call(await serve(dist), path);
  expect(answer.status).toBe(404);
  expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(JSON.parse(answer.body)).toMatchObject({ status: 404, code: 'not_found' });
  expect(answer.body).not.toContain('"dependencies"');
});

test('an unknown asset answers a 404 problem that says the studio was rebuilt', async () => {
  const answer = await call(await serve(dist), '/assets/index-0000.js');
  expect(answer.status).toBe(404);
  expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(JSON.parse(answer.body)).toMatchObject({ code: 'not_found', detail: expect.stringContaining('reload the page') });
});

test('the API routes answer as before even when dist holds files of the same names', async () => {
  const server = await serve(dist);
  const health = await call(server, '/health');
  expect(health.status).toBe(200);
  expect(JSON.parse(health.body)).toEqual({ status: 'ok' });
  const contract = await call(server, '/openapi.json');
  expect(JSON.parse(contract.body)).toMatchObject({ openapi: expect.any(String) });
  const me = await call(server, '/api/auth/me');
  expect(me.status).toBe(401);
  expect(JSON.parse(me.body)).toMatchObject({ code: 'unauthenticated' });
  expect((await call(server, '/docs')).body).not.toBe('shadow');
});

test('a POST to / is not taken for the studio: it answers a 4xx problem', async () => {
  const answer = await call(await serve(dist), '/', { method: 'POST' });
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.status).toBeLessThan(500);
  expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
});

test('without a build, / answers a 503 page that says how to build the studio, and a problem to API clients', async () => {
  const missing = join(dist, 'not-built');
  const server = await serve(missing);
  const page = await call(server, '/', { accept: 'text/html' });
  expect(page.status).toBe(503);
  expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(page.body).toContain('node studio/scripts/build-studio.mjs');
  const problem = await call(server, '/', { accept: 'application/json' });
  expect(problem.status).toBe(503);
  expect(JSON.parse(problem.body)).toMatchObject({ code: 'studio_not_built', detail: expect.stringContaining('npm start') });
});
