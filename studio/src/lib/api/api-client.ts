/**
 * The studio's one way to call the Ledgerflow API. It sends the session cookie, adds the CSRF header that
 * cookie-authenticated writes need, and turns every problem+json answer into an ApiError whose message is words a
 * tenant admin can act on (never a bare status code).
 */

export interface ProblemFieldError {
  in?: string;
  pointer: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: ProblemFieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Fetcher = (input: string, init: RequestInit) => Promise<Response>;

const CSRF_COOKIE = 'lf_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Reads one cookie from a `document.cookie`-style string. */
export function readCookie(cookies: string, name: string): string | undefined {
  for (const part of cookies.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

const WORDS_BY_STATUS: Record<number, string> = {
  401: 'You are not signed in, or your session has ended. Sign in again.',
  403: 'Your role does not allow this.',
  404: 'Not found: it may have been deleted, or it belongs to another workspace.',
  409: 'This conflicts with the current state; reload and try again.',
  413: 'What you sent is too large.',
  429: 'Too many attempts; wait a moment and try again.',
  503: 'A service the API needs is not reachable right now.',
};

/** The message shown for a failed answer: the problem's own detail when it has one, else words for the status. */
export function problemToError(status: number, problem: unknown): ApiError {
  const body = (problem && typeof problem === 'object' ? problem : {}) as Record<string, unknown>;
  const code = typeof body.code === 'string' ? body.code : `http_${status}`;
  const fieldErrors = Array.isArray(body.errors) ? (body.errors as ProblemFieldError[]).filter((e) => e && typeof e.message === 'string') : [];
  const detail = typeof body.detail === 'string' && body.detail ? body.detail : typeof body.title === 'string' ? body.title : undefined;
  const fallback = WORDS_BY_STATUS[status] ?? (status >= 500 ? 'The server could not complete this request. Try again; if it keeps failing, tell your administrator.' : `The request was refused (${status}).`);
  return new ApiError(status, code, detail ?? fallback, fieldErrors);
}

export interface ApiClientOptions {
  /** Prefix for every path; '' when the studio is served by the API itself. */
  baseUrl?: string;
  fetcher?: Fetcher;
  cookies?: () => string;
  /**
   * Called when a signed-in call answers 401: the session ran out or was revoked elsewhere, so the studio should
   * send the person to sign in (and back afterwards) instead of showing every page's request failing.
   */
  onSessionLost?: () => void;
}

// Sign-in answers 401 for a wrong password, and /me is how the session finds out it is signed out: neither is a lost session.
const PATHS_THAT_MAY_ANSWER_401 = ['/api/auth/sign-in', '/api/auth/me', '/api/auth/sign-out'];

export interface ApiClient {
  request<T>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<T>;
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown, headers?: Record<string, string>): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  delete<T>(path: string): Promise<T>;
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? '';
  const fetcher: Fetcher = options.fetcher ?? ((input, init) => fetch(input, init));
  const cookies = options.cookies ?? (() => (typeof document === 'undefined' ? '' : document.cookie));

  async function request<T>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
    const upper = method.toUpperCase();
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json', ...extraHeaders };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (!SAFE_METHODS.has(upper)) {
      const csrf = readCookie(cookies(), CSRF_COOKIE);
      if (csrf) headers['x-csrf-token'] = csrf;
    }
    let response: Response;
    try {
      response = await fetcher(`${baseUrl}${path}`, { method: upper, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new ApiError(0, 'network_error', 'The API could not be reached. Check your connection and that Ledgerflow is running.');
    }
    const text = await response.text();
    let parsed: unknown = undefined;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
    }
    if (response.status === 401 && !PATHS_THAT_MAY_ANSWER_401.some((open) => path.startsWith(open))) options.onSessionLost?.();
    if (!response.ok) throw problemToError(response.status, parsed);
    return parsed as T;
  }

  return {
    request,
    get: (path) => request('GET', path),
    post: (path, body, headers) => request('POST', path, body, headers),
    patch: (path, body) => request('PATCH', path, body),
    delete: (path) => request('DELETE', path),
  };
}

const sessionLostListeners = new Set<() => void>();

/** Lets the session hear that a call found it gone (kept here so the client does not import the session). */
export function onSessionLost(listener: () => void): () => void {
  sessionLostListeners.add(listener);
  return () => sessionLostListeners.delete(listener);
}

/** The client the studio's pages share. */
export const api = createApiClient({ onSessionLost: () => sessionLostListeners.forEach((listener) => listener()) });

/** Builds a query string from the defined, non-empty values only. */
export function queryString(values: Record<string, string | number | boolean | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}
