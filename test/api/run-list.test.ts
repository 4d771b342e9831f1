import { createApiHarness, signUpCompany, type ApiHarness, type SignedIn } from './helpers/api-harness';

let h: ApiHarness;
let acme: SignedIn;
let globex: SignedIn;
beforeAll(async () => {
  h = await createApiHarness();
  acme = await signUpCompany(h.server, 'list-acme');
  globex = await signUpCompany(h.server, 'list-globex');
});
afterAll(() => h.close());

/** A run record as startRun leaves it, pinned to the tenant's published built-in `dunning` definition. */
async function recordRun(companyId: string, workflowId: string, fields: { status: string; started_at: string; entity_id?: string }) {
  const version = await h.db.knex('workflow_definition_versions as v').join('workflow_definitions as d', 'd.id', 'v.definition_id').where({ 'd.company_id': companyId, 'd.key': 'dunning' }).first('v.id', 'v.definition_id', 'v.version');
  const [row] = await h.db.knex('workflow_runs').insert({
    company_id: companyId, workflow_id: workflowId, definition_id: version.definition_id, definition_version_id: version.id, definition_key: 'dunning', definition_version: version.version,
    trigger_kind: 'api', status: fields.status, started_at: fields.started_at, ...(fields.entity_id ? { entity_type: 'invoice', entity_id: fields.entity_id } : {}),
  }).returning('id');
  return row.id as string;
}

const ids = async (agent: SignedIn, query: string) => {
  const response = await agent.agent.get(`/api/runs${query}`);
  expect(response.status).toBe(200);
  return response.body.data.map((run: { id: string }) => run.id);
};

test('runs list per tenant, newest first, filtered by definition, status, entity and start day (both ends inclusive)', async () => {
  const early = await recordRun(acme.companyId, 'wf-early', { status: 'completed', started_at: '2026-03-01T23:30:00Z', entity_id: 'inv-1' });
  const middle = await recordRun(acme.companyId, 'wf-middle', { status: 'running', started_at: '2026-03-02T00:00:00Z', entity_id: 'inv-2' });
  const late = await recordRun(acme.companyId, 'wf-late', { status: 'failed', started_at: '2026-03-03T12:00:00Z' });
  await recordRun(globex.companyId, 'wf-other', { status: 'running', started_at: '2026-03-02T10:00:00Z' });

  expect(await ids(acme, '')).toEqual([late, middle, early]);
  expect(await ids(acme, '?definition=dunning&status=running')).toEqual([middle]);
  expect(await ids(acme, '?definition=other-flow')).toEqual([]);
  expect(await ids(acme, '?entity_type=invoice&entity_id=inv-1')).toEqual([early]);
  expect(await ids(acme, '?started_from=2026-03-02&started_until=2026-03-02')).toEqual([middle]);
  expect(await ids(acme, '?started_until=2026-03-01')).toEqual([early]);
  expect(await ids(acme, '?limit=2')).toEqual([late, middle]);
  expect(await ids(globex, '')).toHaveLength(1);
});

test('a run of another tenant is a 404 for detail, signal and cancel', async () => {
  const theirs = await recordRun(globex.companyId, 'wf-theirs', { status: 'running', started_at: '2026-03-02T10:00:00Z' });
  expect((await acme.agent.get(`/api/runs/${theirs}`)).status).toBe(404);
  expect((await acme.agent.post(`/api/runs/${theirs}/signal`).send({ name: 'payment.received' })).status).toBe(404);
  expect((await acme.agent.post(`/api/runs/${theirs}/cancel`)).status).toBe(404);
});

test('bad filters are 400 problems naming the query parameter', async () => {
  const response = await acme.agent.get('/api/runs?status=sleeping&started_from=March');
  expect(response.status).toBe(400);
  expect(response.body.errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual(['#/started_from', '#/status']);
  // Well formed but no such day: the database refuses it, and that is still the caller's 400, not a 500.
  const noSuchDay = await acme.agent.get('/api/runs?started_until=2026-13-45');
  expect([noSuchDay.status, noSuchDay.body.code]).toEqual([400, 'invalid_value']);
});

describe('paging through many runs', () => {
  let paged: SignedIn;
  let other: SignedIn;
  beforeAll(async () => {
    paged = await signUpCompany(h.server, 'list-paged');
    other = await signUpCompany(h.server, 'list-paged-other');
  });

  /** Follows next_cursor until the list ends, returning every page's run ids. */
  async function walk(agent: SignedIn, query: string): Promise<string[][]> {
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const response = await agent.agent.get(`/api/runs?${query}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.status).toBe(200);
      pages.push(response.body.data.map((run: { id: string }) => run.id));
      cursor = response.body.next_cursor;
    } while (cursor);
    return pages;
  }

  test('walking 250 runs page by page visits each exactly once, newest first, runs started at the same instant included', async () => {
    // Every fifth run shares its start with the one before, so the id must break ties without skipping or repeating.
    const expected: { id: string; startedAt: number }[] = [];
    for (let i = 0; i < 250; i += 1) {
      const startedAt = Date.UTC(2026, 4, 1) + (i - (i % 5 === 1 ? 1 : 0)) * 60_000;
      const id = await recordRun(paged.companyId, `wf-page-${i}`, { status: i % 2 ? 'running' : 'completed', started_at: new Date(startedAt).toISOString() });
      expected.push({ id, startedAt });
    }
    expected.sort((a, b) => b.startedAt - a.startedAt || (a.id < b.id ? 1 : -1));

    const pages = await walk(paged, 'limit=100');
    expect(pages.map((page) => page.length)).toEqual([100, 100, 50]);
    expect(pages.flat()).toEqual(expected.map((run) => run.id));
  });

  test('filters hold on every page the cursor leads to', async () => {
    const running = await paged.agent.get('/api/runs?status=running&limit=100');
    const pages = await walk(paged, 'status=running&limit=40');
    expect(pages.map((page) => page.length)).toEqual([40, 40, 40, 5]);
    const all = await h.db.knex('workflow_runs').where({ company_id: paged.companyId, status: 'running' }).orderBy([{ column: 'started_at', order: 'desc' }, { column: 'id', order: 'desc' }]).pluck('id');
    expect(pages.flat()).toEqual(all);
    expect(pages.flat().slice(0, 100)).toEqual(running.body.data.map((run: { id: string }) => run.id));
  });

  test("a cursor from another tenant's listing is refused and shows none of either tenant's runs", async () => {
    await recordRun(other.companyId, 'wf-page-other', { status: 'running', started_at: '2026-05-01T00:00:00Z' });
    const theirs = await paged.agent.get('/api/runs?limit=1');
    const response = await other.agent.get(`/api/runs?cursor=${theirs.body.next_cursor}`);
    expect([response.status, response.body.code, response.body.errors[0].pointer]).toEqual([400, 'validation_failed', '#/cursor']);
    expect(response.body.data).toBeUndefined();
  });

  test('a malformed or forged cursor is a 400 problem naming the cursor', async () => {
    const forged = Buffer.from(JSON.stringify({ after: 'not-a-run', sort: '-started_at' })).toString('base64url');
    const crudCursor = Buffer.from(JSON.stringify({ after: '00000000-0000-4000-8000-000000000000', sort: 'created_at' })).toString('base64url');
    for (const cursor of ['bm90LWpzb24', forged, crudCursor, 'has spaces']) {
      const response = await paged.agent.get(`/api/runs?cursor=${encodeURIComponent(cursor)}`);
      expect([response.status, response.headers['content-type'], response.body.errors[0].pointer]).toEqual([400, expect.stringContaining('application/problem+json'), '#/cursor']);
    }
  });
});
