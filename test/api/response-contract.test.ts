import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import request from 'supertest';
import { createApiHarness, type ApiHarness } from './helpers/api-harness';
import { fillPath, loadOperations, type Operation } from './helpers/openapi-operations';
import { createTwoTenants, rowIds, send, sessionFor, type ApiTenant, type Credentials } from './helpers/two-tenant-api';

let h: ApiHarness;
let acme: ApiTenant;
let operations: Operation[];
let owner: Credentials;
let document: { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>> };

beforeAll(async () => {
  h = await createApiHarness();
  [acme] = await createTwoTenants(h.db.knex);
  operations = await loadOperations(h.server);
  owner = await sessionFor(h.db.knex, acme, 'owner');
  document = (await request(h.server).get('/openapi.json')).body;
});
afterAll(() => h.close());

test('every GET answers 200 with a body that satisfies the response schema the OpenAPI document declares', async () => {
  const ajv = new Ajv2020({ allErrors: true, strictTypes: false, strictRequired: false });
  addFormats(ajv);
  const failures: string[] = [];
  let checked = 0;
  for (const operation of operations.filter((candidate) => candidate.method === 'get')) {
    const schema = document.paths[operation.path].get.responses['200']?.content?.['application/json']?.schema;
    if (!schema) continue;
    const id = operation.pathParams.length ? (await rowIds(h.db.knex, operation.resourceTable!, acme.companyId))[0] : undefined;
    const response = await send(h.server, 'get', id ? fillPath(operation, id) : operation.path, owner);
    checked += 1;
    if (response.status !== 200) {
      failures.push(`${operation.key}: ${response.status}`);
      continue;
    }
    const validate = ajv.compile(schema);
    if (!validate(response.body)) failures.push(`${operation.key}: ${ajv.errorsText(validate.errors)}`);
  }
  expect(checked).toBeGreaterThanOrEqual(60);
  expect(failures).toEqual([]);
});
