import { EXAMPLE_DEFINITION } from '../../engine/api/routes/engine/definition-routes';
import { createApiHarness, signUpCompany, type ApiHarness, type SignedIn } from './helpers/api-harness';

let h: ApiHarness;
let acme: SignedIn;
let globex: SignedIn;
beforeAll(async () => {
  h = await createApiHarness();
  acme = await signUpCompany(h.server, 'def-acme');
  globex = await signUpCompany(h.server, 'def-globex');
});
afterAll(() => h.close());

const flow = (key: string, days = 1) => ({ ...EXAMPLE_DEFINITION, key, name: `Flow ${key}`, steps: [{ id: 'pause', type: 'wait', duration: `P${days}D`, next: 'done' }, { id: 'done', type: 'succeed' }] });

test('a draft is saved, published as version 1, and listed with its versions; the other tenant sees none of it', async () => {
  const created = await acme.agent.post('/api/definitions').send({ definition: flow('follow-up') });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ key: 'follow-up', draft: { version: 1, status: 'draft' } });
  const published = await acme.agent.post(`/api/definitions/${created.body.id}/publish`);
  expect(published.status).toBe(200);
  expect(published.body).toMatchObject({ key: 'follow-up', version: 1, schedules: null });
  const detail = await acme.agent.get(`/api/definitions/${created.body.id}`);
  expect(detail.body.versions).toEqual([expect.objectContaining({ version: 1, status: 'published', document: expect.objectContaining({ key: 'follow-up' }) })]);
  expect((await acme.agent.get('/api/definitions')).body.data.map((row: { key: string }) => row.key)).toContain('follow-up');
  expect((await globex.agent.get('/api/definitions')).body.data.map((row: { key: string }) => row.key)).not.toContain('follow-up');
  expect((await globex.agent.get(`/api/definitions/${created.body.id}`)).status).toBe(404);
});

test('an invalid definition is a 422 naming each problem by pointer under #/definition, and nothing is saved', async () => {
  const broken = { ...flow('broken'), start: 'nowhere' };
  const response = await acme.agent.post('/api/definitions').send({ definition: broken });
  expect(response.status).toBe(422);
  expect(response.body.code).toBe('definition_invalid');
  expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'body', pointer: '#/definition/start' })]));
  expect(await h.db.knex('workflow_definitions').where({ company_id: acme.companyId, key: 'broken' })).toHaveLength(0);
});

test('validate answers the problems without saving anything', async () => {
  const missingSteps = { key: 'half', name: 'Half', version: 1, triggers: [{ type: 'manual' }], start: 'a' };
  const response = await acme.agent.post('/api/definitions/validate').send({ definition: missingSteps });
  expect(response.status).toBe(200);
  expect(response.body.valid).toBe(false);
  expect(response.body.errors.length).toBeGreaterThan(0);
  expect((await acme.agent.post('/api/definitions/validate').send({ definition: flow('fine') })).body).toEqual({ valid: true, errors: [] });
  expect(await h.db.knex('workflow_definitions').where({ company_id: acme.companyId }).whereIn('key', ['half', 'fine'])).toHaveLength(0);
});

test('a second version: the diff names the changed wait, and archiving version 1 leaves version 2 published', async () => {
  const created = await acme.agent.post('/api/definitions').send({ definition: flow('reminder', 3) });
  await acme.agent.post(`/api/definitions/${created.body.id}/publish`).expect(200);
  const updated = await acme.agent.patch(`/api/definitions/${created.body.id}`).send({ definition: flow('reminder', 5) });
  expect(updated.status).toBe(200);
  expect(updated.body.draft).toMatchObject({ version: 2, status: 'draft' });
  expect((await acme.agent.post(`/api/definitions/${created.body.id}/publish`)).body.version).toBe(2);
  const diff = await acme.agent.get(`/api/definitions/${created.body.id}/diff?from=1&to=2`);
  expect(diff.body.changes).toEqual([{ pointer: '/steps/0/duration', before: 'P3D', after: 'P5D' }, { pointer: '/version', before: 1, after: 2 }]);
  const versions = (await acme.agent.get(`/api/definitions/${created.body.id}/versions`)).body.data;
  const archived = await acme.agent.post(`/api/definition-versions/${versions[0].id}/archive`);
  expect(archived.status).toBe(200);
  expect((await acme.agent.get(`/api/definitions/${created.body.id}/versions`)).body.data.map((v: { status: string }) => v.status)).toEqual(['archived', 'published']);
  expect((await acme.agent.post(`/api/definition-versions/${versions[0].id}/archive`)).status).toBe(409);
});

test('a draft update cannot change the key, and publishing without a draft is a 422', async () => {
  const created = await acme.agent.post('/api/definitions').send({ definition: flow('steady') });
  const renamed = await acme.agent.patch(`/api/definitions/${created.body.id}`).send({ definition: flow('other-key') });
  expect(renamed.status).toBe(422);
  expect(renamed.body.errors).toEqual([{ in: 'body', pointer: '#/definition/key', message: 'must stay "steady"' }]);
  await acme.agent.post(`/api/definitions/${created.body.id}/publish`).expect(200);
  const again = await acme.agent.post(`/api/definitions/${created.body.id}/publish`);
  expect([again.status, again.body.code]).toEqual([422, 'no_draft']);
});

test('create_only refuses a key that is taken with a 409 naming #/definition/key, and leaves the existing draft as it was', async () => {
  const first = await acme.agent.post('/api/definitions').send({ definition: flow('unique-key', 2), create_only: true });
  expect(first.status).toBe(201);
  const again = await acme.agent.post('/api/definitions').send({ definition: { ...flow('unique-key', 9), name: 'Impostor' }, create_only: true });
  expect([again.status, again.body.code]).toEqual([409, 'key_taken']);
  expect(again.body.errors).toEqual([{ in: 'body', pointer: '#/definition/key', message: '"unique-key" is already used by another definition' }]);
  const detail = await acme.agent.get(`/api/definitions/${first.body.id}`);
  expect(detail.body.name).toBe('Flow unique-key');
  expect(detail.body.versions.map((v: { document: { steps: Array<{ duration?: string }> } }) => v.document.steps[0].duration)).toEqual(['P2D']);
  expect((await globex.agent.post('/api/definitions').send({ definition: flow('unique-key'), create_only: true })).status).toBe(201);
});

test('versions name who published them; a draft has no publisher', async () => {
  const created = await acme.agent.post('/api/definitions').send({ definition: flow('signed-off') });
  await acme.agent.post(`/api/definitions/${created.body.id}/publish`).expect(200);
  await acme.agent.patch(`/api/definitions/${created.body.id}`).send({ definition: flow('signed-off', 4) }).expect(200);
  const versions = (await acme.agent.get(`/api/definitions/${created.body.id}/versions`)).body.data;
  expect(versions.map((v: { version: number; status: string; published_by: string | null; published_by_name: string | null }) => [v.version, v.status, v.published_by, v.published_by_name]))
    .toEqual([[1, 'published', acme.userId, 'Owner'], [2, 'draft', null, null]]);
});

test("discarding the draft of a published definition keeps its published version 1; the next draft is version 2 again", async () => {
  const created = await acme.agent.post('/api/definitions').send({ definition: flow('discard-later', 2) });
  await acme.agent.post(`/api/definitions/${created.body.id}/publish`).expect(200);
  const draft = await acme.agent.patch(`/api/definitions/${created.body.id}`).send({ definition: flow('discard-later', 9) });
  const discarded = await acme.agent.delete(`/api/definitions/${created.body.id}/draft`);
  expect(discarded.status).toBe(200);
  expect(discarded.body).toEqual({ id: created.body.id, key: 'discard-later', discarded_version_id: draft.body.draft.id, discarded_version: 2, definition_deleted: false });
  const versions = (await acme.agent.get(`/api/definitions/${created.body.id}/versions`)).body.data;
  expect(versions.map((version: { version: number; status: string }) => [version.version, version.status])).toEqual([[1, 'published']]);
  const again = await acme.agent.patch(`/api/definitions/${created.body.id}`).send({ definition: flow('discard-later', 4) });
  expect(again.body.draft).toMatchObject({ version: 2, status: 'draft' });
});

test('discarding the only draft of a never-published definition deletes the definition; with no draft left it is a 409 no_draft', async () => {
  const created = await acme.agent.post('/api/definitions').send({ definition: flow('never-published') });
  const discarded = await acme.agent.delete(`/api/definitions/${created.body.id}/draft`);
  expect([discarded.status, discarded.body.definition_deleted]).toEqual([200, true]);
  expect(await h.db.knex('workflow_definitions').where({ company_id: acme.companyId, key: 'never-published' })).toHaveLength(0);
  expect((await acme.agent.get(`/api/definitions/${created.body.id}`)).status).toBe(404);
  const published = await acme.agent.post('/api/definitions').send({ definition: flow('no-draft-left') });
  await acme.agent.post(`/api/definitions/${published.body.id}/publish`).expect(200);
  const nothing = await acme.agent.delete(`/api/definitions/${published.body.id}/draft`);
  expect([nothing.status, nothing.body.code]).toEqual([409, 'no_draft']);
  expect(await h.db.knex('workflow_definition_versions').where({ company_id: acme.companyId, definition_id: published.body.id }).pluck('status')).toEqual(['published']);
});
