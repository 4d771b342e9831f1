import { ApiError, createApiClient, problemToError, queryString, readCookie, type Fetcher } from './api-client';

function recordingFetcher(status: number, body: unknown, contentType = 'application/json') {
  const calls: Array<{ input: string; init: RequestInit }> = [];
  const fetcher: Fetcher = async (input, init) => {
    calls.push({ input, init });
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': contentType } });
  };
  return { calls, fetcher };
}

describe('api client', () => {
  it('sends the CSRF cookie as a header on writes but not on reads', async () => {
    const { calls, fetcher } = recordingFetcher(200, { ok: true });
    const client = createApiClient({ fetcher, cookies: () => 'theme=dark; lf_csrf=abc%3D123' });
    await client.get('/api/runs');
    await client.post('/api/runs', { definition_key: 'dunning' });
    const readHeaders = calls[0].init.headers as Record<string, string>;
    const writeHeaders = calls[1].init.headers as Record<string, string>;
    expect(readHeaders['x-csrf-token']).toBeUndefined();
    expect(writeHeaders['x-csrf-token']).toBe('abc=123');
    expect(writeHeaders['content-type']).toBe('application/json');
    expect(calls[1].init.body).toBe('{"definition_key":"dunning"}');
  });

  it('turns a problem answer into an ApiError with its detail and field pointers', async () => {
    const problem = { code: 'validation_failed', detail: 'The body is not valid.', errors: [{ in: 'body', pointer: '/steps/0/duration', message: 'must match format duration' }] };
    const { fetcher } = recordingFetcher(400, problem, 'application/problem+json');
    const client = createApiClient({ fetcher, cookies: () => '' });
    const failure = await client.post('/api/definitions', {}).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 400, code: 'validation_failed', message: 'The body is not valid.' });
    expect((failure as ApiError).fieldErrors).toEqual(problem.errors);
  });

  it('explains statuses in words when the answer has no detail', () => {
    expect(problemToError(401, undefined).message).toMatch(/not signed in/);
    expect(problemToError(403, {}).message).toMatch(/role does not allow/);
    expect(problemToError(502, 'not json').message).toMatch(/could not complete/);
  });

  it('reports an unreachable API as a network error in words', async () => {
    const client = createApiClient({ fetcher: async () => { throw new TypeError('Failed to fetch'); }, cookies: () => '' });
    await expect(client.get('/api/runs')).rejects.toMatchObject({ status: 0, code: 'network_error', message: expect.stringMatching(/could not be reached/) });
  });

  it('returns undefined for an empty 204 answer', async () => {
    const { fetcher } = recordingFetcher(204, undefined);
    await expect(createApiClient({ fetcher, cookies: () => '' }).post('/api/auth/sign-out')).resolves.toBeUndefined();
  });

  it('reads cookies and builds query strings from non-empty values only', () => {
    expect(readCookie('a=1; lf_csrf=x', 'lf_csrf')).toBe('x');
    expect(readCookie('a=1', 'lf_csrf')).toBeUndefined();
    expect(queryString({ status: 'running', entity: '', limit: 20, x: undefined })).toBe('?status=running&limit=20');
  });

  it('reports a 401 from a signed-in call as a lost session, but not a refused sign-in or the session check itself', async () => {
    const { fetcher } = recordingFetcher(401, { code: 'unauthenticated' });
    let lost = 0;
    const client = createApiClient({ fetcher, cookies: () => '', onSessionLost: () => (lost += 1) });
    await expect(client.post('/api/auth/sign-in', { email: 'a@b.test', password: 'x' })).rejects.toMatchObject({ status: 401 });
    await expect(client.get('/api/auth/me')).rejects.toMatchObject({ status: 401 });
    expect(lost).toBe(0);
    await expect(client.get('/api/runs')).rejects.toMatchObject({ status: 401 });
    expect(lost).toBe(1);
  });
});
