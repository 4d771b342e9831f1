export interface PostOutcome {
  /** A 2xx answer: the receiver has the event. */
  ok: boolean;
  /** The receiver's status code; null when no answer came (refused, timed out, unresolvable). */
  responseStatus: number | null;
  /** Why it failed, as a code safe to log: `http_500`, `timeout`, `ECONNREFUSED`, … */
  failure: string | null;
}

/**
 * POSTs one webhook body. Redirects are not followed (a 3xx is a failed attempt), so a delivery goes only to the URL
 * the tenant registered; the receiver's answer body is discarded unread.
 */
export async function postWebhook(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<PostOutcome> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { ok: false, responseStatus: null, failure: 'invalid_url' };
  }
  // The database holds endpoints to http(s) already; this keeps any other scheme from ever being fetched.
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return { ok: false, responseStatus: null, failure: 'unsupported_scheme' };
  try {
    const response = await fetch(target, { method: 'POST', body, headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel().catch(() => undefined);
    const ok = response.status >= 200 && response.status < 300;
    return { ok, responseStatus: response.status, failure: ok ? null : `http_${response.status}` };
  } catch (error) {
    return { ok: false, responseStatus: null, failure: failureCode(error) };
  }
}

// Codes, never messages: a message can quote the URL, whose query string may hold the receiver's own token.
// Read by shape, not instanceof: fetch's errors come from another realm under test runners.
function failureCode(error: unknown): string {
  const { name, cause } = (error ?? {}) as { name?: unknown; cause?: { code?: unknown } };
  if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
  if (typeof cause?.code === 'string' && /^[A-Z_]{2,40}$/.test(cause.code)) return cause.code;
  return 'network_error';
}
