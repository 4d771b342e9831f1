import type Koa from 'koa';
import { ProblemError } from './problem';

export const DEFAULT_BODY_LIMIT_BYTES = 100 * 1024;

/**
 * Reads a JSON request body with a hard size limit. A declared Content-Length over the limit is refused before
 * reading; a chunked body is counted as it arrives and the rest is drained, never buffered.
 */
export async function readJsonBody(ctx: Koa.Context, limitBytes: number): Promise<unknown> {
  const declared = Number(ctx.get('content-length') || '0');
  const chunked = /chunked/i.test(ctx.get('transfer-encoding'));
  if (!chunked && declared === 0) return undefined;
  if (!ctx.is('application/json', 'application/*+json')) {
    ctx.req.resume();
    throw new ProblemError(415, 'unsupported_media_type', 'Send the body as application/json');
  }
  // JSON is UTF-8 (RFC 8259) and the body is read as sent: another charset or a compressed body would be misread.
  const charset = ctx.request.charset;
  const encoding = ctx.get('content-encoding').trim().toLowerCase();
  if ((charset && charset.toLowerCase() !== 'utf-8' && charset.toLowerCase() !== 'utf8') || (encoding && encoding !== 'identity')) {
    ctx.req.resume();
    throw new ProblemError(415, 'unsupported_media_type', 'Send the body as uncompressed UTF-8 application/json');
  }
  if (declared > limitBytes) {
    ctx.req.resume();
    throw tooLarge(limitBytes);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let overflow = false;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) overflow = true;
    if (!overflow) chunks.push(chunk);
  }
  if (overflow) throw tooLarge(limitBytes);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new ProblemError(400, 'malformed_json', `The body is not valid JSON: ${(error as Error).message}`);
  }
  if (nestingDepth(body) > MAX_NESTING_DEPTH) {
    throw new ProblemError(400, 'validation_failed', `The body nests objects and lists more than ${MAX_NESTING_DEPTH} levels deep`, [{ in: 'body', pointer: '#', message: `nests more than ${MAX_NESTING_DEPTH} levels` }]);
  }
  return body;
}

/** Three times the deepest built-in definition; far deeper values exhaust the database's stack in jsonb columns (a 500). */
export const MAX_NESTING_DEPTH = 64;

/** How deep objects and lists nest, walked without recursion so a hostile body cannot exhaust our stack either. */
function nestingDepth(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > MAX_NESTING_DEPTH) return deepest;
    for (const child of Object.values(current as Record<string, unknown>)) pending.push([child, depth + 1]);
  }
  return deepest;
}

function tooLarge(limitBytes: number): ProblemError {
  return new ProblemError(413, 'payload_too_large', `The body is larger than ${limitBytes} bytes`);
}
