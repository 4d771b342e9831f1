import { createHash, randomUUID } from 'node:crypto';
import { Document, DocumentContent } from '../../db/models';
import { ATTACHMENT_HOST_TYPES } from '../../db/models/attachment-host-types';
import { ATTACHMENT_HOSTS } from '../../db/schema-helpers/attachment-hosts';
import type { TenantScope } from '../../db/tenant-scope';
import { notFound, ProblemError } from '../http/problem';
import { PLACEHOLDER_ID } from '../resources/resource-definition';
import { rowSchema } from '../resources/resource-schemas';
import type { RouteDefinition } from '../routing/route-definition';
import { closedObject, idParams, uuidString } from '../routing/schema-helpers';

export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
// Base64 carries 3 bytes in 4 characters; the rest of the body (names, type) fits in the margin.
const UPLOAD_BODY_LIMIT = Math.ceil(MAX_DOCUMENT_BYTES / 3) * 4 + 16 * 1024;
const TOKEN = "[A-Za-z0-9!#$&^_.+-]+";

const uploadBody = closedObject(
  {
    entity_type: { type: 'string', enum: ATTACHMENT_HOST_TYPES },
    entity_id: uuidString,
    // No path separators or control characters: the name is echoed in Content-Disposition on download.
    file_name: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[^/\\\\\\u0000-\\u001f\\u007f"]+$' },
    content_type: { type: 'string', maxLength: 127, pattern: `^${TOKEN}/${TOKEN}$` },
    content_base64: { type: 'string', maxLength: UPLOAD_BODY_LIMIT, pattern: '^[A-Za-z0-9+/]*={0,2}$' },
  },
  ['entity_type', 'entity_id', 'file_name', 'content_type', 'content_base64'],
);

interface UploadBody {
  entity_type: keyof typeof ATTACHMENT_HOSTS;
  entity_id: string;
  file_name: string;
  content_type: string;
  content_base64: string;
}

function decodeContent(text: string): Buffer {
  if (text.length % 4 !== 0) throw new ProblemError(400, 'validation_failed', 'content_base64 is not padded base64', [{ in: 'body', pointer: '#/content_base64', message: 'is not padded base64 (length must be a multiple of 4)' }]);
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length > MAX_DOCUMENT_BYTES) throw new ProblemError(413, 'payload_too_large', `The document is ${bytes.length} bytes; the most a document may hold is ${MAX_DOCUMENT_BYTES} bytes (5 MiB)`);
  return bytes;
}

/** The host row must be this tenant's: answered as a plain 422 before the database's own check would refuse it. */
async function requireHost(scope: TenantScope, body: UploadBody): Promise<void> {
  const table = ATTACHMENT_HOSTS[body.entity_type];
  if (!(await scope.knex(table).where({ company_id: scope.companyId, id: body.entity_id }).first('id'))) {
    throw new ProblemError(422, 'reference_not_found', `No ${body.entity_type.replace(/_/g, ' ')} with this id`, [{ in: 'body', pointer: '#/entity_id', message: `names no ${table} row of this company` }]);
  }
}

/** RFC 6266 filename*: the name survives any characters, and quotes cannot break out of the header. */
function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Uploading a file as JSON (base64, at most 5 MiB) onto a host row, and downloading it. The bytes live in
 * document_contents beside the record until object storage exists; storage_key says where.
 */
export function documentRoutes(): RouteDefinition[] {
  return [
    {
      operationId: 'uploadDocument',
      method: 'post',
      path: '/api/documents',
      summary: 'Upload a document onto a contact, invoice, contract… as JSON with base64 content, at most 5 MiB (413 beyond)',
      tag: 'CRM',
      access: { permission: 'documents.write' },
      body: uploadBody,
      bodyLimitBytes: UPLOAD_BODY_LIMIT,
      bodyExample: { entity_type: 'contact', entity_id: PLACEHOLDER_ID, file_name: 'signed-contract.pdf', content_type: 'application/pdf', content_base64: Buffer.from('%PDF-1.7\n').toString('base64') },
      responses: { 201: { description: 'Stored', schema: rowSchema({ table: 'documents', model: Document, tag: 'CRM', summary: 'documents', filters: [] }) } },
      handler: async ({ scope, body, caller }) => {
        const upload = body as UploadBody;
        const content = decodeContent(upload.content_base64);
        await requireHost(scope!, upload);
        const id = randomUUID();
        const stored = await scope!.transaction(async (tx) => {
          const document = await tx.query(Document).insertAndFetch({
            id, entity_type: upload.entity_type, entity_id: upload.entity_id, file_name: upload.file_name, content_type: upload.content_type,
            size_bytes: content.length, storage_key: `document_contents/${id}`, uploaded_by: caller?.userId ?? null,
          });
          await tx.query(DocumentContent).insert({ document_id: id, content, sha256: createHash('sha256').update(content).digest('hex') });
          return document;
        });
        return { status: 201, body: stored.toJSON(), headers: { Location: `/api/documents/${id}` } };
      },
    },
    {
      operationId: 'downloadDocument',
      method: 'get',
      path: '/api/documents/:id/content',
      summary: "Download a document's bytes, as an attachment with its content type",
      tag: 'CRM',
      access: { permission: 'documents.read' },
      params: idParams,
      resourceTable: 'documents',
      responses: { 200: { description: 'The file (not JSON)' } },
      handler: async ({ scope, params }) => {
        const document = await scope!.query(Document).findById(params.id);
        const stored = document && (await scope!.query(DocumentContent).findOne({ document_id: params.id }));
        if (!document || !stored) throw notFound('document content');
        return {
          body: stored.content,
          headers: {
            'Content-Type': document.content_type,
            'Content-Disposition': attachmentDisposition(document.file_name),
            // Uploaded content is never rendered as the API's own page, whatever type it claims.
            'X-Content-Type-Options': 'nosniff',
            'Content-Security-Policy': "sandbox; default-src 'none'",
            ETag: `"${stored.sha256}"`,
          },
        };
      },
    },
  ];
}
