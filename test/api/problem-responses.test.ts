import Koa from 'koa';
import pino from 'pino';
import request from 'supertest';
import { requestContext } from '../../engine/api/http/request-context';
import { PROBLEM_BASE } from '../../engine/api/http/problem';
import { createApiHarness, PASSWORD, signUpCompany, type ApiHarness } from './helpers/api-harness';

let h: ApiHarness;
const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  const logger = pino({ level: 'info' }, { write: (line: string) => logLines.push(JSON.parse(line)) });
  h = await createApiHarness({ bodyLimitBytes: 4096, logger });
});
afterAll(() => h.close());

function expectProblem(response: request.Response, status: number, code: string): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ status, code, type: `${PROBLEM_BASE}${code.replace(/_/g, '-')}` });
  expect(typeof response.body.title).toBe('string');
  expect(typeof response.body.detail).toBe('string');
  expect(response.body.request_id).toBe(response.headers['x-request-id']);
}

test('an unknown path is a 404 problem', async () => {
  expectProblem(await request(h.server).get('/nowhere'), 404, 'not_found');
});

test('a known path with the wrong method is a 405 problem naming the methods it takes in Allow', async () => {
  const response = await request(h.server).put('/api/auth/sign-in').send({});
  expectProblem(response, 405, 'method_not_allowed');
  expect(response.headers.allow).toBe('POST');
});

test('a method the API serves nowhere (TRACE) is a 405 problem too, not a 500', async () => {
  const response = await request(h.server).trace('/api/contacts');
  expectProblem(response, 405, 'method_not_allowed');
  expect(response.headers.allow).toBe('HEAD, GET, POST');
});

test('malformed JSON is a 400 problem', async () => {
  const response = await request(h.server).post('/api/auth/sign-in').set('content-type', 'application/json').send('{"email": ');
  expectProblem(response, 400, 'malformed_json');
});

test('a body over the limit is a 413 problem, whether its length is declared or it arrives chunked', async () => {
  const big = JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(10_000) });
  expectProblem(await request(h.server).post('/api/auth/sign-in').set('content-type', 'application/json').send(big), 413, 'payload_too_large');
  const chunked = request(h.server).post('/api/auth/sign-in').set('content-type', 'application/json').set('transfer-encoding', 'chunked');
  for (let i = 0; i < 10; i += 1) chunked.write('x'.repeat(1000));
  expectProblem(await chunked, 413, 'payload_too_large');
});

test('a body that is not JSON is a 415 problem', async () => {
  expectProblem(await request(h.server).post('/api/auth/sign-in').set('content-type', 'text/plain').send('hello'), 415, 'unsupported_media_type');
});

test('unknown fields, wrong types and missing fields are listed with JSON pointers', async () => {
  const response = await request(h.server).post('/api/auth/sign-up').send({ company_name: 7, email: 'owner@x.test', password: PASSWORD, admin: true });
  expectProblem(response, 400, 'validation_failed');
  expect(response.body.errors).toEqual(
    expect.arrayContaining([
      { in: 'body', pointer: '#/company_name', message: 'must be string' },
      { in: 'body', pointer: '#/name', message: "must have required property 'name'" },
      { in: 'body', pointer: '#/admin', message: 'is not a known field' },
    ]),
  );
});

test('a duplicate from the database is a 409 problem naming the table', async () => {
  await signUpCompany(h.server, 'dupe');
  const response = await request(h.server).post('/api/auth/sign-up').send({ company_name: 'Again', company_slug: 'dupe', email: 'x@dupe.test', name: 'X', password: PASSWORD });
  expectProblem(response, 409, 'duplicate');
  expect(response.body.table).toBe('companies');
});

test('a client request id is echoed; an unsafe one is replaced', async () => {
  expect((await request(h.server).get('/health').set('x-request-id', 'abc-123')).headers['x-request-id']).toBe('abc-123');
  expect((await request(h.server).get('/health').set('x-request-id', '<script>')).headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
});

test('an unexpected error is a 500 problem that leaks nothing and carries the request id', async () => {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
  const app = new Koa().use(requestContext(logger)).use(() => {
    throw new Error('password=hunter2 at /srv/secret.ts:12');
  });
  const response = await request(app.callback()).get('/x');
  expect(response.status).toBe(500);
  expect(response.body).toMatchObject({ code: 'internal_error', status: 500, request_id: response.headers['x-request-id'] });
  expect(JSON.stringify(response.body)).not.toMatch(/hunter2|secret\.ts/);
  const logged = lines.map((line) => JSON.parse(line)).find((line) => line.status === 500);
  expect(logged).toMatchObject({ requestId: response.headers['x-request-id'], err: { message: 'password=hunter2 at /srv/secret.ts:12' } });
});

test('a 500 caused by a mail error logs its code and masked message, never the recipient address or its recipient lists', async () => {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
  const app = new Koa().use(requestContext(logger)).use(() => {
    throw Object.assign(new Error('Message failed: 550 5.1.1 <jane.doe@example.test>: Recipient address rejected'), { code: 'EENVELOPE', rejected: ['jane.doe@example.test'], responseCode: 550 });
  });
  const response = await request(app.callback()).post('/api/auth/password-reset');
  expect(response.status).toBe(500);
  const logged = lines.map((line) => JSON.parse(line)).find((line) => line.status === 500);
  expect(logged.err).toMatchObject({ name: 'Error', code: 'EENVELOPE', responseCode: 550, message: 'Message failed: 550 5.1.1 <<e-mail address>>: Recipient address rejected' });
  expect(lines.join('\n')).not.toContain('jane.doe');
});

test('the OpenAPI document is 3.1, lists every route with its permission, and the docs page links it', async () => {
  const document = (await request(h.server).get('/openapi.json')).body;
  expect(document.openapi).toBe('3.1.0');
  expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/health', '/ready', '/openapi.json', '/api/auth/sign-in', '/api/api-keys/{id}']));
  expect(document.paths['/api/api-keys']['post']['x-permission']).toBe('api_keys.manage');
  expect(document.paths['/api/auth/sign-up']['post'].requestBody.content['application/json'].schema.additionalProperties).toBe(false);
  const docs = await request(h.server).get('/docs');
  expect(docs.headers['content-type']).toMatch(/text\/html/);
  expect(docs.text).toContain('href="/openapi.json"');
  expect(docs.text).toContain('/api/api-keys/{id}');
});

test('each request logs one structured line with its request id, tenant and user', async () => {
  const owner = await signUpCompany(h.server, 'logged');
  const response = await owner.agent.get('/api/auth/me').set('x-request-id', 'trace-me-1');
  expect(response.status).toBe(200);
  const line = logLines.find((entry) => entry.requestId === 'trace-me-1');
  expect(line).toMatchObject({ msg: 'request', method: 'GET', path: '/api/auth/me', status: 200, companyId: owner.companyId, userId: owner.userId });
  expect(JSON.stringify(logLines)).not.toContain(PASSWORD);
});
