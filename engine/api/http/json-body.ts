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
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ProblemError(400, 'malformed_json', `The body is not valid JSON: ${(error as Error).message}`);
  }
}

function tooLarge(limitBytes: number): ProblemError {
  return new ProblemError(413, 'payload_too_large', `The body is larger than ${limitBytes} bytes`);
}
