import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { isPrivateAddress, publicOnlyLookup } from './public-address';

export interface PostOutcome {
  /** A 2xx answer: the receiver has the event. */
  ok: boolean;
  /** The receiver's status code; null when no answer came (refused, timed out, unresolvable). */
  responseStatus: number | null;
  /** Why it failed, as a code safe to log: `http_500`, `timeout`, `ECONNREFUSED`, `private_address`, … */
  failure: string | null;
}

export interface PostOptions {
  timeoutMs: number;
  /** Allow loopback and private-network receivers: a developer's machine or a single-tenant install, never a shared one. */
  allowPrivateNetworks?: boolean;
}

/**
 * POSTs one webhook body. Redirects are not followed (a 3xx is a failed attempt), so a delivery goes only to the URL
 * the tenant registered, and, unless allowed, never to a private or loopback address. The answer's body is discarded.
 */
export async function postWebhook(url: string, body: string, headers: Record<string, string>, options: PostOptions): Promise<PostOutcome> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return failed('invalid_url');
  }
  // The database holds endpoints to http(s) already; this keeps any other scheme from ever being requested.
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return failed('unsupported_scheme');
  const host = target.hostname.replace(/^\[|\]$/g, '');
  // An IP literal is connected to without a lookup, so it is checked here.
  if (!options.allowPrivateNetworks && net.isIP(host) && isPrivateAddress(host)) return failed('private_address');
  const client = target.protocol === 'https:' ? https : http;
  return new Promise<PostOutcome>((resolve) => {
    const request = client.request(target, {
      method: 'POST',
      headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
      // A connection per request, closed after it: receivers are many tenants' servers, none worth keeping a socket to.
      agent: false,
      ...(options.allowPrivateNetworks ? {} : { lookup: publicOnlyLookup }),
    });
    const timer = setTimeout(() => request.destroy(Object.assign(new Error('timed out'), { code: 'TIMEOUT' })), options.timeoutMs);
    request.on('response', (response) => {
      clearTimeout(timer);
      // The status is all that is recorded; the body is not read, so an endless one cannot hold the worker.
      response.on('error', () => undefined);
      response.destroy();
      const status = response.statusCode ?? 0;
      const ok = status >= 200 && status < 300;
      resolve({ ok, responseStatus: status, failure: ok ? null : `http_${status}` });
    });
    request.on('error', (error) => {
      clearTimeout(timer);
      resolve(failed(failureCode(error)));
    });
    request.end(body);
  });
}

function failed(failure: string): PostOutcome {
  return { ok: false, responseStatus: null, failure };
}

// Codes, never messages: a message can quote the URL, whose query string may hold the receiver's own token.
function failureCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'TIMEOUT') return 'timeout';
  if (code === 'EPRIVATEADDRESS') return 'private_address';
  return typeof code === 'string' && /^[A-Z_]{2,40}$/.test(code) ? code : 'network_error';
}
