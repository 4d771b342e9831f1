import { insertRow } from '../helpers/tenant-fixtures';
import { addUser, createApiHarness, signInAs, signUpCompany, type ApiHarness, type SignedIn } from './helpers/api-harness';

let h: ApiHarness;
let owner: SignedIn;
let colleague: SignedIn;

beforeAll(async () => {
  h = await createApiHarness();
  owner = await signUpCompany(h.server, 'notify');
  await addUser(h.db.knex, owner.companyId, 'viewer@notify.test', 'viewer');
  colleague = await signInAs(h.server, 'viewer@notify.test', 'notify');
});
afterAll(() => h.close());

const notify = (user: SignedIn, title: string, createdAt: string) =>
  insertRow(h.db.knex, 'notifications', { company_id: user.companyId, user_id: user.userId, kind: 'run.task', title, created_at: createdAt });

test('a user lists only their own notifications, newest first, and unread=true leaves out the read ones', async () => {
  const older = await notify(owner, 'Approve refund', '2026-11-20T09:00:00Z');
  const newer = await notify(owner, 'Invoice overdue', '2026-11-21T09:00:00Z');
  const theirs = await notify(colleague, 'Not for the owner', '2026-11-22T09:00:00Z');
  await h.db.knex('notifications').where({ id: older }).update({ read_at: '2026-11-20T10:00:00Z' });
  const all = await owner.agent.get('/api/notifications');
  expect(all.status).toBe(200);
  expect(all.body.data.map((row: { id: string }) => row.id)).toEqual([newer, older]);
  expect(all.text).not.toContain(theirs);
  const unread = await owner.agent.get('/api/notifications?unread=true');
  expect(unread.body.data.map((row: { id: string }) => row.id)).toEqual([newer]);
  const read = await owner.agent.get('/api/notifications?unread=false');
  expect(read.body.data.map((row: { id: string }) => row.id)).toEqual([older]);
});

test("marking read sets read_at once; another user's notification in the same company is a 404 and stays unread", async () => {
  const mine = await notify(owner, 'Run failed', '2026-11-23T09:00:00Z');
  const theirs = await notify(colleague, 'Task assigned', '2026-11-23T09:00:00Z');
  const first = await owner.agent.post(`/api/notifications/${mine}/read`).send({});
  expect(first.status).toBe(200);
  expect(first.body.read_at).not.toBeNull();
  const again = await owner.agent.post(`/api/notifications/${mine}/read`).send({});
  expect(again.body.read_at).toBe(first.body.read_at);
  const refused = await owner.agent.post(`/api/notifications/${theirs}/read`).send({});
  expect([refused.status, refused.body.code]).toEqual([404, 'not_found']);
  expect((await h.db.knex('notifications').where({ id: theirs }).first('read_at')).read_at).toBeNull();
});

test("read-all marks every unread notification of the caller and none of a colleague's, and says how many", async () => {
  const before = await h.db.knex('notifications').where({ user_id: owner.userId }).whereNull('read_at').count({ n: '*' }).first();
  const colleagueUnread = await h.db.knex('notifications').where({ user_id: colleague.userId }).whereNull('read_at').pluck('id');
  const response = await owner.agent.post('/api/notifications/read-all').send({});
  expect(response.body).toEqual({ marked: Number(before!.n) });
  expect(Number(before!.n)).toBeGreaterThan(0);
  expect(await h.db.knex('notifications').where({ user_id: owner.userId }).whereNull('read_at')).toHaveLength(0);
  expect(await h.db.knex('notifications').where({ user_id: colleague.userId }).whereNull('read_at').pluck('id')).toEqual(colleagueUnread);
});

test('an API key has no user, so it has no notifications: 403 problem', async () => {
  const minted = await owner.agent.post('/api/api-keys').send({ name: 'ci', role: 'viewer' });
  const response = await owner.agent.get('/api/notifications').set('Authorization', `Bearer ${minted.body.token}`);
  expect(response.status).toBe(403);
});
