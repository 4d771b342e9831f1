import { createHash } from 'node:crypto';
import { insertRow } from '../helpers/tenant-fixtures';
import { createApiHarness, signUpCompany, type ApiHarness, type SignedIn } from './helpers/api-harness';

let h: ApiHarness;
let acme: SignedIn;
let contactId: string;
const MIB = 1024 * 1024;

beforeAll(async () => {
  h = await createApiHarness();
  acme = await signUpCompany(h.server, 'docs');
  contactId = await insertRow(h.db.knex, 'contacts', { company_id: acme.companyId, name: 'Document Customer' });
});
afterAll(() => h.close());

const upload = (bytes: Buffer, extra: Record<string, unknown> = {}) =>
  acme.agent.post('/api/documents').send({ entity_type: 'contact', entity_id: contactId, file_name: 'contrato assinado.pdf', content_type: 'application/pdf', content_base64: bytes.toString('base64'), ...extra });

/** Every byte value, so a download that mangled binary content would differ. */
function binaryFile(size: number): Buffer {
  return Buffer.from(Array.from({ length: size }, (_, index) => (index * 7) % 256));
}

test('an uploaded file is stored with its size and hash and downloads byte for byte as an attachment', async () => {
  const bytes = binaryFile(70_000);
  const stored = await upload(bytes);
  expect(stored.status).toBe(201);
  expect(stored.body).toMatchObject({ entity_type: 'contact', entity_id: contactId, file_name: 'contrato assinado.pdf', content_type: 'application/pdf', size_bytes: 70_000, uploaded_by: acme.userId });
  const row = await h.db.knex('document_contents').where({ document_id: stored.body.id }).first('sha256');
  expect(row.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  const download = await acme.agent.get(`/api/documents/${stored.body.id}/content`).buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => done(null, Buffer.concat(chunks)));
  });
  expect(download.status).toBe(200);
  expect(Buffer.compare(download.body as Buffer, bytes)).toBe(0);
  expect(download.headers['content-type']).toBe('application/pdf');
  expect(download.headers['content-disposition']).toBe(`attachment; filename="contrato assinado.pdf"; filename*=UTF-8''contrato%20assinado.pdf`);
  expect(download.headers['x-content-type-options']).toBe('nosniff');
});

test('a file of exactly 5 MiB is accepted; one byte more is a 413 problem and nothing is stored', async () => {
  expect((await upload(Buffer.alloc(5 * MIB, 1))).status).toBe(201);
  const before = await h.db.knex('documents').where({ company_id: acme.companyId }).count({ n: '*' }).first();
  const refused = await upload(Buffer.alloc(5 * MIB + 1, 1));
  expect(refused.status).toBe(413);
  expect(refused.body).toMatchObject({ code: 'payload_too_large', detail: 'The document is 5242881 bytes; the most a document may hold is 5242880 bytes (5 MiB)' });
  expect(await h.db.knex('documents').where({ company_id: acme.companyId }).count({ n: '*' }).first()).toEqual(before);
});

test('content that is not base64 is a 400 pointing at content_base64', async () => {
  for (const content of ['not base64!', 'abc']) {
    const response = await upload(Buffer.alloc(0), { content_base64: content });
    expect([content, response.status, response.body.errors[0].pointer]).toEqual([content, 400, '#/content_base64']);
  }
});

test('a file name with a path or a quote is refused, so it can never break out of Content-Disposition', async () => {
  for (const fileName of ['../etc/passwd', 'a"b.pdf', 'line\nbreak.pdf']) {
    const response = await upload(Buffer.from('x'), { file_name: fileName });
    expect([fileName, response.status, response.body.errors[0].pointer]).toEqual([fileName, 400, '#/file_name']);
  }
});

test("a document onto another tenant's contact is a 422 reference_not_found, and their download is a 404", async () => {
  const globex = await signUpCompany(h.server, 'docs-other');
  const theirContact = await insertRow(h.db.knex, 'contacts', { company_id: globex.companyId, name: 'Other' });
  const refused = await upload(Buffer.from('x'), { entity_id: theirContact });
  expect([refused.status, refused.body.code, refused.body.errors[0].pointer]).toEqual([422, 'reference_not_found', '#/entity_id']);
  const theirs = await globex.agent.post('/api/documents').send({ entity_type: 'contact', entity_id: theirContact, file_name: 'x.txt', content_type: 'text/plain', content_base64: 'eA==' });
  expect(theirs.status).toBe(201);
  expect((await acme.agent.get(`/api/documents/${theirs.body.id}/content`)).status).toBe(404);
});

test('deleting a document deletes its bytes', async () => {
  const stored = await upload(Buffer.from('short-lived'));
  expect((await acme.agent.delete(`/api/documents/${stored.body.id}`)).status).toBe(204);
  expect(await h.db.knex('document_contents').where({ document_id: stored.body.id })).toHaveLength(0);
});
