import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createApiHarness, type ApiHarness } from './helpers/api-harness';
import { fillPath, loadOperations, type Operation } from './helpers/openapi-operations';
import type { Credentials } from './helpers/two-tenant-api';
import { send } from './helpers/two-tenant-api';

let h: ApiHarness;
let operations: Operation[];
let owner: Credentials;

beforeAll(async () => {
  h = await createApiHarness();
  operations = await loadOperations(h.server);
  const signedUp = await request(h.server).post('/api/auth/sign-up').send({ company_name: 'Acme', company_slug: 'acme', email: 'owner@acme.test', name: 'Owner', password: 'correct horse battery staple' });
  const token = ([] as string[]).concat(signedUp.headers['set-cookie']).find((line) => line.startsWith('lf_session='))!.split(';')[0];
  owner = { cookie: token, csrf: signedUp.body.csrf_token };
});
afterAll(() => h.close());

const withBody = () => operations.filter((operation) => operation.bodySchema);
const withIdParam = () => operations.filter((operation) => operation.pathParams.length);

/** A value of the wrong JSON type for a property schema, or undefined when every type is allowed. */
function wrongValue(schema: Record<string, unknown>): unknown {
  const types = ([] as string[]).concat((schema.type as string | string[] | undefined) ?? []);
  if (types.includes('string')) return types.includes('number') || types.includes('integer') ? true : 12345;
  if (types.includes('integer') || types.includes('number')) return 'twelve';
  if (types.includes('boolean')) return 'yes';
  if (types.includes('object')) return 5;
  if (types.includes('array')) return { not: 'a list' };
  if (Array.isArray(schema.enum)) return 'no-such-value-xyz';
  return undefined;
}

interface Answer {
  key: string;
  status: number;
  problem: boolean;
  code?: string;
  pointers?: string[];
}

async function answer(operation: Operation, call: request.Test): Promise<Answer> {
  const response = await call;
  return {
    key: operation.key,
    status: response.status,
    problem: /^application\/problem\+json/.test(response.headers['content-type'] ?? ''),
    code: response.body?.code,
    pointers: (response.body?.errors ?? []).map((error: { pointer: string }) => error.pointer),
  };
}

function pathOf(operation: Operation): string {
  return fillPath(operation, randomUUID());
}

function expectAll(answers: Answer[], status: number, code: string): void {
  expect(answers.filter((a) => a.status !== status || !a.problem || a.code !== code)).toEqual([]);
}

test('malformed JSON to every route with a body is a 400 malformed_json problem', async () => {
  const answers: Answer[] = [];
  for (const operation of withBody()) {
    const call = send(h.server, operation.method, pathOf(operation), owner).set('content-type', 'application/json').send('{"name": "unterminated');
    answers.push(await answer(operation, call));
  }
  expect(answers.length).toBeGreaterThanOrEqual(15);
  expectAll(answers, 400, 'malformed_json');
});

test('a body that is not an object (array, string, null) is a 400 validation problem on every route with a body', async () => {
  const answers: Answer[] = [];
  for (const operation of withBody()) {
    for (const raw of ['[]', '"text"', 'null', '42']) {
      answers.push(await answer(operation, send(h.server, operation.method, pathOf(operation), owner).set('content-type', 'application/json').send(raw)));
    }
  }
  expectAll(answers, 400, 'validation_failed');
});

test('an unknown field is refused on every route with a body, and named by its pointer', async () => {
  const answers: Answer[] = [];
  for (const operation of withBody()) {
    answers.push(await answer(operation, send(h.server, operation.method, pathOf(operation), owner, { ...(operation.example ?? {}), unexpected_field: 1 })));
  }
  expectAll(answers, 400, 'validation_failed');
  expect(answers.filter((a) => !a.pointers!.includes('#/unexpected_field')).map((a) => a.key)).toEqual([]);
});

test('a body sent to a route that takes none is refused', async () => {
  const answers: Answer[] = [];
  for (const operation of operations.filter((o) => ['post', 'patch', 'put'].includes(o.method) && !o.bodySchema)) {
    answers.push(await answer(operation, send(h.server, operation.method, pathOf(operation), owner, { anything: true })));
  }
  expectAll(answers, 400, 'validation_failed');
});

test('every body field given a value of the wrong type is refused with a pointer to that field', async () => {
  const answers: Answer[] = [];
  for (const operation of withBody()) {
    for (const [field, schema] of Object.entries(operation.bodySchema!.properties ?? {})) {
      const value = wrongValue(schema);
      if (value === undefined) continue;
      const result = await answer(operation, send(h.server, operation.method, pathOf(operation), owner, { [field]: value }));
      answers.push({ ...result, key: `${result.key} ${field}=${JSON.stringify(value)}`, pointers: result.pointers!.includes(`#/${field}`) ? ['ok'] : result.pointers });
    }
  }
  expect(answers.length).toBeGreaterThanOrEqual(60);
  expect(answers.filter((a) => a.status !== 400 || !a.problem || a.pointers![0] !== 'ok')).toEqual([]);
});

test("a body over the route's size limit (the app's 100 KiB unless the route declares more) is a 413 problem on every route with a body", async () => {
  const answers: Answer[] = [];
  for (const operation of withBody()) {
    const huge = { name: 'x'.repeat((operation.bodyLimitBytes ?? 100 * 1024) + 100 * 1024) };
    answers.push(await answer(operation, send(h.server, operation.method, pathOf(operation), owner, huge)));
  }
  expectAll(answers, 413, 'payload_too_large');
});

test('an id that is not a uuid is a 400 problem pointing at the path parameter, on every route with one', async () => {
  const answers: Answer[] = [];
  for (const operation of withIdParam()) {
    for (const bad of ['not-a-uuid', '1', "1'%20OR%20'1'='1", '00000000-0000-0000-0000-00000000000g']) {
      const body = operation.bodySchema ? { ...(operation.example ?? {}) } : undefined;
      answers.push(await answer(operation, send(h.server, operation.method, fillPath(operation, bad), owner, body)));
    }
  }
  expect(answers.length).toBeGreaterThanOrEqual(100);
  expectAll(answers, 400, 'validation_failed');
  expect(answers.filter((a) => !a.pointers!.includes('#/id')).map((a) => a.key)).toEqual([]);
});

test('unknown query parameters are refused on every route, and list paging values are range-checked', async () => {
  const unknown: Answer[] = [];
  for (const operation of operations) unknown.push(await answer(operation, send(h.server, operation.method, `${pathOf(operation)}?unexpected=1`, owner, operation.bodySchema ? {} : undefined)));
  expectAll(unknown, 400, 'validation_failed');
  const paging: Answer[] = [];
  for (const operation of operations.filter((o) => o.queryParams.includes('limit'))) {
    for (const query of ['limit=abc', 'limit=0', 'limit=101', 'sort=nonsense', 'cursor=%24%24%24', 'limit=1&limit=2']) {
      paging.push({ ...(await answer(operation, send(h.server, 'get', `${operation.path}?${query}`, owner))), key: `${operation.key}?${query}` });
    }
  }
  expect(paging.length).toBeGreaterThanOrEqual(60);
  expectAll(paging, 400, 'validation_failed');
});

test('values the schema lets through but a column cannot hold (a NUL byte in text) are 4xx problems, never 500', async () => {
  const answers: Answer[] = [];
  for (const operation of withBody().filter((o) => o.method === 'post' && o.access !== 'public')) {
    const textField = Object.entries(operation.bodySchema!.properties ?? {}).find(([, schema]) => schema.type === 'string' && !schema.pattern && !schema.format);
    if (!textField) continue;
    const result = await answer(operation, send(h.server, 'post', operation.path, owner, { ...(operation.example ?? {}), [textField[0]]: 'a\u0000b' }));
    answers.push({ ...result, key: `${result.key} ${textField[0]}` });
  }
  expect(answers.length).toBeGreaterThanOrEqual(5);
  expect(answers.filter((a) => a.status < 400 || a.status >= 500 || !a.problem)).toEqual([]);
});
