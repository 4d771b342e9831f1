import { addUser, createApiHarness, signUpCompany, type ApiHarness, type SignedIn } from './helpers/api-harness';

let h: ApiHarness;
let acme: SignedIn;
let globex: SignedIn;
let contactId: string;
let colleague: string;
beforeAll(async () => {
  h = await createApiHarness();
  acme = await signUpCompany(h.server, 'inbox-acme');
  globex = await signUpCompany(h.server, 'inbox-globex');
  colleague = await addUser(h.db.knex, acme.companyId, 'colleague@inbox-acme.test', 'operator');
  const contact = await acme.agent.post('/api/contacts').send({ name: 'Inbox customer' });
  expect(contact.status).toBe(201);
  contactId = contact.body.id;
});
afterAll(() => h.close());

const createTask = async (agent: SignedIn, fields: Record<string, unknown>) => {
  const response = await agent.agent.post('/api/tasks').send({ entity_type: 'contact', entity_id: contactId, ...fields });
  expect(response.status).toBe(201);
  return response.body.id as string;
};

const titles = async (agent: SignedIn, query: string) => {
  const response = await agent.agent.get(`/api/tasks?${query}`);
  expect(response.status).toBe(200);
  return response.body.data.map((task: { title: string }) => task.title).sort();
};

test('tasks filter by status, assignee, assigned role and kind, and the filters combine', async () => {
  await createTask(acme, { title: 'mine open', assigned_to: acme.userId });
  const done = await createTask(acme, { title: 'mine done', assigned_to: acme.userId });
  expect((await acme.agent.patch(`/api/tasks/${done}`).send({ status: 'done' })).status).toBe(200);
  await createTask(acme, { title: 'theirs open', assigned_to: colleague, kind: 'collection' });
  await createTask(acme, { title: 'owners open', assigned_role_key: 'owner', kind: 'collection' });
  await createTask(acme, { title: 'operators open', assigned_role_key: 'operator' });

  expect(await titles(acme, 'status=open')).toEqual(['mine open', 'operators open', 'owners open', 'theirs open']);
  expect(await titles(acme, `status=open&assigned_to=${acme.userId}`)).toEqual(['mine open']);
  expect(await titles(acme, `status=done&assigned_to=${acme.userId}`)).toEqual(['mine done']);
  expect(await titles(acme, 'status=open&assigned_role_key=owner')).toEqual(['owners open']);
  expect(await titles(acme, 'kind=collection')).toEqual(['owners open', 'theirs open']);
  expect(await titles(globex, 'status=open')).toEqual([]);
});

test('an unknown status or kind is a 400 problem naming the filter', async () => {
  const response = await acme.agent.get('/api/tasks?status=sleeping&kind=chore');
  expect(response.status).toBe(400);
  expect(response.body.errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual(['#/kind', '#/status']);
});

test('open tasks of one role come a page at a time, each exactly once', async () => {
  const made: string[] = [];
  for (let i = 0; i < 7; i += 1) made.push(await createTask(acme, { title: `paged ${i}`, assigned_role_key: 'designer' }));
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const response = await acme.agent.get(`/api/tasks?status=open&assigned_role_key=designer&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
    seen.push(...response.body.data.map((task: { id: string }) => task.id));
    cursor = response.body.next_cursor;
  } while (cursor);
  expect(seen.sort()).toEqual(made.sort());
});
